/** Add in PyTorch: `a + b` (`a + b + c` for more). */
import type { KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Add'> = {
  kind: 'Add',
  call: (_l, xs) => xs.join(' + '),
};
