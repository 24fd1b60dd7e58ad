/** Hardswish from ONNX's HardSwish (opset 14), or x · HardSigmoid(x), what torch exports at opset 13. */
import type { KindOnnx } from '../onnx-spec.js';
import { isTorchHardSigmoid } from '../hardsigmoid/onnx.js';

export const onnx: KindOnnx<'Hardswish'> = {
  kind: 'Hardswish',
  ops: {
    HardSwish: () => ({ config: { kind: 'Hardswish' }, data: [0] }),
    HardSigmoid(node) {
      const mul = node.next();
      const x = node.inputs[0];
      if (mul?.op !== 'Mul' || !x || !isTorchHardSigmoid(node.float('alpha'), node.float('beta'))) return undefined;
      const [a, b] = mul.inputs;
      return (a === x && b !== x) || (b === x && a !== x) ? { config: { kind: 'Hardswish' }, data: [0], through: mul } : undefined;
    },
  },
};
