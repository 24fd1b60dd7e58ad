/**
 * The network IR: a validated, topologically ordered list of leaf layers with
 * PyTorch-style dotted paths, plus the modules those paths imply.
 *
 * The JSON format (`format: "cnn-graph/1"`) is this same shape, except that
 * `inputs` may be omitted (meaning "the layer listed before").
 */

/** An int, or a (height, width) pair, as PyTorch's `_pair` accepts. */
export type IntOrPair = number | readonly [number, number];

/** A tensor shape without the batch dimension: `[C, H, W]` or `[F]`. */
export type Shape = readonly number[];

export const LAYER_KINDS = [
  'Conv2d',
  'MaxPool2d',
  'AvgPool2d',
  'AdaptiveAvgPool2d',
  'Linear',
  'Flatten',
  'ReLU',
  'Tanh',
  'Sigmoid',
  'Softmax',
  'Dropout',
  'BatchNorm2d',
  'LocalResponseNorm',
  'Concat',
  'Add',
] as const;

export type LayerKind = (typeof LAYER_KINDS)[number];

export interface Conv2dConfig {
  kind: 'Conv2d';
  in_channels: number;
  out_channels: number;
  kernel_size: IntOrPair;
  stride?: IntOrPair;
  /** An int, a pair, or PyTorch's string modes. */
  padding?: IntOrPair | 'same' | 'valid';
  dilation?: IntOrPair;
  groups?: number;
  bias?: boolean;
}

export interface MaxPool2dConfig {
  kind: 'MaxPool2d';
  kernel_size: IntOrPair;
  /** PyTorch default: `stride=None`, meaning `kernel_size`. */
  stride?: IntOrPair | null;
  padding?: IntOrPair;
  dilation?: IntOrPair;
  ceil_mode?: boolean;
}

export interface AvgPool2dConfig {
  kind: 'AvgPool2d';
  kernel_size: IntOrPair;
  stride?: IntOrPair | null;
  padding?: IntOrPair;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
}

export interface AdaptiveAvgPool2dConfig {
  kind: 'AdaptiveAvgPool2d';
  /** `null` in a pair keeps that input dimension, as in PyTorch. */
  output_size: number | readonly [number | null, number | null];
}

export interface LinearConfig {
  kind: 'Linear';
  in_features: number;
  out_features: number;
  bias?: boolean;
}

export interface FlattenConfig {
  kind: 'Flatten';
  /** Dimensions of the batched tensor, as in PyTorch (default 1 and -1). */
  start_dim?: number;
  end_dim?: number;
}

export interface ReLUConfig {
  kind: 'ReLU';
  inplace?: boolean;
}
export interface TanhConfig {
  kind: 'Tanh';
}
export interface SigmoidConfig {
  kind: 'Sigmoid';
}
export interface SoftmaxConfig {
  kind: 'Softmax';
  /** A dimension of the batched tensor (default 1, the class axis). */
  dim?: number;
}
export interface DropoutConfig {
  kind: 'Dropout';
  p?: number;
  inplace?: boolean;
}
export interface BatchNorm2dConfig {
  kind: 'BatchNorm2d';
  num_features: number;
  eps?: number;
  momentum?: number;
  affine?: boolean;
  track_running_stats?: boolean;
}
export interface LocalResponseNormConfig {
  kind: 'LocalResponseNorm';
  size: number;
  alpha?: number;
  beta?: number;
  k?: number;
}
export interface ConcatConfig {
  kind: 'Concat';
  /** A dimension of the batched tensor; 1 is the channel axis. */
  dim?: number;
}
export interface AddConfig {
  kind: 'Add';
}

export type LayerConfig =
  | Conv2dConfig
  | MaxPool2dConfig
  | AvgPool2dConfig
  | AdaptiveAvgPool2dConfig
  | LinearConfig
  | FlattenConfig
  | ReLUConfig
  | TanhConfig
  | SigmoidConfig
  | SoftmaxConfig
  | DropoutConfig
  | BatchNorm2dConfig
  | LocalResponseNormConfig
  | ConcatConfig
  | AddConfig;

export type ConfigOf<K extends LayerKind> = Extract<LayerConfig, { kind: K }>;

/** What every layer has besides its kind's configuration. */
export interface LayerCommon {
  /** Unique dotted path, e.g. `features.3` or `inception3a.branch2.1.conv`. */
  path: string;
  /** Producer paths; `"input"` is the network input. */
  inputs: readonly string[];
  /**
   * True when PyTorch applies this as a function (`F.relu`, `torch.cat`, `x + y`,
   * `torch.flatten`) rather than a module, so it has no module path there.
   */
  functional?: boolean;
}

export type Layer<K extends LayerKind = LayerKind> = LayerCommon & ConfigOf<K>;

/** A container (Inception, residual block, Sequential…): drawn as a collapsible box. */
export interface ModuleSpec {
  path: string;
  /** The PyTorch class name, e.g. `Inception`, `BasicBlock`, `Sequential`. */
  type: string;
  /** What to call it in pictures when the class name says little (`NiN block`). */
  label?: string;
}

export interface AuxOutput {
  /** Path of the layer whose output is the auxiliary logits. */
  path: string;
  /** Weight of its loss in training (GoogLeNet: 0.3). */
  weight: number;
}

export interface Graph {
  name: string;
  /** `[C, H, W]` without the batch dimension. */
  input: readonly [number, number, number];
  layers: readonly Layer[];
  modules: readonly ModuleSpec[];
  /** Path of the layer producing the inference output. */
  output: string;
  /** Auxiliary classifiers: active in training only. */
  aux: readonly AuxOutput[];
  /** Free-form description shown in docs and the CLI. */
  title?: string;
}

export const INPUT = 'input';

/**
 * A diagnostic's words in Simplified Chinese, for readers of the site's /zh/
 * pages: the same numbers, layer paths and PyTorch argument names as the
 * English, in the notes' terms (输入通道, 填充, 步幅, 汇聚层).
 */
export interface ZhText {
  message: string;
  fix?: string;
}

/** A problem found in a network, as analysis and the JSON reader report it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  path: string;
  kind?: LayerKind;
  code: string;
  /** Full sentence, prefixed with the layer: `features.3 Conv2d: expects …`. */
  message: string;
  formula?: string;
  fix?: string;
  jsonPath?: (string | number)[];
  /**
   * The message and fix in Simplified Chinese, with the same numbers and paths
   * (`features.3 Conv2d：需要 88 个输入通道，…`). Every diagnostic that
   * `analyze` and `parseNetwork` make has it; `message` and `fix` stay English.
   * Pick one with `diagnosticText(d, locale)`.
   */
  zh?: ZhText;
}

