import { CnnGraph } from './cnn-graph.component.js';

export * from './cnn-graph.component.js';
export type * from './events.js';

if (!customElements.get('cnn-graph')) customElements.define('cnn-graph', CnnGraph);

declare global {
  interface HTMLElementTagNameMap {
    'cnn-graph': CnnGraph;
  }
}
