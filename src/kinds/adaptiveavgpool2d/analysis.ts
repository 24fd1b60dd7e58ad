import { adaptivePool } from '../pool.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'AdaptiveAvgPool2d'> = /* @__PURE__ */ adaptivePool('AdaptiveAvgPool2d', 'Use output_size=1 for global average pooling.', '全局平均池化请用 output_size=1。', {
  // fvcore's handle counts one operation per input element; the others count none.
  macs: (_l, [input], _out, convention) => (convention === 'fvcore' ? input.reduce((a, b) => a * b, 1) : 0),
  macWords: { fvcore: 'adaptive average pooling (1 per input element)' },
});
