/**
 * Output-size arithmetic shared by every sliding-window layer, written once
 * and tested exhaustively against a brute-force window count
 * (tests/analysis/arith.test.ts).
 */
import type { IntOrPair } from '../graph/types.js';

export type Pair = readonly [number, number];

/** PyTorch's `_pair`: an int means the same value for height and width. */
export function pair(v: IntOrPair): Pair {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** Floor division rounding toward −∞ (C++ `div_rtn` in ATen). */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** The span a dilated kernel covers: `D·(K−1)+1`. */
export function effectiveKernel(k: number, d = 1): number {
  return d * (k - 1) + 1;
}

/**
 * Convolution output size, `⌊(H + P_l + P_r − D(K−1) − 1)/S⌋ + 1`
 * (ATen `conv_output_size`). Can be ≤ 0: callers report that as an error.
 */
export function convOutputSize(input: number, kernel: number, stride = 1, padBefore = 0, dilation = 1, padAfter = padBefore): number {
  return floorDiv(input + padBefore + padAfter - effectiveKernel(kernel, dilation), stride) + 1;
}

/**
 * Transposed convolution output size, `(H−1)·S − 2P + D(K−1) + output_padding + 1`
 * (ATen `conv_input_size`, what `ConvTranspose2d` computes): the full scatter
 * of every input pixel spans `(H−1)·S + D(K−1) + 1`, `P` is cropped from each
 * side and `output_padding` added at the end. Can be ≤ 0: callers report that.
 */
export function transposedConvOutputSize(input: number, kernel: number, stride = 1, pad = 0, dilation = 1, outputPadding = 0): number {
  return (input - 1) * stride - 2 * pad + effectiveKernel(kernel, dilation) + outputPadding;
}

/**
 * Pooling output size with PyTorch's ceil_mode (ATen `pooling_output_shape_pad_lr`):
 * ceil_mode rounds up, but the last window must start inside the input or the
 * left padding; a window starting entirely in the right padding is dropped.
 */
export function poolOutputSize(input: number, kernel: number, stride: number, pad = 0, dilation = 1, ceilMode = false): number {
  let out = floorDiv(input + 2 * pad - effectiveKernel(kernel, dilation) + (ceilMode ? stride - 1 : 0), stride) + 1;
  if (ceilMode && (out - 1) * stride >= input + pad) out -= 1;
  return out;
}

/**
 * Padding for `padding='same'` (stride 1): PyTorch pads `total//2` before and
 * the rest after, so an even kernel puts the extra row/column at the end.
 */
export function samePadding(kernel: number, dilation = 1): [before: number, after: number] {
  const total = dilation * (kernel - 1);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * Adaptive pooling window `i` of `out` over `input` (ATen `start_index`/`end_index`):
 * `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)`.
 */
export function adaptiveWindow(i: number, input: number, out: number): [start: number, end: number] {
  return [Math.floor((i * input) / out), Math.ceil(((i + 1) * input) / out)];
}

/** Largest adaptive window and the smallest step between window starts, for receptive fields. */
export function adaptiveKernelStride(input: number, out: number): [kernel: number, stride: number] {
  let kernel = 0;
  let stride = Infinity;
  for (let i = 0; i < out; i++) {
    const [s, e] = adaptiveWindow(i, input, out);
    kernel = Math.max(kernel, e - s);
    if (i > 0) stride = Math.min(stride, s - adaptiveWindow(i - 1, input, out)[0]);
  }
  return [kernel, Number.isFinite(stride) ? Math.max(stride, 1) : input];
}

export const product = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);
