/**
 * Screenshots of the playground's editor (run `node scripts/build.mjs ui site` first):
 *   npx vite-node tests/browser/playground-screenshots.ts
 * Into docs/img/: playground-desktop-<lang>[-dark].png (1440×900: a channel mismatch underlined on
 * its layer, named above the graph), playground-phone-<lang>[-dark].png (390×844: the editor with
 * the schema's suggestions open), playground-completion-<lang>.png (the list of kinds, each with
 * the fields it needs). English and Chinese, light and dark.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors, launchChromium, ROOT, serve } from './chromium.js';

const out = join(ROOT, 'docs/img');
const server = await serve({}, { '/': join(ROOT, 'site') });
const browser = await launchChromium();

type Host = HTMLElement & { editor: { text: string; view: { dispatch(s: object): void; focus(): void } } };

async function open(lang: 'en' | 'zh', vp: { width: number; height: number }, scheme: 'light' | 'dark', mobile = false): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: vp, deviceScaleFactor: 1, colorScheme: scheme, ...(mobile ? { isMobile: true, hasTouch: true } : {}) });
  const errors = collectErrors(page);
  await page.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}playground/index.html`);
  await page.waitForFunction(() => !!document.querySelector('#pg-totals')?.textContent && !!document.querySelector('#pg-graph')?.shadowRoot?.querySelector('svg .cnn-node'), undefined, { timeout: 20_000 });
  return { page, errors };
}

/** Replace the first `find` with `by`, as typing would, and wait for the page to read it. */
async function edit(page: Page, find: string, by: string): Promise<void> {
  await page.$eval(
    '#pg-editor',
    (e, [f, b]) => {
      const ed = (e as Host).editor;
      const at = ed.text.indexOf(f as string);
      ed.view.dispatch({ changes: { from: at, to: at + (f as string).length, insert: b }, selection: { anchor: at + (b as string).length } });
    },
    [find, by],
  );
  await page.waitForFunction(() => document.querySelector('#pg-problem')?.getAttribute('data-state') !== 'ok', undefined, { timeout: 10_000 });
}

/** Open the suggestions for a layer's kind (typing `"kind":"` after a new layer's path). */
async function suggest(page: Page, after: string): Promise<void> {
  await page.$eval(
    '#pg-editor',
    (e, a) => {
      const ed = (e as Host).editor;
      const at = ed.text.indexOf(a as string) + (a as string).length;
      ed.view.focus();
      ed.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    },
    after,
  );
  await page.keyboard.press('Enter');
  await page.keyboard.type('{"path":"net.0b","kind":"');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 5_000 });
  await page.waitForTimeout(300);
}

try {
  for (const lang of ['en', 'zh'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = scheme === 'dark' ? '-dark' : '';
      {
        const { page, errors } = await open(lang, { width: 1440, height: 900 }, scheme);
        await edit(page, '"in_channels":6', '"in_channels":7');
        await page.waitForFunction(() => !!document.querySelector('#pg-graph')!.shadowRoot!.querySelector('[data-status="error"]'), undefined, { timeout: 10_000 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(out, `playground-desktop-${lang}${suffix}.png`) });
        console.log(`playground-desktop-${lang}${suffix}.png${errors.length ? ` errors: ${errors.join(' | ')}` : ''}`);
        await page.close();
      }
      {
        const { page, errors } = await open(lang, { width: 390, height: 844 }, scheme, true);
        await suggest(page, '"padding":2},');
        // The caret's line a third of the way down the screen, the list under it.
        await page.evaluate(() => window.scrollBy(0, document.querySelector('#pg-editor .cm-cursor-primary')!.getBoundingClientRect().top - 280));
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(out, `playground-phone-${lang}${suffix}.png`) });
        console.log(`playground-phone-${lang}${suffix}.png${errors.length ? ` errors: ${errors.join(' | ')}` : ''}`);
        await page.close();
      }
    }
    const { page } = await open(lang, { width: 1440, height: 900 }, 'light');
    await suggest(page, '"padding":2},');
    const ed = await page.locator('#pg-editor').boundingBox();
    const list = await page.locator('.cm-tooltip-autocomplete').boundingBox();
    if (ed && list) {
      const x = ed.x;
      const y = ed.y + 180;
      await page.screenshot({ path: join(out, `playground-completion-${lang}.png`), clip: { x, y, width: Math.max(ed.width, list.x + list.width - x), height: Math.min(900 - y, list.y + list.height - y + 10) } });
      console.log(`playground-completion-${lang}.png`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
