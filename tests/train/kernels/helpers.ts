/**
 * Shared set-up for the wasm gradient kernel tests: the wasm backend with this
 * project's kernels registered, and a way to run the same computation on the
 * reference 'cpu' backend and on 'wasm' from identical inputs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmGradientKernels } from '../../../src/train/kernels/index.js';

const require = createRequire(import.meta.url);

/** Names returned by the first registration call (made by `initWasm`). */
export let firstRegistration: string[] | null = null;

/** Registers the kernels, starts 'wasm' (its .wasm files read from node_modules). */
export async function initWasm(): Promise<void> {
  if (firstRegistration === null) firstRegistration = registerWasmGradientKernels();
  const dist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  setWasmPaths(`${dist}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await tf.ready();
}

/** Deterministic uniform values in [lo, hi) (mulberry32). */
export function rand(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export type Backend = 'cpu' | 'wasm';

/**
 * Runs `fn` on `backend` (tensors it creates live there) and returns the
 * values of the tensors it returns; restores 'wasm' afterwards.
 */
export async function runOn(backend: Backend, fn: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  try {
    const before = tf.memory().numTensors;
    const values = tf.tidy(() => {
      const out = fn();
      return (Array.isArray(out) ? out : [out]).map((t) => t.dataSync() as Float32Array);
    });
    if (tf.memory().numTensors > before) throw new Error(`${backend}: leaked ${tf.memory().numTensors - before} tensors`);
    return values.map((v) => Float32Array.from(v));
  } finally {
    await tf.setBackend('wasm');
  }
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * Runs `fn` on 'cpu' and on 'wasm' and returns the largest absolute
 * difference over all returned tensors (and the largest magnitude, to show
 * the comparison is not trivially between zeros).
 */
export async function compareBackends(fn: () => tf.Tensor | tf.Tensor[]): Promise<{ diff: number; scale: number; cpu: Float32Array[]; wasm: Float32Array[] }> {
  const cpu = await runOn('cpu', fn);
  const wasm = await runOn('wasm', fn);
  if (cpu.length !== wasm.length) throw new Error('different numbers of outputs');
  let diff = 0;
  let scale = 0;
  cpu.forEach((c, i) => {
    diff = Math.max(diff, maxAbsDiff(c, wasm[i]!));
    scale = Math.max(scale, maxAbs(c));
  });
  return { diff, scale, cpu, wasm };
}

/**
 * `[KH, KW, I, O]` -> `[D(KH-1)+1, D(KW-1)+1, I, O]` with zeros between the
 * taps, differentiably: a convolution with the result at dilation 1 is the
 * dilated convolution with `kernel`.
 */
export function dilateFilter(kernel: tf.Tensor4D, [dh, dw]: [number, number]): tf.Tensor4D {
  const [kh, kw, i, o] = kernel.shape;
  let k: tf.Tensor = tf.reshape(kernel, [kh, 1, kw, 1, i, o]);
  k = tf.pad(k, [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
  k = tf.reshape(k, [kh * dh, kw * dw, i, o]);
  return tf.slice(k as tf.Tensor4D, [0, 0, 0, 0], [dh * (kh - 1) + 1, dw * (kw - 1) + 1, i, o]);
}

/** Largest difference allowed between the wasm kernels and cpu (float32 sums of a few hundred terms). */
export const TOL = 1e-4;

export type Shape4 = [number, number, number, number];
export type Pad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

/** One convolution geometry to differentiate on both backends. */
export interface ConvCase {
  name: string;
  x: Shape4;
  f: Shape4;
  strides: number | [number, number];
  pad: Pad;
}

/** A convolution op and the names of its two backprop kernels, for the checks below. */
export interface ConvOp {
  forward: (x: tf.Tensor4D, f: tf.Tensor4D, strides: number | [number, number], pad: Pad) => tf.Tensor4D;
  filterKernel: string;
  inputKernel: string;
  /** Attributes tfjs-core's gradient passes besides the geometry. */
  attrs: Record<string, unknown>;
}

export const CONV2D: ConvOp = {
  forward: (x, f, strides, pad) => tf.conv2d(x, f, strides, pad),
  filterKernel: 'Conv2DBackpropFilter',
  inputKernel: 'Conv2DBackpropInput',
  attrs: { dataFormat: 'NHWC' },
};

export const DEPTHWISE: ConvOp = {
  forward: (x, f, strides, pad) => tf.depthwiseConv2d(x, f, strides, pad),
  filterKernel: 'DepthwiseConv2dNativeBackpropFilter',
  inputKernel: 'DepthwiseConv2dNativeBackpropInput',
  attrs: {},
};

/**
 * d/dx and d/dW of `sum(op(x, W) * r)` (random x, W, r from `seed`,
 * `seed + 1`, `seed + 2`) on cpu and on wasm, plus the forward output when
 * `withForward`: the largest difference and magnitude.
 */
export async function gradientDiff(op: ConvOp, c: ConvCase, seed: number, withForward = false): Promise<{ diff: number; scale: number }> {
  const xv = rand(size(c.x), seed);
  const fv = rand(size(c.f), seed + 1);
  const ys = tf.tidy(() => op.forward(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(c.f) as tf.Tensor4D, c.strides, c.pad).shape);
  const rv = rand(size(ys), seed + 2);
  return compareBackends(() => {
    const x = tf.tensor4d(xv, c.x);
    const f = tf.tensor4d(fv, c.f);
    const r = tf.tensor(rv, ys);
    const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(op.forward(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), r));
    return [...(withForward ? [op.forward(x, f, c.strides, c.pad)] : []), ...tf.grads(loss)([x, f])];
  });
}

/**
 * The backprop kernels called directly on wasm with a `dilations` attribute
 * (TensorFlow's kernels of these names have one; tfjs-core's ops never pass
 * it) against cpu's gradients through the zero-spread kernel: [dx, dW]
 * differences.
 */
export async function dilatedKernelDiff(
  op: ConvOp,
  xs: Shape4,
  fs: Shape4,
  strides: [number, number],
  dilations: [number, number],
  pad: Pad,
  seed: number,
): Promise<{ dx: number; dw: number }> {
  const xv = rand(size(xs), seed);
  const fv = rand(size(fs), seed + 1);
  const ys = tf.tidy(() => op.forward(tf.zeros(xs) as tf.Tensor4D, dilateFilter(tf.zeros(fs) as tf.Tensor4D, dilations), strides, pad).shape);
  const rv = rand(size(ys), seed + 2);
  const [cpuDx, cpuDw] = await runOn('cpu', () => {
    const r = tf.tensor(rv, ys);
    return tf.grads((a: tf.Tensor, k: tf.Tensor) => tf.sum(tf.mul(op.forward(a as tf.Tensor4D, dilateFilter(k as tf.Tensor4D, dilations), strides, pad), r)))([
      tf.tensor4d(xv, xs),
      tf.tensor4d(fv, fs),
    ]);
  });
  const [wasmDx, wasmDw] = await runOn('wasm', () => {
    const x = tf.tensor4d(xv, xs);
    const filter = tf.tensor4d(fv, fs);
    const dy = tf.tensor(rv, ys);
    const common = { ...op.attrs, strides, pad, dilations };
    return [
      tf.engine().runKernel(op.inputKernel, { dy, filter }, { ...common, inputShape: xs } as unknown as tf.NamedAttrMap) as tf.Tensor,
      tf.engine().runKernel(op.filterKernel, { x, dy }, { ...common, filterShape: fs } as unknown as tf.NamedAttrMap) as tf.Tensor,
    ];
  });
  return { dx: maxAbsDiff(cpuDx!, wasmDx!), dw: maxAbsDiff(cpuDw!, wasmDw!) };
}
