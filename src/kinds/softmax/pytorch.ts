/** Softmax in PyTorch: `nn.Softmax(dim=1)`, or `F.softmax(x, dim=1)` (the dim always written: PyTorch's implicit one is deprecated). */
import { callText, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Softmax'> = {
  kind: 'Softmax',
  module: (l) => callText('nn.Softmax', `dim=${l.dim ?? 1}`),
  call: (l, [x]) => callText('F.softmax', x, `dim=${l.dim ?? 1}`),
};
