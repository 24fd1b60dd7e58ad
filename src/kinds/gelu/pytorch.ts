/** GELU in PyTorch: `nn.GELU()`, or `F.gelu(x)`. */
import { callText, kw, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'GELU'> = {
  kind: 'GELU',
  module: (l) => callText('nn.GELU', kw('approximate', l.approximate, 'none')),
  call: (l, [x]) => callText('F.gelu', x, kw('approximate', l.approximate, 'none')),
  reads: {
    module: { names: ['torch.nn.GELU'], params: [{ name: 'approximate', default: 'none' }] },
    calls: [{ names: ['torch.nn.functional.gelu'], params: [INPUT_PARAM, { name: 'approximate', default: 'none', keyword: true }] }],
  },
};
