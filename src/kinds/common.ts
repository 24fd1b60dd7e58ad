/** Helpers shared by the kinds' analysis facets: shape text, checks, and window formulas. */
import type { IntOrPair, Shape } from '../graph/types.js';
import { effectiveKernel, pair, type Pair } from '../analysis/arith.js';
import type { AxisWindow, InputInfo, Issue, KindAnalysis, ShapeResult, ZhText } from './spec.js';
import type { LayerKind } from '../graph/types.js';

export const dims = (s: Shape): string => (s.length === 0 ? 'scalar' : s.join('×'));
/** `dims` for Chinese messages. */
export const dimsZh = (s: Shape): string => (s.length === 0 ? '标量' : s.join('×'));
/** Where an input comes from, in a Chinese message. */
export const fromZh = (i: InputInfo): string => i.fromZh ?? i.from;
/** 高 / 宽 for an axis named in an English message. */
export const axisZh = (axis: 'height' | 'width'): string => (axis === 'height' ? '高' : '宽');

/**
 * A layer's failure: the English message and fix, then the same in Chinese
 * (required: the compiler refuses a new failure without it), then the formula.
 */
export const fail = (code: string, message: string, fix: string | undefined, zh: ZhText, formula?: string): ShapeResult => ({
  ok: false,
  error: { code, message, ...(fix ? { fix } : {}), ...(formula ? { formula } : {}), zh },
});

export const ok = (shape: Shape, warnings?: Issue[]): ShapeResult =>
  warnings && warnings.length ? { ok: true, shape, warnings } : { ok: true, shape };

/** Spatial layers need `[C, H, W]`; say so in the learner's terms otherwise. */
export function requireCHW(kind: string, input: InputInfo): ShapeResult | null {
  if (input.shape.length === 3) return null;
  const flat = input.shape.length === 1;
  return fail(
    'rank',
    `${kind} expects a C×H×W feature map, receives ${dims(input.shape)} (from ${input.from}).`,
    flat ? `Move ${kind} before the Flatten, or remove it.` : `Give ${kind} a 3-D input (channels, height, width).`,
    {
      message: `${kind} 需要 C×H×W 的特征图，收到的却是 ${dimsZh(input.shape)}（来自 ${fromZh(input)}）。`,
      fix: flat ? `把 ${kind} 移到 Flatten 之前，或者删除它。` : `给 ${kind} 一个 3 维输入（通道、高、宽）。`,
    },
  );
}

export const pairText = (p: Pair): string => (p[0] === p[1] ? `${p[0]}` : `${p[0]}×${p[1]}`);
export const kernelText = (k: IntOrPair): string => {
  const [h, w] = pair(k);
  return `${h}×${w}`;
};

/** `H: ⌊(28 + 2·2 − 1·(5−1) − 1)/1⌋ + 1 = 28` (or with ⌈⌉ for ceil_mode). */
export function windowFormula(axis: 'H' | 'W' | 'H, W', input: number, w: AxisWindow, padAfter: number, out: number, ceil = false): string {
  const pads = w.padBefore === padAfter ? `2·${w.padBefore}` : `${w.padBefore} + ${padAfter}`;
  const [l, r] = ceil ? ['⌈', '⌉'] : ['⌊', '⌋'];
  const dk = w.dilation === 1 ? `(${w.kernel}−1)` : `${w.dilation}·(${w.kernel}−1)`;
  return `${axis}: ${l}(${input} + ${pads} − ${dk} − 1)/${w.stride}${r} + 1 = ${out}`;
}

export const sameWindow = (a: AxisWindow, b: AxisWindow): boolean => a.kernel === b.kernel && a.stride === b.stride && a.padBefore === b.padBefore && a.dilation === b.dilation;

