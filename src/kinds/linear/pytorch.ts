/** Linear in PyTorch: `nn.Linear(400, 120)`. */
import { callText, kw, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Linear'> = {
  kind: 'Linear',
  module: (l) => callText('nn.Linear', String(l.in_features), String(l.out_features), kw('bias', l.bias, true)),
};
