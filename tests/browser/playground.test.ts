/**
 * The playground page of the built site (site/playground/, written by `node scripts/build.mjs`) in
 * headless Chromium: typing in the editor redraws the graph and the summary with the analysis's
 * numbers, a broken network gets a diagnostic naming the layer and the fix, malformed JSON gets
 * its line and column and keeps the text and the last graph, the URL carries the text to another
 * browser, and the Chinese page speaks Chinese. Each test starts with empty storage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { formatInt } from '../../src/analysis/format.js';
import { parseNetwork, stringifyNetwork } from '../../src/graph/json.js';
import { zooGraph } from '../../src/graph/zoo/index.js';
import { launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const SITE = join(ROOT, 'site');
const built = existsSync(join(SITE, 'playground/index.html'));

const LENET = stringifyNetwork(zooGraph('lenet5')!);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let errors: string[] = [];

beforeAll(async () => {
  if (!built) return;
  server = await serve({}, { '/': SITE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  errors = [];
});

async function open(path = '/playground/index.html'): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return openIn(context, path);
}

async function openIn(ctx: BrowserContext, path: string): Promise<Page> {
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}${path}`);
  if (path.includes('/playground/')) await ready(page);
  return page;
}

/** The client has read the text (totals written) and the graph has drawn. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('#pg-totals')?.textContent && !!document.querySelector('#pg-graph')?.shadowRoot?.querySelector('svg .cnn-node'), undefined, { timeout: 20_000 });
}

/** Type `replacement` over the first occurrence of `find` in the editor, as a person would (selection, then keys). */
async function typeOver(page: Page, find: string, replacement: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    ([f, n]) => {
      const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      let at = -1;
      for (let i = 0; i <= (n as number); i++) at = ta.value.indexOf(f as string, at + 1);
      if (at < 0) throw new Error(`"${f}" not in the editor`);
      ta.focus();
      ta.setSelectionRange(at, at + (f as string).length);
    },
    [find, occurrence] as const,
  );
  await page.keyboard.type(replacement);
}

const editorText = (page: Page) => page.$eval('#pg-text', (t) => (t as HTMLTextAreaElement).value);
const params = (page: Page) => page.$eval('#pg-params', (e) => Number((e as HTMLElement).dataset.params));

/** Wait until the page has re-read the text (the debounce has passed and the totals follow the editor). */
async function settled(page: Page, predicate: string): Promise<void> {
  await page.waitForFunction(predicate, undefined, { timeout: 10_000, polling: 50 });
}

