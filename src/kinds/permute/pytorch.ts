/** Permute in PyTorch: `x.permute(0, 2, 3, 1)`, or torchvision's module `torchvision.ops.Permute([0, 2, 3, 1])` (ConvNeXt's block). */
import { callText, py, type KindPytorch, INPUT_PARAM, type PyArg } from '../pytorch-spec.js';

const unwrap = (v: PyArg | undefined) => (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) ? v[0] : v);

export const pytorch: KindPytorch<'Permute'> = {
  kind: 'Permute',
  module: (l) => callText('torchvision.ops.Permute', py(l.dims, true)),
  call: (l, [x]) => callText(`${x}.permute`, l.dims.map(String)),
  reads: {
    module: { names: ['torchvision.ops.Permute', 'torchvision.ops.misc.Permute'], params: [{ name: 'dims', int: true }] },
    // x.permute(0, 2, 3, 1) or x.permute((0, 2, 3, 1)); torch.permute(x, (0, 2, 3, 1)).
    calls: [
      { names: ['torch.Tensor.permute'], params: [INPUT_PARAM, { name: 'dims', rest: true, int: true }], config: (a) => ({ dims: unwrap(a.dims) as number[] }) },
      { names: ['torch.permute'], params: [INPUT_PARAM, { name: 'dims', int: true }] },
    ],
  },
};
