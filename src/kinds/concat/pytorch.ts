/** Concat in PyTorch: `torch.cat([a, b], 1)` (a function; our default dim is the channels). */
import { type KindPytorch, refuse } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Concat'> = {
  kind: 'Concat',
  call: (l, xs) => `torch.cat([${xs.join(', ')}], ${l.dim ?? 1})`,
  reads: {
    calls: [
      {
        names: ['torch.cat', 'torch.concat'],
        params: [{ name: 'tensors', tensor: 'list' }, { name: 'dim', default: 0 }],
        // torch.cat's own dim is 0, the batch; the layer's default is the channels.
        config: (a) => (a.dim === undefined || a.dim === 0 ? refuse('torch.cat without dim joins along dimension 0, the batch', '不带 dim 的 torch.cat 沿第 0 维（批量维）拼接', 'Write torch.cat([a, b], 1) to join the channels.', '要沿通道拼接，请写 torch.cat([a, b], 1)。') : { dim: a.dim as number }),
      },
    ],
  },
};
