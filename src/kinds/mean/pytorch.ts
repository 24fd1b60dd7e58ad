/** Mean in PyTorch: `x.mean([2, 3])` (a function only). */
import { callText, kw, py, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Mean'> = {
  kind: 'Mean',
  call: (l, [x]) => callText(`${x}.mean`, py(l.dim, true), kw('keepdim', l.keepdim, false)),
};
