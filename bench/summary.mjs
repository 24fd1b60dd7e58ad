#!/usr/bin/env node
// <cnn-summary> for torchvision-resnet152 (515 layers) in Debian's Chromium (headless), medians
// over fresh pages; the <cnn-graph> it points to is drawn before the summary is added, so the
// numbers are the table's own:
//   - connected → first frame painted: a timeout queued from the next animation frame runs once
//     that frame's style, layout and paint are done (the rows on screen are then visible);
//   - rows in the DOM at that frame, and the longest main-thread task in the 2 s after it (what
//     rendering the rest costs a page that wants to scroll or click meanwhile);
//   - sort by a column (click → next frame painted), and, back in execution order, a selection made
//     in the graph for the last layer → next frame painted (is the row scrolled into view?);
//   - the same first frame and sort for a synthetic 5,000-layer network (3 pages).
// Usage: node bench/summary.mjs [--runs 7] [--dist DIR] (DIR: a dist/ to measure instead of
// building this checkout's, e.g. a copy built from an older commit for a before/after).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildUi, CHROMIUM, CHROMIUM_FLAGS as FLAGS, machine, median, synthetic } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const dist = args.includes('--dist') ? resolve(args[args.indexOf('--dist') + 1]) : join(root, 'dist');
const MODEL = 'torchvision-resnet152';

if (!args.includes('--dist')) {
  await buildUi();
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/cnn-graph.js"></script>
<script type="module">
const g = document.getElementById('g');
const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
const rows = (s) => s.shadowRoot.querySelectorAll('tbody tr[data-path]').length;
window.__drawn = new Promise((ok) => g.addEventListener('cnn-layout', ok, { once: true }));
window.__mount = async () => {
  const tasks = [];
  const obs = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))));
  obs.observe({ type: 'longtask' });
  const s = document.createElement('cnn-summary');
  s.id = 's';
  s.setAttribute('for', 'g');
  const t0 = performance.now();
  document.body.append(s);
  await painted();
  const t1 = performance.now();
  const atFirst = rows(s);
  await new Promise((ok) => setTimeout(ok, 2000));
  obs.disconnect();
  const after = tasks.filter((t) => t.start >= t1);
  return { first: t1 - t0, atFirst, later: rows(s), longestAfter: Math.max(0, ...after.map((t) => t.ms)), firstRowText: s.shadowRoot.querySelector('tbody tr[data-path] th')?.textContent };
};
window.__sort = async (column) => {
  const s = document.getElementById('s');
  const t0 = performance.now();
  s.shadowRoot.querySelector('button[data-column="' + column + '"]').click();
  await painted();
  return performance.now() - t0;
};
window.__selectLast = async (path) => {
  const s = document.getElementById('s');
  s.sortBy = null;
  await s.updateComplete;
  await painted();
  const t0 = performance.now();
  g.select(path, 'layer');
  await painted();
  const ms = performance.now() - t0;
  const row = s.shadowRoot.querySelector('tr[data-path="' + path + '"]');
  const a = row?.getBoundingClientRect();
  const b = s.getBoundingClientRect();
  return { ms, visible: !!a && a.top >= b.top - 1 && a.bottom <= b.bottom + 1 };
};
</script></head><body style="margin:0">
<cnn-graph id="g" model="${MODEL}" style="--cnn-height:300px;width:1000px"></cnn-graph>
</body></html>`;

const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  if (path.startsWith('/dist/')) {
    try {
      const body = await readFile(join(dist, path.slice('/dist/'.length)));
      return void res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {}
  }
  res.writeHead(404).end();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

const { analyze, zooGraph } = await import(pathToFileURL(join(root, 'dist/lib/index.js')).href).catch(() => ({}));
const layers = analyze ? analyze(zooGraph(MODEL)).layers : null;
const last = layers ? layers[layers.length - 1].path : 'fc';

// Also `synthetic(5000)` (lib.mjs, the same network as bench/ui.mjs), set as the graph
// property: does the table's cost grow with the number of layers?
const m = { first: [], atFirst: [], later: [], longestAfter: [], sort: [], select: [] };
const big = { first: [], atFirst: [], sort: [] };
let visible = true;
for (let i = 0; i < RUNS; i++) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
  await page.evaluate(() => window.__drawn);
  const r = await page.evaluate(() => window.__mount());
  for (const k of ['first', 'atFirst', 'later', 'longestAfter']) m[k].push(r[k]);
  m.sort.push(await page.evaluate(() => window.__sort('params')));
  const s = await page.evaluate((p) => window.__selectLast(p), last);
  m.select.push(s.ms);
  visible &&= s.visible;
  await page.close();
}
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
  await page.evaluate(() => window.__drawn);
  await page.evaluate(
    (graph) =>
      new Promise((ok) => {
        const g = document.getElementById('g');
        g.addEventListener('cnn-layout', ok, { once: true });
        g.removeAttribute('model');
        g.graph = graph;
      }),
    synthetic(5000),
  );
  const r = await page.evaluate(() => window.__mount());
  big.first.push(r.first);
  big.atFirst.push(r.atFirst);
  big.sort.push(await page.evaluate(() => window.__sort('params')));
  await page.close();
}
await browser.close();
server.close();

const ms = (x) => `${Math.round(x)} ms`;
console.log(`<cnn-summary> ${MODEL}${layers ? ` (${layers.length} layers)` : ''}, ${RUNS} fresh pages, dist: ${dist}`);
console.log(`  connected → first frame painted   ${ms(median(m.first)).padStart(8)}   (runs: ${m.first.map(Math.round).join(', ')})`);
console.log(`  rows in the DOM at that frame     ${String(median(m.atFirst)).padStart(8)}   2 s later: ${median(m.later)}`);
console.log(`  longest task in the 2 s after it  ${ms(median(m.longestAfter)).padStart(8)}   (0: none over 50 ms)`);
console.log(`  sort by params → frame painted    ${ms(median(m.sort)).padStart(8)}`);
console.log(`  graph selects ${last} → frame painted ${ms(median(m.select)).padStart(8)}   row on screen in every run: ${visible}`);
console.log(`synthetic 5,000 layers (${big.first.length} pages): connected → first frame painted ${ms(median(big.first))}, ${median(big.atFirst)} rows in the DOM, sort by params → frame painted ${ms(median(big.sort))}`);
console.log(`machine: ${machine()}, ${spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim()}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
