/**
 * The replaced `Tanh`, and every other gradient the project's layers need,
 * on 'wasm' against 'cpu' - the stock wasm kernels these rely on
 * (Conv2DBackpropInput's neighbours, LRNGrad, FusedBatchNorm, Softmax,
 * SplitV, PadV2, ...) are exercised here so that a tfjs upgrade that breaks
 * one shows up.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareBackends, initWasm, rand, runOn, size } from './helpers.js';

const TOL = 1e-4;

beforeAll(initWasm);

describe('tanh', () => {
  it('is within 3e-7 (abs) and 3e-6 (rel) of Math.tanh on a dense grid; exact at 0, +-inf -> +-1, NaN-preserving', async () => {
    const n = 400_001;
    const grid = new Float32Array(n + 8);
    for (let i = 0; i < n; i++) grid[i] = -12 + (24 * i) / (n - 1);
    grid.set([0, -0, 1e-30, -3e-8, 0.0625, Infinity, -Infinity, NaN], n);
    const [y] = await runOn('wasm', () => tf.tanh(tf.tensor1d(grid)));
    let worst = 0;
    let worstRel = 0;
    for (let i = 0; i < n + 5; i++) {
      const ref = Math.tanh(grid[i]!);
      const err = Math.abs(y![i]! - ref);
      worst = Math.max(worst, err);
      if (ref !== 0) worstRel = Math.max(worstRel, err / Math.abs(ref));
    }
    expect(worst).toBeLessThan(3e-7);
    expect(worstRel).toBeLessThan(3e-6);
    expect(Object.is(y![n], 0)).toBe(true);
    expect(Object.is(y![n + 1], -0)).toBe(true);
    expect([y![n + 5], y![n + 6]]).toEqual([1, -1]);
    expect(Number.isNaN(y![n + 7])).toBe(true);
  });

  it('forward and gradient match cpu', async () => {
    const xv = rand(3000, 61, -6, 6);
    const { diff, scale } = await compareBackends(() => {
      const x = tf.tensor1d(xv);
      return [tf.tanh(x), ...tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.tanh(a), tf.tensor1d(rand(3000, 62)))))([x])];
    });
    expect(scale).toBeGreaterThan(0.5);
    expect(diff).toBeLessThan(1e-6);
  });
});

/** Each entry: inputs (shapes) and a loss built from them; gradients w.r.t. all inputs are compared. */
const GRADS: Record<string, { shapes: number[][]; loss: (...t: tf.Tensor[]) => tf.Tensor }> = {
  relu: { shapes: [[64]], loss: (x) => tf.relu(x) },
  relu6: { shapes: [[64]], loss: (x) => tf.relu6(tf.mul(x, 8)) },
  leakyRelu: { shapes: [[64]], loss: (x) => tf.leakyRelu(x, 0.1) },
  elu: { shapes: [[64]], loss: (x) => tf.elu(x) },
  sigmoid: { shapes: [[64]], loss: (x) => tf.sigmoid(x) },
  'LRN (LRNGrad)': { shapes: [[2, 3, 3, 8]], loss: (x) => tf.localResponseNormalization(x as tf.Tensor4D, 2, 1, 0.5, 0.75) },
  'batch norm with batch moments (FusedBatchNorm)': {
    shapes: [[4, 3, 3, 5], [5], [5]],
    loss: (x, g, b) => {
      const { mean, variance } = tf.moments(x!, [0, 1, 2]);
      return tf.batchNorm(x!, mean, variance, b, g, 1e-3);
    },
  },
  softmax: { shapes: [[3, 7]], loss: (x) => tf.softmax(x) },
  logSoftmax: { shapes: [[3, 7]], loss: (x) => tf.logSoftmax(x) },
  'softmax cross-entropy': { shapes: [[4, 5]], loss: (x) => tf.losses.softmaxCrossEntropy(tf.oneHot([1, 4, 0, 2], 5), x!) },
  'categorical cross-entropy (layers)': {
    shapes: [[4, 5]],
    loss: (x) => tf.metrics.categoricalCrossentropy(tf.oneHot([1, 4, 0, 2], 5), tf.softmax(x!)),
  },
  'sigmoid cross-entropy': { shapes: [[2, 3]], loss: (x) => tf.losses.sigmoidCrossEntropy(tf.tensor2d([[1, 0, 1], [0, 1, 0]]), x!) },
  concat: { shapes: [[2, 3, 3, 2], [2, 3, 3, 4]], loss: (a, b) => tf.concat([a!, b!], 3) },
  slice: { shapes: [[2, 4, 4, 3]], loss: (x) => tf.slice(x!, [0, 1, 1, 0], [2, 2, 3, 2]) },
  split: { shapes: [[2, 3, 3, 4]], loss: (x) => tf.split(x!, 2, 3)[1]! },
  'add with broadcast': { shapes: [[2, 3, 4], [4]], loss: (a, b) => tf.add(a!, b!) },
  'dropout (seeded)': { shapes: [[50]], loss: (x) => tf.dropout(x!, 0.5, undefined, 7) },
  mean: { shapes: [[2, 3, 3, 2]], loss: (x) => tf.mean(x!, [1, 2]) },
  reshape: { shapes: [[2, 3, 4]], loss: (x) => tf.reshape(x!, [6, 4]) },
  transpose: { shapes: [[2, 3, 4, 2]], loss: (x) => tf.transpose(x!, [0, 3, 1, 2]) },
  'pad (zero)': { shapes: [[2, 3, 3, 2]], loss: (x) => tf.pad(x!, [[0, 0], [1, 2], [2, 1], [0, 0]]) },
  'pad (constant -inf-like, as before max pooling)': { shapes: [[2, 3, 3, 2]], loss: (x) => tf.pad(x!, [[0, 0], [1, 1], [1, 1], [0, 0]], -3e38) },
  'mirror pad': { shapes: [[2, 3, 3, 2]], loss: (x) => tf.mirrorPad(x!, [[0, 0], [1, 1], [1, 1], [0, 0]], 'reflect') },
  matMul: { shapes: [[4, 3], [3, 5]], loss: (a, b) => tf.matMul(a!, b!) },
  'fused matMul with bias + relu': { shapes: [[4, 3], [3, 5], [5]], loss: (a, b, c) => tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, bias: c, activation: 'relu' }) },
  'max reduction': { shapes: [[4, 6]], loss: (x) => tf.max(x!, 1) },
  clipByValue: { shapes: [[64]], loss: (x) => tf.clipByValue(x!, -0.5, 0.5) },
  'spaceToBatchND / batchToSpaceND': {
    shapes: [[1, 4, 4, 2]],
    loss: (x) => tf.batchToSpaceND(tf.mul(tf.spaceToBatchND(x!, [2, 2], [[0, 0], [0, 0]]), 3), [2, 2], [[0, 0], [0, 0]]),
  },
};

describe('gradients of the other ops the layers use match cpu on wasm', () => {
  it('runs on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });

  for (const [name, { shapes, loss }] of Object.entries(GRADS)) {
    it(name, async () => {
      const values = shapes.map((s, i) => rand(size(s), 70 + i));
      const { diff, scale } = await compareBackends(() => {
        const inputs = shapes.map((s, i) => tf.tensor(values[i]!, s));
        const out = tf.tidy(() => loss(...inputs));
        const weights = tf.tensor(rand(size(out.shape), 99), out.shape);
        return [out, ...tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(loss(...xs), weights)))(inputs)];
      });
      expect(scale).toBeGreaterThan(0.01);
      expect(diff).toBeLessThan(TOL);
    });
  }
});
