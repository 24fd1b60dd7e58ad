import { CnnSummary } from './cnn-summary.component.js';

export * from './cnn-summary.component.js';

if (!customElements.get('cnn-summary')) customElements.define('cnn-summary', CnnSummary);

declare global {
  interface HTMLElementTagNameMap {
    'cnn-summary': CnnSummary;
  }
}
