/**
 * Layer constructors that read like PyTorch: `Conv2d(1, 6, 5, { padding: 2 })`.
 * Each returns a plain config object; defaults stay implicit, as in PyTorch.
 * Every kind defines its own in its config.ts; this gathers them for the API.
 */
export { Conv2d, type Conv2dConfig } from './conv2d/config.js';
export { ConvTranspose2d, type ConvTranspose2dConfig } from './convtranspose2d/config.js';
export { MaxPool2d, type MaxPool2dConfig } from './maxpool2d/config.js';
export { AvgPool2d, type AvgPool2dConfig } from './avgpool2d/config.js';
export { AdaptiveAvgPool2d, type AdaptiveAvgPool2dConfig } from './adaptiveavgpool2d/config.js';
export { Upsample, type UpsampleConfig } from './upsample/config.js';
export { Linear, type LinearConfig } from './linear/config.js';
export { Flatten, type FlattenConfig } from './flatten/config.js';
export { ReLU, type ReLUConfig } from './relu/config.js';
export { Tanh, type TanhConfig } from './tanh/config.js';
export { Sigmoid, type SigmoidConfig } from './sigmoid/config.js';
export { Softmax, type SoftmaxConfig } from './softmax/config.js';
export { Dropout, type DropoutConfig } from './dropout/config.js';
export { BatchNorm2d, type BatchNorm2dConfig } from './batchnorm2d/config.js';
export { LocalResponseNorm, type LocalResponseNormConfig } from './localresponsenorm/config.js';
export { Concat, type ConcatConfig } from './concat/config.js';
export { Add, type AddConfig } from './add/config.js';
export { GELU, type GELUConfig } from './gelu/config.js';
export { LayerNorm, type LayerNormConfig } from './layernorm/config.js';
export { LayerNorm2d, type LayerNorm2dConfig } from './layernorm2d/config.js';
export { Permute, type PermuteConfig } from './permute/config.js';
export { Reshape, type ReshapeConfig } from './reshape/config.js';
export { Chunk, type ChunkConfig } from './chunk/config.js';
export { Split, type SplitConfig } from './split/config.js';
export { ChannelShuffle, type ChannelShuffleConfig } from './channelshuffle/config.js';
export { Parameter, type ParameterConfig } from './parameter/config.js';
export { Mul, type MulConfig } from './mul/config.js';
export { StochasticDepth, type StochasticDepthConfig } from './stochasticdepth/config.js';
export { ReLU6, type ReLU6Config } from './relu6/config.js';
export { Hardswish, type HardswishConfig } from './hardswish/config.js';
export { Hardsigmoid, type HardsigmoidConfig } from './hardsigmoid/config.js';
export { SiLU, type SiLUConfig } from './silu/config.js';
export { Dropout2d, type Dropout2dConfig } from './dropout2d/config.js';
export { LogSoftmax, type LogSoftmaxConfig } from './logsoftmax/config.js';
export { Mean, type MeanConfig } from './mean/config.js';
export { AdaptiveMaxPool2d, type AdaptiveMaxPool2dConfig } from './adaptivemaxpool2d/config.js';
