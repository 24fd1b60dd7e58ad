/** Reshape in PyTorch: `x.reshape(x.size(0), -1)` (the shape leaves the batch out). */
import type { Shape } from '../../graph/types.js';
import { type KindPytorch, INPUT_PARAM, BATCH, refuse, type PyArg } from '../pytorch-spec.js';

const numel = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/**
 * The per-sample shape of `x.view(b, c, 1, 1)`: the first size must be the
 * batch (`x.size(0)`, or -1 when the rest fill one sample exactly, as
 * `x.view(-1, 400)` does). `x.view(64, -1)` would fix the batch size.
 */
function sample(shape: PyArg | undefined, input: Shape | null) {
  const sizes = Array.isArray(shape) && shape.length === 1 && Array.isArray(shape[0]) ? (shape[0] as readonly PyArg[]) : ((shape ?? []) as readonly PyArg[]);
  const [first, ...rest] = sizes;
  const fix = 'Write the batch first, e.g. x.view(x.size(0), -1).';
  const fixZh = '请先写批量维，例如 x.view(x.size(0), -1)。';
  if (!rest.every((d) => typeof d === 'number')) return refuse(`a size after the first is not a number (${rest.map((d) => (d === BATCH ? 'the batch size' : JSON.stringify(d))).join(', ')})`, '第一个之后的尺寸不是数字', fix, fixZh);
  const dims = rest as number[];
  if (first === BATCH) return { shape: dims };
  if (first === -1 && input && !dims.includes(-1) && numel(dims) === numel(input)) return { shape: dims };
  return refuse(`the first size ${JSON.stringify(first ?? null)} is not the batch: it ties the network to one batch size`, `第一个尺寸 ${JSON.stringify(first ?? null)} 不是批量维：它把网络绑定在一个批量大小上`, fix, fixZh);
}

export const pytorch: KindPytorch<'Reshape'> = {
  kind: 'Reshape',
  call: (l, [x]) => `${x}.reshape(${[`${x}.size(0)`, ...l.shape.map(String)].join(', ')})`,
  reads: {
    calls: [
      { names: ['torch.Tensor.view', 'torch.Tensor.reshape'], params: [INPUT_PARAM, { name: 'shape', rest: true, int: true }], config: (a, [x]) => sample(a.shape, x ?? null) },
      { names: ['torch.reshape'], params: [INPUT_PARAM, { name: 'shape', int: true }], config: (a, [x]) => sample(a.shape, x ?? null) },
    ],
  },
};
