/**
 * The config registry: every layer kind's config facet, by kind, in the order
 * the format lists them. `LayerKind` and `LayerConfig` derive from it, and
 * each config type from its kind's schema, so the types and the JSON format
 * cannot drift apart. Adding a kind adds one line here.
 */
import { config as conv2d } from './conv2d/config.js';
import { config as convtranspose2d } from './convtranspose2d/config.js';
import { config as maxpool2d } from './maxpool2d/config.js';
import { config as avgpool2d } from './avgpool2d/config.js';
import { config as adaptiveavgpool2d } from './adaptiveavgpool2d/config.js';
import { config as upsample } from './upsample/config.js';
import { config as linear } from './linear/config.js';
import { config as flatten } from './flatten/config.js';
import { config as relu } from './relu/config.js';
import { config as tanh } from './tanh/config.js';
import { config as sigmoid } from './sigmoid/config.js';
import { config as softmax } from './softmax/config.js';
import { config as dropout } from './dropout/config.js';
import { config as batchnorm2d } from './batchnorm2d/config.js';
import { config as localresponsenorm } from './localresponsenorm/config.js';
import { config as concat } from './concat/config.js';
import { config as add } from './add/config.js';
import { config as gelu } from './gelu/config.js';
import { config as layernorm } from './layernorm/config.js';
import { config as layernorm2d } from './layernorm2d/config.js';
import { config as permute } from './permute/config.js';
import { config as reshape } from './reshape/config.js';
import { config as chunk } from './chunk/config.js';
import { config as split } from './split/config.js';
import { config as channelshuffle } from './channelshuffle/config.js';
import { config as parameter } from './parameter/config.js';
import { config as mul } from './mul/config.js';
import { config as stochasticdepth } from './stochasticdepth/config.js';
import { config as relu6 } from './relu6/config.js';
import { config as hardswish } from './hardswish/config.js';
import { config as hardsigmoid } from './hardsigmoid/config.js';
import { config as silu } from './silu/config.js';
import { config as dropout2d } from './dropout2d/config.js';
import { config as logsoftmax } from './logsoftmax/config.js';
import { config as mean } from './mean/config.js';
import { config as adaptivemaxpool2d } from './adaptivemaxpool2d/config.js';
import type { ConfigFrom, KindConfig } from './spec.js';

export const KIND_CONFIGS = {
  Conv2d: conv2d,
  ConvTranspose2d: convtranspose2d,
  MaxPool2d: maxpool2d,
  AvgPool2d: avgpool2d,
  AdaptiveAvgPool2d: adaptiveavgpool2d,
  Upsample: upsample,
  Linear: linear,
  Flatten: flatten,
  ReLU: relu,
  Tanh: tanh,
  Sigmoid: sigmoid,
  Softmax: softmax,
  Dropout: dropout,
  BatchNorm2d: batchnorm2d,
  LocalResponseNorm: localresponsenorm,
  Concat: concat,
  Add: add,
  GELU: gelu,
  LayerNorm: layernorm,
  LayerNorm2d: layernorm2d,
  Permute: permute,
  Reshape: reshape,
  Chunk: chunk,
  Split: split,
  ChannelShuffle: channelshuffle,
  Parameter: parameter,
  Mul: mul,
  StochasticDepth: stochasticdepth,
  ReLU6: relu6,
  Hardswish: hardswish,
  Hardsigmoid: hardsigmoid,
  SiLU: silu,
  Dropout2d: dropout2d,
  LogSoftmax: logsoftmax,
  Mean: mean,
  AdaptiveMaxPool2d: adaptivemaxpool2d,
};

export type LayerKind = keyof typeof KIND_CONFIGS;

KIND_CONFIGS satisfies { [K in LayerKind]: KindConfig<K> };

type Configs = { [K in LayerKind]: ConfigFrom<(typeof KIND_CONFIGS)[K]['schema']> };

/** The configuration of a layer of kind `K`: PyTorch's arguments with PyTorch's names, and `kind`. */
export type ConfigOf<K extends LayerKind> = Configs[K];
export type LayerConfig = Configs[LayerKind];

// Pure annotations: a bundle that imports the registry only for a type or an unused lookup (the layout worker) drops it.
export const LAYER_KINDS: readonly LayerKind[] = /* @__PURE__ */ Object.keys(KIND_CONFIGS) as LayerKind[];

/** The config facet of a kind, or undefined for an unknown one (including `constructor`, `toString`…). */
const BY_NAME: Readonly<Record<string, KindConfig | undefined>> = /* @__PURE__ */ Object.assign(Object.create(null), KIND_CONFIGS);
export const configOf = (kind: string): KindConfig | undefined => BY_NAME[kind];
