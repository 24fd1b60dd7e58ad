/** Chunk in PyTorch: `x.chunk(2, dim=1)[0]`. */
import type { Shape } from '../../graph/types.js';
import { callText, kw, type KindPytorch, INPUT_PARAM, refuse } from '../pytorch-spec.js';

/** How many pieces x.chunk(n, dim) gives: ⌈size / ⌈size / n⌉⌉, which can be fewer than n. */
function pieces(n: number, dim: number, x: Shape | null) {
  const axis = dim < 0 ? dim + (x ? x.length + 1 : 0) : dim;
  if (!x || axis < 1 || axis > x.length) return refuse(`x.chunk on dimension ${dim} of a ${x ? x.length + 1 : '?'}-D tensor cuts the batch or no dimension at all`, `在维度 ${dim} 上 chunk 会切开批量维或不存在的维度`, 'Chunk the channels: x.chunk(2, dim=1).', '请沿通道切分：x.chunk(2, dim=1)。');
  const size = x[axis - 1];
  return Math.ceil(size / Math.ceil(size / n));
}

export const pytorch: KindPytorch<'Chunk'> = {
  kind: 'Chunk',
  call: (l, [x]) => `${callText(`${x}.chunk`, String(l.chunks), kw('dim', l.dim, 0))}[${l.index}]`,
  reads: {
    calls: [{ names: ['torch.chunk', 'torch.Tensor.chunk'], params: [INPUT_PARAM, { name: 'chunks', int: true }, { name: 'dim', default: 0 }], config: (a) => ({ chunks: a.chunks as number, dim: (a.dim ?? 0) as number, index: 0 }), pieces: (c, x) => pieces(c.chunks, c.dim ?? 0, x) }],
  },
};
