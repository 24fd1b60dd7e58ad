/**
 * The compiled model computes what PyTorch computes: one network using every
 * semantic the compiler reproduces (ceil_mode pools, count_include_pad=False,
 * adaptive pooling with overlapping windows, grouped + strided + dilated
 * convolution, padding='same' with even kernels, LRN with an even size,
 * BatchNorm with momentum and eps, channel Softmax, C,H,W flatten), loaded with
 * PyTorch's weights, against PyTorch's eval output, training loss, gradients
 * and running statistics (fixtures/make_torch_layers.py, Debian torch 1.13).
 * Run on CPU and on WASM (with this project's gradient kernels).
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/types.js';
import { selectBackend } from '../../src/train/backend.js';
import { compileGraph } from '../../src/train/compile.js';
import { trainingLoss } from '../../src/train/train.js';
import { loadTorchState, toTorchLayout, torchBindings, type TorchTensor } from '../../src/train/weights.js';

interface Fixture {
  input: TorchTensor;
  labels: number[];
  state: Record<string, TorchTensor>;
  eval_output: number[];
  train_loss: number;
  grads: Record<string, TorchTensor>;
  running_mean: number[];
  running_var: number[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch-layers.json', import.meta.url), 'utf8')) as Fixture;

const L = (path: string, inputs: string[], config: object) => ({ path, inputs, ...config }) as unknown as Graph['layers'][number];
const graph: Graph = {
  name: 'kitchen-sink',
  input: [3, 13, 13],
  layers: [
    L('conv1', ['input'], { kind: 'Conv2d', in_channels: 3, out_channels: 8, kernel_size: 3, padding: 1 }),
    L('bn', ['conv1'], { kind: 'BatchNorm2d', num_features: 8, momentum: 0.2, eps: 1e-3 }),
    L('relu', ['bn'], { kind: 'ReLU', functional: true }),
    L('pool1', ['relu'], { kind: 'MaxPool2d', kernel_size: 2, stride: 2, ceil_mode: true }),
    L('lrn', ['pool1'], { kind: 'LocalResponseNorm', size: 4, alpha: 0.5, beta: 0.75, k: 1 }),
    L('gconv', ['lrn'], { kind: 'Conv2d', in_channels: 8, out_channels: 8, kernel_size: 3, stride: 2, dilation: 2, padding: 2, groups: 4 }),
    L('avg_excl', ['lrn'], { kind: 'AvgPool2d', kernel_size: 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false }),
    L('avg_ceil', ['lrn'], { kind: 'AvgPool2d', kernel_size: 2, stride: 2, ceil_mode: true }),
    L('cat', ['gconv', 'avg_excl', 'avg_ceil'], { kind: 'Concat', dim: 1 }),
    L('adapt', ['cat'], { kind: 'AdaptiveAvgPool2d', output_size: 3 }),
    L('same', ['adapt'], { kind: 'Conv2d', in_channels: 24, out_channels: 24, kernel_size: [2, 4], padding: 'same' }),
    L('add', ['adapt', 'same'], { kind: 'Add' }),
    L('sig', ['add'], { kind: 'Sigmoid' }),
    L('soft', ['sig'], { kind: 'Softmax', dim: 1 }),
    L('flatten', ['soft'], { kind: 'Flatten', functional: true }),
    L('fc', ['flatten'], { kind: 'Linear', in_features: 216, out_features: 10 }),
  ],
  modules: [],
  output: 'fc',
  aux: [],
};

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe.each(['cpu', 'wasm'] as const)('against PyTorch on %s', (backend) => {
  it('eval output, training loss, every gradient and the running statistics agree', async () => {
    await selectBackend({ prefer: backend });
    const before = tf.memory().numTensors;
    const c = compileGraph(graph, { init: 'zeros' });
    try {
      loadTorchState(c, fixture.state);
      const x = tf.tidy(() => tf.tensor(Float32Array.from(fixture.input.data), [...fixture.input.shape]).transpose([0, 2, 3, 1]));
      const y = tf.tidy(() => tf.oneHot(tf.tensor1d(fixture.labels, 'int32'), 10));

      const out = tf.tidy(() => (c.model.predict(x) as tf.Tensor).dataSync());
      expect(maxDiff(out, fixture.eval_output)).toBeLessThan(1e-4);

      const bindings = torchBindings(c).filter((b) => b.variable.trainable);
      const { value, grads } = tf.variableGrads(() => trainingLoss(c, x, y), bindings.map((b) => b.variable.read() as tf.Variable));
      expect(value.dataSync()[0]).toBeCloseTo(fixture.train_loss, 5);
      const worst: Record<string, number> = {};
      for (const b of bindings) {
        const g = tf.tidy(() => toTorchLayout(grads[(b.variable.read() as tf.Variable).name], b).dataSync());
        const want = fixture.grads[b.key];
        const scale = Math.max(...Array.from(want.data, Math.abs), 1e-3);
        worst[b.key] = maxDiff(g, want.data) / scale;
      }
      expect(Object.keys(worst).sort()).toEqual(Object.keys(fixture.grads).sort());
      for (const [key, err] of Object.entries(worst)) expect(err, key).toBeLessThan(1e-3);

      const bn = Object.fromEntries(torchBindings(c).map((b) => [b.key, b.variable]));
      expect(maxDiff(bn['bn.running_mean'].read().dataSync(), fixture.running_mean)).toBeLessThan(1e-5);
      // PyTorch updates the running variance with the unbiased batch variance.
      expect(maxDiff(bn['bn.running_var'].read().dataSync(), fixture.running_var)).toBeLessThan(1e-4);
      tf.dispose([x, y, value, ...Object.values(grads)]);
    } finally {
      c.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
