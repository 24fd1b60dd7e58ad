import { dims as dimsText, dimsZh, fail, fromZh, ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'Permute'> = {
  kind: 'Permute',
  outputShape(l, [input]) {
    const rank = input.shape.length + 1;
    const order = `[${l.dims.join(', ')}]`;
    if (l.dims.length !== rank) {
      return fail('dims', `dims=${order} orders ${l.dims.length} dimensions, but the batched input N×${dimsText(input.shape)} (from ${input.from}) has ${rank}.`, `Give one entry per dimension, the batch (0) first, e.g. [${[0, ...Array.from({ length: rank - 1 }, (_, i) => i + 1)].join(', ')}].`, {
        message: `dims=${order} 排列了 ${l.dims.length} 个维度，但带批量维的输入 N×${dimsZh(input.shape)}（来自 ${fromZh(input)}）有 ${rank} 维。`,
        fix: `每一维写一项，批量维 0 在最前，例如 [${[0, ...Array.from({ length: rank - 1 }, (_, i) => i + 1)].join(', ')}]。`,
      });
    }
    const d = l.dims.map((x) => (x < 0 ? x + rank : x));
    const bad = l.dims.find((x, i) => d[i] < 0 || d[i] >= rank);
    if (bad !== undefined) {
      return fail('dims', `dims=${order}: ${bad} is not a dimension of the batched ${rank}-D input (N×${dimsText(input.shape)}).`, `Use dimensions between ${-rank} and ${rank - 1}.`, {
        message: `dims=${order}：${bad} 不是带批量维的 ${rank} 维输入（N×${dimsZh(input.shape)}）的维度。`,
        fix: `维度应在 ${-rank} 到 ${rank - 1} 之间。`,
      });
    }
    if (new Set(d).size !== rank) {
      return fail('dims', `dims=${order} names a dimension twice (PyTorch: duplicate dims are not allowed).`, 'List every dimension exactly once.', {
        message: `dims=${order} 把同一维写了两次（PyTorch 不允许重复的维度）。`,
        fix: '每一维恰好写一次。',
      });
    }
    // PyTorch accepts moving the batch; its per-sample shape would then depend on the batch size.
    if (d[0] !== 0) {
      return fail('batch', `dims=${order} moves the batch dimension away from the front; PyTorch allows it, but the result's shape then depends on the batch size, and cnn-graph analyses one sample.`, 'Keep 0 first and reorder only the dimensions after it.', {
        message: `dims=${order} 把批量维移离了最前面；PyTorch 允许这样做，但结果的形状会随批量大小而变，而 cnn-graph 分析的是单个样本。`,
        fix: '让 0 保持在最前，只重排它后面的维度。',
      });
    }
    return ok(d.slice(1).map((x) => input.shape[x - 1]));
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  layout(l) {
    const d = l.dims.map((x) => (x < 0 ? x + l.dims.length : x)).join();
    return d === '0,2,3,1' ? 'channels-last' : d === '0,3,1,2' ? 'channels-first' : undefined;
  },
  label: (l) => `Permute [${l.dims.join(', ')}]`,
  labelZh: (text) => text,
};
