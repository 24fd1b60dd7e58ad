/** Parameter in PyTorch: `nn.Parameter(torch.full((96, 1, 1), 1e-06))`, an attribute of its owner that the forward reads. */
import { pyFloat, type KindPytorch } from '../pytorch-spec.js';

// A shape is always a tuple, even of one or three sizes: `(96,)`.
const shape = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

export const pytorch: KindPytorch<'Parameter'> = {
  kind: 'Parameter',
  module: (l) => `nn.Parameter(${(l.fill ?? 1) === 1 ? `torch.ones(${shape(l.shape)})` : `torch.full(${shape(l.shape)}, ${pyFloat(l.fill as number)})`})`,
  read: true,
};
