#!/usr/bin/env node
// <cnn-graph> in Debian's Chromium (headless), medians:
//   - element connected → first complete render (cnn-layout, SVG on screen) for
//     googlenet collapsed and expanded, torchvision-resnet152 expanded, with the
//     default engine (structural: no worker, no elk) and with engine="elk";
//     "cold": a fresh page each run (for elk: worker start, elk load and JIT included);
//     "warm": same page, a render of resnet-mini first, layout cache cleared.
//   - a synthetic 5,000-layer network, fully expanded: total time, and how
//     long the main thread was blocked (longest gap between animation frames,
//     long tasks) while the worker lays it out.
//   - the 302-layer DAG of issue 13 (each Add reads layer i−1 and layer ⌊i/2⌋; elk took 37 s
//     in the page): a fresh page each run, connected → on screen, and which engine drew it.
//   - gzip size of the main chunk dist/cnn-graph.js.
// Usage: node bench/ui.mjs [--runs 5] [--dag-only] [--dag-elk]
//   --dag-only: only the issue-13 DAG; --dag-elk: draw it with engine="elk" too (once: it takes
//   tens of seconds, which is the point).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildUi, CHROMIUM, CHROMIUM_FLAGS as FLAGS, halvingDag, median, synthetic } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;

const size = await buildUi();

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script type="module">
import { layoutCache } from '/dist/cnn-graph.js';
window.__clear = () => layoutCache.clear();
// Append an element and resolve with its first cnn-layout detail.
window.__render = (attrs, graph) => new Promise((ok, fail) => {
  const g = document.createElement('cnn-graph');
  for (const [k, v] of Object.entries(attrs)) g.setAttribute(k, v);
  if (graph) g.graph = graph;
  g.addEventListener('cnn-layout', (e) => { ok(e.detail); g.remove(); }, { once: true });
  g.addEventListener('cnn-error', (e) => e.detail.stage !== 'analysis' && fail(new Error(e.detail.message)), { once: true });
  document.body.append(g);
});
window.__ready = true;
</script></head><body></body></html>`;

const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/' || path === '/index.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  if (path.startsWith('/dist/')) {
    try {
      const body = await readFile(join(root, path));
      return res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {}
  }
  res.writeHead(404).end();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const fmt = (x) => `${Math.round(x)} ms`;

async function freshPage() {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => window.__ready);
  return page;
}

const CASES = [
  ['googlenet collapsed', { model: 'googlenet', expand: 'none' }, 150],
  ['googlenet expanded', { model: 'googlenet', expand: 'all' }, 500],
  ['torchvision-resnet152 expanded', { model: 'torchvision-resnet152', expand: 'all' }, 1500],
];

const results = [];
const DAG_ONLY = args.includes('--dag-only');
// Each case with the default engine (structural for every zoo view) and with engine="elk".
for (const [name, attrs, target] of DAG_ONLY ? [] : CASES) {
  const row = { name, target };
  for (const engine of ['auto', 'elk']) {
    const a = { ...attrs, engine };
    const cold = [];
    const sources = new Set();
    for (let i = 0; i < RUNS; i++) {
      const page = await freshPage();
      const d = await page.evaluate((x) => window.__render(x), a);
      cold.push(d.sinceConnected);
      sources.add(d.source);
      await page.close();
    }
    const page = await freshPage();
    await page.evaluate((x) => window.__render(x), { model: 'resnet-mini', expand: 'all', engine });
    const warm = [];
    const layout = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => window.__clear());
      const d = await page.evaluate((x) => window.__render(x), a);
      warm.push(d.sinceConnected);
      layout.push(d.layoutMs);
    }
    await page.close();
    row[engine] = { cold: median(cold), warm: median(warm), layout: median(layout), sources: [...sources] };
    console.log(`${name.padEnd(32)} ${engine.padEnd(4)} cold ${fmt(median(cold)).padStart(8)}   warm ${fmt(median(warm)).padStart(8)} (layout ${fmt(median(layout))}, ${[...sources].join('/')})   target < ${target} ms`);
  }
  results.push(row);
}


if (!DAG_ONLY) {
  const page = await freshPage();
  await page.evaluate(() => window.__render({ model: 'resnet-mini', expand: 'all' }));
  const r = await page.evaluate(async (graph) => {
    const gaps = [];
    let last = performance.now();
    let running = true;
    const tick = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const long = [];
    const obs = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    const d = await window.__render({ expand: 'all' }, graph);
    const total = performance.now() - t0;
    running = false;
    obs.disconnect();
    const during = gaps;
    return { total, layoutMs: d.layoutMs, source: d.source, nodes: d.nodes, maxGap: Math.max(...during), frames: during.length, long: long.length, longMax: long.length ? Math.max(...long) : 0, longSum: long.reduce((a, b) => a + b, 0) };
  }, synthetic(5000));
  await page.close();
  results.push({ name: 'synthetic 5,000 layers expanded', ...r });
  console.log(
    `synthetic 5,000 layers expanded  total ${fmt(r.total)} (layout: ${r.source}, ${fmt(r.layoutMs)}, ${r.nodes} nodes); main thread: ${r.frames} frames, longest gap ${fmt(r.maxGap)}, ${r.long} long tasks (longest ${fmt(r.longMax)}, total ${fmt(r.longSum)})`,
  );
}

{
  const total = [];
  const layout = [];
  let d;
  for (let i = 0; i < RUNS; i++) {
    const page = await freshPage();
    d = await page.evaluate((graph) => window.__render({}, graph), halvingDag(302));
    total.push(d.sinceConnected);
    layout.push(d.layoutMs);
    await page.close();
  }
  results.push({ name: 'issue-13 DAG, 302 layers', total: median(total), layout: median(layout), engine: d.engine, source: d.source });
  console.log(`issue-13 DAG, 302 layers (auto) cold ${fmt(median(total)).padStart(8)} (layout ${fmt(median(layout))}, engine ${d.engine}, ${d.source}, ${d.nodes} nodes)`);
  if (args.includes('--dag-elk')) {
    const page = await freshPage();
    const e = await page.evaluate((graph) => window.__render({ engine: 'elk' }, graph), halvingDag(302));
    await page.close();
    console.log(`issue-13 DAG, 302 layers (engine="elk", once) cold ${fmt(e.sinceConnected).padStart(8)} (layout ${fmt(e.layoutMs)}, engine ${e.engine}, ${e.source})`);
  }
}

console.log(`dist/cnn-graph.js ${(size.mainBytes / 1024).toFixed(1)} KiB, ${(size.mainGzip / 1024).toFixed(1)} KiB gzip (target < 200 KB); worker ${(size.workerBytes / 1024).toFixed(0)} KiB (elkjs is a file of its own, loaded by the worker only for a network that needs it)`);
const model = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpus().length} CPUs, ${model}; ${(await browser.version())}; median of ${RUNS} runs`);
await browser.close();
server.close();
