#!/usr/bin/env node
// The docs site, medians:
//   - build time of the site step (node scripts/build-site.mjs; dist/ already built);
//   - in Debian's Chromium (headless), a fresh browser context per run (nothing cached):
//     navigation start → first contentful paint (the build-time SVG inside each <cnn-graph> is
//     in the HTML, so this is when the reader first sees the network), → DOMContentLoaded, → first <cnn-graph> rendered (its cnn-layout event, with the layout's
//     source: 'given' means the precomputed layout was used), → the frame after it painted, → every graph rendered;
//   - what the page transferred until then (every response, workers included), as bytes on disk
//     and gzip -9 (what a compressing static host sends); the train bundle is not loaded.
//   - with --baselines, the floor under those numbers, measured the same way: a trivial static page
//     (a heading and a small inline SVG) and the GoogLeNet model page with every <script> removed
//     (same HTML, CSS and build-time SVG; nothing runs), whose first contentful paint is the least
//     a fresh context on this machine takes to show that page at all.
// Usage: node bench/site.mjs [--runs 7] [--builds 3] [--no-build] [--baselines] [--tab] [--from index.html] [--page models/googlenet/index.html]…
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS, median } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'site');
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || d : d);
const RUNS = opt('--runs', 7);
// --from PAGE: the reader arrives from another page of the site (e.g. index.html): each run
// loads PAGE first in the same fresh context, waits for its graphs, then navigates to the page
// measured. The server then answers as a static host would (cache-control: max-age=600, as
// GitHub Pages does), so the second page finds the bundle in the HTTP and V8 code caches.
const FROM = args.includes('--from') ? args[args.indexOf('--from') + 1] : null;
// --tab: the reader opens the page in a browser that is already running: every run of a page
// navigates one tab of one context. Each run serves the site from its own loopback address
// (127.0.0.2, 127.0.0.3, …: another site to Chromium), so site isolation gives every run a new
// renderer process, with no scripts compiled by an earlier run; the server answers no-store, so
// nothing comes from the HTTP or code caches either. What is saved is the browser window a fresh
// context opens, for which headless Chromium loads its omnibox WebUI (hundreds of chrome://
// requests) while the page loads.
const TAB = args.includes('--tab');
const BUILDS = opt('--builds', 3);
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
// Baseline pages, made in memory: `?bench=static` anywhere is the trivial page; `?bench=noscript`
// is the requested page with every <script> element (module scripts and inline JSON) removed.
const STATIC_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>static</title></head>
<body><h1>A static page</h1><svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect x="10" y="10" width="100" height="40" rx="6" fill="#4f7cff"/><text x="60" y="35" text-anchor="middle" fill="#fff" font-size="14">conv 3×3</text></svg></body></html>
`;
/** What the server sends for a URL (path + query), or null for a 404; the byte count below reads the same. */
function served(href) {
  const url = new URL(href, 'http://x');
  const bench = url.searchParams.get('bench');
  if (bench === 'static') return { type: types['.html'], body: Buffer.from(STATIC_PAGE) };
  let file = normalize(join(site, decodeURIComponent(url.pathname)));
  if (!file.startsWith(site)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return null;
  let body = readFileSync(file);
  if (bench === 'noscript' && extname(file) === '.html') body = Buffer.from(body.toString('utf8').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''));
  return { type: types[extname(file)] ?? 'application/octet-stream', body };
}
const server = createServer((req, res) => {
  const r = served(req.url);
  if (!r) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': r.type, 'cache-control': FROM ? 'max-age=600' : 'no-store' }).end(r.body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
/** The origin run i is served from: with --tab a loopback address of its own (Linux answers on all of 127/8). */
const servers = [server];
async function origin(i) {
  if (!TAB) return base;
  const s = createServer(server.listeners('request')[0]);
  await new Promise((ok) => s.listen(0, `127.0.0.${2 + (i % 250)}`, ok));
  servers.push(s);
  return `http://127.0.0.${2 + (i % 250)}:${s.address().port}`;
}

// Record every cnn-layout from the very start of the page (they bubble and are composed).
// \`painted\`: a timeout queued from the next animation frame runs once that frame's style, layout
// and paint are done, i.e. about when the drawn graph is on screen.
const INIT = `window.__layouts = [];
document.addEventListener('cnn-layout', (e) => {
  const l = { t: performance.now(), painted: NaN, source: e.detail.source, since: e.detail.sinceConnected, el: e.composedPath()[0] };
  window.__layouts.push(l);
  requestAnimationFrame(() => setTimeout(() => (l.painted = performance.now())));
}, true);`;

