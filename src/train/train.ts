/**
 * Trains a compiled graph on MNIST or Fashion-MNIST the way the notes do
 * (softmax cross-entropy on the logits, SGD with momentum or Adam, shuffled
 * mini-batches), and evaluates it on the test set. One function for the page
 * and for Node: progress per batch, cancel through an AbortSignal, a loss
 * that is not finite stops the run, and every tensor is given back.
 */
import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../graph/types.js';
import { zooEntry } from '../zoo/index.js';
import { contextLost, describeBackend, selectBackend, watchContextLoss, type BackendInfo, type BackendName } from './backend.js';
import { analyze } from '../analysis/analyze.js';
import { formatInt } from '../analysis/format.js';
import { compileGraph, type CompiledGraph } from './compile.js';
import { browserBudget, checkTextureLimit, checkTrainingMemory, type MemoryBudget } from './memory.js';
import {
  FASHION_MNIST_MEAN,
  FASHION_MNIST_STD,
  IMAGE_PIXELS,
  IMAGE_SIZE,
  MNIST_MEAN,
  MNIST_STD,
  batchCount,
  batches,
  normalizeTable,
  resizeToUint8,
  subset,
  type Dataset,
  type DatasetName,
  type Split,
} from './data/index.js';

export type OptimizerName = 'sgd' | 'adam';

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  lr?: number;
  optimizer?: OptimizerName;
  /** SGD momentum (PyTorch's: v = μv + g, p −= lr·v); 0 for plain SGD. Ignored by Adam. */
  momentum?: number;
  /** Train on a deterministic random subset of this many training images. */
  limit?: number;
  /** Evaluate on a deterministic random subset of this many test images (default: all). */
  testLimit?: number;
  /** Seeds the subsets, the shuffles and the initial weights (default 0). */
  seed?: number;
  /** Switch to this backend (or the first of these that works) first; default: the current one. */
  backend?: BackendName | readonly BackendName[];
  wasmPaths?: string;
  signal?: AbortSignal;
  onProgress?: (p: TrainProgress) => void;
  onEpoch?: (e: EpochSummary) => void;
  /**
   * Called before the slow steps between the call and the first batch's
   * progress: compiling the network (`compile`), then the first batch, which
   * on WebGL compiles every shader (`warmup`). The page gets a frame after each.
   */
  onStage?: (stage: TrainStage) => void;
  /** Evaluate after every epoch (default true); the last epoch is always evaluated. */
  evaluateEachEpoch?: boolean;
  /** Weights to start from, in `model.getWeights()` order (e.g. `ContextLostError.weights`). */
  initialWeights?: readonly Float32Array[];
  /** Keep the trained model (`TrainResult.compiled`); the caller must dispose `compiled.model`. */
  keepModel?: boolean;
  /**
   * The memory the run may use; a run whose estimate (memory.ts) exceeds it is
   * refused with a `TrainMemoryError` before anything is allocated. Default:
   * `browserBudget()` (1 GiB); the CLI passes `nodeBudget()`.
   */
  memoryBudget?: MemoryBudget;
  /** How the caller's user sets the batch size, for the memory message (default "a batch size"). */
  batchFlag?: string;
}

export type TrainStage = 'compile' | 'warmup';

export interface TrainProgress {
  phase: 'train' | 'evaluate';
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** 1-based, within the epoch (evaluation: batches of the test set). */
  batch: number;
  batches: number;
  /** This batch's loss (training only). */
  loss: number | null;
  /** Training throughput so far in this run. */
  samplesPerSecond: number;
  /** Seconds left for the whole run, from the pace so far. */
  etaSeconds: number;
  /** Fraction of the whole run done, 0…1. */
  fraction: number;
}

export interface EpochSummary {
  epoch: number;
  /** Mean training loss of the epoch (auxiliary heads included with their weights). */
  loss: number;
  /** Test accuracy after this epoch, when evaluated. */
  testAccuracy: number | null;
  seconds: number;
  samplesPerSecond: number;
  /** `tf.memory().numTensors` at the end of the epoch. */
  tensors: number;
}

