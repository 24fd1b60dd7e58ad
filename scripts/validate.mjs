#!/usr/bin/env node
// npm run validate -- <id> [--dataset mnist|fashion-mnist] [--epochs N] [--limit N] [--test-limit N]
//                         [--batch N] [--lr X] [--momentum X] [--optimizer sgd|adam] [--seed N]
//                         [--backend auto|webgl|wasm|cpu] [--swiftshader] [--json] [--screenshot FILE.png]
//
// Trains a zoo network the way a reader would: through <cnn-train> in headless Chromium
// (Debian's /usr/bin/chromium, or $CNN_CHROMIUM), on the backend the panel chooses by default
// (auto: WebGL on a real GPU, WASM when WebGL renders in software). With a GPU on the
// machine (/dev/dri/renderD* or nvidia-smi) Chromium is asked to use it; otherwise, or with
// --swiftshader, WebGL runs on SwiftShader, the software GPU. Builds dist/cnn-train.js and
// dist/data first when they are missing or older than the sources, serves dist/ on 127.0.0.1,
// prints progress on stderr and the result on stdout: a summary against the notes' reference,
// or with --json the one result record (the same keys as `cnn-graph train --json`).
// Exit status: 0 done, 1 failed (the message says why), 2 bad arguments, 130 interrupted.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const CHROMIUM = process.env.CNN_CHROMIUM ?? '/usr/bin/chromium';
const BASE_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SWIFTSHADER_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
// A real GPU in headless Chromium: ANGLE on Vulkan (what Chromium uses on Linux), blocklist off.
const GPU_FLAGS = ['--enable-gpu', '--ignore-gpu-blocklist', '--use-angle=vulkan', '--enable-features=Vulkan'];

const USAGE = 'usage: npm run validate -- <id> [--dataset mnist|fashion-mnist] [--epochs N] [--limit N] [--test-limit N] [--batch N] [--lr X] [--momentum X] [--optimizer sgd|adam] [--seed N] [--backend auto|webgl|wasm|cpu] [--swiftshader] [--json] [--screenshot FILE.png]';

/**
 * What this script shares with the sources, bundled from them on the fly: the
 * training flags and their checks (the same as `cnn-graph train`'s, so both
 * commands take and refuse the same values), the usage error, and the zoo.
 */
