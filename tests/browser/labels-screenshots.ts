/**
 * Screenshots of the module labels (issue 14, "the networks' own names"; run `node scripts/build.mjs` first):
 *   npx vite-node tests/browser/labels-screenshots.ts
 * Into docs/img/: the d2l GoogLeNet page with b3 and an Inception block open, ResNet-50 with a
 * conv3_x bottleneck open, MobileNet v2 with an inverted residual open, each in English and
 * Chinese at 1440×900 (the graph element only).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { collectErrors, launchChromium, ROOT, serve } from './chromium.js';
import { waitForGraphs } from './site-helpers.js';

const out = join(ROOT, 'docs/img');
await mkdir(out, { recursive: true });
const server = await serve({}, { '/': join(ROOT, 'site') });
const browser = await launchChromium();

/** Open the page, select `layer` (its modules open, it comes into view), and shoot the graph. */
async function shot(model: string, lang: 'en' | 'zh', layer: string, file: string): Promise<void> {
  const p = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const errors = collectErrors(p);
  await p.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}models/${model}/index.html`, { waitUntil: 'load' });
  await waitForGraphs(p);
  await p.waitForFunction(() => !!(document.querySelector('cnn-graph') as unknown as { viewState?: unknown }).viewState);
  const laid = p.evaluate(() => new Promise<void>((ok) => document.querySelector('cnn-graph')!.addEventListener('cnn-layout', () => ok(), { once: true })));
  await p.evaluate((x) => (document.querySelector('cnn-graph') as unknown as { select(p: string): void }).select(x), layer);
  await laid;
  await p.waitForTimeout(600);
  await p.locator('cnn-graph').first().screenshot({ path: join(out, `${file}-${lang}.png`) });
  console.log(`${file}-${lang}.png${errors.length ? ` (errors: ${errors.join(' | ')})` : ''}`);
  await p.close();
}

try {
  for (const lang of ['en', 'zh'] as const) {
    await shot('googlenet', lang, '2.0.p2_2', 'labels-googlenet');
    await shot('torchvision-resnet50', lang, 'layer2.0.conv2', 'labels-resnet50');
    await shot('torchvision-mobilenet-v2', lang, 'features.3.conv.1.0', 'labels-mobilenet-v2');
  }
} finally {
  await browser.close();
  await server.close();
}
