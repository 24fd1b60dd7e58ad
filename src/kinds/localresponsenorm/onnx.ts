/** LocalResponseNorm from ONNX's LRN (size, alpha, beta, bias: PyTorch's size, alpha, beta, k). */
import type { KindOnnx } from '../onnx-spec.js';

const f32 = (v: number | undefined) => (v === undefined ? undefined : Number(v.toPrecision(7)));

export const onnx: KindOnnx<'LocalResponseNorm'> = {
  kind: 'LocalResponseNorm',
  ops: {
    LRN(node) {
      const alpha = f32(node.float('alpha'));
      const beta = f32(node.float('beta'));
      const k = f32(node.float('bias'));
      return {
        config: {
          kind: 'LocalResponseNorm',
          size: node.int('size') ?? 1,
          ...(alpha !== undefined && alpha !== 1e-4 ? { alpha } : {}),
          ...(beta !== undefined && beta !== 0.75 ? { beta } : {}),
          ...(k !== undefined && k !== 1 ? { k } : {}),
        },
        data: [0],
      };
    },
  },
};
