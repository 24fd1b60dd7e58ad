/** Flatten in PyTorch: `nn.Flatten()`, or `torch.flatten(x, 1)` as a function (whose own default start_dim is 0). */
import { callText, kw, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Flatten'> = {
  kind: 'Flatten',
  module: (l) => callText('nn.Flatten', kw('start_dim', l.start_dim, 1), kw('end_dim', l.end_dim, -1)),
  call: (l, [x]) => callText('torch.flatten', x, String(l.start_dim ?? 1), (l.end_dim ?? -1) === -1 ? [] : [String(l.end_dim)]),
};
