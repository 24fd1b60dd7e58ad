/**
 * How much memory a training run needs, worked out from the analysis (weight
 * shapes and output shapes) before a single tensor is built, and the budget
 * it must fit. A network of a billion parameters is refused with the numbers
 * and what to change, instead of allocating gigabytes and failing inside tfjs
 * ("Invalid typed array length") or taking the tab down.
 *
 * No tfjs here: the CLI checks before it loads tfjs and the data.
 */
import type { Analysis } from '../analysis/analyze.js';
import { formatBytes, formatCount, formatInt } from '../analysis/format.js';
import type { OptimizerName } from './train.js';

const F32 = 4;

/**
 * Peak bytes of one training step over the bytes of every layer's output for
 * the batch. tfjs keeps each output for the backward pass and adds the padded
 * copies, the channels-first copy before Flatten and the gradients beside
 * them. Measured with `tf.profile` on WASM (tests/train/memory.test.ts):
 * 3.1× (nin), 3.5× (lenet5), 3.9× (resnet-mini), 4.1× (googlenet-mini).
 */
export const ACTIVATION_FACTOR = 4.5;
/**
 * Evaluation runs inference without a tape: tfjs frees each output once read,
 * so its peak is a few of the largest layer's outputs (measured ≤ 2.2×).
 */
const EVAL_FACTOR = 3;

/** tfjs-backend-wasm's heap cannot grow past this (its emscripten build's `getHeapMax()`: 4 GiB − 64 KiB). */
export const WASM_HEAP_BYTES = 4_294_901_760;
/**
 * In a page: a fixed cap. A tab has no reliable way to know the memory it may
 * use (`performance.memory` is Chromium-only and counts the JS heap only),
 * WebGL textures live in GPU memory the page cannot query, and Chromium kills
 * a renderer past a few GiB (4 GiB at most for WASM). 2 GiB trains the
 * notes' 28×28 and 96×96 networks at the notes' batch sizes; the 224×224 ones
 * need a smaller batch there, which the message names (docs/train.md).
 */
export const BROWSER_BUDGET_BYTES = 2 * 1024 ** 3;
/** In Node: this fraction of the machine's memory (the rest is the OS, V8's own heap, the data). */
export const NODE_MEMORY_FRACTION = 0.5;

export interface MemoryEstimate {
  batchSize: number;
  /** Evaluation batch (`max(batch, 256)`). */
  evalBatch: number;
  params: number;
  /** Weights and buffers (BatchNorm's running statistics). */
  weightBytes: number;
  gradientBytes: number;
  /** Momentum (SGD with momentum): one copy of the weights; Adam: two; plain SGD: none. */
  optimizerBytes: number;
  /** Per sample: the input and every layer's output (auxiliary heads included). */
  activationBytesPerSample: number;
  /** Per sample: the largest output of the inference path. */
  largestOutputBytes: number;
  /** The peak of one training step's activations and their gradients, for the batch. */
  activationBytes: number;
  /** The peak of an evaluation batch. */
  evalBytes: number;
  /** Weights, gradients, optimizer state, and the larger of a training step and an evaluation batch. */
  total: number;
  /** What does not depend on the batch (weights, gradients, optimizer state). */
  fixed: number;
}

export interface MemoryBudget {
  bytes: number;
  /** Where the number comes from, for the message: "half of this machine's 16 GiB". */
  reason: string;
}

/** The estimate of a run, from the analysis alone (never by building tensors). */
export function estimateTrainingMemory(analysis: Analysis, options: { batchSize: number; optimizer: OptimizerName; momentum: number }): MemoryEstimate {
  const { batchSize, optimizer, momentum } = options;
  const params = analysis.totals.trainableParams;
  const weightBytes = (analysis.totals.params + analysis.totals.buffers) * F32;
  const gradientBytes = params * F32;
  const slots = optimizer === 'adam' ? 2 : momentum > 0 ? 1 : 0;
  const optimizerBytes = slots * params * F32;
  let perSample = analysis.input[0] * analysis.input[1] * analysis.input[2] * F32;
  let largest = perSample;
  for (const r of analysis.layers) {
    perSample += r.outputBytes ?? 0;
    if (!r.aux) largest = Math.max(largest, r.outputBytes ?? 0);
  }
  const evalBatch = Math.max(batchSize, 256);
  const activationBytes = Math.ceil(ACTIVATION_FACTOR * perSample * batchSize);
  const evalBytes = EVAL_FACTOR * largest * evalBatch;
  const fixed = weightBytes + gradientBytes + optimizerBytes;
  return {
    batchSize,
    evalBatch,
    params,
    weightBytes,
    gradientBytes,
    optimizerBytes,
    activationBytesPerSample: perSample,
    largestOutputBytes: largest,
    activationBytes,
    evalBytes,
    total: fixed + Math.max(activationBytes, evalBytes),
    fixed,
  };
}

/**
 * The largest batch whose run fits `budget`: its training step, and testing in
 * batches of `max(batch, 256)`. 0 when nothing fits (the weights alone, or a
 * test batch of 256).
 */
export function largestBatch(e: MemoryEstimate, budget: number): number {
  const room = budget - e.fixed;
  if (room < EVAL_FACTOR * e.largestOutputBytes * 256) return 0;
  return Math.min(Math.floor(room / (ACTIVATION_FACTOR * e.activationBytesPerSample)), Math.floor(room / (EVAL_FACTOR * e.largestOutputBytes)));
}

/** The run would need more memory than it may use; nothing was allocated. */
export class TrainMemoryError extends Error {
  constructor(
    message: string,
    readonly estimate: MemoryEstimate,
    readonly budget: MemoryBudget,
  ) {
    super(message);
    this.name = 'TrainMemoryError';
  }
}

