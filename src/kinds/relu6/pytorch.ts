/** ReLU6 in PyTorch: `nn.ReLU6(inplace=True)`, or `F.relu6(x)` as a function. */
import { callText, kw, type KindPytorch, activationReads } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'ReLU6'> = {
  kind: 'ReLU6',
  module: (l) => callText('nn.ReLU6', kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.relu6', x, kw('inplace', l.inplace, false)),
  reads: activationReads('ReLU6', 'relu6', null, null),
};
