import { dims, dimsZh, fail, ok, unbatchedDim } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'Flatten'> = {
  kind: 'Flatten',
  outputShape(l, [input]) {
    const rank = input.shape.length;
    const s = unbatchedDim(l.start_dim ?? 1, rank);
    const e = unbatchedDim(l.end_dim ?? -1, rank);
    if (s === null || e === null) {
      return fail('dim', `start_dim=${l.start_dim ?? 1}, end_dim=${l.end_dim ?? -1} are out of range for a batched ${rank + 1}-D tensor (N×${dims(input.shape)}).`, `Use dimensions between ${-(rank + 1)} and ${rank}.`, {
        message: `start_dim=${l.start_dim ?? 1}、end_dim=${l.end_dim ?? -1} 超出了带批量维的 ${rank + 1} 维张量（N×${dimsZh(input.shape)}）的范围。`,
        fix: `维度应在 ${-(rank + 1)} 到 ${rank} 之间。`,
      });
    }
    if (s < 0) {
      return fail('dim', 'flattening into the batch dimension changes the batch size; cnn-graph analyses one sample.', 'Use start_dim=1.', {
        message: '把批量维也拉平会改变批量大小；cnn-graph 分析的是单个样本。',
        fix: '使用 start_dim=1。',
      });
    }
    if (s > e) return fail('dim', `start_dim (${l.start_dim}) comes after end_dim (${l.end_dim}).`, 'Swap them.', { message: `start_dim（${l.start_dim}）在 end_dim（${l.end_dim}）之后。`, fix: '把两者对调。' });
    const merged = input.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
    return ok([...input.shape.slice(0, s), merged, ...input.shape.slice(e + 1)]);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'global',
  label: () => 'Flatten',
  labelZh: (text) => text,
};
