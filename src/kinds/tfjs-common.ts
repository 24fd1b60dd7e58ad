/** Shared by the kinds' tfjs facets: PyTorch's default initialisers and its dimension numbering in NHWC. */
import * as tf from '@tensorflow/tfjs';
import type { Shape } from '../graph/types.js';
import { effectiveKernel } from '../analysis/arith.js';
import type { Initializer, Padding2D } from '../train/layers/common.js';
import { poolWindows, type PoolLike } from './pool.js';
import type { TfjsContext } from './tfjs-spec.js';

/** `[C, H, W]` → `[H, W, C]`; vectors stay as they are. */
export function channelsLast(shape: Shape): number[] {
  return shape.length === 3 ? [shape[1], shape[2], shape[0]] : [...shape];
}

/** PyTorch's default for Conv2d and Linear weights: kaiming_uniform(a=√5), i.e. U(±1/√fan_in). */
export function torchWeightInit(seed: number | undefined, zeros: boolean): Initializer {
  if (zeros) return tf.initializers.zeros();
  return tf.initializers.varianceScaling({ scale: 1 / 3, mode: 'fanIn', distribution: 'uniform', ...(seed === undefined ? {} : { seed }) });
}

/** PyTorch's default bias: U(±1/√fan_in). */
export function torchBiasInit(fanIn: number, seed: number | undefined, zeros: boolean): Initializer {
  if (zeros) return tf.initializers.zeros();
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return tf.initializers.randomUniform({ minval: -bound, maxval: bound, ...(seed === undefined ? {} : { seed }) });
}

/** A dimension of PyTorch's batched tensor (N first, then C, H, W) → the tfjs axis in NHWC. */
export function torchDimToAxis(dim: number, sampleRank: number, ctx: TfjsContext): number {
  const rank = sampleRank + 1;
  const d = dim < 0 ? dim + rank : dim;
  if (d < 1 || d >= rank) ctx.fail(`dim=${dim} is not a feature dimension of a batched ${rank}-D tensor.`);
  if (sampleRank === 3) return [0, 3, 1, 2][d];
  return d;
}

/**
 * A pooling layer's window in tfjs terms. PyTorch's output size is the
 * analysis's; the ceil_mode overhang is the extra padding at the end that lets
 * a 'valid' window produce it. `plain`: tfjs's own pooling is already exact.
 */
export function poolGeometry(l: PoolLike, inShape: Shape, outShape: Shape) {
  const [h, w] = poolWindows(l);
  const overhang = (axis: typeof h, length: number, out: number) => Math.max(0, (out - 1) * axis.stride + effectiveKernel(axis.kernel, axis.dilation) - (length + 2 * axis.padBefore));
  const extraH = overhang(h, inShape[1], outShape[1]);
  const extraW = overhang(w, inShape[2], outShape[2]);
  const padding: Padding2D = [[h.padBefore, h.padBefore + extraH], [w.padBefore, w.padBefore + extraW]];
  const kernel: [number, number] = [h.kernel, w.kernel];
  const stride: [number, number] = [h.stride, w.stride];
  const plain = padding.flat().every((p) => p === 0) && h.dilation === 1 && w.dilation === 1;
  return { h, w, padding, kernel, stride, plain };
}

/**
 * Which PyTorch sample dimension each tfjs axis after the batch holds: a
 * C×H×W map is stored H, W, C (channels-last, as `channelsLast`); a tensor of
 * any other rank keeps PyTorch's order.
 */
export function torchDimsOfAxes(rank: number): number[] {
  return rank === 3 ? [1, 2, 0] : Array.from({ length: rank }, (_, i) => i);
}

/** The tfjs axis (after the batch, 0-based) that holds PyTorch sample dimension `d`. */
export function axisOfTorchDim(d: number, rank: number): number {
  return torchDimsOfAxes(rank).indexOf(d);
}

/**
 * `tf.layers.permute` dims (1-based) that turn a tensor of tfjs layout into
 * PyTorch's element order (C, H, W), so a reshape there groups elements as
 * PyTorch's `view` does; `fromTorchOrder` goes back. Identity for ranks other than 3.
 */
export const toTorchOrder = (rank: number): number[] => Array.from({ length: rank }, (_, d) => axisOfTorchDim(d, rank) + 1);
export const fromTorchOrder = (rank: number): number[] => torchDimsOfAxes(rank).map((d) => d + 1);
export const isIdentity = (dims: readonly number[]): boolean => dims.every((d, i) => d === i + 1);
