import { dims, dimsZh, fail, fromZh, ok, unbatchedDim } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'Concat'> = {
  kind: 'Concat',
  outputShape(l, inputs) {
    const first = inputs[0].shape;
    const d = unbatchedDim(l.dim ?? 1, first.length);
    if (d === null || d < 0) {
      return fail('dim', `dim=${l.dim ?? 1} is not a feature dimension of N×${dims(first)}.`, 'Use dim=1 to join channels.', {
        message: `dim=${l.dim ?? 1} 不是 N×${dimsZh(first)} 的特征维度。`,
        fix: '要沿通道拼接，请用 dim=1。',
      });
    }
    for (const other of inputs.slice(1)) {
      const same = other.shape.length === first.length && other.shape.every((x, i) => i === d || x === first[i]);
      if (!same) {
        const spatial = first.length === 3 && d === 0;
        return fail(
          'concat-mismatch',
          `cannot join ${inputs.map((i) => `${dims(i.shape)} (${i.from})`).join(', ')}: ${spatial ? 'spatial sizes' : 'shapes outside the joined axis'} differ.`,
          spatial ? 'Give every branch the same stride and padding so height and width agree (a k×k convolution needs padding (k−1)/2).' : 'Make the inputs agree except along the joined axis.',
          {
            message: `无法拼接 ${inputs.map((i) => `${dimsZh(i.shape)}（${fromZh(i)}）`).join('、')}：${spatial ? '高和宽' : '拼接维以外的形状'}不一致。`,
            fix: spatial ? '让每个分支使用相同的步幅和填充，使高和宽一致（k×k 卷积需要填充 (k−1)/2）。' : '除了拼接的那一维，各输入的形状必须一致。',
          },
        );
      }
    }
    const out = [...first];
    out[d] = inputs.reduce((a, i) => a + i.shape[d], 0);
    return ok(out);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => ((l.dim ?? 1) === 1 ? 'Concat (channels)' : `Concat dim=${l.dim}`),
  labelZh: (text) => text.replace(/ \(channels\)$/, '（通道）'),
  motif: () => ({ op: 'merge', merge: 'concat' }),
  formula: (_l, _input, output) => [`channels add up to ${output[0]}`],
};
