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
