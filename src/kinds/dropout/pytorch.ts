/** Dropout in PyTorch: `nn.Dropout(p=0.2)`, or `F.dropout(x, p=0.2, training=self.training)`. */
import { callText, kw, kwFloat, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Dropout'> = {
  kind: 'Dropout',
  module: (l) => callText('nn.Dropout', kwFloat('p', l.p, 0.5), kw('inplace', l.inplace, false)),
  call: (l, [x]) => callText('F.dropout', x, kwFloat('p', l.p, 0.5), 'training=self.training', kw('inplace', l.inplace, false)),
  reads: {
    module: { names: ['torch.nn.Dropout'], params: [{ name: 'p', default: 0.5 }, { name: 'inplace', default: false }] },
    calls: [{ names: ['torch.nn.functional.dropout'], params: [INPUT_PARAM, { name: 'p', default: 0.5 }, { name: 'training', default: true, ignored: true }, { name: 'inplace', default: false }] }],
  },
};
