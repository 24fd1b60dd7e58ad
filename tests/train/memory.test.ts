/**
 * The memory estimate of a training run, from the analysis alone: it covers
 * what tfjs really allocates (tf.profile's peak of a training step on WASM)
 * without being absurdly above it, and train() refuses a network that cannot
 * fit before it allocates anything, with the numbers and what to change.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Graph } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
import { selectBackend } from '../../src/train/backend.js';
import { compileGraph } from '../../src/train/compile.js';
import { loadDatasetNode } from '../../src/train/data/load-node.js';
import type { Dataset } from '../../src/train/data/index.js';
import { BROWSER_BUDGET_BYTES, WASM_HEAP_BYTES, browserBudget, checkTextureLimit, checkTrainingMemory, largestTensor, estimateTrainingMemory, largestBatch, nodeBudget, TrainMemoryError } from '../../src/train/memory.js';
import { train, trainingLoss } from '../../src/train/train.js';

let mnist: Dataset;
beforeAll(async () => {
  expect((await selectBackend({ prefer: 'wasm' })).backend).toBe('wasm');
  mnist = await loadDatasetNode('mnist');
}, 60_000);

/** 1×28×28 → Flatten → Linear(784, 2,000,000) → Linear(2,000,000, 10): 1.59 billion parameters. */
export const huge: Graph = {
  name: 'huge',
  input: [1, 28, 28],
  layers: [
    { kind: 'Flatten', path: 'flat', inputs: ['input'] },
    { kind: 'Linear', path: 'fc1', inputs: ['flat'], in_features: 784, out_features: 2_000_000 },
    { kind: 'Linear', path: 'fc2', inputs: ['fc1'], in_features: 2_000_000, out_features: 10 },
  ],
  modules: [],
  output: 'fc2',
  aux: [],
};

describe('estimateTrainingMemory', () => {
  it('counts weights, gradients and optimizer state from the weight shapes', () => {
    const a = analyze(zooGraph('lenet5') as Graph);
    const params = a.totals.params; // 61,706 for LeNet-5 of the notes
    expect(params).toBe(61_706);
    const sgd = estimateTrainingMemory(a, { batchSize: 256, optimizer: 'sgd', momentum: 0 });
    expect(sgd.weightBytes).toBe(4 * params);
    expect(sgd.gradientBytes).toBe(4 * params);
    expect(sgd.optimizerBytes).toBe(0);
    expect(estimateTrainingMemory(a, { batchSize: 256, optimizer: 'sgd', momentum: 0.9 }).optimizerBytes).toBe(4 * params);
    expect(estimateTrainingMemory(a, { batchSize: 256, optimizer: 'adam', momentum: 0 }).optimizerBytes).toBe(8 * params);
    // Activations per sample: the 1×28×28 input and every layer's output.
    expect(sgd.activationBytesPerSample).toBe(4 * 784 + a.layers.reduce((s, r) => s + (r.outputBytes as number), 0));
    // Twice the batch, twice the activations; the weights do not change.
    const double = estimateTrainingMemory(a, { batchSize: 512, optimizer: 'sgd', momentum: 0 });
    expect(double.fixed).toBe(sgd.fixed);
    expect(double.activationBytes).toBeCloseTo(2 * sgd.activationBytes, -1);
  });

  // Measured peak of one training step (SGD with momentum) on WASM: the estimate must cover it,
  // and stay within 2× of it so that runs that fit are not refused.
  it.each([
    ['lenet5', 64],
    ['resnet-mini', 16],
    ['googlenet-mini', 8],
    ['nin', 2],
  ] as const)('covers tfjs’s real peak for %s at batch %i', async (id, batch) => {
    const graph = zooGraph(id) as Graph;
    const base = tf.memory().numBytes;
    const c = compileGraph(graph, { seed: 0 });
    const opt = tf.train.momentum(0.01, 0.9);
    const vars = c.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const [h, w, ch] = c.inputShape;
    const x = tf.randomNormal([batch, h, w, ch]);
    const y = tf.oneHot(tf.tensor1d(new Array<number>(batch).fill(3), 'int32'), 10);
    try {
      // The first step creates the momentum slots; the second is the steady state.
      opt.minimize(() => trainingLoss(c, x, y), false, vars);
      const prof = await tf.profile(() => opt.minimize(() => trainingLoss(c, x, y), true, vars)?.dispose());
      const peak = prof.peakBytes - base;
      const e = estimateTrainingMemory(c.analysis, { batchSize: batch, optimizer: 'sgd', momentum: 0.9 });
      const step = e.fixed + e.activationBytes;
      expect(step).toBeGreaterThanOrEqual(peak);
      expect(step).toBeLessThan(2 * peak);
    } finally {
      tf.dispose([x, y]);
      opt.dispose();
      c.model.dispose();
    }
  }, 60_000);
});

