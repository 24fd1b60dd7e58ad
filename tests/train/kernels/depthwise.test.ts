/**
 * DepthwiseConv2dNativeBackpropFilter / DepthwiseConv2dNativeBackpropInput on
 * 'wasm' against tfjs's 'cpu' backend, through real depthwise and separable
 * convolutions, and with a `dilations` attribute directly.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEPTHWISE, TOL, compareBackends, dilatedKernelDiff, gradientDiff, initWasm, rand, size, type ConvCase, type Pad } from './helpers.js';

beforeAll(initWasm);

const CASES: ConvCase[] = [
  { name: 'same, multiplier 1, batch 2', x: [2, 6, 6, 3], f: [3, 3, 3, 1], strides: 1, pad: 'same' },
  { name: 'valid, stride 2, multiplier 2, non-square kernel', x: [2, 7, 7, 2], f: [3, 2, 2, 2], strides: 2, pad: 'valid' },
  { name: 'pad as a number, multiplier 3', x: [1, 5, 6, 2], f: [2, 3, 2, 3], strides: 1, pad: 1 },
  { name: 'explicit padding, stride 2', x: [2, 7, 6, 4], f: [3, 3, 4, 1], strides: 2, pad: [[0, 0], [1, 0], [2, 1], [0, 0]] },
  { name: 'same, stride 2, odd size, 5x5', x: [2, 9, 9, 3], f: [5, 5, 3, 2], strides: 2, pad: 'same' },
];

describe('depthwise conv2d gradients on wasm match cpu', () => {
  it('runs on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const { diff, scale } = await gradientDiff(DEPTHWISE, c, 21);
      expect(scale).toBeGreaterThan(0.1);
      expect(diff).toBeLessThan(TOL);
    });
  }

  it('separable conv2d (depthwise + pointwise)', async () => {
    const xs: [number, number, number, number] = [2, 6, 6, 3];
    const ds: [number, number, number, number] = [3, 3, 3, 2];
    const ps: [number, number, number, number] = [1, 1, 6, 4];
    const [xv, dv, pv] = [rand(size(xs), 24), rand(size(ds), 25), rand(size(ps), 26)];
    const { diff, scale } = await compareBackends(() => {
      const r = tf.tensor(rand(2 * 6 * 6 * 4, 27), [2, 6, 6, 4]);
      return tf.grads((x: tf.Tensor, d: tf.Tensor, p: tf.Tensor) =>
        tf.sum(tf.mul(tf.separableConv2d(x as tf.Tensor4D, d as tf.Tensor4D, p as tf.Tensor4D, 1, 'same'), r)),
      )([tf.tensor4d(xv, xs), tf.tensor4d(dv, ds), tf.tensor4d(pv, ps)]);
    });
    expect(scale).toBeGreaterThan(0.1);
    expect(diff).toBeLessThan(TOL);
  });

  it('fused depthwise conv2d with bias', async () => {
    const xs: [number, number, number, number] = [2, 5, 5, 2];
    const fs: [number, number, number, number] = [3, 3, 2, 2];
    const [xv, fv, bv] = [rand(size(xs), 28), rand(size(fs), 29), rand(4, 30)];
    const { diff, scale } = await compareBackends(() => {
      const r = tf.tensor(rand(2 * 5 * 5 * 4, 31), [2, 5, 5, 4]);
      return tf.grads((x: tf.Tensor, f: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.fused.depthwiseConv2d({ x: x as tf.Tensor4D, filter: f as tf.Tensor4D, bias: b, strides: 1, pad: 'same' }), r)),
      )([tf.tensor4d(xv, xs), tf.tensor4d(fv, fs), tf.tensor1d(bv)]);
    });
    expect(scale).toBeGreaterThan(0.1);
    expect(diff).toBeLessThan(TOL);
  });

  for (const [name, strides, dil, pad] of [
    ['dilations 2, same', [1, 1], [2, 2], 'same'],
    ['dilations [3, 2], valid, stride 2', [2, 2], [3, 2], 'valid'],
  ] as [string, [number, number], [number, number], Pad][]) {
    it(`kernels with attrs ${name} match cpu through a spread kernel`, async () => {
      const { dx, dw } = await dilatedKernelDiff(DEPTHWISE, [2, 9, 8, 3], [3, 2, 3, 2], strides, dil, pad, 32);
      expect(dx).toBeLessThan(TOL);
      expect(dw).toBeLessThan(TOL);
    });
  }
});
