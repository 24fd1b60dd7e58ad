/** Hardswish in PyTorch: `nn.Hardswish(inplace=True)`, or `F.hardswish(x)` as a function. */
import { callText, kw, type KindPytorch, activationReads } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Hardswish'> = {
  kind: 'Hardswish',
  module: (l) => callText('nn.Hardswish', kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.hardswish', x, kw('inplace', l.inplace, false)),
  reads: activationReads('Hardswish', 'hardswish', null, null),
};
