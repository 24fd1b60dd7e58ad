/** Hardsigmoid in PyTorch: `nn.Hardsigmoid(inplace=True)`, or `F.hardsigmoid(x)` as a function. */
import { callText, kw, type KindPytorch, activationReads } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Hardsigmoid'> = {
  kind: 'Hardsigmoid',
  module: (l) => callText('nn.Hardsigmoid', kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.hardsigmoid', x, kw('inplace', l.inplace, false)),
  reads: activationReads('Hardsigmoid', 'hardsigmoid', null, null),
};
