#!/usr/bin/env node
// The docs site, medians:
//   - build time of the site step (node scripts/build-site.mjs; dist/ already built);
//   - in Debian's Chromium (headless), a fresh browser context per run (nothing cached):
//     navigation start → first contentful paint (the build-time SVG inside each <cnn-graph> is
//     in the HTML, so this is when the reader first sees the network), → DOMContentLoaded, → first <cnn-graph> rendered (its cnn-layout event, with the layout's
//     source: 'given' means the precomputed layout was used), → the frame after it painted, → every graph rendered;
//   - what the page transferred until then (every response, workers included), as bytes on disk
//     and gzip -9 (what a compressing static host sends); the train bundle is not loaded.
// Usage: node bench/site.mjs [--runs 7] [--builds 3] [--no-build] [--page models/googlenet/index.html]…
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'site');
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || d : d);
const RUNS = opt('--runs', 7);
const BUILDS = opt('--builds', 3);
const CHROMIUM = process.env.CNN_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const builds = [];
if (!args.includes('--no-build')) {
  for (let i = 0; i < BUILDS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['scripts/build-site.mjs'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build-site failed:\n${r.stdout}\n${r.stderr}`);
    builds.push(performance.now() - t0);
  }
}
if (!existsSync(join(site, 'index.html'))) throw new Error('site/ is not built: run node scripts/build.mjs first');

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  let file = normalize(join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(site)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

// Record every cnn-layout from the very start of the page (they bubble and are composed).
// \`painted\`: a timeout queued from the next animation frame runs once that frame's style, layout
// and paint are done, i.e. about when the drawn graph is on screen.
const INIT = `window.__layouts = [];
document.addEventListener('cnn-layout', (e) => {
  const l = { t: performance.now(), painted: NaN, source: e.detail.source, since: e.detail.sinceConnected, el: e.composedPath()[0] };
  window.__layouts.push(l);
  requestAnimationFrame(() => setTimeout(() => (l.painted = performance.now())));
}, true);`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
async function measure(path) {
  const runs = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const urls = new Set();
    page.on('response', (r) => urls.add(new URL(r.url()).pathname));
    await page.goto(`${base}/${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const n = document.querySelectorAll('cnn-graph').length;
      return new Set(window.__layouts.map((l) => l.el)).size >= n && window.__layouts.every((l) => l.painted > 0);
    }, undefined, { timeout: 60_000, polling: 20 });
    const r = await page.evaluate(() => {
      const firsts = new Map();
      for (const l of window.__layouts) if (!firsts.has(l.el)) firsts.set(l.el, l);
      const ls = [...firsts.values()];
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, dcl: nav ? nav.domContentLoadedEventEnd : NaN, since: Math.max(...ls.map((l) => l.since)), first: Math.min(...ls.map((l) => l.t)), painted: Math.min(...ls.map((l) => l.painted)), all: Math.max(...ls.map((l) => l.t)), graphs: ls.length, sources: [...new Set(ls.map((l) => l.source))].join('+') };
    });
    await page.waitForTimeout(300);
    let bytes = 0;
    let gz = 0;
    const files = [];
    for (const u of urls) {
      let f = join(site, decodeURIComponent(u));
      if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
      if (!existsSync(f)) continue;
      const body = readFileSync(f);
      bytes += body.length;
      gz += gzipSync(body, { level: 9 }).length;
      files.push(u.split('/').pop());
    }
    await context.close();
    if (i > 0) runs.push({ ...r, bytes, gz, files }); // the first run warms the OS file cache and Chromium's code cache
  }
  const last = runs[runs.length - 1];
  return {
    path,
    graphs: last.graphs,
    sources: [...new Set(runs.map((r) => r.sources))].join(', '),
    first: median(runs.map((r) => r.first)),
    painted: median(runs.map((r) => r.painted)),
    fcp: median(runs.map((r) => r.fcp)),
    dcl: median(runs.map((r) => r.dcl)),
    since: median(runs.map((r) => r.since)),
    all: median(runs.map((r) => r.all)),
    bytes: last.bytes,
    gz: last.gz,
    files: [...new Set(last.files)].sort(),
  };
}

const only = args.flatMap((a, i) => (args[i - 1] === '--page' ? [a] : []));
const pages = (only.length ? only : ['index.html', 'models/googlenet/index.html', 'zh/models/googlenet/index.html', 'models/torchvision-resnet152/index.html']).filter((p) => existsSync(join(site, p)));
const results = [];
for (const p of pages) results.push(await measure(p));
await browser.close();
server.close();

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, ${spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim()}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (builds.length) console.log(`site build (scripts/build-site.mjs): median ${(median(builds) / 1000).toFixed(1)} s of ${builds.length} (${builds.map((b) => (b / 1000).toFixed(1)).join(', ')})`);
console.log(`\n| page | graphs | layout source | first contentful paint | DOMContentLoaded | first graph rendered (cnn-layout) | its next frame painted | all graphs rendered | element connected → rendered (slowest) | transferred (raw / gzip) |\n|---|---|---|---|---|---|---|---|---|---|`);
for (const r of results) console.log(`| \`${r.path}\` | ${r.graphs} | ${r.sources} | ${Math.round(r.fcp)} ms | ${Math.round(r.dcl)} ms | ${Math.round(r.first)} ms | ${Math.round(r.painted)} ms | ${Math.round(r.all)} ms | ${Math.round(r.since)} ms | ${kib(r.bytes)} / ${kib(r.gz)} |`);
console.log(`\nmedians of ${RUNS} runs, each in a fresh browser context; times from navigation start.`);
for (const r of results) console.log(`files of ${r.path}: ${r.files.join(', ')}`);
