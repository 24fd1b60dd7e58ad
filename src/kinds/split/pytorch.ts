/** Split in PyTorch: `x.split([24, 40], dim=1)[1]`. */
import type { Shape } from '../../graph/types.js';
import { callText, kw, py, type KindPytorch, INPUT_PARAM, refuse } from '../pytorch-spec.js';

/** How many pieces x.split(s, dim) gives: the list's length, or ⌈size / s⌉. */
function pieces(c: { split_size_or_sections: number | readonly number[]; dim?: number }, x: Shape | null) {
  if (Array.isArray(c.split_size_or_sections)) return c.split_size_or_sections.length;
  const dim = c.dim ?? 0;
  const axis = dim < 0 ? dim + (x ? x.length + 1 : 0) : dim;
  if (!x || axis < 1 || axis > x.length) return refuse(`x.split on dimension ${dim} cuts the batch or no dimension at all`, `在维度 ${dim} 上 split 会切开批量维或不存在的维度`, 'Split the channels: x.split(24, dim=1).', '请沿通道切分：x.split(24, dim=1)。');
  return Math.ceil(x[axis - 1] / (c.split_size_or_sections as number));
}

export const pytorch: KindPytorch<'Split'> = {
  kind: 'Split',
  call: (l, [x]) => `${callText(`${x}.split`, py(l.split_size_or_sections, true), kw('dim', l.dim, 0))}[${l.index}]`,
  reads: {
    // PyTorch names the size differently in the function and the method: torch.split(tensor, split_size_or_sections) but x.split(split_size).
    calls: [
      { names: ['torch.split'], params: [{ name: 'tensor', tensor: 'one' }, { name: 'split_size_or_sections', int: true }, { name: 'dim', default: 0 }], config: (a) => ({ split_size_or_sections: a.split_size_or_sections as number | number[], dim: (a.dim ?? 0) as number, index: 0 }), pieces },
      { names: ['torch.Tensor.split'], params: [INPUT_PARAM, { name: 'split_size', int: true }, { name: 'dim', default: 0 }], config: (a) => ({ split_size_or_sections: a.split_size as number | number[], dim: (a.dim ?? 0) as number, index: 0 }), pieces },
    ],
  },
};
