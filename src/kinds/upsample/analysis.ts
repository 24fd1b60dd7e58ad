import type { Layer } from '../../graph/types.js';
import { adaptiveKernelStride, type Pair } from '../../analysis/arith.js';
import { dims, dimsZh, fail, fromZh, ok, requireCHW } from '../common.js';
import type { AxisWindow, KindAnalysis } from '../spec.js';
import type { UpsampleMode } from './config.js';

type Up = Layer<'Upsample'>;

const scalePair = (s: number | readonly [number, number]): Pair => (typeof s === 'number' ? [s, s] : [s[0], s[1]]);
const num = (x: number) => String(x);

/**
 * What PyTorch resizes with: the output size (`size`, or ⌊H·scale⌋ in double
 * precision, as F.interpolate computes it) and the scale its kernels are
 * handed (the scale_factor itself, not output/input, unless
 * recompute_scale_factor=True or a size was given).
 */
export function upsampleGeometry(l: Up, h: number, w: number): { out: Pair; scales: [number | undefined, number | undefined]; mode: UpsampleMode; alignCorners: boolean } {
  const mode = l.mode ?? 'nearest';
  const alignCorners = l.align_corners === true;
  if (l.size !== undefined) {
    const out = typeof l.size === 'number' ? ([l.size, l.size] as const) : l.size;
    return { out: [out[0], out[1]], scales: [undefined, undefined], mode, alignCorners };
  }
  const s = scalePair(l.scale_factor ?? 1);
  const out: Pair = [Math.floor(h * s[0]), Math.floor(w * s[1])];
  // F.interpolate: area mode always recomputes, as if recompute_scale_factor=True.
  const recompute = l.recompute_scale_factor === true || mode === 'area';
  return { out, scales: recompute ? [undefined, undefined] : [s[0], s[1]], mode, alignCorners };
}

/** Input cells one output reads along an axis, at most. */
function taps(mode: UpsampleMode, input: number, out: number): number {
  if (mode === 'area') return adaptiveKernelStride(input, out)[0];
  if (mode === 'bicubic') return Math.min(4, input);
  if (mode === 'bilinear') return input === out ? 1 : Math.min(2, input);
  return 1;
}

const INTERPOLATING: readonly UpsampleMode[] = ['linear', 'bilinear', 'bicubic', 'trilinear'];