/** The record the CLI prints and `<cnn-train>` emits. */
export interface ResultRecord {
  model: string;
  dataset: DatasetName;
  backend: BackendName;
  renderer: string | null;
  epochs: number;
  trainSamples: number;
  testSamples: number;
  samplesPerSecond: number;
  testAccuracy: number;
  loss: number[];
  /** The notes' reported test accuracy, when they report one. */
  reference: number | null;
}

export interface TrainResult extends ResultRecord {
  /** Test accuracy after each evaluated epoch (null where not evaluated). */
  accuracy: (number | null)[];
  /** `confusion[true][predicted]` on the test images. */
  confusion: number[][];
  classes: string[];
  batchSize: number;
  lr: number;
  optimizer: OptimizerName;
  momentum: number;
  /** Wall time of the whole run, evaluation included. */
  seconds: number;
  backendInfo: BackendInfo;
  /** Live tensors before the run, after each epoch, and after the run. */
  tensors: { start: number; epochs: number[]; end: number };
  /** With `keepModel`: the trained model. */
  compiled?: CompiledGraph;
}

/** The loss became NaN, infinite, or more than ten times an untrained network's: the run is stopped, nothing more is learnt from it. */
export class TrainDivergedError extends Error {
  constructor(
    message: string,
    readonly epoch: number,
    readonly batch: number,
    readonly loss: number,
  ) {
    super(message);
    this.name = 'TrainDivergedError';
  }
}

/** Cancelled through the AbortSignal. */
export class TrainAbortedError extends Error {
  constructor(
    readonly epoch: number,
    readonly batch: number,
  ) {
    super(`training cancelled at epoch ${epoch}, batch ${batch}`);
    this.name = 'AbortError';
  }
}

/**
 * The WebGL context was lost mid-run. `weights` are the last weights copied to
 * the CPU (after `epochsDone` epochs, or the initial ones): pass them as
 * `initialWeights` to continue on WASM.
 */
export class ContextLostError extends Error {
  constructor(
    readonly epochsDone: number,
    readonly weights: Float32Array[],
  ) {
    super(`the WebGL context was lost after ${epochsDone} epoch${epochsDone === 1 ? '' : 's'}; the weights of that point are kept on the CPU, and training can continue on WASM.`);
    this.name = 'ContextLostError';
  }
}

/** The record alone, with exactly the documented keys (for `--json` and events). */
export function resultRecord(r: ResultRecord): ResultRecord {
  const { model, dataset, backend, renderer, epochs, trainSamples, testSamples, samplesPerSecond, testAccuracy, loss, reference } = r;
  return { model, dataset, backend, renderer, epochs, trainSamples, testSamples, samplesPerSecond, testAccuracy, loss, reference };
}

/** The notes' settings for a zoo network, as train options (empty for networks the notes do not train). */
export function presetOptions(id: string): Partial<TrainOptions> & { dataset?: DatasetName } {
  const p = zooEntry(id)?.preset;
  if (!p) return {};
  return { dataset: p.dataset, optimizer: p.optimizer, lr: p.lr, momentum: p.momentum ?? 0, batchSize: p.batchSize, epochs: p.epochs };
}

/** Normalisation of each dataset: MNIST's customary statistics, and Fashion-MNIST's. */
export function datasetStats(name: DatasetName): { mean: number; std: number } {
  return name === 'mnist' ? { mean: MNIST_MEAN, std: MNIST_STD } : { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD };
}

/**
 * One batch as an NHWC float tensor: resized the way torchvision's `Resize`
 * does on the 8-bit image when the network wants another size, then
 * `ToTensor` and `Normalize`; a gray image is repeated for 3-channel networks.
 */
export function batchInput(split: Split, indices: ArrayLike<number>, input: readonly [number, number, number], table: Float32Array): tf.Tensor4D {
  const [c, h, w] = input;
  const n = indices.length;
  let pixels: Uint8Array = new Uint8Array(n * IMAGE_PIXELS);
  for (let k = 0; k < n; k++) pixels.set(split.images.subarray(indices[k] * IMAGE_PIXELS, (indices[k] + 1) * IMAGE_PIXELS), k * IMAGE_PIXELS);
  if (h !== IMAGE_SIZE || w !== IMAGE_SIZE) pixels = resizeToUint8(pixels, [h, w]);
  const plane = h * w;
  const out = new Float32Array(n * plane * c);
  if (c === 1) for (let i = 0; i < pixels.length; i++) out[i] = table[pixels[i]];
  else for (let i = 0; i < n * plane; i++) for (let ch = 0; ch < c; ch++) out[i * c + ch] = table[pixels[i]];
  return tf.tensor4d(out, [n, h, w, c]);
}