describe('checkTrainingMemory', () => {
  it('the batch it suggests fits, and one more does not', () => {
    const a = analyze(zooGraph('nin') as Graph);
    const budget = browserBudget();
    expect(budget.bytes).toBe(BROWSER_BUDGET_BYTES);
    const opts = { batchSize: 128, optimizer: 'sgd', momentum: 0 } as const;
    let err: unknown;
    try {
      checkTrainingMemory('nin', a, opts, budget, '--batch');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TrainMemoryError);
    const m = /Use a smaller batch \(--batch of (\d+) or less fits\)/.exec((err as Error).message);
    expect(m, (err as Error).message).not.toBeNull();
    const fit = Number(m![1]);
    expect(fit).toBe(largestBatch((err as TrainMemoryError).estimate, budget.bytes));
    expect(fit).toBeGreaterThan(0);
    expect(fit).toBeLessThan(128);
    expect(() => checkTrainingMemory('nin', a, { ...opts, batchSize: fit }, budget)).not.toThrow();
    expect(() => checkTrainingMemory('nin', a, { ...opts, batchSize: fit + 1 }, budget)).toThrow(TrainMemoryError);
    expect((err as Error).message).toMatch(/^nin: training needs about [\d.]+ GiB \(weights [\d.]+ MiB, gradients [\d.]+ MiB, activations [\d.]+ GiB for a batch of 128\), more than the 2\.00 GiB this run may use \(the cap for training in a browser tab\); nothing was allocated\./);
  });

  it('a network whose weights alone do not fit says so, whatever the batch', () => {
    const a = analyze(huge);
    expect(a.totals.params).toBe(784 * 2_000_000 + 2_000_000 + 2_000_000 * 10 + 10);
    expect(() => checkTrainingMemory('huge', a, { batchSize: 256, optimizer: 'sgd', momentum: 0.9 }, nodeBudget('wasm', 16 * 1024 ** 3), '--batch')).toThrow(
      /^huge: training needs about 26\.4 GiB \(weights 5\.92 GiB, gradients 5\.92 GiB, SGD momentum 5\.92 GiB, activations 8\.59 GiB for a batch of 256\), more than the 4\.00 GiB this run may use \(the most tfjs's WASM backend can hold\); nothing was allocated\. The weights alone do not fit, whatever the batch size: train a smaller network: its 1\.59 G parameters \(1,590,000,010\) take 17\.8 GiB with their gradients and optimizer state; make the widest layers narrower/,
    );
  });

  it('the budget in Node is half the machine, and no more than the WASM heap on WASM', () => {
    expect(nodeBudget('cpu', 16 * 1024 ** 3)).toEqual({ bytes: 8 * 1024 ** 3, reason: "half of this machine's 16.0 GiB" });
    expect(nodeBudget('wasm', 16 * 1024 ** 3).bytes).toBe(WASM_HEAP_BYTES);
    expect(nodeBudget('wasm', 4 * 1024 ** 3)).toEqual({ bytes: 2 * 1024 ** 3, reason: "half of this machine's 4.00 GiB" });
  });
});

describe('checkTextureLimit (WebGL: one tensor, one texture)', () => {
  const opts = { batchSize: 64, optimizer: 'sgd', momentum: 0 } as const;

  it('names the largest tensor: a weight, or an output for the test batch', () => {
    const a = analyze(zooGraph('lenet5') as Graph);
    // LeNet-5's largest weight is Linear(400, 120): 48,000 values; its largest output 6×28×28 = 4,704 per image, ×256 to test.
    expect(largestTensor(a, 64)).toEqual({ values: 4704 * 256, what: 'the output of net.0 Conv2d for a batch of 256' });
    expect(largestTensor(analyze(huge), 64)).toEqual({ values: 2_000_000 * 784, what: 'fc1 Linear weight 2000000×784' });
  });

  it('passes what fits and refuses what does not, before tfjs would fail on the texture', () => {
    const a = analyze(zooGraph('lenet5') as Graph);
    expect(() => checkTextureLimit('lenet5', a, opts, 16384)).not.toThrow();
    expect(() => checkTextureLimit('lenet5', a, opts, 1024)).toThrow(
      /^lenet5: its largest tensor, the output of net\.0 Conv2d for a batch of 256, holds 1,204,224 values, more than one WebGL texture of this GPU, 1,024 × 1,024 values \(1,048,576\) can hold; nothing was allocated\. Use a smaller batch \(testing runs in batches of at least 256\), train on WASM \(backend="wasm"\), or a smaller network\.$/,
    );
    expect(() => checkTextureLimit('huge', analyze(huge), opts, 16384)).toThrow(/^huge: its largest tensor, fc1 Linear weight 2000000×784, holds 1,568,000,000 values, .*Train on WASM \(backend="wasm"\), or make that layer smaller\.$/);
    let err: unknown;
    try {
      checkTextureLimit('lenet5', a, opts, 1024);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TrainMemoryError);
  });
});

describe('train() refuses what cannot fit', () => {
  it('a 1.6-billion-parameter network, before allocating anything', async () => {
    const before = tf.memory();
    const run = train(huge, mnist, { epochs: 1, batchSize: 64, limit: 64, testLimit: 64 });
    await expect(run).rejects.toBeInstanceOf(TrainMemoryError);
    await expect(run).rejects.toThrow(/^huge: training needs about [\d.]+ GiB .* more than the 2\.00 GiB this run may use \(the cap for training in a browser tab\); nothing was allocated\. The weights alone do not fit/);
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
  });

  it('a run over the budget it is given, with the batch size that fits', async () => {
    const run = train(zooGraph('lenet5') as Graph, mnist, { epochs: 1, batchSize: 4096, limit: 64, testLimit: 64, memoryBudget: { bytes: 64 * 1024 ** 2, reason: 'a test budget' }, batchFlag: 'batch-size' });
    await expect(run).rejects.toThrow(/more than the 64\.0 MiB this run may use \(a test budget\); nothing was allocated\. Use a smaller batch \(batch-size of \d+ or less fits\)/);
  });
});
