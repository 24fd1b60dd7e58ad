#!/usr/bin/env node
/**
 * Training throughput of zoo networks with src/train (compileGraph + train) on
 * tfjs's 'wasm' backend in Node, with this project's gradient kernels. Real
 * MNIST batches at the notes' batch sizes; prints the median samples/s over
 * timed batches (after warm-up), per network. Compare with bench/torch_train.py.
 *
 *   node bench/train.mjs [--models lenet5,googlenet-mini,resnet-mini] [--batches 20]
 *                        [--warmup 3] [--batch N] [--backend wasm|cpu] [--json]
 *
 * src/train is bundled with esbuild into node_modules/.cache/train-bench/ (packages
 * left external, so tfjs is the one instance this script and the kernels share).
 */
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const models = opt('models', 'lenet5,googlenet-mini,resnet-mini').split(',');
const timed = Number(opt('batches', '20'));
const warmup = Number(opt('warmup', '3'));
const backend = opt('backend', 'wasm');
const json = args.includes('--json');

const outDir = join(root, 'node_modules/.cache/train-bench');
mkdirSync(outDir, { recursive: true });
await esbuild.build({
  stdin: {
    contents: `export { train, presetOptions } from ${JSON.stringify(join(root, 'src/train/train.ts'))};
export { zooGraph } from ${JSON.stringify(join(root, 'src/zoo/index.ts'))};
export { loadDatasetNode } from ${JSON.stringify(join(root, 'src/train/data/load-node.ts'))};
export { nodeBudget } from ${JSON.stringify(join(root, 'src/train/memory.ts'))};`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: join(outDir, 'train.mjs'),
  logLevel: 'warning',
});
const { train, presetOptions, zooGraph, loadDatasetNode, nodeBudget } = await import(pathToFileURL(join(outDir, 'train.mjs')).href);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const mnist = await loadDatasetNode('mnist');
const rows = [];
for (const id of models) {
  const batchSize = Number(opt('batch', String(presetOptions(id).batchSize ?? 64)));
  const times = [];
  let last = 0;
  const result = await train(zooGraph(id), mnist, {
    backend,
    // Node's budget, as `cnn-graph train` has (the default is a page's 2 GiB).
    memoryBudget: nodeBudget(backend, totalmem()),
    epochs: 1,
    batchSize,
    lr: 0.01,
    optimizer: 'sgd',
    momentum: 0.9,
    limit: (warmup + timed) * batchSize,
    testLimit: 10,
    onProgress: (p) => {
      if (p.phase !== 'train') return;
      const now = performance.now();
      if (p.batch > 1) times.push(now - last);
      last = now;
    },
  });
  const perBatch = times.slice(warmup - 1);
  const sps = batchSize / (median(perBatch) / 1000);
  rows.push({ model: id, backend: result.backend, batchSize, batches: perBatch.length, samplesPerSecond: Math.round(sps), wasm: result.backendInfo.wasm });
  if (!json) console.log(`${id.padEnd(16)} ${result.backend} batch ${String(batchSize).padStart(3)}  median ${Math.round(sps).toLocaleString('en-US').padStart(6)} samples/s  (${perBatch.length} batches${result.backendInfo.wasm ? `, simd ${result.backendInfo.wasm.simd}, threads ${result.backendInfo.wasm.threads}` : ''})`);
}
const machine = { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
if (json) console.log(JSON.stringify({ machine, rows }));
else console.log(`machine: ${machine.nproc} × ${machine.cpu}, Node ${machine.node}`);
