import { fail, ok, shapePreserving } from '../common.js';
import type { KindAnalysis } from '../spec.js';

/** Dropout keeps the shape; only p must be a probability. */
export const analysis: KindAnalysis<'Dropout'> = /* @__PURE__ */ shapePreserving('Dropout', (l) => `Dropout p=${l.p ?? 0.5}`, {
  outputShape(l, [input]) {
    const p = l.p ?? 0.5;
    if (!(p >= 0 && p <= 1)) return fail('probability', `p=${p} is not a probability.`, 'Use 0 ≤ p ≤ 1 (PyTorch default 0.5).', { message: `p=${p} 不是一个概率。`, fix: '取 0 ≤ p ≤ 1（PyTorch 默认 0.5）。' });
    return ok(input.shape);
  },
});
