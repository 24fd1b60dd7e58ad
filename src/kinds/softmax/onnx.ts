/** Softmax from ONNX's Softmax (from opset 13 over one axis, default -1, as PyTorch's dim). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Softmax'> = {
  kind: 'Softmax',
  ops: { Softmax: (node) => ({ config: { kind: 'Softmax', dim: node.int('axis') ?? -1 }, data: [0] }) },
};
