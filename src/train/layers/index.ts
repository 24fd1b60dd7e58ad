/**
 * Custom tfjs layers that give PyTorch's semantics where tfjs's own layers
 * differ. Importing this module registers them for (de)serialisation.
 */
export { AdaptiveAvgPool2d, adaptiveMatrix } from './adaptive.js';
export { TorchBatchNorm2d } from './batchnorm.js';
export { GroupedConv2d } from './conv.js';
export { TorchLocalResponseNorm } from './lrn.js';
export { MAX_POOL_PAD, TorchAvgPool2d, TorchMaxPool2d, avgPoolAxisScale } from './pool.js';
export { subsample, type Padding2D } from './common.js';
