/** Flatten in PyTorch: `nn.Flatten()`, or `torch.flatten(x, 1)` as a function (whose own default start_dim is 0). */
import { callText, kw, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Flatten'> = {
  kind: 'Flatten',
  module: (l) => callText('nn.Flatten', kw('start_dim', l.start_dim, 1), kw('end_dim', l.end_dim, -1)),
  call: (l, [x]) => callText('torch.flatten', x, String(l.start_dim ?? 1), (l.end_dim ?? -1) === -1 ? [] : [String(l.end_dim)]),
  reads: {
    module: { names: ['torch.nn.Flatten'], params: [{ name: 'start_dim', default: 1 }, { name: 'end_dim', default: -1 }] },
    // torch.flatten's own start_dim is 0: the layer's default is 1, so it is always kept.
    calls: [{ names: ['torch.flatten', 'torch.Tensor.flatten'], params: [INPUT_PARAM, { name: 'start_dim', default: 0 }, { name: 'end_dim', default: -1 }], config: (a) => ({ start_dim: (a.start_dim ?? 0) as number, ...(a.end_dim !== undefined && a.end_dim !== -1 ? { end_dim: a.end_dim as number } : {}) }) }],
  },
};
