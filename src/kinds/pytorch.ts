/**
 * The PyTorch registry: how each layer kind is written in PyTorch code (a
 * module, or the expression a forward computes). Pure text; the exporter
 * (src/export/pytorch.ts) reads it.
 */
import type { LayerKind } from '../graph/types.js';
import { pytorch as conv2d } from './conv2d/pytorch.js';
import { pytorch as convtranspose2d } from './convtranspose2d/pytorch.js';
import { pytorch as maxpool2d } from './maxpool2d/pytorch.js';
import { pytorch as avgpool2d } from './avgpool2d/pytorch.js';
import { pytorch as adaptiveavgpool2d } from './adaptiveavgpool2d/pytorch.js';
import { pytorch as upsample } from './upsample/pytorch.js';
import { pytorch as linear } from './linear/pytorch.js';
import { pytorch as flatten } from './flatten/pytorch.js';
import { pytorch as relu } from './relu/pytorch.js';
import { pytorch as tanh } from './tanh/pytorch.js';
import { pytorch as sigmoid } from './sigmoid/pytorch.js';
import { pytorch as softmax } from './softmax/pytorch.js';
import { pytorch as dropout } from './dropout/pytorch.js';
import { pytorch as batchnorm2d } from './batchnorm2d/pytorch.js';
import { pytorch as localresponsenorm } from './localresponsenorm/pytorch.js';
import { pytorch as concat } from './concat/pytorch.js';
import { pytorch as add } from './add/pytorch.js';
import { pytorch as gelu } from './gelu/pytorch.js';
import { pytorch as layernorm } from './layernorm/pytorch.js';
import { pytorch as layernorm2d } from './layernorm2d/pytorch.js';
import { pytorch as permute } from './permute/pytorch.js';
import { pytorch as reshape } from './reshape/pytorch.js';
import { pytorch as chunk } from './chunk/pytorch.js';
import { pytorch as split } from './split/pytorch.js';
import { pytorch as channelshuffle } from './channelshuffle/pytorch.js';
import { pytorch as parameter } from './parameter/pytorch.js';
import { pytorch as mul } from './mul/pytorch.js';
import { pytorch as stochasticdepth } from './stochasticdepth/pytorch.js';
import { pytorch as relu6 } from './relu6/pytorch.js';
import { pytorch as hardswish } from './hardswish/pytorch.js';
import { pytorch as hardsigmoid } from './hardsigmoid/pytorch.js';
import { pytorch as silu } from './silu/pytorch.js';
import { pytorch as dropout2d } from './dropout2d/pytorch.js';
import { pytorch as logsoftmax } from './logsoftmax/pytorch.js';
import { pytorch as mean } from './mean/pytorch.js';
import { pytorch as adaptivemaxpool2d } from './adaptivemaxpool2d/pytorch.js';
import type { KindPytorch } from './pytorch-spec.js';

export const KIND_PYTORCH: { [K in LayerKind]: KindPytorch<K> } = {
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
