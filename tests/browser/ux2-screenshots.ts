/**
 * Screenshots of issue 14's site fixes (run `node scripts/build.mjs ui site` first):
 *   npx vite-node tests/browser/ux2-screenshots.ts
 * Into docs/img/: the home chart (desktop and phone), <cnn-compare> on a 390 px phone (the numbers under the bars) and its one
 * message for an emptied box, a model page's readable Source, the playground's bar on a phone
 * and a diagnostic that names its layer once; English and Chinese, light (SHOT_SCHEME=dark for dark).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors, launchChromium, ROOT, serve } from './chromium.js';
import { waitForGraphs } from './site-helpers.js';

const scheme = (process.env.SHOT_SCHEME ?? 'light') as 'light' | 'dark';
const suffix = scheme === 'dark' ? '-dark' : '';
const out = join(ROOT, 'docs/img');
await mkdir(out, { recursive: true });
const server = await serve({}, { '/': join(ROOT, 'site') });
const browser = await launchChromium();

async function shot(path: string, vp: { width: number; height: number }, file: string, selector: string, before?: (p: Page) => Promise<void>): Promise<void> {
  const p = await browser.newPage({ viewport: vp, deviceScaleFactor: 1, colorScheme: scheme });
  const errors = collectErrors(p);
  await p.goto(`${server.url}/${path}`, { waitUntil: 'load' });
  await waitForGraphs(p);
  await before?.(p);
  await p.waitForTimeout(300);
  await p.locator(selector).first().screenshot({ path: join(out, `${file}${suffix}.png`) });
  console.log(`${file}${suffix}.png: ${path}${errors.length ? ` (errors: ${errors.join(' | ')})` : ''}`);
  await p.close();
}

const phone = { width: 390, height: 844 };
const desktop = { width: 1440, height: 900 };
const form = 'form[data-calc="bottleneck"]';
try {
  for (const lang of ['en', 'zh'] as const) {
    const pre = lang === 'zh' ? 'zh/' : '';
    await shot(`${pre}index.html`, desktop, `ux2-home-chart-${lang}`, '#lineage-chart');
    await shot(`${pre}index.html`, phone, `ux2-home-chart-phone-${lang}`, '#lineage-chart');
    await shot(`${pre}concepts/one-by-one/index.html`, phone, `ux2-compare-phone-${lang}`, 'cnn-compare[data-example="inception"]');
    await shot(`${pre}concepts/one-by-one/index.html`, phone, `ux2-compare-empty-${lang}`, '[data-calc-root="bottleneck"]', async (p) => {
      await p.fill(`${form} input[name="r"]`, '');
    });
    await shot(`${pre}models/vgg11/index.html`, desktop, `ux2-source-${lang}`, 'dl.model-facts');
    await shot(`${pre}playground/index.html`, phone, `ux2-playground-bar-phone-${lang}`, '.pg-bar');
    await shot(`${pre}playground/index.html`, desktop, `ux2-playground-diag-${lang}`, '#pg-diags', async (p) => {
      await p.waitForSelector('#pg-editor .cm-content');
      await p.evaluate(() => {
        const ed = (document.querySelector('#pg-editor') as HTMLElement & { editor: { text: string; view: { dispatch(s: object): void } } }).editor;
        const at = ed.text.indexOf('"in_channels":6');
        ed.view.dispatch({ changes: { from: at, to: at + '"in_channels":6'.length, insert: '"in_channels":7' } });
      });
      await p.waitForSelector('#pg-diags .pg-error', { timeout: 10_000 });
    });
  }
} finally {
  await browser.close();
  await server.close();
}