/**
 * Throws a `TrainMemoryError` that names the numbers and what to change when
 * the estimate exceeds the budget; `batchFlag` is how the caller's user sets
 * the batch size (`--batch` in the CLI, "Batch size" in the panel).
 */
export function checkTrainingMemory(name: string, analysis: Analysis, options: { batchSize: number; optimizer: OptimizerName; momentum: number }, budget: MemoryBudget, batchFlag = 'a batch size'): MemoryEstimate {
  const e = estimateTrainingMemory(analysis, options);
  if (e.total <= budget.bytes) return e;
  const opt = options.optimizer === 'adam' ? 'Adam’s two moments' : 'SGD momentum';
  const parts = [`weights ${formatBytes(e.weightBytes)}`, `gradients ${formatBytes(e.gradientBytes)}`];
  if (e.optimizerBytes) parts.push(`${opt} ${formatBytes(e.optimizerBytes)}`);
  parts.push(e.activationBytes >= e.evalBytes ? `activations ${formatBytes(e.activationBytes)} for a batch of ${formatInt(e.batchSize)}` : `activations ${formatBytes(e.evalBytes)} for a test batch of ${formatInt(e.evalBatch)}`);
  const head = `${name}: training needs about ${formatBytes(e.total)} (${parts.join(', ')}), more than the ${formatBytes(budget.bytes)} this run may use (${budget.reason}); nothing was allocated.`;
  const fit = largestBatch(e, budget.bytes);
  const smaller = `a smaller network: its ${formatCount(e.params)} parameters (${formatInt(e.params)}) take ${formatBytes(e.fixed)} with their gradients${e.optimizerBytes ? ' and optimizer state' : ''}; make the widest layers narrower (fewer channels or features) or remove some`;
  let advice: string;
  if (e.fixed >= budget.bytes) advice = `The weights alone do not fit, whatever the batch size: train ${smaller}.`;
  else if (fit < 1) advice = `Testing runs in batches of at least 256 images, and even that does not fit: train ${smaller}.`;
  else advice = `Use a smaller batch (${batchFlag} of ${formatInt(fit)} or less fits), or ${smaller}.`;
  throw new TrainMemoryError(`${head} ${advice}`, e, budget);
}

/**
 * The budget of a run in Node: `NODE_MEMORY_FRACTION` of the machine's memory
 * (`os.totalmem()`, passed in so this module stays free of Node imports), and
 * on WASM no more than its heap can hold.
 */
export function nodeBudget(backend: string, totalmem: number): MemoryBudget {
  const share = Math.floor(totalmem * NODE_MEMORY_FRACTION);
  const shareReason = `${NODE_MEMORY_FRACTION === 0.5 ? 'half' : `${NODE_MEMORY_FRACTION * 100}%`} of this machine's ${formatBytes(totalmem)}`;
  if (backend === 'wasm' && WASM_HEAP_BYTES < share) return { bytes: WASM_HEAP_BYTES, reason: `the most tfjs's WASM backend can hold` };
  return { bytes: share, reason: shareReason };
}

/** The budget of a run in a page, whatever the backend (see `BROWSER_BUDGET_BYTES`). */
export function browserBudget(): MemoryBudget {
  return { bytes: BROWSER_BUDGET_BYTES, reason: 'the cap for training in a browser tab' };
}

/** The most values one tensor of the run holds, and which: the largest weight, or the largest output for a (test) batch. */
export function largestTensor(analysis: Analysis, batchSize: number): { values: number; what: string } {
  let best = { values: 0, what: '' };
  for (const r of analysis.layers) {
    for (const w of r.weights) {
      const n = w.shape.reduce((a, b) => a * b, 1);
      if (n > best.values) best = { values: n, what: `${r.path} ${r.kind} ${w.name} ${w.shape.join('×')}` };
    }
    const out = (r.outputBytes ?? 0) / F32;
    const batch = r.aux ? batchSize : Math.max(batchSize, 256);
    if (out * batch > best.values) best = { values: out * batch, what: `the output of ${r.path} ${r.kind} for a batch of ${formatInt(batch)}` };
  }
  return best;
}

/**
 * On WebGL every tensor lives in one texture of at most `maxTextureSize`² texels, one value
 * each when unpacked (tfjs uploads weights unpacked); a larger one fails inside tfjs
 * ("Requested texture size … greater than WebGL maximum"). Throws a `TrainMemoryError` naming
 * the tensor and what to change.
 */
export function checkTextureLimit(name: string, analysis: Analysis, options: { batchSize: number; optimizer: OptimizerName; momentum: number }, maxTextureSize: number): void {
  const cap = maxTextureSize * maxTextureSize;
  const big = largestTensor(analysis, options.batchSize);
  if (big.values <= cap) return;
  const budget: MemoryBudget = { bytes: cap * F32, reason: `one WebGL texture of this GPU, ${formatInt(maxTextureSize)} × ${formatInt(maxTextureSize)} values` };
  const byBatch = big.what.startsWith('the output');
  const advice = byBatch
    ? `Use a smaller batch (testing runs in batches of at least 256), train on WASM (backend="wasm"), or a smaller network.`
    : `Train on WASM (backend="wasm"), or make that layer smaller.`;
  throw new TrainMemoryError(
    `${name}: its largest tensor, ${big.what}, holds ${formatInt(big.values)} values, more than ${budget.reason} (${formatInt(cap)}) can hold; nothing was allocated. ${advice}`,
    estimateTrainingMemory(analysis, options),
    budget,
  );
}
