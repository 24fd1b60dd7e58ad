#!/usr/bin/env node
/**
 * Training throughput in the page: <cnn-train> (dist/cnn-train.js) in headless
 * Chromium, on WebGL (SwiftShader, the software GPU, unless --gpu) or on WASM
 * in the page. Real MNIST batches at the notes' batch sizes; the time of a
 * batch is the interval between two `cnn-train-progress` events (input
 * preparation, forward, backward, update, loss read back), and the median over
 * the timed batches after warm-up (shader compilation happens in the first) is
 * reported as samples/s. Compare with bench/train.mjs (WASM in Node) and
 * bench/torch_train.py (PyTorch on the same CPU).
 *
 *   node bench/train-browser.mjs [--models lenet5,googlenet-mini,resnet-mini] [--backend webgl|wasm]
 *                                [--batches 5] [--warmup 2] [--batch N] [--gpu] [--json]
 *
 * SwiftShader is slow (LeNet-5: tens of samples/s on 2 cores): the defaults keep a run to minutes.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const models = opt('models', 'lenet5,googlenet-mini,resnet-mini').split(',');
const timed = Number(opt('batches', '5'));
const warmup = Number(opt('warmup', '2'));
const backend = opt('backend', 'webgl');
const gpu = args.includes('--gpu');
const json = args.includes('--json');
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (backend === 'webgl') flags.push(...(gpu ? ['--enable-gpu', '--ignore-gpu-blocklist', '--use-angle=vulkan', '--enable-features=Vulkan'] : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader']));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The bundle of the current sources, and the data.
if (!existsSync(join(dist, 'cnn-train.js')) || statSync(join(dist, 'cnn-train.js')).mtimeMs < statSync(join(root, 'src/ui/cnn-train/cnn-train.component.ts')).mtimeMs) {
  const { default: buildTrain } = await import(pathToFileURL(join(root, 'scripts/build-train.mjs')).href);
  await buildTrain({ quiet: true });
}
const { default: buildData } = await import(pathToFileURL(join(root, 'scripts/build-data.mjs')).href);
await buildData({ log: () => {} });

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/cnn-train.js"></script></head><body></body></html>`;
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.gz': 'application/gzip' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }), res.end(PAGE);
  const file = normalize(join(dist, path));
  try {
    if (!file.startsWith(dist + '/')) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: flags });
const rows = [];
const chrome = browser.version();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => customElements.get('cnn-train'));
  for (const id of models) {
    const r = await page.evaluate(
      async ({ id, backend, timed, warmup, batch }) => {
        document.body.innerHTML = '';
        const el = document.createElement('cnn-train');
        el.model = id;
        el.backend = backend;
        document.body.append(el);
        await el.updateComplete;
        const batchSize = batch ? Number(batch) : el.settings.batchSize;
        Object.assign(el, { epochs: 1, batchSize, limit: (warmup + timed) * batchSize, testLimit: 10 });
        const times = [];
        let last = 0;
        el.addEventListener('cnn-train-progress', (e) => {
          if (e.detail.phase !== 'train') return;
          const now = performance.now();
          if (e.detail.batch > 1) times.push(now - last);
          last = now;
        });
        const res = await el.start();
        if (!res) throw new Error(el.shadowRoot.querySelector('[part=message]')?.textContent ?? 'the run failed');
        return { times, batchSize, info: el.backendInfo };
      },
      { id, backend, timed, warmup, batch: opt('batch', null) },
    );
    const perBatch = r.times.slice(warmup - 1);
    const sps = r.batchSize / (median(perBatch) / 1000);
    rows.push({ model: id, backend: r.info.backend, renderer: r.info.renderer, batchSize: r.batchSize, batches: perBatch.length, samplesPerSecond: Math.round(sps * 10) / 10, msPerBatch: perBatch.map(Math.round) });
    if (!json) console.log(`${id.padEnd(16)} ${r.info.backend} batch ${String(r.batchSize).padStart(3)}  median ${sps.toFixed(1).padStart(7)} samples/s  (${perBatch.length} batches: ${perBatch.map((t) => Math.round(t)).join(', ')} ms)`);
  }
} finally {
  await browser.close();
  server.close();
}
const machine = { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', chromium: chrome, renderer: rows[0]?.renderer ?? null };
if (json) console.log(JSON.stringify({ machine, rows }));
else console.log(`machine: ${machine.nproc} × ${machine.cpu}, Chromium ${chrome}${machine.renderer ? `, ${machine.renderer}` : ''}`);
