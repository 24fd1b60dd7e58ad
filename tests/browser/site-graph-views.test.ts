/**
 * The docs site's language switch keeps the reader's graph (issue 14): on a built model page
 * (site/, `node scripts/build.mjs`), expand a module, zoom and select, switch to Chinese: the
 * graph there has the same modules open, the same pan and zoom and the same selection; and back.
 * A `#layer=<path>` link selects that layer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const SITE = join(ROOT, 'site');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(SITE, 'models/googlenet/index.html'))) throw new Error('site/ is not built: run `node scripts/build.mjs` first.');
  server = await serve({}, { '/': SITE });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type State = { expanded: string[]; x: number; y: number; k: number; selected: string | null } | null;

const state = (p: Page): Promise<State> => p.evaluate(() => (document.querySelector('cnn-graph') as unknown as { viewState: State }).viewState);

const frames = (p: Page) => p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/** The graph is live (upgraded and drawn by the element, not the build-time picture) and its last layout is on screen. */
async function live(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const g = document.querySelector('cnn-graph') as (Element & { viewState?: unknown }) | null;
    const vp = g?.shadowRoot?.querySelector('.canvas .cnn-viewport');
    return !!g?.viewState && !!vp && !vp.classList.contains('cnn-pending');
  });
}

describe('the site language switch and <cnn-graph>', { timeout: 120_000 }, () => {
  it('keeps the expanded modules, the pan and zoom and the selection across the switch, both ways', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(p);
    await p.goto(`${server.url}/models/googlenet/index.html`);
    await live(p);
    // The model page's script (which carries the views) loads after the first paint.
    await p.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/assets/model.js')));
    const laid = p.evaluate(() => new Promise<void>((ok) => document.querySelector('cnn-graph')!.addEventListener('cnn-layout', () => ok(), { once: true })));
    await p.evaluate(() => (document.querySelector('cnn-graph') as unknown as { select(p: string): void }).select('3.4.p2_2'));
    await laid;
    await frames(p);
    const en = await state(p);
    expect(en?.expanded).toContain('3.4');
    expect(en?.selected).toBe('3.4.p2_2');
    await Promise.all([p.waitForURL(`${server.url}/zh/models/googlenet/index.html`), p.click('a[data-lang-switch]')]);
    await live(p);
    await p.waitForFunction((want) => JSON.stringify((document.querySelector('cnn-graph') as unknown as { viewState: { expanded: string[] } }).viewState.expanded) === want, JSON.stringify(en?.expanded));
    await frames(p);
    const zh = await state(p);
    expect(zh).toEqual(en);
    // And back, after a change made on the Chinese page.
    const laid2 = p.evaluate(() => new Promise<void>((ok) => document.querySelector('cnn-graph')!.addEventListener('cnn-layout', () => ok(), { once: true })));
    await p.evaluate(() => (document.querySelector('cnn-graph') as unknown as { toggle(p: string, e: boolean): void }).toggle('2.0', true));
    await laid2;
    await frames(p);
    const zh2 = await state(p);
    expect(zh2?.expanded).toContain('2.0');
    await Promise.all([p.waitForURL(`${server.url}/models/googlenet/index.html`), p.click('a[data-lang-switch]')]);
    await live(p);
    await p.waitForFunction((want) => JSON.stringify((document.querySelector('cnn-graph') as unknown as { viewState: { expanded: string[] } }).viewState.expanded) === want, JSON.stringify(zh2?.expanded));
    await frames(p);
    expect(await state(p)).toEqual(zh2);
    // A page opened by any other link starts as it always did.
    await p.goto(`${server.url}/zh/models/googlenet/index.html`);
    await live(p);
    expect((await state(p))?.expanded).not.toContain('3.4');
    expect(errors).toEqual([]);
    await p.close();
  });

  it('a #layer=<path> link selects the layer: its module opens and it comes into view; a new hash does it again', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(p);
    await p.goto(`${server.url}/zh/models/googlenet/index.html#layer=4.1.p3_2`);
    await live(p);
    await p.waitForFunction(() => (document.querySelector('cnn-graph') as unknown as { viewState: { selected: string | null } }).viewState.selected === '4.1.p3_2');
    await p.waitForFunction(() => {
      const g = document.querySelector('cnn-graph')!;
      const el = g.shadowRoot!.querySelector('.cnn-node[data-id="L:4.1.p3_2"] rect.cnn-box');
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const c = g.shadowRoot!.querySelector('.canvas')!.getBoundingClientRect();
      return r.top >= c.top && r.bottom <= c.bottom && r.left >= c.left && r.right <= c.right;
    });
    expect((await state(p))?.expanded).toContain('4.1');
    await p.evaluate(() => (location.hash = '#layer=2.0.p2_2'));
    await p.waitForFunction(() => (document.querySelector('cnn-graph') as unknown as { viewState: { selected: string | null; expanded: string[] } }).viewState.expanded.includes('2.0'));
    expect((await state(p))?.selected).toBe('2.0.p2_2');
    expect(errors).toEqual([]);
    await p.close();
  });
});
