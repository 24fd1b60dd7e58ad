/**
 * The ONNX registry: each kind's ONNX facet, and by operator the facets that
 * may take a node of it, in the order they are asked (a pattern first: a
 * Sigmoid that feeds a Mul with its own input is a SiLU before it is a
 * Sigmoid; a Clip to [0, 6] a ReLU6 before a ReLU is asked).
 */
import type { LayerKind } from '../graph/types.js';
import { onnx as conv2d } from './conv2d/onnx.js';
import { onnx as convtranspose2d } from './convtranspose2d/onnx.js';
import { onnx as maxpool2d } from './maxpool2d/onnx.js';
import { onnx as avgpool2d } from './avgpool2d/onnx.js';
import { onnx as adaptiveavgpool2d } from './adaptiveavgpool2d/onnx.js';
import { onnx as upsample } from './upsample/onnx.js';
import { onnx as linear } from './linear/onnx.js';
import { onnx as flatten } from './flatten/onnx.js';
import { onnx as relu } from './relu/onnx.js';
import { onnx as tanh } from './tanh/onnx.js';
import { onnx as sigmoid } from './sigmoid/onnx.js';
import { onnx as softmax } from './softmax/onnx.js';
import { onnx as dropout } from './dropout/onnx.js';
import { onnx as batchnorm2d } from './batchnorm2d/onnx.js';
import { onnx as localresponsenorm } from './localresponsenorm/onnx.js';
import { onnx as concat } from './concat/onnx.js';
import { onnx as add } from './add/onnx.js';
import { onnx as gelu } from './gelu/onnx.js';
import { onnx as layernorm } from './layernorm/onnx.js';
import { onnx as layernorm2d } from './layernorm2d/onnx.js';
import { onnx as permute } from './permute/onnx.js';
import { onnx as reshape } from './reshape/onnx.js';
import { onnx as chunk } from './chunk/onnx.js';
import { onnx as split } from './split/onnx.js';
import { onnx as channelshuffle } from './channelshuffle/onnx.js';
import { onnx as parameter } from './parameter/onnx.js';
import { onnx as mul } from './mul/onnx.js';
import { onnx as stochasticdepth } from './stochasticdepth/onnx.js';
import { onnx as relu6 } from './relu6/onnx.js';
import { onnx as hardswish } from './hardswish/onnx.js';
import { onnx as hardsigmoid } from './hardsigmoid/onnx.js';
import { onnx as silu } from './silu/onnx.js';
import { onnx as dropout2d } from './dropout2d/onnx.js';
import { onnx as logsoftmax } from './logsoftmax/onnx.js';
import { onnx as mean } from './mean/onnx.js';
import { onnx as adaptivemaxpool2d } from './adaptivemaxpool2d/onnx.js';
import type { KindOnnx, OnnxMapping } from './onnx-spec.js';

export const KIND_ONNX: { [K in LayerKind]: KindOnnx<K> } = {
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

/** Facets asked before the others for an operator: the patterns that read several nodes as one layer. */
const FIRST: readonly LayerKind[] = ['SiLU', 'Hardswish', 'GELU', 'ReLU6', 'LayerNorm2d'];

let byOp: Map<string, OnnxMapping[]> | undefined;

/** The mappings that may take a node of this operator, patterns first; empty for an operator no kind reads. */
export function onnxMappings(op: string): readonly OnnxMapping[] {
  if (!byOp) {
    byOp = new Map();
    const kinds = [...FIRST, ...(Object.keys(KIND_ONNX) as LayerKind[]).filter((k) => !FIRST.includes(k))];
    for (const k of kinds) {
      for (const [o, m] of Object.entries(KIND_ONNX[k].ops)) {
        const list = byOp.get(o) ?? [];
        list.push(m as OnnxMapping);
        byOp.set(o, list);
      }
    }
  }
  return byOp.get(op) ?? [];
}

/** Every operator some kind reads, sorted (for messages and the docs). */
export const onnxOperators = (): string[] => [...new Set(Object.values(KIND_ONNX).flatMap((f) => Object.keys(f.ops)))].sort();
