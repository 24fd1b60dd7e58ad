import { CnnCompare } from './cnn-compare.component.js';

export * from './cnn-compare.component.js';

if (!customElements.get('cnn-compare')) customElements.define('cnn-compare', CnnCompare);

declare global {
  interface HTMLElementTagNameMap {
    'cnn-compare': CnnCompare;
  }
}
