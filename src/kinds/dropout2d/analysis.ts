import { dims, dimsZh, fromZh, ok, shapePreserving } from '../common.js';
import type { KindAnalysis } from '../spec.js';

/** Dropout2d keeps the shape; PyTorch warns (and drops something else than channels of a map) unless the sample is C×H×W. */
export const analysis: KindAnalysis<'Dropout2d'> = /* @__PURE__ */ shapePreserving('Dropout2d', (l) => `Dropout2d p=${l.p ?? 0.5}`, {
  outputShape(_l, [input]) {
    if (input.shape.length === 3) return ok(input.shape);
    // F.dropout2d: a 2-D batch is deprecated (it acts as Dropout); a 3-D one is read as N×C×L.
    return ok(input.shape, [
      {
        code: 'dropout2d-rank',
        message: `Dropout2d zeroes whole channels of a C×H×W map, but receives ${dims(input.shape)} (from ${input.from}); PyTorch warns and ${input.shape.length === 1 ? 'drops single features, as Dropout does' : 'drops along the first dimension'}.`,
        fix: input.shape.length === 1 ? 'Use Dropout on a vector.' : 'Use Dropout2d on a C×H×W feature map, or Dropout.',
        zh: {
          message: `Dropout2d 按通道整块置零，需要 C×H×W 的特征图，收到的却是 ${dimsZh(input.shape)}（来自 ${fromZh(input)}）；PyTorch 会给出警告，${input.shape.length === 1 ? '并像 Dropout 一样逐个特征置零' : '并沿第一个维度置零'}。`,
          fix: input.shape.length === 1 ? '对向量请用 Dropout。' : '把 Dropout2d 用在 C×H×W 的特征图上，或者改用 Dropout。',
        },
      },
    ]);
  },
});
