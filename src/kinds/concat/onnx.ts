/** Concat from ONNX's Concat (axis is PyTorch's dim); on constants (pieces of a shape) it is computed. */
import type { KindOnnx, OnnxScalar } from '../onnx-spec.js';

export const onnx: KindOnnx<'Concat'> = {
  kind: 'Concat',
  ops: {
    Concat(node) {
      const parts = node.inputs.map((_, i) => node.constant(i));
      if (parts.length && parts.every((p) => p !== undefined)) return { value: ([] as OnnxScalar[]).concat(...(parts as OnnxScalar[][])) };
      return { config: { kind: 'Concat', dim: node.int('axis') ?? 1 }, data: node.inputs.map((_, i) => i), fn: 'cat' };
    },
  },
};
