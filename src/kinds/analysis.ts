/** The analysis registry: one analysis facet per layer kind. Nothing guesses a kind from a name. */
import type { LayerKind } from '../graph/types.js';
import { analysis as conv2d } from './conv2d/analysis.js';
import { analysis as convtranspose2d } from './convtranspose2d/analysis.js';
import { analysis as maxpool2d } from './maxpool2d/analysis.js';
import { analysis as avgpool2d } from './avgpool2d/analysis.js';
import { analysis as adaptiveavgpool2d } from './adaptiveavgpool2d/analysis.js';
import { analysis as upsample } from './upsample/analysis.js';
import { analysis as linear } from './linear/analysis.js';
import { analysis as flatten } from './flatten/analysis.js';
import { analysis as relu } from './relu/analysis.js';
import { analysis as tanh } from './tanh/analysis.js';
import { analysis as sigmoid } from './sigmoid/analysis.js';
import { analysis as softmax } from './softmax/analysis.js';
import { analysis as dropout } from './dropout/analysis.js';
import { analysis as batchnorm2d } from './batchnorm2d/analysis.js';
import { analysis as localresponsenorm } from './localresponsenorm/analysis.js';
import { analysis as concat } from './concat/analysis.js';
import { analysis as add } from './add/analysis.js';
import { analysis as gelu } from './gelu/analysis.js';
import { analysis as layernorm } from './layernorm/analysis.js';
import { analysis as layernorm2d } from './layernorm2d/analysis.js';
import { analysis as permute } from './permute/analysis.js';
import { analysis as reshape } from './reshape/analysis.js';
import { analysis as chunk } from './chunk/analysis.js';
import { analysis as split } from './split/analysis.js';
import { analysis as channelshuffle } from './channelshuffle/analysis.js';
import { analysis as parameter } from './parameter/analysis.js';
import { analysis as mul } from './mul/analysis.js';
import { analysis as stochasticdepth } from './stochasticdepth/analysis.js';
import { analysis as relu6 } from './relu6/analysis.js';
import { analysis as hardswish } from './hardswish/analysis.js';
import { analysis as hardsigmoid } from './hardsigmoid/analysis.js';
import { analysis as silu } from './silu/analysis.js';
import { analysis as dropout2d } from './dropout2d/analysis.js';
import { analysis as logsoftmax } from './logsoftmax/analysis.js';
import { analysis as mean } from './mean/analysis.js';
import { analysis as adaptivemaxpool2d } from './adaptivemaxpool2d/analysis.js';
import type { KindAnalysis } from './spec.js';

export const KIND_ANALYSES: { [K in LayerKind]: KindAnalysis<K> } = {
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

/** The analysis facet of a kind, or undefined for an unknown one (including `constructor`, `toString`…). */
const BY_NAME: Readonly<Record<string, KindAnalysis | undefined>> = /* @__PURE__ */ Object.assign(Object.create(null), KIND_ANALYSES);
export const analysisOf = (kind: string): KindAnalysis | undefined => BY_NAME[kind];
