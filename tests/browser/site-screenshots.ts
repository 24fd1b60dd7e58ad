/**
 * Screenshots of built site pages (run `node scripts/build-site.mjs` first):
 *   npx vite-node tests/browser/site-screenshots.ts                       # the defaults below
 *   npx vite-node tests/browser/site-screenshots.ts zh/concepts/pooling/index.html=site-pooling-zh.png
 * Each page is loaded like a reader would (light theme, 1280 px wide), waits until every
 * <cnn-graph> has drawn, and is captured at full height (capped) into docs/img/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collectErrors, launchChromium, ROOT, serve } from './chromium.js';
import { waitForGraphs } from './site-helpers.js';

const DEFAULTS: Record<string, string> = {
  'index.html': 'site-index-en.png',
  'zh/index.html': 'site-index-zh.png',
  'models/googlenet/index.html': 'site-googlenet-en.png',
  'zh/models/googlenet/index.html': 'site-googlenet-zh.png',
};

const args = process.argv.slice(2).filter((a) => a.includes('='));
const shots = args.length ? Object.fromEntries(args.map((a) => a.split('=') as [string, string])) : DEFAULTS;
const maxHeight = Number(process.env.SHOT_MAX_HEIGHT ?? 3200);
const scheme = (process.env.SHOT_SCHEME ?? 'light') as 'light' | 'dark';

const out = join(ROOT, 'docs/img');
await mkdir(out, { recursive: true });
const server = await serve({}, { '/': join(ROOT, 'site') });
const browser = await launchChromium();
try {
  for (const [path, file] of Object.entries(shots)) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, colorScheme: scheme });
    const errors = collectErrors(p);
    await p.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    await waitForGraphs(p);
    await p.waitForTimeout(300);
    const h = await p.evaluate(() => document.documentElement.scrollHeight);
    await p.screenshot({ path: join(out, file), clip: { x: 0, y: 0, width: 1280, height: Math.min(h, maxHeight) }, fullPage: true });
    console.log(`${file}: ${path}${errors.length ? ` (errors: ${errors.join(' | ')})` : ''}`);
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
}
