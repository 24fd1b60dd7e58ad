/** Mul in PyTorch: `a * b`, broadcast. */
import type { KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Mul'> = {
  kind: 'Mul',
  call: (_l, [a, b]) => `${a} * ${b}`,
};
