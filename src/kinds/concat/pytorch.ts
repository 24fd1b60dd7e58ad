/** Concat in PyTorch: `torch.cat([a, b], 1)` (a function; our default dim is the channels). */
import type { KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Concat'> = {
  kind: 'Concat',
  call: (l, xs) => `torch.cat([${xs.join(', ')}], ${l.dim ?? 1})`,
};
