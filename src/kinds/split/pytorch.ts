/** Split in PyTorch: `x.split([24, 40], dim=1)[1]`. */
import { callText, kw, py, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Split'> = {
  kind: 'Split',
  call: (l, [x]) => `${callText(`${x}.split`, py(l.split_size_or_sections, true), kw('dim', l.dim, 0))}[${l.index}]`,
};
