/** GELU in PyTorch: `nn.GELU()`, or `F.gelu(x)`. */
import { callText, kw, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'GELU'> = {
  kind: 'GELU',
  module: (l) => callText('nn.GELU', kw('approximate', l.approximate, 'none')),
  call: (l, [x]) => callText('F.gelu', x, kw('approximate', l.approximate, 'none')),
};
