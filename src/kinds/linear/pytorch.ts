/** Linear in PyTorch: `nn.Linear(400, 120)`. */
import { callText, kw, type KindPytorch, DEVICE_PARAMS } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Linear'> = {
  kind: 'Linear',
  module: (l) => callText('nn.Linear', String(l.in_features), String(l.out_features), kw('bias', l.bias, true)),
  reads: { module: { names: ['torch.nn.Linear'], params: [{ name: 'in_features', int: true }, { name: 'out_features', int: true }, { name: 'bias', default: true }, ...DEVICE_PARAMS] } },
};
