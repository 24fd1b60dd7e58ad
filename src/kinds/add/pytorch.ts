/** Add in PyTorch: `a + b` (`a + b + c` for more). */
import { type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Add'> = {
  kind: 'Add',
  call: (_l, xs) => xs.join(' + '),
  reads: {
    calls: [
      // `a + b` takes no alpha; torch.add's alpha is keyword-only.
      { names: ['operator.add'], params: [INPUT_PARAM, { name: 'other', tensor: 'one' }], config: () => ({}) },
      { names: ['torch.add', 'torch.Tensor.add'], params: [INPUT_PARAM, { name: 'other', tensor: 'one' }, { name: 'alpha', default: 1, fixed: true, keyword: true }], config: () => ({}) },
    ],
  },
};
