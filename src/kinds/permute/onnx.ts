/** Permute from ONNX's Transpose (perm is PyTorch's dims, batch included). */
import { refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Permute'> = {
  kind: 'Permute',
  ops: {
    Transpose(node) {
      const perm = node.ints('perm');
      if (!perm) {
        return refuse('it has no perm, so it reverses every dimension, the batch included.', 'Permute with the batch first: x.permute(0, 2, 3, 1).', {
          message: '它没有 perm，因此会反转所有维度，包括批量维。',
          fix: '请保持批量维在最前：x.permute(0, 2, 3, 1)。',
        });
      }
      return { config: { kind: 'Permute', dims: [...perm] }, data: [0] };
    },
  },
};
