/**
 * Conv2DBackpropFilter / Conv2DBackpropInput on 'wasm' against tfjs's 'cpu'
 * backend, through real convolutions (tf.grads / tf.variableGrads), and the
 * kernels' `dilations` / `dimRoundingMode` attributes directly.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONV2D, TOL, compareBackends, dilateFilter, dilatedKernelDiff, gradientDiff, initWasm, rand, size, type ConvCase, type Pad } from './helpers.js';

beforeAll(initWasm);

const CASES: ConvCase[] = [
  { name: 'valid, 1 channel', x: [1, 5, 5, 1], f: [3, 3, 1, 1], strides: 1, pad: 'valid' },
  { name: 'same, batch 2, channels 3 -> 4', x: [2, 6, 6, 3], f: [3, 3, 3, 4], strides: 1, pad: 'same' },
  { name: 'valid, stride 2, non-square 3x2 kernel', x: [2, 7, 6, 2], f: [3, 2, 2, 3], strides: 2, pad: 'valid' },
  { name: 'same, stride 2, odd size', x: [3, 7, 7, 2], f: [3, 3, 2, 2], strides: 2, pad: 'same' },
  { name: 'same, stride [2, 1], 2x4 kernel', x: [2, 6, 7, 2], f: [2, 4, 2, 3], strides: [2, 1], pad: 'same' },
  { name: 'pad as a number (1)', x: [2, 5, 6, 3], f: [3, 3, 3, 2], strides: 1, pad: 1 },
  { name: 'pad as a number (2), stride 2, 2x3 kernel', x: [2, 6, 5, 2], f: [2, 3, 2, 3], strides: 2, pad: 2 },
  { name: 'explicit asymmetric padding', x: [2, 5, 5, 2], f: [3, 2, 2, 3], strides: 1, pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
  { name: 'explicit padding, stride 2', x: [2, 7, 6, 3], f: [3, 3, 3, 2], strides: 2, pad: [[0, 0], [2, 1], [1, 0], [0, 0]] },
  { name: 'explicit padding wider than the kernel', x: [1, 4, 4, 2], f: [2, 2, 2, 2], strides: 1, pad: [[0, 0], [3, 1], [2, 2], [0, 0]] },
  { name: 'valid, small output (GEMM path for dx)', x: [2, 7, 7, 3], f: [5, 5, 3, 4], strides: 1, pad: 'valid' },
  { name: '1x1 kernel, stride 2', x: [2, 5, 5, 3], f: [1, 1, 3, 4], strides: 2, pad: 'valid' },
  { name: 'kernel as large as the input', x: [3, 4, 4, 2], f: [4, 4, 2, 5], strides: 1, pad: 'valid' },
  { name: 'same, 1 -> 3 channels, odd 7x9 input, 3x4 kernel (phase path for dx)', x: [2, 7, 9, 1], f: [3, 4, 1, 3], strides: 1, pad: 'same' },
  { name: 'explicit padding, 2 -> 5 channels, odd size (phase path for dx)', x: [3, 6, 5, 2], f: [2, 3, 2, 5], strides: 1, pad: [[0, 0], [0, 1], [2, 0], [0, 0]] },
  { name: 'LeNet conv1: 28x28x1, 5x5 -> 6, same', x: [2, 28, 28, 1], f: [5, 5, 1, 6], strides: 1, pad: 'same' },
  { name: 'LeNet conv2: 14x14x6, 5x5 -> 16, valid', x: [2, 14, 14, 6], f: [5, 5, 6, 16], strides: 1, pad: 'valid' },
];

describe('conv2d gradients on wasm match cpu', () => {
  it('runs on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const { diff, scale } = await gradientDiff(CONV2D, c, 1, true);
      expect(scale).toBeGreaterThan(0.1);
      expect(diff).toBeLessThan(TOL);
    });
  }

  it('fused conv2d with bias (linear and relu), through tf.variableGrads', async () => {
    const xs: [number, number, number, number] = [2, 6, 5, 3];
    const fs: [number, number, number, number] = [3, 3, 3, 4];
    const xv = rand(size(xs), 4);
    const fv = rand(size(fs), 5);
    const bv = rand(4, 6);
    for (const activation of ['linear', 'relu'] as const) {
      const { diff, scale } = await compareBackends(() => {
        const x = tf.tensor4d(xv, xs);
        const f = tf.variable(tf.tensor4d(fv, fs));
        const b = tf.variable(tf.tensor1d(bv));
        const r = tf.tensor(rand(2 * 3 * 3 * 4, 7), [2, 3, 3, 4]);
        const { value, grads } = tf.variableGrads(
          () => tf.sum(tf.mul(tf.fused.conv2d({ x, filter: f, bias: b, strides: 2, pad: 'same', activation }), r)) as tf.Scalar,
          [f, b],
        );
        const out = [value, grads[f.name]!, grads[b.name]!].map((t) => t.clone());
        f.dispose();
        b.dispose();
        return out;
      });
      expect(scale).toBeGreaterThan(0.1);
      expect(diff).toBeLessThan(TOL);
    }
  });

  it('grouped convolution via split + concat (groups = 2)', async () => {
    const xs: [number, number, number, number] = [2, 6, 6, 4];
    const fs: [number, number, number, number] = [3, 3, 2, 6];
    const xv = rand(size(xs), 8);
    const fv = rand(size(fs), 9);
    const { diff, scale } = await compareBackends(() => {
      const x = tf.tensor4d(xv, xs);
      const f = tf.tensor4d(fv, fs);
      const r = tf.tensor(rand(2 * 6 * 6 * 6, 10), [2, 6, 6, 6]);
      const loss = (a: tf.Tensor, k: tf.Tensor) => {
        const xg = tf.split(a, 2, 3) as tf.Tensor4D[];
        const kg = tf.split(k, 2, 3) as tf.Tensor4D[];
        return tf.sum(tf.mul(tf.concat(xg.map((xi, g) => tf.conv2d(xi, kg[g]!, 1, 'same')), 3), r));
      };
      return tf.grads(loss)([x, f]);
    });
    expect(scale).toBeGreaterThan(0.1);
    expect(diff).toBeLessThan(TOL);
  });
});

describe('dilation', () => {
  it("tfjs-core's conv2d gradient itself rejects dilation > 1, on every backend", async () => {
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      expect(() =>
        tf.tidy(() =>
          tf.grads((x: tf.Tensor, f: tf.Tensor) => tf.sum(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'valid', 'NHWC', 2)))([
            tf.ones([1, 6, 6, 1]),
            tf.ones([2, 2, 1, 1]),
          ]),
        ),
      ).toThrow(/dilation rates greater than 1/);
    }
    await tf.setBackend('wasm');
  });

  // What trains a dilated convolution in tfjs: a zero-spread kernel (as
  // src/kinds/conv2d/layer.ts does); a real conv forward on both backends.
  for (const [name, strides, pad] of [
    ['dilation 2, same', 1, 'same'],
    ['dilation 2, stride 2, explicit padding', 2, [[0, 0], [1, 2], [2, 0], [0, 0]]],
  ] as [string, number, Pad][]) {
    it(`${name}: gradients through a spread kernel match cpu`, async () => {
      const xs: [number, number, number, number] = [2, 9, 8, 2];
      const fs: [number, number, number, number] = [3, 2, 2, 3];
      const xv = rand(size(xs), 11);
      const fv = rand(size(fs), 12);
      const { diff, scale } = await compareBackends(() => {
        const x = tf.tensor4d(xv, xs);
        const f = tf.tensor4d(fv, fs);
        const y = tf.conv2d(x, dilateFilter(f, [2, 2]), strides, pad);
        const r = tf.tensor(rand(size(y.shape), 13), y.shape);
        return tf.grads((a: tf.Tensor, k: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, dilateFilter(k as tf.Tensor4D, [2, 2]), strides, pad), r)))([x, f]);
      });
      expect(scale).toBeGreaterThan(0.1);
      expect(diff).toBeLessThan(TOL);
    });
  }

  // The kernels also honour a `dilations` attribute. Reference: cpu
  // gradients through the spread kernel.
  for (const [name, strides, dil, pad, ci] of [
    ['dilations 2, valid', [1, 1], [2, 2], 'valid', 3],
    ['dilations [2, 3], same', [1, 1], [2, 3], 'same', 3],
    ['dilations [2, 3], same, 1 input channel (phase path)', [1, 1], [2, 3], 'same', 1],
    ['dilations 2 with stride 2, explicit padding', [2, 2], [2, 2], [[0, 0], [2, 1], [1, 3], [0, 0]], 3],
  ] as [string, [number, number], [number, number], Pad, number][]) {
    it(`kernels with attrs ${name} match cpu through a spread kernel`, async () => {
      const xs: [number, number, number, number] = [2, 9, 10, ci];
      const fs: [number, number, number, number] = [3, 2, ci, 2];
      const xv = rand(size(xs), 14);
      const fv = rand(size(fs), 15);
      const reference = await compareBackends(() => {
        // Forward with the attribute on wasm equals the spread kernel (on both).
        const x = tf.tensor4d(xv, xs);
        const f = tf.tensor4d(fv, fs);
        return tf.conv2d(x, dilateFilter(f, dil), strides, pad);
      });
      expect(reference.diff).toBeLessThan(TOL);
      const { dx, dw } = await dilatedKernelDiff(CONV2D, xs, fs, strides, dil, pad, 14);
      expect(dw).toBeLessThan(TOL);
      expect(dx).toBeLessThan(TOL);
    });
  }
});

describe('kernel attributes', () => {
  it("dimRoundingMode 'ceil' with a numeric pad matches cpu", async () => {
    const xs: [number, number, number, number] = [2, 8, 7, 2];
    const fs: [number, number, number, number] = [3, 3, 2, 3];
    const attrs = { strides: 3, pad: 1, dataFormat: 'NHWC', dimRoundingMode: 'ceil' };
    const ys = [2, 4, 3, 3];
    expect(tf.tidy(() => tf.conv2d(tf.zeros(xs) as tf.Tensor4D, tf.zeros(fs) as tf.Tensor4D, 3, 1, 'NHWC', 1, 'ceil').shape)).toEqual(ys);
    const xv = rand(size(xs), 17);
    const fv = rand(size(fs), 18);
    const dv = rand(size(ys), 19);
    const { diff, scale } = await compareBackends(() => {
      const x = tf.tensor4d(xv, xs);
      const filter = tf.tensor4d(fv, fs);
      const dy = tf.tensor(dv, ys);
      return [
        tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: fs } as unknown as tf.NamedAttrMap) as tf.Tensor,
        tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, { ...attrs, inputShape: xs } as unknown as tf.NamedAttrMap) as tf.Tensor,
      ];
    });
    expect(scale).toBeGreaterThan(0.1);
    expect(diff).toBeLessThan(TOL);
  });

  it('rejects channels-first data like the wasm Conv2D does', () => {
    expect(() =>
      tf.tidy(() =>
        tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x: tf.ones([1, 1, 4, 4]), dy: tf.ones([1, 1, 2, 2]) },
          { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [3, 3, 1, 1] } as unknown as tf.NamedAttrMap,
        ),
      ),
    ).toThrow(/channelsLast/);
  });
});