function batchLabels(split: Split, indices: ArrayLike<number>, classes: number): tf.Tensor2D {
  const labels = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) labels[k] = split.labels[indices[k]];
  return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes) as tf.Tensor2D);
}

/**
 * Lets the page paint (a status line) before a long synchronous step: the next
 * frame, or 100 ms at most where frames do not come (a hidden tab); Node: the next task.
 */
function nextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((r) => {
    const timer = setTimeout(r, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), r()), 0));
  });
}

/** Lets timers, abort signals and the page run between batches. */
function nextTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });
}

function makeOptimizer(name: OptimizerName, lr: number, momentum: number): tf.Optimizer {
  // PyTorch's Adam: ε = 1e-8 outside the square root, bias-corrected; tfjs's default ε is 1e-7.
  if (name === 'adam') return tf.train.adam(lr, 0.9, 0.999, 1e-8);
  return momentum > 0 ? tf.train.momentum(lr, momentum) : tf.train.sgd(lr);
}

/**
 * The loss that training minimises: PyTorch's CrossEntropyLoss (softmax on the
 * logits, mean over the batch) on the main output plus, in training mode, each
 * auxiliary head's times its weight (GoogLeNet: 0.3). Dropout and BatchNorm
 * run in training mode.
 */
export function trainingLoss(compiled: CompiledGraph, x: tf.Tensor, oneHot: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const outs = compiled.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
    const list = Array.isArray(outs) ? outs : [outs];
    return list.map((o, i) => tf.mul(tf.losses.softmaxCrossEntropy(oneHot, o), compiled.lossWeights[i])).reduce((a, t) => tf.add(a, t)) as tf.Scalar;
  });
}

/**
 * tfjs 4.22's MomentumOptimizer.dispose() forgets the learning-rate scalar its
 * SGD base keeps (`c`), one tensor per run; dispose it too.
 */
function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: tf.Tensor }).c;
  if (c && !c.isDisposed) c.dispose();
}

