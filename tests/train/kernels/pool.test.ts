/**
 * MaxPoolGrad and AvgPoolGrad on 'wasm' (both replaced by this project)
 * against tfjs's 'cpu' backend and against brute-force references.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareBackends, initWasm, maxAbs, maxAbsDiff, rand, runOn, size } from './helpers.js';

const TOL = 1e-4;

beforeAll(initWasm);

type Pad = 'valid' | 'same' | number;
interface Case {
  name: string;
  x: [number, number, number, number];
  window: number | [number, number];
  strides: number | [number, number];
  pad: Pad;
}

const MAX_CASES: Case[] = [
  { name: '2x2 stride 2 valid', x: [2, 8, 8, 3], window: 2, strides: 2, pad: 'valid' },
  { name: '3x3 stride 2 same, odd size', x: [2, 7, 7, 3], window: 3, strides: 2, pad: 'same' },
  { name: '3x3 stride 1 same (overlapping windows)', x: [1, 6, 5, 2], window: 3, strides: 1, pad: 'same' },
  { name: '3x2 window, stride [2, 1], valid', x: [2, 7, 6, 2], window: [3, 2], strides: [2, 1], pad: 'valid' },
  { name: 'pad as a number', x: [2, 6, 6, 2], window: 3, strides: 2, pad: 1 },
];

describe('max pool gradient', () => {
  it('runs on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });

  for (const c of MAX_CASES) {
    it(`${c.name}: matches cpu (inputs of both signs)`, async () => {
      const xv = rand(size(c.x), 41);
      const ys = tf.tidy(() => tf.maxPool(tf.zeros(c.x) as tf.Tensor4D, c.window, c.strides, c.pad).shape);
      const rv = rand(size(ys), 42, 0.5, 1.5);
      const { diff, scale } = await compareBackends(() => {
        const r = tf.tensor(rv, ys);
        return tf.grads((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, c.window, c.strides, c.pad), r)))([tf.tensor4d(xv, c.x)]);
      });
      expect(scale).toBeGreaterThan(0.5);
      expect(diff).toBeLessThan(TOL);
    });
  }

  it('all-negative windows get their gradient (the stock wasm kernel lost it)', async () => {
    const xs: [number, number, number, number] = [2, 4, 4, 3];
    const xv = rand(size(xs), 43, -2, -0.1);
    const [dx] = await runOn('wasm', () => tf.grads((x: tf.Tensor) => tf.sum(tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid')))([tf.tensor4d(xv, xs)]));
    // Each of the 2*2*2*3 windows routes exactly 1 to its maximum.
    expect(dx!.reduce((a, b) => a + b, 0)).toBe(24);
    for (let b = 0; b < 2; b++) {
      for (let oy = 0; oy < 2; oy++) {
        for (let ox = 0; ox < 2; ox++) {
          for (let ch = 0; ch < 3; ch++) {
            let best = -Infinity;
            let at = -1;
            for (let fy = 0; fy < 2; fy++) {
              for (let fx = 0; fx < 2; fx++) {
                const i = ((b * 4 + oy * 2 + fy) * 4 + ox * 2 + fx) * 3 + ch;
                if (xv[i]! > best) [best, at] = [xv[i]!, i];
              }
            }
            expect(dx![at]).toBe(1);
          }
        }
      }
    }
  });

  it('ties go to the first maximum, as on cpu', async () => {
    const xs: [number, number, number, number] = [2, 6, 6, 2];
    const xv = rand(size(xs), 44).map((v) => Math.max(0, Math.round(v * 2))); // many zeros and equal values
    const { diff } = await compareBackends(() =>
      tf.grads((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, 3, 1, 'same'), tf.tensor(rand(144, 45), [2, 6, 6, 2]))))([tf.tensor4d(xv, xs)]),
    );
    expect(diff).toBeLessThan(TOL);
  });

  it('dilated max pooling (tf.pool, as the project uses) matches cpu', async () => {
    const xs: [number, number, number, number] = [2, 9, 9, 2];
    const xv = rand(size(xs), 46);
    const { diff, scale } = await compareBackends(() =>
      tf.grads((x: tf.Tensor) => tf.sum(tf.square(tf.pool(x as tf.Tensor4D, [3, 3], 'max', 'valid', [2, 2], 1))))([tf.tensor4d(xv, xs)]),
    );
    expect(scale).toBeGreaterThan(0.1);
    expect(diff).toBeLessThan(TOL);
  });
});

/** Brute-force gradient of sum(avgPool(x) * r), each window divided by its number of in-image taps. */
function avgPoolGradReference(c: Case, outShape: number[], r: Float32Array): Float32Array {
  const [n, h, w, ch] = c.x;
  const [fh, fw] = typeof c.window === 'number' ? [c.window, c.window] : c.window;
  const [sh, sw] = typeof c.strides === 'number' ? [c.strides, c.strides] : c.strides;
  const [, oh, ow] = outShape as [number, number, number, number];
  let pt = 0;
  let pl = 0;
  if (c.pad === 'same') {
    pt = Math.floor(Math.max(0, (oh - 1) * sh + fh - h) / 2);
    pl = Math.floor(Math.max(0, (ow - 1) * sw + fw - w) / 2);
  } else if (typeof c.pad === 'number') {
    pt = pl = c.pad;
  }
  const dx = new Float32Array(size(c.x));
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const taps: [number, number][] = [];
        for (let fy = 0; fy < fh; fy++) {
          for (let fx = 0; fx < fw; fx++) {
            const iy = oy * sh - pt + fy;
            const ix = ox * sw - pl + fx;
            if (iy >= 0 && iy < h && ix >= 0 && ix < w) taps.push([iy, ix]);
          }
        }
        for (let k = 0; k < ch; k++) {
          const g = r[((b * oh + oy) * ow + ox) * ch + k]! / taps.length;
          for (const [iy, ix] of taps) dx[((b * h + iy) * w + ix) * ch + k]! += g;
        }
      }
    }
  }
  return dx;
}

