/** Browser-safe entry point of the training data module (Node loading lives in load-node.ts). */
export * from './idx.js';
export * from './dataset.js';
export * from './fashion.js';
export * from './checksums.js';
export * from './load.js';