export async function train(graph: Graph, dataset: Dataset, options: TrainOptions = {}): Promise<TrainResult> {
  const preset = presetOptions(graph.name);
  const epochs = options.epochs ?? preset.epochs ?? 5;
  const batchSize = options.batchSize ?? preset.batchSize ?? 64;
  const lr = options.lr ?? preset.lr ?? 0.01;
  const optimizerName = options.optimizer ?? preset.optimizer ?? 'sgd';
  const momentum = options.momentum ?? preset.momentum ?? 0;
  const seed = options.seed ?? 0;
  for (const [name, v, min] of [['epochs', epochs, 1], ['batch size', batchSize, 1]] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  for (const [name, v] of [['limit', options.limit], ['test limit', options.testLimit]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new RangeError(`the ${name} must be a positive whole number of images, got ${v}`);
  }
  if (!(lr > 0) || !Number.isFinite(lr)) throw new RangeError(`the learning rate must be a positive number, got ${lr}`);
  // Before any tensor: a network too large for the memory is refused with the numbers, not found out by tfjs.
  // (One that does not fit together is left to compileGraph, which says why.)
  const planned = analyze(graph);
  const plan = { batchSize, optimizer: optimizerName, momentum: optimizerName === 'adam' ? 0 : momentum };
  if (planned.ok) checkTrainingMemory(graph.name, planned, plan, options.memoryBudget ?? browserBudget(), options.batchFlag);

  const backendInfo = options.backend ? await selectBackend({ prefer: options.backend, ...(options.wasmPaths ? { wasmPaths: options.wasmPaths } : {}) }) : (await tf.ready(), await describeBackend());
  if (planned.ok && backendInfo.backend === 'webgl') checkTextureLimit(graph.name, planned, plan, tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE'));
  const trainSplit = options.limit !== undefined && options.limit < dataset.train.count ? subset(dataset.train, options.limit, seed) : dataset.train;
  const testSplit = options.testLimit !== undefined && options.testLimit < dataset.test.count ? subset(dataset.test, options.testLimit, seed + 1) : dataset.test;
  const classes = dataset.classes.length;
  const { mean, std } = datasetStats(dataset.name);
  const table = normalizeTable(mean, std);

  const start = tf.memory().numTensors;
  const t0 = performance.now();
  if (options.onStage) {
    options.onStage('compile');
    await nextPaint();
  }
  const compiled = compileGraph(graph, { seed });
  const { model, inference } = compiled;
  const outShape = compiled.analysis.output ?? [];
  if (outShape.length !== 1 || outShape[0] !== classes) {
    model.dispose();
    throw new RangeError(`${graph.name}: its output is ${outShape.join('×')}, but ${dataset.name} has ${classes} classes; the last layer must give one score per class.`);
  }
  if (options.initialWeights) {
    const current = model.getWeights();
    if (current.length !== options.initialWeights.length) throw new RangeError(`initialWeights has ${options.initialWeights.length} arrays, the model ${current.length} weights`);
    const ws = options.initialWeights.map((a, i) => tf.tensor(a, current[i].shape));
    model.setWeights(ws);
    tf.dispose(ws);
  }
  // An untrained network guesses uniformly: cross-entropy ln(classes) per output, times its loss weight.
  // Ten times that is no longer learning but diverging, even while the loss is still finite (lr 1e6 on
  // LeNet-5 reaches ~34,000, which float32 holds fine): the same stop as NaN.
  const untrainedLoss = Math.log(classes) * compiled.lossWeights.reduce((a, w) => a + w, 0);
  const divergedAbove = 10 * untrainedLoss;
  const optimizer = makeOptimizer(optimizerName, lr, momentum);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);

  let lost = false;
  const unwatch = backendInfo.backend === 'webgl' ? watchContextLoss(() => (lost = true)) : () => {};
  let snapshot: Float32Array[] = backendInfo.backend === 'webgl' ? model.getWeights().map((w) => w.dataSync() as Float32Array) : [];

  const perEpochBatches = batchCount(trainSplit.count, batchSize);
  const evalBatch = Math.max(batchSize, 256);
  const evalBatches = batchCount(testSplit.count, evalBatch);
  const evaluateEach = options.evaluateEachEpoch ?? true;
  const totalSteps = epochs * perEpochBatches + (evaluateEach ? epochs : 1) * evalBatches;
  let steps = 0;
  let trainSeconds = 0;
  let trained = 0;
  const losses: number[] = [];
  const accuracy: (number | null)[] = [];
  const epochTensors: number[] = [];
  let confusion: number[][] = [];
  const runStart = performance.now();
  let warmedUp = false;

  const progress = (p: Omit<TrainProgress, 'samplesPerSecond' | 'etaSeconds' | 'fraction' | 'epochs'>) => {
    steps++;
    const elapsed = (performance.now() - runStart) / 1000;
    const fraction = steps / totalSteps;
    options.onProgress?.({ ...p, epochs, samplesPerSecond: trainSeconds > 0 ? trained / trainSeconds : 0, etaSeconds: fraction > 0 ? (elapsed * (1 - fraction)) / fraction : NaN, fraction });
  };
  const checkStop = (epoch: number, batch: number) => {
    if (options.signal?.aborted) throw new TrainAbortedError(epoch, batch);
    if (lost || contextLost()) throw new ContextLostError(epoch - 1, snapshot);
  };

  const evaluate = async (epoch: number): Promise<number> => {
    const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
    let correct = 0;
    for (const b of batches(testSplit, evalBatch)) {
      checkStop(epoch, b.batch + 1);
      const predicted = tf.tidy(() => {
        const x = batchInput(testSplit, b.indices, compiled.analysis.input, table);
        return tf.argMax(inference.predict(x) as tf.Tensor, -1);
      });
      const p = (await predicted.data()) as Int32Array;
      predicted.dispose();
      for (let k = 0; k < p.length; k++) {
        const truth = testSplit.labels[b.indices[k]];
        matrix[truth][p[k]]++;
        if (truth === p[k]) correct++;
      }
      progress({ phase: 'evaluate', epoch, batch: b.batch + 1, batches: evalBatches, loss: null });
      await nextTask();
    }
    confusion = matrix;
    return testSplit.count ? correct / testSplit.count : 0;
  };

  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const epochStart = performance.now();
      let lossSum = 0;
      let seen = 0;
      for (const b of batches(trainSplit, batchSize, { shuffle: true, seed: seed * 1000 + epoch })) {
        checkStop(epoch, b.batch + 1);
        if (!warmedUp && options.onStage) {
          options.onStage('warmup');
          await nextPaint();
        }
        warmedUp = true;
        const batchStart = performance.now();
        const x = batchInput(trainSplit, b.indices, compiled.analysis.input, table);
        const y = batchLabels(trainSplit, b.indices, classes);
        let lossTensor: tf.Scalar | null = null;
        try {
          lossTensor = optimizer.minimize(
            () => trainingLoss(compiled, x, y),
            true,
            vars,
          );
          const value = lossTensor ? (await lossTensor.data())[0] : NaN;
          // A context lost mid-batch reads back garbage (often NaN): that is the GPU's fault, not the learning rate's.
          if (!Number.isFinite(value) && (lost || contextLost())) throw new ContextLostError(epoch - 1, snapshot);
          if (!Number.isFinite(value) || value > divergedAbove) {
            const what = Number.isNaN(value)
              ? 'NaN'
              : !Number.isFinite(value)
                ? value > 0
                  ? 'infinite'
                  : '−infinite'
                : `${value < 1e9 ? formatInt(value) : value.toExponential(2)}, more than ten times the ${untrainedLoss.toFixed(2)} of an untrained network`;
            throw new TrainDivergedError(
              `${graph.name}: the loss became ${what} at epoch ${epoch}, batch ${b.batch + 1}; training stopped. ` +
                `The learning rate ${lr} is too high for ${optimizerName === 'adam' ? 'Adam' : 'SGD'}: lower it${preset.lr !== undefined && preset.lr < lr ? ` (the notes use ${preset.lr} for this network)` : ' ten-fold'} and start again.`,
              epoch,
              b.batch + 1,
              value,
            );
          }
          const n = b.end - b.start;
          lossSum += value * n;
          seen += n;
          trained += n;
          trainSeconds += (performance.now() - batchStart) / 1000;
          progress({ phase: 'train', epoch, batch: b.batch + 1, batches: perEpochBatches, loss: value });
        } finally {
          tf.dispose([x, y]);
          lossTensor?.dispose();
        }
        await nextTask();
      }
      losses.push(seen ? lossSum / seen : NaN);
      const acc = evaluateEach || epoch === epochs ? await evaluate(epoch) : null;
      accuracy.push(acc);
      if (backendInfo.backend === 'webgl') snapshot = model.getWeights().map((w) => w.dataSync() as Float32Array);
      epochTensors.push(tf.memory().numTensors);
      const seconds = (performance.now() - epochStart) / 1000;
      options.onEpoch?.({ epoch, loss: losses[losses.length - 1], testAccuracy: acc, seconds, samplesPerSecond: trainSeconds ? trained / trainSeconds : 0, tensors: tf.memory().numTensors });
    }
  } catch (e) {
    unwatch();
    disposeOptimizer(optimizer);
    model.dispose();
    throw e;
  }
  unwatch();
  disposeOptimizer(optimizer);
  if (!options.keepModel) model.dispose();
  const end = tf.memory().numTensors;
  const seconds = (performance.now() - t0) / 1000;
  const reference = zooEntry(graph.name)?.preset?.reference ?? null;
  return {
    model: graph.name,
    dataset: dataset.name,
    backend: backendInfo.backend,
    renderer: backendInfo.renderer,
    epochs,
    trainSamples: trainSplit.count,
    testSamples: testSplit.count,
    samplesPerSecond: trainSeconds ? trained / trainSeconds : 0,
    testAccuracy: accuracy[accuracy.length - 1] ?? 0,
    loss: losses,
    reference,
    accuracy,
    confusion,
    classes: dataset.classes,
    batchSize,
    lr,
    optimizer: optimizerName,
    momentum,
    seconds,
    backendInfo,
    tensors: { start, epochs: epochTensors, end },
    ...(options.keepModel ? { compiled } : {}),
  };
}
