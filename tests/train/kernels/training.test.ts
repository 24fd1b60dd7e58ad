/**
 * Registration, and training on 'wasm' end to end: a tiny conv model's
 * weights change after one optimizer step, and a small LeNet-style
 * tf.LayersModel takes the same SGD steps on 'wasm' as on 'cpu'.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WASM_GRADIENT_KERNELS, registerWasmGradientKernels } from '../../../src/train/kernels/index.js';
import { firstRegistration, initWasm, maxAbsDiff, rand } from './helpers.js';

// What tfjs-backend-wasm 4.22 itself registers, seen before ours are added.
const stock = {
  missing: ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput'].filter(
    (k) => tf.getKernel(k, 'wasm') === undefined,
  ),
  present: ['MaxPoolGrad', 'AvgPoolGrad', 'Conv2DBackpropInput', 'Tanh', 'LRNGrad', 'FusedBatchNorm', 'BatchMatMul'].filter(
    (k) => tf.getKernel(k, 'wasm') !== undefined,
  ),
};

beforeAll(initWasm);

describe('registerWasmGradientKernels', () => {
  it('fills the kernels the stock wasm backend lacks and replaces the broken or slow ones', () => {
    expect(stock.missing).toEqual(['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput']);
    expect(stock.present).toHaveLength(7);
    expect(firstRegistration).toEqual([...WASM_GRADIENT_KERNELS]);
    for (const name of WASM_GRADIENT_KERNELS) expect(tf.getKernel(name, 'wasm')).toBeDefined();
  });

  it('is idempotent: a second call registers nothing and does not throw', () => {
    const before = WASM_GRADIENT_KERNELS.map((k) => tf.getKernel(k, 'wasm')!.kernelFunc);
    expect(registerWasmGradientKernels()).toEqual([]);
    expect(registerWasmGradientKernels()).toEqual([]);
    expect(WASM_GRADIENT_KERNELS.map((k) => tf.getKernel(k, 'wasm')!.kernelFunc)).toEqual(before);
  });

  it('runs on the wasm backend', () => {
    expect(tf.getBackend()).toBe('wasm');
  });
});

describe('training on wasm', () => {
  it("a tiny conv model's weights change after one optimizer.minimize step", () => {
    expect(tf.getBackend()).toBe('wasm');
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'tanh' }),
        tf.layers.averagePooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const x = tf.tensor4d(rand(4 * 8 * 8 * 2, 81), [4, 8, 8, 2]);
    const y = tf.oneHot([0, 1, 2, 1], 3);
    const before = model.getWeights().map((w) => w.dataSync().slice());
    const optimizer = tf.train.sgd(0.5);
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar, true);
    expect(Number.isFinite(loss!.dataSync()[0])).toBe(true);
    const after = model.getWeights().map((w) => w.dataSync().slice());
    expect(after).toHaveLength(6);
    after.forEach((w, i) => {
      expect(maxAbsDiff(w, before[i]!)).toBeGreaterThan(1e-6);
      expect(w.every(Number.isFinite)).toBe(true);
    });
    tf.dispose([x, y, loss!]);
    model.dispose();
    optimizer.dispose();
  });

  it('the kernels free every temporary buffer they allocate on the WASM heap', () => {
    const backend = tf.engine().backend as unknown as { numDataIds(): number };
    const step = () =>
      tf.tidy(() => {
        const x = tf.tensor4d(rand(2 * 9 * 9 * 3, 83), [2, 9, 9, 3]);
        const f = tf.tensor4d(rand(3 * 3 * 3 * 4, 84), [3, 3, 3, 4]);
        const d = tf.tensor4d(rand(3 * 3 * 3 * 2, 85), [3, 3, 3, 2]);
        const loss = (a: tf.Tensor, k: tf.Tensor, dk: tf.Tensor) => {
          const y1 = tf.tanh(tf.conv2d(a as tf.Tensor4D, k as tf.Tensor4D, 1, 'same')); // conv path for dx
          const y2 = tf.conv2d(a as tf.Tensor4D, k as tf.Tensor4D, 2, 'valid'); // GEMM path for dx
          const y3 = tf.depthwiseConv2d(a as tf.Tensor4D, dk as tf.Tensor4D, 1, 'same');
          return tf.add(tf.add(tf.sum(tf.maxPool(y1, 2, 2, 'same')), tf.sum(tf.avgPool(y2, 2, 1, 'same'))), tf.sum(y3));
        };
        tf.grads(loss)([x, f, d]).forEach((g) => g.dataSync());
      });
    step();
    const baseline = backend.numDataIds();
    step();
    step();
    expect(backend.numDataIds()).toBe(baseline);
  });

  it('a small LeNet-style LayersModel takes the same SGD steps on wasm as on cpu', async () => {
    const build = () => {
      const m = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 5, padding: 'same', activation: 'tanh' }),
          tf.layers.averagePooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'tanh' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 8, kernelSize: 2, strides: 2, padding: 'same' }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 5, activation: 'softmax' }),
        ],
      });
      m.compile({ optimizer: tf.train.sgd(0.2), loss: 'categoricalCrossentropy' });
      return m;
    };
    await tf.setBackend('cpu');
    const reference = build();
    const initial = reference.getWeights().map((w) => w.dataSync().slice());
    reference.dispose();
    await tf.setBackend('wasm');
    const xv = rand(6 * 12 * 12, 82, 0, 1);
    const train = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const m = build();
      m.setWeights(m.getWeights().map((w, i) => tf.tensor(initial[i]!, w.shape)));
      const x = tf.tensor4d(xv, [6, 12, 12, 1]);
      const y = tf.oneHot([0, 1, 2, 3, 4, 0], 5);
      const losses: number[] = [];
      for (let step = 0; step < 3; step++) losses.push((await m.trainOnBatch(x, y)) as number);
      const weights = m.getWeights().map((w) => w.dataSync().slice());
      tf.dispose([x, y]);
      m.dispose();
      await tf.setBackend('wasm');
      return { losses, weights };
    };
    const cpu = await train('cpu');
    const wasm = await train('wasm');
    expect(maxAbsDiff(cpu.losses, wasm.losses)).toBeLessThan(1e-4);
    wasm.weights.forEach((w, i) => {
      expect(maxAbsDiff(w, initial[i]!)).toBeGreaterThan(1e-5);
      expect(maxAbsDiff(w, cpu.weights[i]!)).toBeLessThan(1e-4);
    });
  });
});
