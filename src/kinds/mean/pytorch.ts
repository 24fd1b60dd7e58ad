/** Mean in PyTorch: `x.mean([2, 3])` (a function only). */
import { callText, kw, py, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Mean'> = {
  kind: 'Mean',
  call: (l, [x]) => callText(`${x}.mean`, py(l.dim, true), kw('keepdim', l.keepdim, false)),
  reads: { calls: [{ names: ['torch.mean', 'torch.Tensor.mean'], params: [INPUT_PARAM, { name: 'dim', int: true }, { name: 'keepdim', default: false }, { name: 'dtype', default: null, fixed: true, keyword: true }] }] },
};
