/** SiLU in PyTorch: `nn.SiLU(inplace=True)`, or `F.silu(x)` as a function. */
import { callText, kw, type KindPytorch, activationReads } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'SiLU'> = {
  kind: 'SiLU',
  module: (l) => callText('nn.SiLU', kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.silu', x, kw('inplace', l.inplace, false)),
  reads: activationReads('SiLU', 'silu', null, null),
};
