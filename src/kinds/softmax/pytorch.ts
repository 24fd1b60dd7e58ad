/** Softmax in PyTorch: `nn.Softmax(dim=1)`, or `F.softmax(x, dim=1)` (the dim always written: PyTorch's implicit one is deprecated). */
import { callText, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Softmax'> = {
  kind: 'Softmax',
  module: (l) => callText('nn.Softmax', `dim=${l.dim ?? 1}`),
  call: (l, [x]) => callText('F.softmax', x, `dim=${l.dim ?? 1}`),
  reads: {
    module: { names: ['torch.nn.Softmax'], params: [{ name: 'dim', default: null, int: true }] },
    // torch.softmax and x.softmax are ATen's: dim is required there, and there is no _stacklevel.
    calls: [
      { names: ['torch.nn.functional.softmax'], params: [INPUT_PARAM, { name: 'dim', default: null, int: true }, { name: '_stacklevel', default: 3, ignored: true }, { name: 'dtype', default: null, fixed: true }] },
      { names: ['torch.softmax', 'torch.Tensor.softmax'], params: [INPUT_PARAM, { name: 'dim', int: true }, { name: 'dtype', default: null, fixed: true }] },
    ],
  },
};
