/** Chunk in PyTorch: `x.chunk(2, dim=1)[0]`. */
import { callText, kw, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Chunk'> = {
  kind: 'Chunk',
  call: (l, [x]) => `${callText(`${x}.chunk`, String(l.chunks), kw('dim', l.dim, 0))}[${l.index}]`,
};