let runIndex = 0;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
async function measure(path, { graphs = true } = {}) {
  const runs = [];
  let tab = null;
  if (TAB) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(INIT);
    tab = { context, page: await context.newPage() };
  }
  for (let i = 0; i < RUNS + 1; i++) {
    const context = tab?.context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 } }));
    if (!tab) await context.addInitScript(INIT);
    const page = tab?.page ?? (await context.newPage());
    if (tab) {
      await page.goto('about:blank');
      await page.waitForTimeout(300);
    }
    const at = await origin(runIndex++);
    const urls = new Set();
    const onResponse = (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http')) urls.add(u.pathname + u.search);
    };
    page.on('response', onResponse);
    if (FROM) {
      await page.goto(`${at}/${FROM}`, { waitUntil: 'load' });
      await page.waitForFunction(() => new Set(window.__layouts.map((l) => l.el)).size >= document.querySelectorAll('cnn-graph').length, undefined, { timeout: 60_000, polling: 20 });
      urls.clear();
    }
    await page.goto(`${at}/${path}`, { waitUntil: 'load' });
    if (graphs) {
      await page.waitForFunction(() => {
        const n = document.querySelectorAll('cnn-graph').length;
        return new Set(window.__layouts.map((l) => l.el)).size >= n && window.__layouts.every((l) => l.painted > 0);
      }, undefined, { timeout: 60_000, polling: 20 });
    } else {
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 60_000, polling: 20 });
    }
    const r = await page.evaluate(() => {
      const firsts = new Map();
      for (const l of window.__layouts) if (!firsts.has(l.el)) firsts.set(l.el, l);
      const ls = [...firsts.values()];
      const graphs = ls.length;
      if (graphs === 0) ls.push({ since: NaN, t: NaN, painted: NaN, source: '—' });
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, dcl: nav ? nav.domContentLoadedEventEnd : NaN, since: Math.max(...ls.map((l) => l.since)), first: Math.min(...ls.map((l) => l.t)), painted: Math.min(...ls.map((l) => l.painted)), all: Math.max(...ls.map((l) => l.t)), graphs, sources: [...new Set(ls.map((l) => l.source))].join('+') };
    });
    await page.waitForTimeout(300);
    let bytes = 0;
    let gz = 0;
    const files = [];
    for (const u of urls) {
      const body = served(u)?.body;
      if (!body) continue;
      bytes += body.length;
      gz += gzipSync(body, { level: 9 }).length;
      files.push(new URL(u, 'http://x').pathname.split('/').pop());
    }
    page.off('response', onResponse);
    if (!tab) await context.close();
    if (i > 0) runs.push({ ...r, bytes, gz, files }); // the first run warms the OS file cache and Chromium's code cache
  }
  await tab?.context.close();
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
if (args.includes('--baselines')) {
  results.push({ ...(await measure('index.html?bench=static', { graphs: false })), path: 'baseline: static page (h1 + small SVG)' });
  results.push({ ...(await measure('models/googlenet/index.html?bench=noscript', { graphs: false })), path: 'baseline: models/googlenet, scripts removed' });
}
for (const p of pages) results.push(await measure(p));
await browser.close();
for (const s of servers) s.close();

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, ${spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim()}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (builds.length) console.log(`site build (scripts/build-site.mjs): median ${(median(builds) / 1000).toFixed(1)} s of ${builds.length} (${builds.map((b) => (b / 1000).toFixed(1)).join(', ')})`);
console.log(`\n| page | graphs | layout source | first contentful paint | DOMContentLoaded | first graph rendered (cnn-layout) | its next frame painted | all graphs rendered | element connected → rendered (slowest) | transferred (raw / gzip) |\n|---|---|---|---|---|---|---|---|---|---|`);
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
for (const r of results) console.log(`| \`${r.path}\` | ${r.graphs} | ${r.sources} | ${ms(r.fcp)} | ${ms(r.dcl)} | ${ms(r.first)} | ${ms(r.painted)} | ${ms(r.all)} | ${ms(r.since)} | ${kib(r.bytes)} / ${kib(r.gz)} |`);
console.log(`\nmedians of ${RUNS} runs, each ${TAB ? 'a new document in one tab of one running browser context (no HTTP or code cache)' : 'in a fresh browser context'}${FROM ? `, arriving from ${FROM} (loaded first in the same context; cache-control: max-age=600)` : ''}; times from navigation start.`);
for (const r of results) console.log(`files of ${r.path}: ${r.files.join(', ')}`);
