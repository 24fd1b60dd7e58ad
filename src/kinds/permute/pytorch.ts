/** Permute in PyTorch: `x.permute(0, 2, 3, 1)`, or torchvision's module `torchvision.ops.Permute([0, 2, 3, 1])` (ConvNeXt's block). */
import { callText, py, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Permute'> = {
  kind: 'Permute',
  module: (l) => callText('torchvision.ops.Permute', py(l.dims, true)),
  call: (l, [x]) => callText(`${x}.permute`, l.dims.map(String)),
};