let shared = null;
async function sources() {
  if (shared) return shared;
  const { build } = await import('esbuild');
  const outfile = join(root, 'node_modules/.cache/cnn-graph-validate/shared.mjs');
  await build({
    stdin: {
      contents: "export { TRAIN_OPTIONS, trainSettings } from './src/cli/train.ts'; export { UsageError } from './src/cli/common.ts'; export { ZOO_IDS, zooEntry } from './src/zoo/index.ts';",
      resolveDir: root,
      sourcefile: 'validate-shared.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  shared = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  return shared;
}

async function parse(argv) {
  const { TRAIN_OPTIONS, trainSettings, UsageError } = await sources();
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...TRAIN_OPTIONS, swiftshader: { type: 'boolean' }, screenshot: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError(`${e.message}\n${USAGE}`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError(`give exactly one zoo id (got ${positionals.length ? positionals.join(' ') : 'none'}).\n${USAGE}`);
  // In the page the panel's own choice is the default; webgl, wasm and cpu can be forced.
  return { id: positionals[0], ...trainSettings(v, ['auto', 'webgl', 'wasm', 'cpu']), swiftshader: Boolean(v.swiftshader), screenshot: v.screenshot ?? null };
}

/** Newest modification time of the files under `dir` (recursively). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function buildIfNeeded(log) {
  const bundle = join(dist, 'cnn-train.js');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(join(root, 'src'))) {
    log('building dist/cnn-train.js…');
    const { default: buildTrain } = await import(pathToFileURL(join(root, 'scripts/build-train.mjs')).href);
    await buildTrain({ quiet: true });
  }
  // Leaves an up-to-date dist/data alone (a few milliseconds).
  const { default: buildData } = await import(pathToFileURL(join(root, 'scripts/build-data.mjs')).href);
  await buildData({ log: () => {} });
}

function hasGpu() {
  try {
    if (existsSync('/dev/dri') && readdirSync('/dev/dri').some((f) => f.startsWith('renderD'))) return true;
  } catch {}
  try {
    execFileSync('nvidia-smi', ['-L'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.gz': 'application/gzip', '.bin': 'application/octet-stream' };

function serveDist(pageHtml) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(pageHtml);
    }
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist + '/')) {
      res.writeHead(404);
      return res.end();
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const pct = (x) => `${(x * 100).toFixed(2)}%`;
const duration = (s) => (s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`);

async function main() {
  let o;
  const { UsageError } = await sources();
  try {
    o = await parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`validate: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const { zooIds, presetOf } = await zooInfo();
  if (!zooIds.includes(o.id)) {
    console.error(`validate: unknown model "${o.id}". Known models: ${zooIds.join(', ')}.`);
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`validate: Chromium not found at ${CHROMIUM}. Install Debian's chromium package or set CNN_CHROMIUM=/path/to/chromium.`);
    return 1;
  }
  const tty = process.stderr.isTTY;
  const log = (s) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${s}\n`);
  await buildIfNeeded(log);

  const webgl = o.backend === 'webgl' || o.backend === 'auto';
  const gpu = !o.swiftshader && webgl && hasGpu();
  const flags = [...BASE_FLAGS, ...(webgl ? (gpu ? GPU_FLAGS : SWIFTSHADER_FLAGS) : [])];
  const pageHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>validate ${o.id}</title>
<script type="module" src="/cnn-train.js"></script></head><body><cnn-train id="t" model="${o.id}" backend="${o.backend}"></cnn-train></body></html>`;
  const server = await serveDist(pageHtml);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: flags });
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    log('interrupted: stopping after this batch…');
  };
  process.on('SIGINT', onSigint);
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log(`console ${m.type()}: ${m.text()}`);
    });
    let lastLine = 0;
    await page.exposeFunction('cnnValidateProgress', (p) => {
      const now = Date.now();
      const last = p.phase === 'evaluate' ? p.batch === p.batches : p.batch === p.batches;
      if (!tty && !last && now - lastLine < 10_000) return;
      lastLine = now;
      const what = p.phase === 'train' ? `batch ${p.batch}/${p.batches}  loss ${p.loss.toFixed(4)}` : `testing ${p.batch}/${p.batches}`;
      const eta = Number.isFinite(p.etaSeconds) ? `ETA ${duration(p.etaSeconds)}` : '';
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}epoch ${p.epoch}/${p.epochs}  ${(p.fraction * 100).toFixed(1)}%  ${what}  ${Math.round(p.samplesPerSecond)} samples/s  ${eta}${tty ? '' : '\n'}`);
    });
    await page.exposeFunction('cnnValidateEpoch', (e) => log(`epoch ${e.epoch}: loss ${e.loss.toFixed(4)}${e.testAccuracy !== null ? `, test accuracy ${pct(e.testAccuracy)}` : ''}, ${duration(e.seconds)}, ${Math.round(e.samplesPerSecond)} samples/s`));
    await page.exposeFunction('cnnValidateInterrupted', () => interrupted);
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => customElements.get('cnn-train'));
    const settings = { datasetName: o.dataset, epochs: o.epochs, batchSize: o.batchSize, lr: o.lr, optimizer: o.optimizer, momentum: o.momentum, limit: o.limit, testLimit: o.testLimit, seed: o.seed };
    const out = await page.evaluate(async (settings) => {
      const el = document.getElementById('t');
      for (const [k, v] of Object.entries(settings)) if (v !== undefined && v !== null) el[k] = v;
      await el.updateComplete;
      el.addEventListener('cnn-train-progress', (e) => void window.cnnValidateProgress(e.detail));
      el.addEventListener('cnn-train-epoch', (e) => void window.cnnValidateEpoch(e.detail));
      let error = null;
      let record = null;
      el.addEventListener('cnn-train-error', (e) => (error = e.detail));
      el.addEventListener('cnn-train-end', (e) => (record = e.detail));
      const poll = setInterval(async () => {
        if (await window.cnnValidateInterrupted()) el.stop();
      }, 500);
      const started = performance.now();
      const r = await el.start();
      clearInterval(poll);
      return { record, error, seconds: (performance.now() - started) / 1000, settings: el.settings, info: el.backendInfo, reason: el.backendReason, batchSize: r?.batchSize ?? null, lr: r?.lr ?? null, optimizer: r?.optimizer ?? null };
    }, settings);
    if (tty) process.stderr.write('\r\x1b[K');
    // The panel as it ends (result, curves, confusion matrix), for the docs.
    if (o.screenshot) await page.screenshot({ path: resolve(o.screenshot), fullPage: true });
    if (interrupted || (!out.record && !out.error)) {
      log('validate: stopped before the end; no result.');
      return 130;
    }
    if (out.error) {
      console.error(`validate: ${out.error.kind}: ${out.error.message}`);
      return 1;
    }
    const r = out.record;
    const softwareGl = out.info?.software ? out.info.renderer : out.info?.why?.kind === 'software' ? out.info.why.renderer : null;
    if (gpu && softwareGl) log(`warning: a GPU was found, but Chromium rendered WebGL in software (${softwareGl}).`);
    if (o.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else {
      const ref = r.reference ?? presetOf(o.id)?.reference ?? null;
      const vs = ref === null ? 'the notes report no accuracy for it' : `the notes report ${pct(ref)}: ${r.testAccuracy >= ref ? 'reached' : `${((ref - r.testAccuracy) * 100).toFixed(2)} points below`}`;
      console.log(`${r.model} on ${r.dataset}: test accuracy ${pct(r.testAccuracy)} on ${r.testSamples.toLocaleString('en-US')} images (${vs})`);
      console.log(`trained on ${r.trainSamples.toLocaleString('en-US')} images × ${r.epochs} epoch${r.epochs === 1 ? '' : 's'} (batch ${out.batchSize}, ${out.optimizer} lr ${out.lr}); loss per epoch ${r.loss.map((l) => l.toFixed(4)).join(', ')}`);
      console.log(`backend ${r.backend}${r.renderer ? ` (${r.renderer})` : ''}${out.reason ? ` — ${out.reason}` : ''}; ${Math.round(r.samplesPerSecond).toLocaleString('en-US')} samples/s; ${duration(out.seconds)} in all, data loading included`);
    }
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await browser.close();
    server.close();
  }
}

/** Zoo ids and presets from the sources (bundled once with esbuild, packages external). */
async function zooInfo() {
  const { ZOO_IDS, zooEntry } = await sources();
  return { zooIds: ZOO_IDS, presetOf: (id) => zooEntry(id)?.preset };
}

process.exitCode = await main().catch((e) => {
  console.error(`validate: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
});
