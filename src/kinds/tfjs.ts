/**
 * The tfjs registry: how each layer kind compiles to TensorFlow.js. Imported
 * only by training (src/train), never by the element bundle; importing it
 * registers the kinds' custom tfjs layers for (de)serialisation.
 */
import type { LayerKind } from '../graph/types.js';
import { tfjs as conv2d } from './conv2d/tfjs.js';
import { tfjs as convtranspose2d } from './convtranspose2d/tfjs.js';
import { tfjs as maxpool2d } from './maxpool2d/tfjs.js';
import { tfjs as avgpool2d } from './avgpool2d/tfjs.js';
import { tfjs as adaptiveavgpool2d } from './adaptiveavgpool2d/tfjs.js';
import { tfjs as upsample } from './upsample/tfjs.js';
import { tfjs as linear } from './linear/tfjs.js';
import { tfjs as flatten } from './flatten/tfjs.js';
import { tfjs as relu } from './relu/tfjs.js';
import { tfjs as tanh } from './tanh/tfjs.js';
import { tfjs as sigmoid } from './sigmoid/tfjs.js';
import { tfjs as softmax } from './softmax/tfjs.js';
import { tfjs as dropout } from './dropout/tfjs.js';
import { tfjs as batchnorm2d } from './batchnorm2d/tfjs.js';
import { tfjs as localresponsenorm } from './localresponsenorm/tfjs.js';
import { tfjs as concat } from './concat/tfjs.js';
import { tfjs as add } from './add/tfjs.js';
import { tfjs as gelu } from './gelu/tfjs.js';
import { tfjs as layernorm } from './layernorm/tfjs.js';
import { tfjs as layernorm2d } from './layernorm2d/tfjs.js';
import { tfjs as permute } from './permute/tfjs.js';
import { tfjs as reshape } from './reshape/tfjs.js';
import { tfjs as chunk } from './chunk/tfjs.js';
import { tfjs as split } from './split/tfjs.js';
import { tfjs as channelshuffle } from './channelshuffle/tfjs.js';
import { tfjs as parameter } from './parameter/tfjs.js';
import { tfjs as mul } from './mul/tfjs.js';
import { tfjs as stochasticdepth } from './stochasticdepth/tfjs.js';
import { tfjs as relu6 } from './relu6/tfjs.js';
import { tfjs as hardswish } from './hardswish/tfjs.js';
import { tfjs as hardsigmoid } from './hardsigmoid/tfjs.js';
import { tfjs as silu } from './silu/tfjs.js';
import { tfjs as dropout2d } from './dropout2d/tfjs.js';
import { tfjs as logsoftmax } from './logsoftmax/tfjs.js';
import { tfjs as mean } from './mean/tfjs.js';
import { tfjs as adaptivemaxpool2d } from './adaptivemaxpool2d/tfjs.js';
import type { KindTfjs } from './tfjs-spec.js';

export const KIND_TFJS: { [K in LayerKind]: KindTfjs<K> } = {
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
