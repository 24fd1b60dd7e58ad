import { adaptiveKernelStride } from '../../analysis/arith.js';
import { fail, ok, requireCHW } from '../common.js';
import type { KindAnalysis } from '../spec.js';

function target(l: { output_size: number | readonly [number | null, number | null] }, h: number, w: number): [number, number] {
  if (typeof l.output_size === 'number') return [l.output_size, l.output_size];
  return [l.output_size[0] ?? h, l.output_size[1] ?? w];
}

export const analysis: KindAnalysis<'AdaptiveAvgPool2d'> = {
  kind: 'AdaptiveAvgPool2d',
  outputShape(l, [input]) {
    const bad = requireCHW('AdaptiveAvgPool2d', input);
    if (bad) return bad;
    const [c, h, w] = input.shape;
    const [oh, ow] = target(l, h, w);
    if (oh < 1 || ow < 1) {
      return fail('output-size', `output_size must be positive, got ${oh}×${ow}.`, 'Use output_size=1 for global average pooling.', {
        message: `output_size 必须是正数，收到的却是 ${oh}×${ow}。`,
        fix: '全局平均池化请用 output_size=1。',
      });
    }
    return ok([c, oh, ow]);
  },
  weights: () => [],
  buffers: () => [],
  // fvcore's handle counts one operation per input element; the others count none.
  macs: (_l, [input], _out, convention) => (convention === 'fvcore' ? input.reduce((a, b) => a * b, 1) : 0),
  macWords: { fvcore: 'adaptive average pooling (1 per input element)' },
  window(l, input) {
    const [, h, w] = input;
    const [oh, ow] = target(l, h, w);
    if (oh === 1 && ow === 1) return 'global';
    const [kh, sh] = adaptiveKernelStride(h, oh);
    const [kw, sw] = adaptiveKernelStride(w, ow);
    return [
      { kernel: kh, stride: sh, padBefore: 0, dilation: 1 },
      { kernel: kw, stride: sw, padBefore: 0, dilation: 1 },
    ];
  },
  label(l) {
    const [h, w] = target(l, NaN, NaN);
    const t = (x: number) => (Number.isNaN(x) ? '·' : String(x));
    return h === 1 && w === 1 ? 'AdaptiveAvgPool2d → 1×1 (global)' : `AdaptiveAvgPool2d → ${t(h)}×${t(w)}`;
  },
  labelZh: (text) => text.replace(/ \(global\)$/, '（全局）'),
  formula(l, input, output) {
    return [`window i covers [⌊i·${input[1]}/${output[1]}⌋, ⌈(i+1)·${input[1]}/${output[1]}⌉) along H, likewise W: output ${output[1]}×${output[2]}`];
  },
};
