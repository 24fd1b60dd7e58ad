/** Shared by MaxPool2d and AvgPool2d: PyTorch's pool2d_shape_check and ceil_mode arithmetic. */
import type { IntOrPair, Shape } from '../graph/types.js';
import { adaptiveKernelStride, pair, poolOutputSize } from '../analysis/arith.js';
import { axisZh, fail, fromZh, kernelText, ok, pairText, requireCHW, sameWindow, windowFormula } from './common.js';
import type { AxisWindow, InputInfo, KindAnalysis, Motif, ShapeResult } from './spec.js';

export interface PoolLike {
  kernel_size: IntOrPair;
  stride?: IntOrPair | null;
  padding?: IntOrPair;
  dilation?: IntOrPair;
  ceil_mode?: boolean;
}

export function poolWindows(l: PoolLike): [AxisWindow, AxisWindow] {
  const k = pair(l.kernel_size);
  // PyTorch: stride=None (or an empty list) means stride = kernel_size.
  const s = l.stride == null ? k : pair(l.stride);
  const p = pair(l.padding ?? 0);
  const d = pair(l.dilation ?? 1);
  return [0, 1].map((i) => ({ kernel: k[i], stride: s[i], padBefore: p[i], dilation: d[i] })) as [AxisWindow, AxisWindow];
}

export function poolOutputShape(kind: string, l: PoolLike, input: InputInfo): ShapeResult {
  const bad = requireCHW(kind, input);
  if (bad) return bad;
  const [c, h, w] = input.shape;
  const wins = poolWindows(l);
  for (const [axis, win] of [['height', wins[0]], ['width', wins[1]]] as const) {
    // ATen pool2d_shape_check: padding may be at most half the kernel.
    if (win.padBefore > Math.floor(win.kernel / 2)) {
      return fail(
        'pool-padding',
        `padding ${win.padBefore} along ${axis} is more than half the kernel ${win.kernel}; PyTorch rejects this.`,
        `Use padding ≤ ${Math.floor(win.kernel / 2)}, or a kernel of at least ${2 * win.padBefore}.`,
        {
          message: `${axisZh(axis)}方向的填充 ${win.padBefore} 超过了窗口大小 ${win.kernel} 的一半，PyTorch 不允许这样。`,
          fix: `把填充改为不超过 ${Math.floor(win.kernel / 2)}，或者把窗口（kernel_size）至少设为 ${2 * win.padBefore}。`,
        },
      );
    }
  }
  const ceil = l.ceil_mode ?? false;
  const oh = poolOutputSize(h, wins[0].kernel, wins[0].stride, wins[0].padBefore, wins[0].dilation, ceil);
  const ow = poolOutputSize(w, wins[1].kernel, wins[1].stride, wins[1].padBefore, wins[1].dilation, ceil);
  if (oh < 1 || ow < 1) {
    const f = [windowFormula('H', h, wins[0], wins[0].padBefore, oh, ceil), windowFormula('W', w, wins[1], wins[1].padBefore, ow, ceil)];
    return fail(
      'output-too-small',
      `a ${kernelText(l.kernel_size)} window with stride ${pairText([wins[0].stride, wins[1].stride])} does not fit the ${h}×${w} input (from ${input.from}); the output would be ${c}×${oh}×${ow}.`,
      'Use a smaller kernel, add padding, or remove an earlier downsampling layer.',
      {
        message: `${kernelText(l.kernel_size)} 的窗口、步幅 ${pairText([wins[0].stride, wins[1].stride])}，放不进 ${h}×${w} 的输入（来自 ${fromZh(input)}）；输出会是 ${c}×${oh}×${ow}。`,
        fix: '换一个更小的窗口，增加填充，或者去掉前面某个缩小尺寸的层（汇聚层或带步幅的卷积层）。',
      },
      f.join('; '),
    );
  }
  return ok([c, oh, ow]);
}

export function poolLabel(kind: string, l: PoolLike): string {
  const [h, w] = poolWindows(l);
  const parts = [`${kind} ${kernelText(l.kernel_size)}`, `s${pairText([h.stride, w.stride])}`];
  if (h.padBefore || w.padBefore) parts.push(`p${pairText([h.padBefore, w.padBefore])}`);
  if (h.dilation > 1 || w.dilation > 1) parts.push(`d${pairText([h.dilation, w.dilation])}`);
  if (l.ceil_mode) parts.push('ceil');
  return parts.join(' · ');
}

