/**
 * Layer constructors that read like PyTorch: `Conv2d(1, 6, 5, { padding: 2 })`.
 * Each returns a plain config object; defaults stay implicit, as in PyTorch.
 */
import type {
  AdaptiveAvgPool2dConfig,
  AddConfig,
  AvgPool2dConfig,
  BatchNorm2dConfig,
  ConcatConfig,
  Conv2dConfig,
  DropoutConfig,
  FlattenConfig,
  IntOrPair,
  LinearConfig,
  LocalResponseNormConfig,
  MaxPool2dConfig,
  ReLUConfig,
  SigmoidConfig,
  SoftmaxConfig,
  TanhConfig,
} from './types.js';

type Opts<T> = Omit<T, 'kind'>;

export const Conv2d = (in_channels: number, out_channels: number, kernel_size: IntOrPair, opts: Partial<Opts<Conv2dConfig>> = {}): Conv2dConfig => ({
  kind: 'Conv2d',
  in_channels,
  out_channels,
  kernel_size,
  ...opts,
});

/** `MaxPool2d(3, 2)` is kernel 3, stride 2, as in PyTorch's positional form. */
export const MaxPool2d = (kernel_size: IntOrPair, stride?: IntOrPair | Partial<Opts<MaxPool2dConfig>>, opts: Partial<Opts<MaxPool2dConfig>> = {}): MaxPool2dConfig =>
  typeof stride === 'object' && !Array.isArray(stride)
    ? { kind: 'MaxPool2d', kernel_size, ...(stride as Partial<Opts<MaxPool2dConfig>>) }
    : { kind: 'MaxPool2d', kernel_size, ...(stride !== undefined ? { stride: stride as IntOrPair } : {}), ...opts };

export const AvgPool2d = (kernel_size: IntOrPair, stride?: IntOrPair | Partial<Opts<AvgPool2dConfig>>, opts: Partial<Opts<AvgPool2dConfig>> = {}): AvgPool2dConfig =>
  typeof stride === 'object' && !Array.isArray(stride)
    ? { kind: 'AvgPool2d', kernel_size, ...(stride as Partial<Opts<AvgPool2dConfig>>) }
    : { kind: 'AvgPool2d', kernel_size, ...(stride !== undefined ? { stride: stride as IntOrPair } : {}), ...opts };

export const AdaptiveAvgPool2d = (output_size: AdaptiveAvgPool2dConfig['output_size']): AdaptiveAvgPool2dConfig => ({ kind: 'AdaptiveAvgPool2d', output_size });

export const Linear = (in_features: number, out_features: number, opts: Partial<Opts<LinearConfig>> = {}): LinearConfig => ({ kind: 'Linear', in_features, out_features, ...opts });

export const Flatten = (opts: Partial<Opts<FlattenConfig>> = {}): FlattenConfig => ({ kind: 'Flatten', ...opts });
export const ReLU = (opts: Partial<Opts<ReLUConfig>> = {}): ReLUConfig => ({ kind: 'ReLU', ...opts });
export const Tanh = (): TanhConfig => ({ kind: 'Tanh' });
export const Sigmoid = (): SigmoidConfig => ({ kind: 'Sigmoid' });
export const Softmax = (dim?: number): SoftmaxConfig => (dim === undefined ? { kind: 'Softmax' } : { kind: 'Softmax', dim });
export const Dropout = (p?: number): DropoutConfig => (p === undefined ? { kind: 'Dropout' } : { kind: 'Dropout', p });
export const BatchNorm2d = (num_features: number, opts: Partial<Opts<BatchNorm2dConfig>> = {}): BatchNorm2dConfig => ({ kind: 'BatchNorm2d', num_features, ...opts });
export const LocalResponseNorm = (size: number, opts: Partial<Opts<LocalResponseNormConfig>> = {}): LocalResponseNormConfig => ({ kind: 'LocalResponseNorm', size, ...opts });
export const Concat = (dim?: number): ConcatConfig => (dim === undefined ? { kind: 'Concat' } : { kind: 'Concat', dim });
export const Add = (): AddConfig => ({ kind: 'Add' });
