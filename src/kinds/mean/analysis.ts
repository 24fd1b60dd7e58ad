import type { Shape } from '../../graph/types.js';
import { dims, dimsZh, fail, fromZh, ok, unbatchedDim } from '../common.js';
import type { KindAnalysis, ShapeResult } from '../spec.js';

const dimList = (dim: number | readonly number[]): readonly number[] => (typeof dim === 'number' ? [dim] : dim);
const dimText = (dim: number | readonly number[]): string => (typeof dim === 'number' ? String(dim) : `[${dim.join(', ')}]`);

/** The reduced axes of the per-sample shape, or the reason there are none (PyTorch's wording of its checks). */
export function reducedAxes(dim: number | readonly number[], input: { shape: Shape; from: string; fromZh?: string }): number[] | ShapeResult {
  const rank = input.shape.length + 1;
  const seen = new Set<number>();
  for (const d of dimList(dim)) {
    const axis = unbatchedDim(d, input.shape.length);
    if (axis === null) {
      return fail('dim', `dim ${d} is out of range for the batched input N×${dims(input.shape)} (dimensions −${rank} to ${rank - 1}; the batch is 0).`, `Use dimensions 1 to ${rank - 1}: [2, 3] averages height and width of N×C×H×W.`, {
        message: `维度 ${d} 超出了带批量维的输入 N×${dimsZh(input.shape)} 的范围（−${rank} 到 ${rank - 1}；批量维为 0）。`,
        fix: `请用 1 到 ${rank - 1} 之间的维度：[2, 3] 对 N×C×H×W 的高和宽求平均。`,
      });
    }
    if (axis < 0) {
      return fail('dim', `dim ${d} is the batch dimension: the mean would mix the samples of a batch (from ${input.from}).`, 'Average over feature dimensions only, e.g. dim=[2, 3] for height and width.', {
        message: `维度 ${d} 是批量维：求平均会把一个批次里的样本混在一起（来自 ${fromZh(input)}）。`,
        fix: '只对特征维度求平均，例如 dim=[2, 3] 表示高和宽。',
      });
    }
    if (seen.has(axis)) {
      return fail('dim', `dim ${axis + 1} appears more than once in dim=${dimText(dim)}.`, 'List each dimension once.', {
        message: `维度 ${axis + 1} 在 dim=${dimText(dim)} 中出现了不止一次。`,
        fix: '每个维度只列一次。',
      });
    }
    seen.add(axis);
  }
  return [...seen].sort((a, b) => a - b);
}

export const analysis: KindAnalysis<'Mean'> = {
  kind: 'Mean',
  outputShape(l, [input]) {
    const axes = reducedAxes(l.dim, input);
    if (!Array.isArray(axes)) return axes as ShapeResult;
    const keep = l.keepdim ?? false;
    return ok(keep ? input.shape.map((x, i) => (axes.includes(i) ? 1 : x)) : input.shape.filter((_, i) => !axes.includes(i)));
  },
  weights: () => [],
  buffers: () => [],
  // Additions only: no convention counts it (torchinfo sees no module, fvcore has no handle for aten::mean).
  macs: () => 0,
  window(l, input) {
    const axes = reducedAxes(l.dim, { shape: input, from: '' });
    if (!Array.isArray(axes)) return 'identity';
    // Averaging the height and width of a C×H×W map sees all of it, as global pooling does.
    return input.length === 3 && axes.includes(1) && axes.includes(2) ? 'global' : 'identity';
  },
  label: (l) => `Mean dim=${dimText(l.dim)}${l.keepdim ? ' keepdim' : ''}`,
  labelZh: (text) => text,
  // `x.mean([2, 3])` over a C×H×W map is global average pooling (MnasNet's head); another mean adds nothing to a description.
  motif(l, input) {
    const axes = input ? reducedAxes(l.dim, { shape: input, from: '' }) : null;
    return Array.isArray(axes) && input?.length === 3 && axes.includes(1) && axes.includes(2) ? { op: 'pool', reduce: 'avg', kernel: 'global', stride: [1, 1] } : undefined;
  },
};
