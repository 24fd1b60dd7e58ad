/** SiLU from x · Sigmoid(x): what torch 1.13 exports for nn.SiLU (opset 13 has no SiLU operator). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'SiLU'> = {
  kind: 'SiLU',
  ops: {
    Sigmoid(node) {
      const mul = node.next();
      const x = node.inputs[0];
      if (mul?.op !== 'Mul' || !x) return undefined;
      const [a, b] = mul.inputs;
      return (a === x && b !== x) || (b === x && a !== x) ? { config: { kind: 'SiLU' }, data: [0], through: mul } : undefined;
    },
  },
};
