/**
 * The train panel's entry (bundled to dist/cnn-train.js): defines
 * `<cnn-train>` only. It reads a `<cnn-graph for=…>` through that element's
 * public properties and never defines `<cnn-graph>` itself, so it can be
 * loaded beside dist/cnn-graph.js, or alone.
 */
import * as tf from '@tensorflow/tfjs';
import { CnnTrain } from './cnn-train.component.js';

export * from './cnn-train.component.js';
export { confusionColors, lineChart } from './charts.js';
export { chooseBackend, describeBackend, probeBackend, selectBackend, softwareRenderer, webglRenderer, type BackendInfo, type BackendName, type BackendWhy } from '../../train/backend.js';
export { resultRecord, type ResultRecord, type TrainProgress, type TrainResult } from '../../train/train.js';
/** The tfjs instance the panel trains with (one per page: use this one, not a second copy). */
export { tf };

if (!customElements.get('cnn-train')) customElements.define('cnn-train', CnnTrain);

declare global {
  interface HTMLElementTagNameMap {
    'cnn-train': CnnTrain;
  }
}
