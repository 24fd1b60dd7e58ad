#!/usr/bin/env node
// <cnn-graph model="torchvision-densenet121"> in Debian's Chromium (headless), one fresh page per
// view: connected → first complete render (cnn-layout's ms, engine and layout source). DenseNet's
// views with a dense block opened (expand 2, 3, all) are not series–parallel, and have hundreds of
// cross-links, so the element lays them out with the fast layered engine (elk with engine=elk,
// which takes seconds: add `--elk`); the collapsed ones stay structural. Screenshots go to /tmp.
// Usage: node scripts/build.mjs ui && node bench/densenet.mjs [--elk] [expand …]   (default: none auto 2 all)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from './lib.mjs';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script type="module">
import '/dist/cnn-graph.js';
window.__render = (attrs) => new Promise((ok, fail) => {
  const g = document.createElement('cnn-graph');
  for (const [k, v] of Object.entries(attrs)) g.setAttribute(k, v);
  g.style.height = '900px';
  g.addEventListener('cnn-layout', (e) => { ok({ ms: e.detail.ms, engine: e.detail.engine, source: e.detail.source, elements: g.shadowRoot.querySelectorAll('[data-path]').length }); }, { once: true });
  g.addEventListener('cnn-error', (e) => e.detail.stage !== 'analysis' && fail(new Error(e.detail.message)), { once: true });
  document.body.replaceChildren(g);
});
window.__ready = true;
</script></head><body></body></html>`;
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  let body;
  try { body = await readFile(join(root, path)); } catch { return res.writeHead(404).end(); }
  res.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
const elk = process.argv.includes('--elk');
const views = process.argv.slice(2).filter((a) => a !== '--elk');
for (const expand of views.length ? views : ['none', 'auto', '2', 'all']) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.__ready);
  const t0 = Date.now();
  const d = await page.evaluate(({ expand, elk }) => window.__render({ model: 'torchvision-densenet121', expand, ...(elk ? { engine: 'elk' } : {}) }), { expand, elk });
  console.log(`expand=${expand}`, JSON.stringify(d), `wall ${Date.now() - t0} ms`);
  await page.screenshot({ path: `/tmp/densenet121-${expand}.png` });
  await page.close();
}
await browser.close(); server.close();
