/**
 * Screenshots of the playground's PyTorch tab (run `node scripts/build.mjs ui site` first):
 *   npx vite-node tests/browser/playground-python-screenshots.ts
 * Into docs/img/: playground-pytorch-<lang>.png (1440×900: a class with a mistyped module,
 * underlined on its line and named above the graph, which still shows the last network that read)
 * and playground-pytorch-phone-<lang>.png (390×844: the tab open on a phone). English and Chinese.
 */
import { join } from 'node:path';
import { collectErrors, launchChromium, ROOT, serve } from './chromium.js';

const out = join(ROOT, 'docs/img');
const server = await serve({}, { '/': join(ROOT, 'site') });
const browser = await launchChromium();

type Host = HTMLElement & { editor: { text: string; view: { dispatch(s: object): void; focus(): void } } };

for (const lang of ['en', 'zh'] as const) {
  for (const phone of [false, true]) {
    const page = await browser.newPage({ viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 }, deviceScaleFactor: 1, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
    const errors = collectErrors(page);
    await page.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}playground/index.html`);
    await page.waitForFunction(() => !!document.querySelector('#pg-totals')?.textContent);
    await page.click('#pg-tab-python');
    await page.waitForFunction(() => !!document.querySelector('#pg-params') && !!document.querySelector('#pg-graph')?.shadowRoot?.querySelector('svg .cnn-node'), undefined, { timeout: 20_000 });
    if (!phone) {
      // A typo in a module's name: underlined on its line, named above the graph.
      await page.$eval('#pg-editor', (e) => {
        const ed = (e as Host).editor;
        const at = ed.text.indexOf('nn.Conv2d(6, 16');
        ed.view.dispatch({ changes: { from: at, to: at + 9, insert: 'nn.Conv2D' } });
      });
      await page.waitForSelector('#pg-editor .cm-lintRange-error', { timeout: 10_000 });
    }
    await page.waitForTimeout(800);
    // The bar of controls just under the site's sticky header.
    const top = await page.$eval('.pg-bar', (e) => e.getBoundingClientRect().top + window.scrollY - (document.querySelector('header')?.getBoundingClientRect().height ?? 0) - 8);
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await page.waitForTimeout(300);
    const file = join(out, `playground-pytorch-${phone ? 'phone-' : ''}${lang}.png`);
    await page.screenshot({ path: file });
    console.log(file, errors.length ? errors : '');
    await page.close();
  }
}
await browser.close();
await server.close();