/** Shared check for sliding windows: the dilated kernel must fit in the padded input. */
export function windowFits(kind: string, axis: 'height' | 'width', input: number, w: AxisWindow, padAfter: number): Issue | null {
  const span = effectiveKernel(w.kernel, w.dilation);
  const padded = input + w.padBefore + padAfter;
  if (span <= padded) return null;
  const dilated = w.dilation > 1;
  return {
    code: 'kernel-too-large',
    message: `${kind} kernel spans ${span} along ${axis}${dilated ? ` (${w.kernel} dilated by ${w.dilation})` : ''} but the padded input is only ${padded} (${input} + padding ${w.padBefore + padAfter}).`,
    fix: `Use a kernel of at most ${padded}${dilated ? ' after dilation' : ''}, add padding, or feed a larger input (remove a pooling layer before it).`,
    zh: {
      message: `${kind} 的卷积核在${axisZh(axis)}方向上覆盖 ${span} 个像素${dilated ? `（大小 ${w.kernel}，空洞 ${w.dilation}）` : ''}，但填充后的输入只有 ${padded}（${input} + 填充 ${w.padBefore + padAfter}）。`,
      fix: `把卷积核${dilated ? '（计入空洞后）' : ''}缩小到不超过 ${padded}，增加填充，或者输入更大的图像（去掉它前面的某个汇聚层）。`,
    },
  };
}

/** Resolve a batched-tensor dim (PyTorch numbering, batch = 0) to an index into our unbatched shape. */
export function unbatchedDim(dim: number, rank: number): number | null {
  const batchedRank = rank + 1;
  const d = dim < 0 ? dim + batchedRank : dim;
  if (d < 0 || d >= batchedRank) return null;
  return d - 1; // -1 means the batch axis itself
}

/**
 * A layer that keeps the shape and has no parameters (activations, dropout): its label stays PyTorch's in Chinese too.
 * `own` replaces any part (a check of the arguments in `outputShape`): passed in rather than spread over
 * the result, so that a bundle that never reads the kind's analysis drops the whole call.
 */
export function shapePreserving<K extends LayerKind>(kind: K, label: KindAnalysis<K>['label'], own: Partial<KindAnalysis<K>> = {}): KindAnalysis<K> {
  return {
    kind,
    outputShape: (_l, [input]) => ok(input.shape),
    weights: () => [],
    buffers: () => [],
    macs: () => 0,
    window: () => 'identity',
    label,
    labelZh: (text) => text,
    ...own,
  };
}

/**
 * The dimension a Chunk or Split cuts, as an index into the unbatched shape,
 * or the failure: out of range, or the batch (PyTorch's default dim=0 is the batch).
 */
export function pieceDim(kind: string, dim: number, input: InputInfo): { d: number } | { fail: ShapeResult } {
  const d = unbatchedDim(dim, input.shape.length);
  const rank = input.shape.length + 1;
  if (d === null) {
    return { fail: fail('dim', `dim=${dim} is out of range for the batched ${rank}-D input (N×${dims(input.shape)}, from ${input.from}).`, `Use a dimension between 1 and ${rank - 1} (1 is the channels).`, { message: `dim=${dim} 超出了带批量维的 ${rank} 维输入（N×${dimsZh(input.shape)}，来自 ${fromZh(input)}）的范围。`, fix: `使用 1 到 ${rank - 1} 之间的维度（1 是通道）。` }) };
  }
  if (d < 0) {
    return { fail: fail('dim', `dim=${dim} is the batch dimension (PyTorch's default for ${kind} is dim=0); cutting the batch changes the batch size, and cnn-graph analyses one sample.`, 'Set dim=1 to cut the channels.', { message: `dim=${dim} 是批量维（PyTorch 中 ${kind} 的默认值就是 dim=0）；切分批量维会改变批量大小，而 cnn-graph 分析的是单个样本。`, fix: '设置 dim=1 来切分通道。' }) };
  }
  return { d };
}

/** The failure of an `index` past the last piece (PyTorch: "tuple index out of range"). */
export function noSuchPiece(what: string, whatZh: string, index: number, pieces: readonly number[], input: InputInfo, d: number): ShapeResult {
  return fail('index', `index=${index}, but ${what} gives ${pieces.length} piece${pieces.length === 1 ? '' : 's'} (${pieces.join(', ')}) of dimension ${d + 1} of ${dims(input.shape)} (from ${input.from}).`, `Use an index from 0 to ${pieces.length - 1}.`, {
    message: `index=${index}，但${whatZh}只得到 ${pieces.length} 块（${pieces.join('、')}），切的是 ${dimsZh(input.shape)}（来自 ${fromZh(input)}）的第 ${d + 1} 维。`,
    fix: `index 应在 0 到 ${pieces.length - 1} 之间。`,
  });
}
