import { fail, fromZh, ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'LocalResponseNorm'> = {
  kind: 'LocalResponseNorm',
  outputShape(l, [input]) {
    if (input.shape.length < 2) {
      return fail('rank', `needs a channel axis and at least one more dimension, receives ${input.shape.join('×')} (from ${input.from}).`, 'Apply it to feature maps, before Flatten.', {
        message: `需要通道维和至少一个其他维度，收到的却是 ${input.shape.length ? input.shape.join('×') : '标量'}（来自 ${fromZh(input)}）。`,
        fix: '把它用在特征图上，放在 Flatten 之前。',
      });
    }
    return ok(input.shape);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => `LocalResponseNorm n=${l.size}`,
  labelZh: (text) => text,
};
