/** Mul in PyTorch: `a * b`, broadcast. */
import { type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Mul'> = {
  kind: 'Mul',
  call: (_l, [a, b]) => `${a} * ${b}`,
  reads: { calls: [{ names: ['operator.mul', 'torch.mul', 'torch.Tensor.mul'], params: [INPUT_PARAM, { name: 'other', tensor: 'one' }], config: () => ({}) }] },
};
