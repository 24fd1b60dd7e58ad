import { fail, ok, shapePreserving, unbatchedDim } from '../common.js';
import type { KindAnalysis } from '../spec.js';

/** LogSoftmax keeps the shape along a feature dimension of the batched tensor (as Softmax). */
export const analysis: KindAnalysis<'LogSoftmax'> = /* @__PURE__ */ shapePreserving('LogSoftmax', (l) => `LogSoftmax dim=${l.dim}`, {
  outputShape(l, [input]) {
    const rank = input.shape.length + 1;
    const d = unbatchedDim(l.dim, input.shape.length);
    if (d === null) {
      return fail('dim', `dim=${l.dim} is out of range for the batched input N×${input.shape.join('×')} (dimensions −${rank} to ${rank - 1}).`, 'Use dim=1 for class scores.', {
        message: `dim=${l.dim} 超出了带批量维的输入 N×${input.shape.join('×')} 的维度范围（−${rank} 到 ${rank - 1}）。`,
        fix: '对各类别的得分请用 dim=1。',
      });
    }
    if (d < 0) {
      return fail('dim', `dim=${l.dim} is the batch dimension of N×${input.shape.join('×')}: LogSoftmax would mix the samples of a batch.`, 'Use dim=1 for class scores.', {
        message: `dim=${l.dim} 是 N×${input.shape.join('×')} 的批量维：LogSoftmax 会把一个批次里的样本混在一起。`,
        fix: '对各类别的得分请用 dim=1。',
      });
    }
    return ok(input.shape);
  },
});