export const analysis: KindAnalysis<'Upsample'> = {
  kind: 'Upsample',
  outputShape(l, [input]) {
    const bad = requireCHW('Upsample', input);
    if (bad) return bad;
    const [c, h, w] = input.shape;
    const mode = l.mode ?? 'nearest';
    // F.interpolate's checks, in its order.
    if (l.align_corners !== undefined && !INTERPOLATING.includes(mode)) {
      return fail('align-corners', `align_corners can only be set with the interpolating modes linear, bilinear, bicubic and trilinear, not mode='${mode}'.`, `Remove align_corners, or use mode='bilinear'.`, {
        message: `只有插值模式 linear、bilinear、bicubic、trilinear 才能设置 align_corners，mode='${mode}' 不行。`,
        fix: `去掉 align_corners，或者改用 mode='bilinear'。`,
      });
    }
    if (l.size !== undefined && l.scale_factor !== undefined) {
      return fail('size-and-scale', 'only one of size or scale_factor should be given; this layer has both.', 'Remove size or scale_factor.', {
        message: 'size 和 scale_factor 只能给一个，这一层两个都给了。',
        fix: '去掉 size 或 scale_factor。',
      });
    }
    if (l.size === undefined && l.scale_factor === undefined) {
      return fail('no-size', 'needs either size or scale_factor to know the output size.', 'Give scale_factor=2 to double height and width, or size=[H, W].', {
        message: '需要 size 或 scale_factor 才能确定输出尺寸。',
        fix: '给出 scale_factor=2 使高和宽加倍，或者给出 size=[H, W]。',
      });
    }
    if (l.recompute_scale_factor === true && l.size !== undefined) {
      return fail('recompute-with-size', 'recompute_scale_factor is not meaningful with an explicit size.', 'Remove recompute_scale_factor, or give scale_factor instead of size.', {
        message: '给定了 size 时，recompute_scale_factor 没有意义。',
        fix: '去掉 recompute_scale_factor，或者用 scale_factor 代替 size。',
      });
    }
    if (mode === 'linear' || mode === 'trilinear') {
      const rank = mode === 'linear' ? '3-D (N, C, L)' : '5-D (N, C, D, H, W)';
      const rankZh = mode === 'linear' ? '3 维 (N, C, L)' : '5 维 (N, C, D, H, W)';
      return fail('mode-rank', `mode='${mode}' needs a ${rank} input; a C×H×W map is a 4-D batch.`, `Use mode='bilinear' for a C×H×W map.`, {
        message: `mode='${mode}' 需要 ${rankZh} 的输入；C×H×W 特征图加上批量是 4 维。`,
        fix: `C×H×W 特征图请用 mode='bilinear'。`,
      });
    }
    const { out } = upsampleGeometry(l, h, w);
    if (out[0] < 1 || out[1] < 1) {
      const s = scalePair(l.scale_factor ?? 1);
      const formula = `H: ⌊${h}·${num(s[0])}⌋ = ${out[0]}, W: ⌊${w}·${num(s[1])}⌋ = ${out[1]}`;
      const least = Math.max(1 / h, 1 / w);
      return fail(
        'output-size',
        `the output would be ${out[0]}×${out[1]}; input and output sizes must be greater than 0. Input ${dims(input.shape)} from ${input.from}.`,
        `Use a scale_factor of at least ${+least.toPrecision(4)}, or give size.`,
        {
          message: `输出会是 ${out[0]}×${out[1]}；输入和输出的尺寸都必须大于 0。输入为 ${dimsZh(input.shape)}，来自 ${fromZh(input)}。`,
          fix: `scale_factor 至少取 ${+least.toPrecision(4)}，或者给出 size。`,
        },
        formula,
      );
    }
    return ok([c, out[0], out[1]]);
  },
  weights: () => [],
  buffers: () => [],
  // fvcore's handles: upsample_nearest2d 1 and upsample_bilinear2d 4 per output element;
  // area runs adaptive_avg_pool2d (1 per input element); bicubic and nearest-exact have no handle.
  macs(l, [input], output, convention) {
    if (convention !== 'fvcore') return 0;
    const mode = l.mode ?? 'nearest';
    const outs = output[0] * output[1] * output[2];
    if (mode === 'nearest') return outs;
    if (mode === 'bilinear') return 4 * outs;
    if (mode === 'area') return input[0] * input[1] * input[2];
    return 0;
  },
  macWords: { fvcore: 'upsampling (nearest 1 and bilinear 4 per output element, area 1 per input element)' },
  window(l, input) {
    const [, h, w] = input;
    const { out, mode } = upsampleGeometry(l, h, w);
    // Neighbouring outputs are input/output pixels apart (below 1 when upsampling).
    const axis = (i: number, o: number): AxisWindow => ({ kernel: taps(mode, i, o), stride: i / o, padBefore: 0, dilation: 1 });
    return [axis(h, out[0]), axis(w, out[1])];
  },
  label(l) {
    const size = typeof l.size === 'number' ? [l.size, l.size] : l.size;
    const target = size !== undefined ? `→ ${size[0]}×${size[1]}` : l.scale_factor !== undefined ? `×${typeof l.scale_factor === 'number' ? num(l.scale_factor) : l.scale_factor.map(num).join('×')}` : '';
    const extras = [l.mode ?? 'nearest', l.align_corners ? 'align_corners' : ''].filter(Boolean);
    return `Upsample ${target} · ${extras.join(' · ')}`.replace('  ', ' ');
  },
  labelZh: (text) => text,
  motif: () => ({ op: 'upsample' }),
  formula(l, input, output) {
    if (l.size !== undefined) return [`H × W = size = ${output[1]}×${output[2]}`];
    const s = scalePair(l.scale_factor ?? 1);
    if (input[1] === input[2] && s[0] === s[1]) return [`H, W: ⌊${input[1]}·${num(s[0])}⌋ = ${output[1]}`];
    return [`H: ⌊${input[1]}·${num(s[0])}⌋ = ${output[1]}`, `W: ⌊${input[2]}·${num(s[1])}⌋ = ${output[2]}`];
  },
};
