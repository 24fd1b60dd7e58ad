/** ReLU from ONNX's Relu, or a Clip to [0, inf). */
import type { KindOnnx } from '../onnx-spec.js';
import { clipBounds } from '../relu6/onnx.js';

export const onnx: KindOnnx<'ReLU'> = {
  kind: 'ReLU',
  ops: {
    Relu: () => ({ config: { kind: 'ReLU' }, data: [0] }),
    Clip(node) {
      const b = clipBounds(node);
      return b && b[0] === 0 && (b[1] === undefined || b[1] === Infinity) ? { config: { kind: 'ReLU' }, data: [0] } : undefined;
    },
  },
};
