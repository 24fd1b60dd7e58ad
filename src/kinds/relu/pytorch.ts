/** ReLU in PyTorch: `nn.ReLU(inplace=True)`, or `F.relu(x)` as a function. */
import { callText, kw, type KindPytorch, activationReads } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'ReLU'> = {
  kind: 'ReLU',
  module: (l) => callText('nn.ReLU', kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.relu', x, kw('inplace', l.inplace, false)),
  reads: activationReads('ReLU', 'relu', 'relu', 'relu'),
};
