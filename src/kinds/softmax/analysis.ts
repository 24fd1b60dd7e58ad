import { fail, ok, shapePreserving, unbatchedDim } from '../common.js';
import type { KindAnalysis } from '../spec.js';

/** Softmax keeps the shape along a feature dimension of the batched tensor. */
export const analysis: KindAnalysis<'Softmax'> = /* @__PURE__ */ shapePreserving('Softmax', (l) => `Softmax dim=${l.dim ?? 1}`, {
  outputShape(l, [input]) {
    const d = unbatchedDim(l.dim ?? 1, input.shape.length);
    if (d === null || d < 0) {
      return fail('dim', `dim=${l.dim ?? 1} is not a feature dimension of the batched input (N×${input.shape.join('×')}).`, 'Use dim=1 for class scores.', {
        message: `dim=${l.dim ?? 1} 不是带批量维的输入（N×${input.shape.join('×')}）的特征维度。`,
        fix: '对各类别的得分请用 dim=1。',
      });
    }
    return ok(input.shape);
  },
});
