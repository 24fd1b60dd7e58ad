/** LogSoftmax from ONNX's LogSoftmax (axis is PyTorch's dim). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'LogSoftmax'> = {
  kind: 'LogSoftmax',
  ops: { LogSoftmax: (node) => ({ config: { kind: 'LogSoftmax', dim: node.int('axis') ?? -1 }, data: [0] }) },
};