describe('average pool gradient', () => {
  const VALID: Case[] = [
    { name: '2x2 stride 2 valid (LeNet)', x: [2, 8, 8, 3], window: 2, strides: 2, pad: 'valid' },
    { name: '3x3 stride 1 valid', x: [2, 6, 7, 2], window: 3, strides: 1, pad: 'valid' },
    { name: '3x2 window, stride [1, 2], valid', x: [1, 7, 8, 4], window: [3, 2], strides: [1, 2], pad: 'valid' },
  ];
  for (const c of VALID) {
    it(`${c.name}: matches cpu`, async () => {
      const xv = rand(size(c.x), 51);
      const ys = tf.tidy(() => tf.avgPool(tf.zeros(c.x) as tf.Tensor4D, c.window, c.strides, c.pad).shape);
      const rv = rand(size(ys), 52);
      const { diff, scale } = await compareBackends(() =>
        tf.grads((x: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(x as tf.Tensor4D, c.window, c.strides, c.pad), tf.tensor(rv, ys))))([tf.tensor4d(xv, c.x)]),
      );
      expect(scale).toBeGreaterThan(0.05);
      expect(diff).toBeLessThan(TOL);
      expect(maxAbsDiff((await runOn('wasm', () => tf.grads((x: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(x as tf.Tensor4D, c.window, c.strides, c.pad), tf.tensor(rv, ys))))([tf.tensor4d(xv, c.x)])))[0]!, avgPoolGradReference(c, ys, rv))).toBeLessThan(TOL);
    });
  }

  const PADDED: Case[] = [
    { name: '2x2 stride 2 same on 3x3', x: [1, 3, 3, 1], window: 2, strides: 2, pad: 'same' },
    { name: '3x3 stride 2 same, odd size', x: [2, 7, 7, 3], window: 3, strides: 2, pad: 'same' },
    { name: '3x3 stride 1 pad 1', x: [2, 5, 6, 2], window: 3, strides: 1, pad: 1 },
  ];
  for (const c of PADDED) {
    it(`${c.name}: is the true gradient of tfjs's avgPool (divisor = in-image taps)`, async () => {
      const xv = rand(size(c.x), 53);
      const ys = tf.tidy(() => tf.avgPool(tf.zeros(c.x) as tf.Tensor4D, c.window, c.strides, c.pad).shape);
      const rv = rand(size(ys), 54);
      // The forward divides by the in-image taps on both backends ...
      const forward = await compareBackends(() => tf.avgPool(tf.tensor4d(xv, c.x), c.window, c.strides, c.pad));
      expect(forward.diff).toBeLessThan(TOL);
      const [wasm] = await runOn('wasm', () =>
        tf.grads((x: tf.Tensor) => tf.sum(tf.mul(tf.avgPool(x as tf.Tensor4D, c.window, c.strides, c.pad), tf.tensor(rv, ys))))([tf.tensor4d(xv, c.x)]),
      );
      const reference = avgPoolGradReference(c, ys, rv);
      expect(maxAbs(reference)).toBeGreaterThan(0.05);
      expect(maxAbsDiff(wasm!, reference)).toBeLessThan(TOL);
      // ... and the loss is linear in x, so a finite difference of the wasm
      // forward pass is exact up to rounding.
      const loss = async (xe: Float32Array) =>
        (await runOn('wasm', () => tf.sum(tf.mul(tf.avgPool(tf.tensor4d(xe, c.x), c.window, c.strides, c.pad), tf.tensor(rv, ys)))))[0]![0]!;
      const eps = 0.5;
      for (const i of [0, xv.length - 1]) {
        const plus = Float32Array.from(xv);
        const minus = Float32Array.from(xv);
        plus[i] = plus[i]! + eps;
        minus[i] = minus[i]! - eps;
        const fd = ((await loss(plus)) - (await loss(minus))) / (2 * eps);
        expect(Math.abs(fd - wasm![i]!)).toBeLessThan(1e-4);
      }
    });
  }
});
