/** Dropout2d in PyTorch: `nn.Dropout2d(p=0.2)`, or `F.dropout2d(x, p=0.2, training=self.training)`. */
import { callText, kw, kwFloat, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Dropout2d'> = {
  kind: 'Dropout2d',
  module: (l) => callText('nn.Dropout2d', kwFloat('p', l.p, 0.5), kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.dropout2d', x, kwFloat('p', l.p, 0.5), 'training=self.training', kw('inplace', l.inplace, false)),
};
