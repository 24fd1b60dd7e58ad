/**
 * Training in Node on the WASM backend (with this project's gradient
 * kernels): LeNet-5 learns MNIST from 1,024 images, and so does a small
 * mobile network made of the MobileNet/EfficientNet kinds, memory stays flat, a
 * diverging run stops with a message that says what to change, a cancelled
 * run gives everything back, and auxiliary heads add their weighted loss.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
import { selectBackend } from '../../src/train/backend.js';
import { compileGraph } from '../../src/train/compile.js';
import type { Dataset } from '../../src/train/data/index.js';
import { loadDatasetNode } from '../../src/train/data/load-node.js';
import { TrainDivergedError, presetOptions, resultRecord, train, trainingLoss, type TrainProgress } from '../../src/train/train.js';

let mnist: Dataset;
beforeAll(async () => {
  const info = await selectBackend({ prefer: 'wasm' });
  expect(info.backend).toBe('wasm');
  mnist = await loadDatasetNode('mnist');
}, 60_000);

const lenet = (): Graph => {
  const g = zooGraph('lenet5');
  if (!g) throw new Error('lenet5');
  return g;
};

describe('train', () => {
  it('LeNet-5 learns MNIST from 1,024 images on WASM, with flat memory', async () => {
    const before = tf.memory().numTensors;
    const progress: TrainProgress[] = [];
    const r = await train(lenet(), mnist, { epochs: 3, batchSize: 32, lr: 0.1, momentum: 0.9, optimizer: 'sgd', limit: 1024, testLimit: 1000, onProgress: (p) => progress.push(p) });
    expect(r.backend).toBe('wasm');
    expect(r.renderer).toBeNull();
    expect(r.trainSamples).toBe(1024);
    expect(r.testSamples).toBe(1000);
    // Chance is 10%; three epochs over 1,024 images reach about 88%.
    expect(r.testAccuracy).toBeGreaterThan(0.75);
    expect(r.loss).toHaveLength(3);
    expect(r.loss[2]).toBeLessThan(r.loss[0]);
    expect(r.samplesPerSecond).toBeGreaterThan(0);
    expect(r.reference).toBe(0.9794);

    // The confusion matrix covers every test image, and its diagonal is the accuracy.
    const total = r.confusion.flat().reduce((a, b) => a + b, 0);
    const diagonal = r.confusion.reduce((a, row, i) => a + row[i], 0);
    expect(total).toBe(1000);
    expect(diagonal / total).toBeCloseTo(r.testAccuracy, 10);

    // Memory: the same number of tensors after every epoch, and none left after the run.
    expect(r.tensors.start).toBe(before);
    expect(new Set(r.tensors.epochs).size).toBe(1);
    expect(r.tensors.end).toBe(before);
    expect(tf.memory().numTensors).toBe(before);

    // Progress per batch, in order, ending at the whole run.
    const trainSteps = progress.filter((p) => p.phase === 'train');
    expect(trainSteps).toHaveLength(3 * 32);
    expect(trainSteps.every((p) => Number.isFinite(p.loss) && p.samplesPerSecond > 0 && p.etaSeconds >= 0)).toBe(true);
    expect(progress[progress.length - 1].fraction).toBeCloseTo(1, 10);

    expect(Object.keys(resultRecord(r)).sort()).toEqual(['backend', 'dataset', 'epochs', 'loss', 'model', 'reference', 'renderer', 'samplesPerSecond', 'testAccuracy', 'testSamples', 'trainSamples']);
  }, 90_000);

  it('a mobile network learns MNIST on WASM: inverted residual, squeeze-and-excitation (Mul), Hardswish, ReLU6, SiLU, Hardsigmoid, StochasticDepth, Dropout2d, AdaptiveMaxPool2d and a Mean head, with flat memory', async () => {
    const L = (path: string, inputs: string[], config: object) => ({ path, inputs, ...config }) as unknown as Graph['layers'][number];
    const graph: Graph = {
      name: 'mobile-mini',
      input: [1, 28, 28],
      layers: [
        L('stem.0', ['input'], { kind: 'Conv2d', in_channels: 1, out_channels: 16, kernel_size: 3, stride: 2, padding: 1, bias: false }),
        L('stem.1', ['stem.0'], { kind: 'BatchNorm2d', num_features: 16 }),
        L('stem.2', ['stem.1'], { kind: 'Hardswish' }),
        L('block.0', ['stem.2'], { kind: 'Conv2d', in_channels: 16, out_channels: 48, kernel_size: 1, bias: false }),
        L('block.1', ['block.0'], { kind: 'BatchNorm2d', num_features: 48 }),
        L('block.2', ['block.1'], { kind: 'ReLU6' }),
        L('block.3', ['block.2'], { kind: 'Conv2d', in_channels: 48, out_channels: 48, kernel_size: 3, padding: 1, groups: 48, bias: false }),
        L('block.4', ['block.3'], { kind: 'BatchNorm2d', num_features: 48 }),
        L('block.5', ['block.4'], { kind: 'SiLU' }),
        L('se.avgpool', ['block.5'], { kind: 'AdaptiveAvgPool2d', output_size: 1 }),
        L('se.fc1', ['se.avgpool'], { kind: 'Conv2d', in_channels: 48, out_channels: 8, kernel_size: 1 }),
        L('se.activation', ['se.fc1'], { kind: 'ReLU' }),
        L('se.fc2', ['se.activation'], { kind: 'Conv2d', in_channels: 8, out_channels: 48, kernel_size: 1 }),
        L('se.scale_activation', ['se.fc2'], { kind: 'Hardsigmoid' }),
        L('se.mul', ['se.scale_activation', 'block.5'], { kind: 'Mul' }),
        L('block.6', ['se.mul'], { kind: 'Conv2d', in_channels: 48, out_channels: 16, kernel_size: 1, bias: false }),
        L('block.7', ['block.6'], { kind: 'BatchNorm2d', num_features: 16 }),
        L('block.drop', ['block.7'], { kind: 'StochasticDepth', p: 0.1, mode: 'row' }),
        L('block.add', ['block.drop', 'stem.2'], { kind: 'Add' }),
        L('drop2d', ['block.add'], { kind: 'Dropout2d', p: 0.1 }),
        L('pool', ['drop2d'], { kind: 'AdaptiveMaxPool2d', output_size: 5 }),
        L('head.conv', ['pool'], { kind: 'Conv2d', in_channels: 16, out_channels: 64, kernel_size: 1 }),
        L('head.act', ['head.conv'], { kind: 'Hardswish' }),
        L('mean', ['head.act'], { kind: 'Mean', dim: [2, 3] }),
        L('fc', ['mean'], { kind: 'Linear', in_features: 64, out_features: 10 }),
      ],
      modules: [],
      output: 'fc',
      aux: [],
    };
    const before = tf.memory().numTensors;
    const r = await train(graph, mnist, { epochs: 3, batchSize: 32, lr: 0.01, optimizer: 'adam', limit: 1024, testLimit: 500 });
    // Chance is 10%; the loss falls by a third in three epochs (2.2 → 1.5 in two runs, test accuracy 36% and 46%:
    // StochasticDepth and Dropout2d draw unseeded masks, so runs differ).
    expect(r.testAccuracy).toBeGreaterThan(0.25);
    expect(r.loss[2]).toBeLessThan(0.85 * r.loss[0]);
    expect(new Set(r.tensors.epochs).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  }, 240_000);

  it('a learning rate of 1e6 stops at a loss that explodes, with a message, and frees everything', async () => {
    // resnet-mini: ReLU lets the weights blow up (to 1e21 and on to ∞) within a few steps.
    const graph = zooGraph('resnet-mini') as Graph;
    const before = tf.memory().numTensors;
    const run = train(graph, mnist, { epochs: 2, batchSize: 64, lr: 1e6, optimizer: 'sgd', limit: 512, testLimit: 100 });
    await expect(run).rejects.toBeInstanceOf(TrainDivergedError);
    await expect(run).rejects.toThrow(/^resnet-mini: the loss became (NaN|infinite|[\d.,e+]+, more than ten times the 2\.30 of an untrained network) at epoch 1, batch \d+; training stopped\. The learning rate 1000000 is too high for SGD: lower it \(the notes use 0\.1 for this network\) and start again\.$/);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('a loss that stays finite but explodes (LeNet-5 at lr 1e6: tanh saturates, float32 holds ~34,000) stops the run too', async () => {
    const before = tf.memory().numTensors;
    const losses: number[] = [];
    const run = train(lenet(), mnist, { epochs: 1, batchSize: 64, lr: 1e6, optimizer: 'sgd', limit: 512, testLimit: 100, onProgress: (p) => p.loss !== null && losses.push(p.loss) });
    const err = (await run.catch((e: unknown) => e)) as TrainDivergedError;
    expect(err).toBeInstanceOf(TrainDivergedError);
    expect(Number.isFinite(err.loss)).toBe(true);
    // Ten times ln(10), the cross-entropy of an untrained 10-class network.
    expect(err.loss).toBeGreaterThan(10 * Math.log(10));
    // Every batch before the stop was below the line.
    expect(losses.every((l) => l <= 10 * Math.log(10))).toBe(true);
    expect(err.message).toMatch(/^lenet5: the loss became [\d,]+, more than ten times the 2\.30 of an untrained network at epoch 1, batch \d+; training stopped\. The learning rate 1000000 is too high for SGD: lower it \(the notes use 0\.9 for this network\) and start again\.$/);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('an AbortSignal cancels the run between batches, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let batches = 0;
    const run = train(lenet(), mnist, {
      epochs: 5,
      batchSize: 32,
      limit: 1024,
      testLimit: 100,
      signal: controller.signal,
      onProgress: () => {
        if (++batches === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', epoch: 1, batch: 4 });
    expect(batches).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('says what happens before the first batch: compiling, then warming up, then the batches', async () => {
    const events: string[] = [];
    await train(lenet(), mnist, { epochs: 1, batchSize: 32, lr: 0.1, limit: 64, testLimit: 32, onStage: (s) => events.push(s), onProgress: (p) => events.push(`${p.phase} ${p.batch}`) });
    expect(events).toEqual(['compile', 'warmup', 'train 1', 'train 2', 'evaluate 1']);
  }, 60_000);

  it('refuses a subset that is not a positive whole number of images, naming which', async () => {
    await expect(train(lenet(), mnist, { epochs: 1, limit: -5 })).rejects.toThrow('the limit must be a positive whole number of images, got -5');
    await expect(train(lenet(), mnist, { epochs: 1, limit: 64, testLimit: 2.5 })).rejects.toThrow('the test limit must be a positive whole number of images, got 2.5');
  });

  it('takes the notes’ settings for a zoo network', () => {
    expect(presetOptions('lenet5')).toEqual({ dataset: 'mnist', optimizer: 'sgd', lr: 0.9, momentum: 0, batchSize: 256, epochs: 5 });
    expect(presetOptions('torchvision-resnet18')).toEqual({});
  });

  it('refuses a network whose output is not one score per class', async () => {
    const g = lenet();
    const wrong: Graph = { ...g, layers: g.layers.map((l) => (l.path === g.output && l.kind === 'Linear' ? { ...l, out_features: 7 } : l)) };
    await expect(train(wrong, mnist, { epochs: 1, limit: 64 })).rejects.toThrow(/output is 7, but mnist has 10 classes/);
  });

  it('refuses a network with a cycle by naming the cycle, not the class count or a missing shape', async () => {
    const g = lenet();
    const last = g.layers[g.layers.length - 1];
    const loop: Graph = { ...g, layers: g.layers.map((l) => (l === last ? { ...l, inputs: [last.path] } : l)) };
    await expect(train(loop, mnist, { epochs: 1, limit: 64 })).rejects.toThrow(new RegExp(`${last.path.replace('.', '\\.')} Linear: reads its own output`));
  });
});

describe('auxiliary heads', () => {
  /** conv → flatten → Linear (main); conv → avg pool → flatten → Linear (auxiliary, weight 0.3). */
  const auxGraph: Graph = {
    name: 'aux-net',
    input: [1, 28, 28],
    layers: [
      { kind: 'Conv2d', path: 'conv', inputs: ['input'], in_channels: 1, out_channels: 4, kernel_size: 5, stride: 3 },
      { kind: 'ReLU', path: 'relu', inputs: ['conv'] },
      { kind: 'Flatten', path: 'flat', inputs: ['relu'] },
      { kind: 'Linear', path: 'fc', inputs: ['flat'], in_features: 256, out_features: 10 },
      { kind: 'AvgPool2d', path: 'aux.pool', inputs: ['relu'], kernel_size: 4, stride: 4 },
      { kind: 'Flatten', path: 'aux.flat', inputs: ['aux.pool'] },
      { kind: 'Linear', path: 'aux.fc', inputs: ['aux.flat'], in_features: 16, out_features: 10 },
    ],
    modules: [{ path: 'aux', type: 'InceptionAux' }],
    output: 'fc',
    aux: [{ path: 'aux.fc', weight: 0.3 }],
  };

  it('the training loss is the main cross-entropy plus 0.3 × the auxiliary one', () => {
    const c = compileGraph(auxGraph, { seed: 4 });
    try {
      tf.tidy(() => {
        const x = tf.randomNormal([8, 28, 28, 1], 0, 1, 'float32', 1);
        const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
        const [main, aux] = c.model.predict(x) as tf.Tensor[];
        const ce = (logits: tf.Tensor) => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(logits)), -1))).arraySync() as number;
        expect(trainingLoss(c, x, y).arraySync()).toBeCloseTo(ce(main) + 0.3 * ce(aux), 5);
      });
    } finally {
      c.model.dispose();
    }
  });

  it('trains with the auxiliary head and evaluates the main output only', async () => {
    const before = tf.memory().numTensors;
    const r = await train(auxGraph, mnist, { epochs: 1, batchSize: 32, lr: 0.05, momentum: 0.9, limit: 256, testLimit: 200, keepModel: true });
    try {
      expect(r.compiled?.model.outputs).toHaveLength(2);
      expect(r.compiled?.inference.outputs).toHaveLength(1);
      expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
      expect(r.testAccuracy).toBeGreaterThan(0.3);
    } finally {
      r.compiled?.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
