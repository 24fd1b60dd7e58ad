/**
 * GELU from ONNX's Gelu (opset 20), or from the five nodes torch 1.13 exports
 * for the exact GELU: x / √2 → Erf → + 1 → x · … → · 0.5.
 */
import type { KindOnnx, OnnxNode } from '../onnx-spec.js';

const constantNear = (node: OnnxNode | undefined, target: number): boolean => {
  if (!node) return false;
  return [0, 1].some((i) => {
    const v = node.constant(i);
    return !!v && v.length === 1 && typeof v[0] === 'number' && Math.abs(v[0] - target) < 1e-4;
  });
};

export const onnx: KindOnnx<'GELU'> = {
  kind: 'GELU',
  ops: {
    Gelu: (node) => ({ config: { kind: 'GELU', ...(node.string('approximate') === 'tanh' ? { approximate: 'tanh' } : {}) }, data: [0] }),
    Div(node) {
      const x = node.inputs[0];
      if (!constantNear(node, Math.SQRT2) || node.constant(1) === undefined) return undefined;
      const erf = node.next();
      const plus = erf?.op === 'Erf' ? erf.next() : undefined;
      const times = plus?.op === 'Add' && constantNear(plus, 1) ? plus.next() : undefined;
      if (times?.op !== 'Mul' || !times.inputs.includes(x)) return undefined;
      const half = times.next();
      if (half?.op !== 'Mul' || !constantNear(half, 0.5)) return undefined;
      return { config: { kind: 'GELU' }, data: [0], through: half };
    },
  },
};