/** A pooling window's part in a module's description (`3×3/2 max pool`). */
export function poolMotif(reduce: 'max' | 'avg', l: PoolLike): Motif {
  const [h, w] = poolWindows(l);
  return { op: 'pool', reduce, kernel: [h.kernel, w.kernel], stride: [h.stride, w.stride] };
}

export function poolFormula(l: PoolLike, input: Shape, output: Shape): string[] {
  const [h, w] = poolWindows(l);
  const ceil = l.ceil_mode ?? false;
  const lines =
    input[1] === input[2] && output[1] === output[2] && sameWindow(h, w)
      ? [windowFormula('H, W', input[1], h, h.padBefore, output[1], ceil)]
      : [windowFormula('H', input[1], h, h.padBefore, output[1], ceil), windowFormula('W', input[2], w, w.padBefore, output[2], ceil)];
  if (ceil) lines.push('ceil_mode: a last window that would start in the right padding is dropped.');
  return lines;
}

/** An adaptive pool's output size: an int for both axes, or a pair where null keeps that input size (PyTorch). */
export function adaptiveTarget(l: { output_size: number | readonly [number | null, number | null] }, h: number, w: number): [number, number] {
  if (typeof l.output_size === 'number') return [l.output_size, l.output_size];
  return [l.output_size[0] ?? h, l.output_size[1] ?? w];
}

/**
 * AdaptiveAvgPool2d's and AdaptiveMaxPool2d's shared analysis: PyTorch's
 * windows `[⌊i·L/O⌋, ⌈(i+1)·L/O⌉)` to the output size asked for, no weights,
 * no MACs (AdaptiveAvgPool2d adds fvcore's count through `own`, as shapePreserving's).
 */
export function adaptivePool<K extends 'AdaptiveAvgPool2d' | 'AdaptiveMaxPool2d'>(kind: K, globalFix: string, globalFixZh: string, own: Partial<KindAnalysis<K>> = {}): KindAnalysis<K> {
  return {
    kind,
    outputShape(l, [input]) {
      const bad = requireCHW(kind, input);
      if (bad) return bad;
      const [c, h, w] = input.shape;
      const [oh, ow] = adaptiveTarget(l, h, w);
      if (oh < 1 || ow < 1) {
        return fail('output-size', `output_size must be positive, got ${oh}×${ow}.`, globalFix, { message: `output_size 必须是正数，收到的却是 ${oh}×${ow}。`, fix: globalFixZh });
      }
      return ok([c, oh, ow]);
    },
    weights: () => [],
    buffers: () => [],
    macs: () => 0,
    window(l, input) {
      const [, h, w] = input;
      const [oh, ow] = adaptiveTarget(l, h, w);
      if (oh === 1 && ow === 1) return 'global';
      const [kh, sh] = adaptiveKernelStride(h, oh);
      const [kw, sw] = adaptiveKernelStride(w, ow);
      return [
        { kernel: kh, stride: sh, padBefore: 0, dilation: 1 },
        { kernel: kw, stride: sw, padBefore: 0, dilation: 1 },
      ];
    },
    label(l) {
      const [h, w] = adaptiveTarget(l, NaN, NaN);
      const t = (x: number) => (Number.isNaN(x) ? '·' : String(x));
      return h === 1 && w === 1 ? `${kind} → 1×1 (global)` : `${kind} → ${t(h)}×${t(w)}`;
    },
    labelZh: (text) => text.replace(/ \(global\)$/, '（全局）'),
    motif(l, input) {
      const [oh, ow] = adaptiveTarget(l, input?.[1] ?? NaN, input?.[2] ?? NaN);
      const reduce = kind === 'AdaptiveMaxPool2d' ? 'max' : 'avg';
      return oh === 1 && ow === 1 ? { op: 'pool', reduce, kernel: 'global', stride: [1, 1] } : { op: 'pool', reduce, kernel: 'adaptive', stride: [1, 1], size: [oh, ow] };
    },
    formula(_l, input, output) {
      return [`window i covers [⌊i·${input[1]}/${output[1]}⌋, ⌈(i+1)·${input[1]}/${output[1]}⌉) along H, likewise W: output ${output[1]}×${output[2]}`];
    },
    ...(own as object),
  } satisfies KindAnalysis<'AdaptiveAvgPool2d' | 'AdaptiveMaxPool2d'> as unknown as KindAnalysis<K>;
}
