#!/usr/bin/env node
// The playground opening a large stored text (issue 13: a 3.7 MB text blocked the page for 11 s),
// in Debian's Chromium (headless), medians over fresh pages:
//   - navigation → the editor's text shown (the first frame painted after the text is in it);
//   - navigation → the page has read the text (#pg-totals written);
//   - the longest main-thread task and the sum of long tasks (> 50 ms) until 2 s after that.
// The text: a valid network of 30,000 layers, pretty-printed (150,000 lines, 3.2 MB), put in
// localStorage as a previous visit leaves it. A bare <textarea> given the same text is measured
// too: what Chromium itself needs to lay out 150,000 lines, the floor for any editor built on one
// (the playground's CodeMirror editor draws only the lines in view, so it can go below it).
// Usage: node bench/playground.mjs [--runs 5] [--site DIR] (DIR: a built site/ to measure
// instead of this checkout's, e.g. a copy built from an older commit for a before/after).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS, machine, median } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, site: { type: 'string' } } });
const runs = Number(values.runs);
const site = resolve(values.site ?? join(root, 'site'));
if (!existsSync(join(site, 'playground/index.html'))) {
  console.error(`${site}/playground/index.html is missing: run \`node scripts/build.mjs\` first.`);
  process.exit(2);
}

const layers = [{ path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3, padding: 1 }];
for (let i = 1; i < 30_000; i++) layers.push(i % 2 ? { path: `net.${i}`, kind: 'ReLU' } : { path: `net.${i}`, kind: 'Conv2d', in_channels: 4, out_channels: 4, kernel_size: 3, padding: 1 });
const TEXT = JSON.stringify({ format: 'cnn-graph/1', name: 'big', input: [1, 28, 28], layers }, null, 2);

const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  let path = new URL(req.url, 'http://x').pathname;
  if (path === '/bare.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><textarea style="width:560px;height:60vh;font:13px/20px monospace;white-space:pre" wrap="off"></textarea>');
  if (path.endsWith('/')) path += 'index.html';
  try {
    const body = await readFile(join(site, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

const observe = () => {
  window.__tasks = [];
  new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask', buffered: true });
};

async function page() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observe);
  await context.addInitScript((t) => {
    if (location.pathname.includes('playground')) localStorage.setItem('cnn-graph:playground:text', t);
  }, TEXT);
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(`${url}/playground/index.html`, { waitUntil: 'commit' });
  // The text is shown: the editor holds it and a frame has been painted since.
  // (The CodeMirror editor on #pg-editor, or the <textarea> #pg-text of a site built before it, for a before/after.)
  await p.waitForFunction((n) => (document.querySelector('#pg-editor')?.editor?.length ?? document.querySelector('#pg-text')?.value.length) === n, TEXT.length, { timeout: 120_000, polling: 'raf' });
  const shown = Date.now() - t0;
  await p.waitForFunction(() => !!document.querySelector('#pg-totals')?.textContent, undefined, { timeout: 120_000, polling: 50 });
  const read = Date.now() - t0;
  await p.waitForTimeout(2000);
  const tasks = await p.evaluate(() => window.__tasks);
  await context.close();
  return { shown, read, longest: Math.max(0, ...tasks.map((t) => t.ms)), blocked: tasks.reduce((a, t) => a + t.ms, 0) };
}

async function bare() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await p.goto(`${url}/bare.html`);
  const ms = await p.evaluate((t) => {
    const ta = document.querySelector('textarea');
    const t0 = performance.now();
    ta.value = t;
    void ta.scrollHeight;
    return performance.now() - t0;
  }, TEXT);
  await context.close();
  return ms;
}

const rows = [];
const floor = [];
for (let i = 0; i < runs; i++) {
  rows.push(await page());
  floor.push(await bare());
}
await browser.close();
server.close();
const m = (k) => Math.round(median(rows.map((r) => r[k])));
console.log(`playground, stored text of ${(TEXT.length / 1e6).toFixed(1)} MB (${TEXT.split('\n').length.toLocaleString('en')} lines), ${runs} runs, ${machine()}, load ${loadavg()[0].toFixed(1)}, site ${site}`);
console.log(`  navigation → text shown ${m('shown')} ms · → text read ${m('read')} ms · longest task ${m('longest')} ms · long tasks in all ${m('blocked')} ms`);
console.log(`  bare <textarea> laying out the same text: ${Math.round(median(floor))} ms`);
