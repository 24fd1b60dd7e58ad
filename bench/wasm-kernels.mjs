#!/usr/bin/env node
/**
 * Trains LeNet-5 (tf.LayersModel, NHWC, batch 64) on tfjs's 'wasm' backend with
 * this project's gradient kernels registered (src/train/kernels), and on the
 * 'cpu' backend for comparison; prints the median samples/s over batches.
 *
 *   node bench/wasm-kernels.mjs [--batches 20] [--cpu-batches 3] [--batch 64]
 *                               [--backends wasm,cpu] [--profile] [--times] [--warmup 5] [--cpu-warmup 1]
 *                               [--wasm-dir node_modules/@tensorflow/tfjs-backend-wasm/dist]
 *
 * The TypeScript kernels are bundled with esbuild (a devDependency) into
 * node_modules/.cache/wasm-kernels-bench/ so that they resolve the same
 * @tensorflow/tfjs instance as this script. Inputs are random (speed does not
 * depend on the data). tfjs's cpu backend needs ~10 s per batch here (its
 * Conv2DBackpropFilter is a scalar loop over TensorBuffer.get), hence fewer
 * cpu batches by default.
 *
 * LeNet-5: conv 5x5 1->6 'same' (28x28), tanh, avgpool 2, conv 5x5 6->16,
 * tanh, avgpool 2, conv 5x5 16->120, tanh, dense 84 tanh, dense 10 softmax;
 * SGD, categorical cross-entropy.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = {
    batches: 20,
    cpuBatches: 3,
    batch: 64,
    backends: ['wasm', 'cpu'],
    profile: false,
    warmup: 5,
    cpuWarmup: 1,
    wasmDir: join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--batches') opts.batches = Number(next());
    else if (a === '--cpu-batches') opts.cpuBatches = Number(next());
    else if (a === '--batch') opts.batch = Number(next());
    else if (a === '--warmup') opts.warmup = Number(next());
    else if (a === '--cpu-warmup') opts.cpuWarmup = Number(next());
    else if (a === '--backends') opts.backends = next().split(',');
    else if (a === '--profile') opts.profile = true;
    else if (a === '--times') opts.times = true;
    else if (a === '--wasm-dir') opts.wasmDir = resolve(next()) + '/';
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

async function loadKernels() {
  // A self-contained bundle of this script (for a machine without
  // node_modules) provides the kernels module here instead.
  if (globalThis.__wasmKernelsModule) return globalThis.__wasmKernelsModule;
  const { build } = await import('esbuild');
  const outdir = join(root, 'node_modules', '.cache', 'wasm-kernels-bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'kernels.mjs');
  await build({
    entryPoints: [join(root, 'src/train/kernels/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

function lenet5(tf) {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, padding: 'same', activation: 'tanh' }));
  m.add(tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }));
  m.add(tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'tanh' }));
  m.add(tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }));
  m.add(tf.layers.conv2d({ filters: 120, kernelSize: 5, activation: 'tanh' }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 84, activation: 'tanh' }));
  m.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  m.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy' });
  return m;
}

/** Wraps every kernel of `backend` to time it (nested kernel calls are attributed to the outer one). */
function instrument(tf, backend) {
  const totals = new Map();
  let depth = 0;
  for (const k of tf.getKernelsForBackend(backend)) {
    const inner = k.kernelFunc;
    k.kernelFunc = (args) => {
      if (depth > 0) return inner(args);
      depth++;
      const t0 = performance.now();
      try {
        return inner(args);
      } finally {
        depth--;
        const e = totals.get(k.kernelName) ?? { ms: 0, calls: 0 };
        e.ms += performance.now() - t0;
        e.calls++;
        totals.set(k.kernelName, e);
      }
    };
  }
  return totals;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run(tf, backend, batches, warmup, opts) {
  await tf.setBackend(backend);
  if (tf.getBackend() !== backend) throw new Error(`could not switch to ${backend}`);
  const model = lenet5(tf);
  const x = tf.randomUniform([opts.batch, 28, 28, 1], 0, 1, 'float32', 1);
  const y = tf.oneHot(tf.randomUniform([opts.batch], 0, 10, 'int32', 2), 10).toFloat();
  const totals = opts.profile ? instrument(tf, backend) : null;
  const times = [];
  for (let i = 0; i < warmup + batches; i++) {
    if (i === warmup) totals?.clear();
    const t0 = performance.now();
    await model.trainOnBatch(x, y);
    if (i >= warmup) times.push(performance.now() - t0);
  }
  const ms = median(times);
  const line = `${backend.padEnd(5)} median ${ms.toFixed(1)} ms/batch  ${((opts.batch * 1000) / ms).toFixed(0)} samples/s` +
    `  (min ${Math.min(...times).toFixed(1)} ms, ${batches} batches of ${opts.batch})`;
  console.log(line);
  if (opts.times) console.log(`   batch ms: ${times.map((t) => t.toFixed(1)).join(' ')}`);
  if (totals) {
    const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14);
    for (const [name, e] of rows) console.log(`   ${name.padEnd(36)} ${(e.ms / batches).toFixed(2).padStart(7)} ms/batch  ${(e.calls / batches).toFixed(0)} calls`);
  }
  model.dispose();
  x.dispose();
  y.dispose();
  return (opts.batch * 1000) / ms;
}

const opts = parseArgs(process.argv.slice(2));
const tf = await import('@tensorflow/tfjs');
const wasm = await import('@tensorflow/tfjs-backend-wasm');
wasm.setWasmPaths(opts.wasmDir);
const { registerWasmGradientKernels } = await loadKernels();
console.log(`registered on wasm: ${registerWasmGradientKernels().join(', ')}`);
const results = {};
for (const backend of opts.backends) {
  const cpu = backend === 'cpu';
  results[backend] = await run(tf, backend, cpu ? opts.cpuBatches : opts.batches, cpu ? opts.cpuWarmup : opts.warmup, opts);
}
if (results.wasm && results.cpu) console.log(`wasm / cpu: ${(results.wasm / results.cpu).toFixed(1)}x`);