describe.runIf(built)('playground', { timeout: 60_000 }, () => {
  it('is built (site/playground/index.html)', () => {
    expect(built).toBe(true);
  });

  it('editing the JSON redraws the graph and the summary with the new counts', async () => {
    const page = await open();
    expect(await editorText(page)).toBe(LENET);
    expect(await params(page)).toBe(analyze(zooGraph('lenet5')!).totals.params);

    // First convolution 6 → 8 channels, and the second one reads 8.
    await typeOver(page, '"out_channels":6', '"out_channels":8');
    await typeOver(page, '"in_channels":6', '"in_channels":8');
    const edited = await editorText(page);
    const expected = analyze(parseNetwork(edited).graph!).totals;
    expect(expected.params).not.toBe(analyze(zooGraph('lenet5')!).totals.params);
    await settled(page, `document.querySelector('#pg-params')?.dataset.params === '${expected.params}'`);
    expect(await page.$eval('#pg-params', (e) => (e as HTMLElement).dataset.macs)).toBe(String(expected.macs));

    // The element draws the new network: the first convolution's label says 8 channels, its edge 8×28×28.
    await page.waitForFunction(() => document.querySelector('#pg-graph')!.shadowRoot!.querySelector('[data-path="net.0"]')?.textContent?.includes('· 8 ·'), undefined, { timeout: 10_000 });
    const labels = await page.$eval('#pg-graph', (g) => [...g.shadowRoot!.querySelectorAll('[part~="edge-label"]')].map((e) => e.textContent?.trim()));
    expect(labels).toContain('8×28×28');
    // …and the summary's total row has the new parameter count.
    await page.waitForFunction((n) => document.querySelector('cnn-summary')?.shadowRoot?.textContent?.includes(n), formatInt(expected.params), { timeout: 10_000 });
    expect(await page.$eval('#pg-diags', (e) => e.children.length)).toBe(0);
  });

  it('a channel mismatch: a diagnostic naming the layer and the fix; clicking it selects the line and the layer', async () => {
    const page = await open();
    await typeOver(page, '"in_channels":6', '"in_channels":7');
    await settled(page, `document.querySelectorAll('#pg-diags .pg-error').length === 1`);
    const text = await page.textContent('#pg-diags .pg-error');
    expect(text).toContain('net.3');
    expect(text).toContain('expects 7 input channels, receives 6');
    expect(text).toContain('in_channels=6');
    // The graph is drawn up to the failure with the failing node marked (not blank, not dimmed).
    await page.waitForFunction(() => document.querySelector('#pg-graph')!.shadowRoot!.querySelector('[data-path="net.3"][data-status="error"]'), undefined, { timeout: 10_000 });
    expect(await page.$eval('#playground', (e) => e.classList.contains('pg-stale'))).toBe(false);

    await page.click('#pg-diags .pg-error');
    const sel = await page.$eval('#pg-text', (t) => {
      const ta = t as HTMLTextAreaElement;
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(sel).toMatch(/^\{"path":"net\.3","kind":"Conv2d","in_channels":7/);
    await page.waitForFunction(() => document.querySelector('#pg-graph')?.getAttribute('selected') === 'net.3', undefined, { timeout: 5_000 });
    const line = LENET.slice(0, LENET.indexOf('"path":"net.3"')).split('\n').length;
    expect(await page.$$eval('#pg-gutter .pg-err', (s) => s.map((x) => Number(x.textContent)))).toEqual([line]);
  });

  it('malformed JSON: a parse error with line and column; the text, the last graph (dimmed) and the stored text stay', async () => {
    const page = await open();
    await typeOver(page, '"kernel_size":5,"padding":2', '"kernel_size":5 "padding":2');
    const typed = await editorText(page);
    const line = typed.slice(0, typed.indexOf('5 "padding"')).split('\n').length;
    await settled(page, `document.querySelector('#pg-diags')?.textContent?.includes('Not valid JSON')`);
    const text = await page.textContent('#pg-diags');
    expect(text).toMatch(new RegExp(`line ${line}, column \\d+`));
    expect(await editorText(page)).toBe(typed);
    expect(await page.$eval('#playground', (e) => e.classList.contains('pg-stale'))).toBe(true);
    expect(await page.$eval('#pg-graph', (g) => g.shadowRoot!.querySelectorAll('svg .cnn-node').length)).toBeGreaterThan(10);
    // A reload brings the same broken text back from storage.
    await page.reload();
    await ready(page);
    expect(await editorText(page)).toBe(typed);
  });

  it('the URL carries the text: a new browser opening the copied link gets the same JSON', async () => {
    const page = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await typeOver(page, '"out_features":10', '"out_features":17');
    const edited = await editorText(page);
    await page.click('#pg-copy');
    await page.waitForFunction(() => /Link copied|copy this link/i.test(document.body.textContent ?? ''), undefined, { timeout: 5_000 });
    const href = await page.evaluate(() => location.href);
    expect(new URL(href).hash).toMatch(/^#n=[A-Za-z0-9_-]+$/);
    const copied = await page.evaluate(async () => (document.querySelector<HTMLElement>('#pg-share')!.hidden ? navigator.clipboard.readText() : document.querySelector<HTMLInputElement>('#pg-share-url')!.value));
    expect(copied).toBe(href);

    const other = await browser.newContext();
    try {
      const fresh = await openIn(other, new URL(copied).pathname + new URL(copied).hash);
      expect(await editorText(fresh)).toBe(edited);
      expect(await params(fresh)).toBe(analyze(parseNetwork(edited).graph!).totals.params);
    } finally {
      await other.close();
    }
  });

  it('choosing another network keeps the replaced text one click away', async () => {
    const page = await open();
    await typeOver(page, '"out_features":84', '"out_features":64');
    await typeOver(page, '"in_features":84', '"in_features":64');
    const mine = await editorText(page);
    await page.selectOption('#pg-example', 'nin');
    expect(await editorText(page)).toBe(stringifyNetwork(zooGraph('nin')!));
    await settled(page, `document.querySelector('#pg-params')?.dataset.params === '${analyze(zooGraph('nin')!).totals.params}'`);
    expect(await page.isVisible('#pg-restore')).toBe(true);
    await page.click('#pg-restore');
    expect(await editorText(page)).toBe(mine);
  });

  it('the Chinese page is in Chinese', async () => {
    const page = await open('/zh/playground/index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('试验场');
    expect(await page.textContent('#pg-totals')).toContain('参数量');
    expect(await page.textContent('#pg-copy')).toBe('复制链接');
    await typeOver(page, '"in_channels":6', '"in_channels":7');
    await settled(page, `document.querySelectorAll('#pg-diags .pg-error').length === 1`);
    expect(await page.textContent('#pg-diags .pg-error')).toMatch(/^错误 第 \d+ 行第 \d+ 列 · net\.3/);
    expect(await page.textContent('#pg-diags .pg-fix')).toContain('修改建议');
  });
});

describe.runIf(built)('embed page', { timeout: 60_000 }, () => {
  it('has the API tables of every element of custom-elements.json, and its live example logs the events', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string; customElement?: boolean }> }> };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName as string);
    expect(tags).toContain('cnn-graph');
    const page = await open('/embed/index.html');
    for (const tag of tags) {
      expect(await page.isVisible(`#api-${tag}-attributes-table`), `<${tag}> attributes table`).toBe(true);
    }
    expect(await page.$$eval('#api-cnn-graph-events-table tbody th', (c) => c.map((x) => x.textContent))).toEqual(['cnn-select', 'cnn-toggle', 'cnn-layout', 'cnn-error']);
    await page.locator('#themed').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !!document.querySelector('#themed')?.shadowRoot?.querySelector('[part~="canvas"] [data-path="net.0"]'), undefined, { timeout: 20_000 });
    await page.click('#themed [part~="canvas"] [data-path="net.0"]');
    await page.waitForFunction(() => document.querySelector('#embed-log')?.textContent?.includes('cnn-select  { path: "net.0"'), undefined, { timeout: 5_000 });
    const zh = await context.newPage();
    await zh.goto(`${server.url}/zh/embed/index.html`);
    expect(await zh.textContent('h1')).toBe('在任何网页中嵌入网络图');
    expect(await zh.textContent('#api-cnn-graph-events')).toBe('事件');
  });
});

describe.runIf(!built)('playground (site not built)', () => {
  it('needs the built site', () => {
    expect(built, 'site/playground/index.html is missing: run `node scripts/build.mjs` (npm test does) before the browser tests').toBe(true);
  });
});
