/** Add in PyTorch: `a + b` (`a + b + c` for more). */
import { type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Add'> = {
  kind: 'Add',
  call: (_l, xs) => xs.join(' + '),
  reads: { calls: [{ names: ['operator.add', 'torch.add', 'torch.Tensor.add'], params: [INPUT_PARAM, { name: 'other', tensor: 'one' }, { name: 'alpha', default: 1, fixed: true }], config: () => ({}) }] },
};
