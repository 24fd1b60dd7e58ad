/**
 * The playground page of the built site (site/playground/, written by `node scripts/build.mjs`) in
 * headless Chromium: typing in the editor redraws the graph and the summary with the analysis's
 * numbers, a broken network gets a diagnostic naming the layer and the fix, malformed JSON gets
 * its line and column and keeps the text and the last graph, the URL carries the text to another
 * browser, the schema's suggestions are typed into the editor with the keyboard (a new layer's
 * kind and field, the graph redrawn with it), long lines wrap beside their line numbers, and the
 * Chinese page speaks Chinese. Each test starts with empty storage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { formatInt } from '../../src/analysis/format.js';
import { parseNetwork, stringifyNetwork } from '../../src/graph/json.js';
import { decodeShare, encodeShare } from '../../src/site/client/playground-share.js';
import { LAYER_KINDS } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
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

/**
 * Focus the editor and select its `occurrence`-th match of `find` (`caret`: only put
 * the caret right after it).
 */
async function selectInEditor(page: Page, find: string, occurrence: number, caret: boolean): Promise<void> {
  await page.evaluate(
    ([f, n, c]) => {
      const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      let at = -1;
      for (let i = 0; i <= (n as number); i++) at = ta.value.indexOf(f as string, at + 1);
      if (at < 0) throw new Error(`"${f}" not in the editor`);
      ta.focus();
      const end = at + (f as string).length;
      ta.setSelectionRange(c ? end : at, end);
    },
    [find, occurrence, caret] as const,
  );
}

/** Type `replacement` over the first occurrence of `find` in the editor, as a person would (selection, then keys). */
async function typeOver(page: Page, find: string, replacement: string, occurrence = 0): Promise<void> {
  await selectInEditor(page, find, occurrence, false);
  await page.keyboard.type(replacement);
}

const editorText = (page: Page) => page.$eval('#pg-text', (t) => (t as HTMLTextAreaElement).value);
const params = (page: Page) => page.$eval('#pg-params', (e) => Number((e as HTMLElement).dataset.params));

/** Wait until the page has re-read the text (the debounce has passed and the totals follow the editor). */
async function settled(page: Page, predicate: string): Promise<void> {
  await page.waitForFunction(predicate, undefined, { timeout: 10_000, polling: 50 });
}

/** The suggestion list as shown: visible or not, option labels, the active one (by aria-activedescendant). */
async function suggestions(page: Page): Promise<{ open: boolean; labels: string[]; active: string | null; expanded: boolean }> {
  return page.evaluate(() => {
    const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
    const list = document.getElementById(ta.getAttribute('aria-controls') ?? '')!;
    const id = ta.getAttribute('aria-activedescendant');
    const active = id ? document.getElementById(id) : null;
    return {
      open: list.getAttribute('role') === 'listbox' && !list.hidden && list.getBoundingClientRect().height > 0,
      labels: [...list.querySelectorAll('[role="option"] .pg-c-label')].map((e) => e.textContent ?? ''),
      active: active?.getAttribute('aria-selected') === 'true' ? (active.querySelector('.pg-c-label')?.textContent ?? null) : null,
      // ARIA in HTML allows aria-expanded on no textbox: the open list shows in aria-activedescendant.
      expanded: ta.hasAttribute('aria-expanded'),
    };
  });
}

/** Put the caret right after `find` (its `occurrence`-th match) in the editor. */
const caretAfter = (page: Page, find: string, occurrence = 0): Promise<void> => selectInEditor(page, find, occurrence, true);

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
    // The analysis's error, not a parse error of the text read halfway through the typing.
    await settled(page, `document.querySelectorAll('#pg-diags .pg-error').length === 1 && document.querySelector('#pg-diags .pg-error').textContent.includes('expects 7 input channels')`);
    const text = await page.textContent('#pg-diags .pg-error');
    // The path once: the line, then the message that opens with the layer (not "net.3 net.3 Conv2d").
    expect(text).toMatch(/^Error line \d+:\d+net\.3 Conv2d: expects 7 input channels, receives 6/);
    expect(text!.split('net.3').length - 1).toBe(1);
    expect(await page.textContent('#pg-diags .pg-error .pg-where')).toMatch(/^line \d+:\d+$/);
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

  it('suggestions from the schema: a new layer typed with the list (kind, then a field of that kind), and the graph draws it', async () => {
    const page = await open();
    // The list is driven by the schema the site publishes (network.schema.json), inlined in the page.
    const inlined = JSON.parse((await page.textContent('#pg-schema')) ?? '') as unknown;
    expect(inlined).toEqual(JSON.parse(readFileSync(join(SITE, 'network.schema.json'), 'utf8')));
    // A new line after the first convolution, and a layer started on it.
    await caretAfter(page, '"padding":2},');
    await page.keyboard.press('Enter');
    await page.keyboard.type('    {"path":"net.0b","');
    // The opening quote of a key opens the list: what every kind has (the kind is not known yet).
    let s = await suggestions(page);
    expect(s).toEqual({ open: true, labels: ['kind', 'inputs', 'functional'], active: 'kind', expanded: false });
    expect(await page.textContent('#pg-complete [role="option"]')).toContain('required');
    await page.keyboard.type('ki');
    expect((await suggestions(page)).labels).toEqual(['kind']);
    await page.keyboard.press('Enter');
    // Accepting `kind` writes its quotes, colon and an empty value, and lists every kind.
    expect(await editorText(page)).toContain('{"path":"net.0b","kind": ""\n');
    s = await suggestions(page);
    expect(s.labels).toEqual([...LAYER_KINDS]);
    expect(await page.textContent('#pg-complete')).toContain('needs in_channels, out_channels, kernel_size');
    // Filtered as typed; the arrows move the active option (aria-activedescendant), Tab accepts.
    await page.keyboard.type('Norm');
    expect((await suggestions(page)).labels).toEqual(['BatchNorm2d', 'LocalResponseNorm', 'LayerNorm', 'LayerNorm2d']);
    await page.keyboard.press('ArrowDown');
    expect((await suggestions(page)).active).toBe('LocalResponseNorm');
    await page.keyboard.press('ArrowUp');
    expect((await suggestions(page)).active).toBe('BatchNorm2d');
    await page.keyboard.press('Tab');
    expect((await suggestions(page)).open).toBe(false);
    // The next key is one of BatchNorm2d's.
    await page.keyboard.type(', "');
    s = await suggestions(page);
    expect(s.labels[0]).toBe('num_features');
    expect(s.labels).toContain('track_running_stats');
    expect(s.labels).not.toContain('kernel_size');
    await page.keyboard.type('num');
    await page.keyboard.press('Enter');
    await page.keyboard.type('6},');
    const edited = await editorText(page);
    expect(edited).toContain('\n    {"path":"net.0b","kind": "BatchNorm2d", "num_features": 6},\n');
    // The page reads it: a valid network with the new layer, its numbers from the analysis.
    const expected = analyze(parseNetwork(edited).graph!).totals;
    expect(expected.params).toBe(analyze(zooGraph('lenet5')!).totals.params + 12);
    await settled(page, `document.querySelector('#pg-params')?.dataset.params === '${expected.params}'`);
    await page.waitForFunction(() => document.querySelector('#pg-graph')!.shadowRoot!.querySelector('[data-path="net.0b"]')?.textContent?.includes('BatchNorm2d'), undefined, { timeout: 10_000 });
    expect(await page.$eval('#pg-diags', (e) => e.children.length)).toBe(0);

    // Ctrl+Space between members lists what the layer may still have; Escape closes without a change.
    await caretAfter(page, '"kind":"Tanh"');
    await page.keyboard.press('Control+Space');
    expect(await suggestions(page)).toEqual({ open: true, labels: ['inputs', 'functional'], active: 'inputs', expanded: false });
    await page.keyboard.press('Escape');
    expect(await suggestions(page)).toEqual({ open: false, labels: [], active: null, expanded: false });
    // An inputs value lists the layers before it, nearest first, and the network input.
    await caretAfter(page, '"kind":"Tanh"');
    await page.keyboard.type(',"inputs":["');
    expect((await suggestions(page)).labels).toEqual(['net.0b', 'net.0', 'input']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toContain('{"path":"net.1","kind":"Tanh","inputs":["net.0"');
    expect(await editorText(page)).toBe(edited.replace('"kind":"Tanh"', '"kind":"Tanh","inputs":["net.0"'));
  });

  it('long lines wrap: nothing is cut off, and each line number stays beside its line', async () => {
    const page = await open();
    await page.selectOption('#pg-example', 'googlenet');
    const m = await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      const gutter = [...document.querySelectorAll<HTMLElement>('#pg-gutter span')];
      const lines = ta.value.split('\n');
      const longest = lines.reduce((a, l, i) => (l.length > (lines[a] ?? '').length ? i : a), 0);
      const lh = parseFloat(getComputedStyle(ta).lineHeight);
      const pad = parseFloat(getComputedStyle(ta).paddingTop) + parseFloat(getComputedStyle(ta).paddingBottom);
      return {
        overflowX: ta.scrollWidth - ta.clientWidth,
        numbers: gutter.length,
        lines: lines.length,
        longRows: Math.round(gutter[longest]!.getBoundingClientRect().height / lh),
        shortRows: Math.round(gutter[0]!.getBoundingClientRect().height / lh),
        // The numbers' column is as tall as the text: scrolled together they stay aligned to the end.
        heights: gutter.reduce((a, g) => a + g.getBoundingClientRect().height, 0) + pad - ta.scrollHeight,
      };
    });
    expect(m.overflowX).toBe(0);
    expect(m.numbers).toBe(m.lines);
    expect(m.shortRows).toBe(1);
    expect(m.longRows).toBeGreaterThan(1);
    expect(Math.abs(m.heights)).toBeLessThan(1);
    // Every number sits at the top of its line's first row: the rows the text takes, measured in a
    // copy of the textarea's box (same font, padding, width and wrapping), against the gutter.
    const offsets = await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      const gutter = document.querySelector<HTMLElement>('#pg-gutter')!;
      const spans = [...gutter.querySelectorAll<HTMLElement>('span')];
      const probe = document.createElement('div');
      const cs = getComputedStyle(ta);
      for (const k of ['font', 'padding', 'whiteSpace', 'wordBreak', 'overflowWrap', 'tabSize', 'boxSizing'] as const) probe.style[k] = cs[k];
      probe.style.width = `${ta.clientWidth}px`;
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      document.body.append(probe);
      const lines = ta.value.split('\n');
      const out: number[] = [];
      let before = '';
      const top = gutter.getBoundingClientRect().top - gutter.scrollTop;
      for (let i = 0; i < lines.length; i += 7) {
        const mark = document.createElement('span');
        mark.textContent = 'x';
        // At the top of its row's line box (an inline span's top is its glyphs' top, a few pixels lower).
        mark.style.display = 'inline-block';
        mark.style.verticalAlign = 'top';
        probe.replaceChildren(before, mark);
        out.push(spans[i]!.getBoundingClientRect().top - top - mark.offsetTop);
        before += lines.slice(i, i + 7).map((l) => `${l}\n`).join('');
      }
      probe.remove();
      return out;
    });
    expect(offsets.length).toBeGreaterThan(20);
    expect(offsets.filter((o) => Math.abs(o) >= 1)).toEqual([]);
  });

  it('the Chinese page is in Chinese', async () => {
    const page = await open('/zh/playground/index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('试验场');
    expect(await page.textContent('#pg-totals')).toContain('参数量');
    expect(await page.textContent('#pg-copy')).toBe('复制链接');
    await typeOver(page, '"in_channels":6', '"in_channels":7');
    // The analysis's error, not a parse error of the text read halfway through the typing.
    await settled(page, `document.querySelectorAll('#pg-diags .pg-error').length === 1 && document.querySelector('#pg-diags .pg-error').textContent.includes('需要 7 个输入通道')`);
    expect(await page.textContent('#pg-diags .pg-error')).toMatch(/^错误 第 \d+ 行第 \d+ 列net\.3 Conv2d：需要 7 个输入通道，收到的却是 6 个/);
    expect(await page.textContent('#pg-diags .pg-fix')).toBe('修改建议： 设置 in_channels=6，或者检查它前面的那一层。');
    // The suggestion list speaks Chinese too.
    expect(await page.textContent('#pg-hint')).toContain('选择');
    await caretAfter(page, '"path":"net.1",');
    await page.keyboard.press('Control+Space');
    expect(await page.getAttribute('#pg-complete', 'aria-label')).toBe('补全建议');
    expect((await suggestions(page)).labels).toEqual(['inputs', 'functional']);
    await caretAfter(page, '"path":"net.1","kind":"');
    await page.keyboard.press('Control+Space');
    expect(await page.textContent('#pg-complete')).toContain('需要 in_channels, out_channels, kernel_size');
    expect(await page.textContent('#pg-complete-status')).toBe(`${LAYER_KINDS.length} 条建议`);
  });

  it('on a 390 px phone, in both languages, the "Start from" menu and the bar fit the screen (the page does not scroll sideways)', async () => {
    for (const path of ['/playground/index.html', '/zh/playground/index.html']) {
      context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await openIn(context, path);
      const fit = await page.evaluate(() => ({
        menu: document.querySelector('#pg-example')!.getBoundingClientRect().right,
        bar: Math.max(...[...document.querySelectorAll('.pg-bar > *')].map((e) => e.getBoundingClientRect().right)),
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
      }));
      expect(fit.menu, path).toBeLessThanOrEqual(fit.view);
      expect(fit.bar, path).toBeLessThanOrEqual(fit.view);
      expect(fit.page, path).toBeLessThanOrEqual(fit.view);
      await context.close();
    }
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
    expect(await page.$$eval('#api-cnn-graph-events-table tbody th', (c) => c.map((x) => x.textContent))).toEqual(['cnn-select', 'cnn-toggle', 'cnn-direction', 'cnn-layout', 'cnn-error']);
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

/** A valid network of `n` layers, pretty-printed: 150,000 lines and 3.2 MB at n = 30,000. */
function bigNetwork(n: number): string {
  const layers: object[] = [{ path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3, padding: 1 }];
  for (let i = 1; i < n; i++) layers.push(i % 2 ? { path: `net.${i}`, kind: 'ReLU' } : { path: `net.${i}`, kind: 'Conv2d', in_channels: 4, out_channels: 4, kernel_size: 3, padding: 1 });
  return JSON.stringify({ format: 'cnn-graph/1', name: 'big', input: [1, 28, 28], layers }, null, 2);
}

/** Open the playground with `text` already in storage (as a previous visit left it). */
async function openStored(text: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((t) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cnn-graph:playground:text', t);
      sessionStorage.setItem('seeded', '1');
    }
  }, text);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`stored: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`stored: ${e.message}`));
  await page.goto(`${server.url}/playground/index.html`);
  return page;
}

const statusText = (page: Page) => page.$eval('#pg-status', (e) => e.textContent ?? '');

describe.runIf(built)('playground: nothing breaks (issue 13)', { timeout: 120_000 }, () => {
  it('a link that unpacks to 20 MiB is refused with a message, opened on load or followed later; the text stays', async () => {
    const bomb = await encodeShare(' '.repeat(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(40_000);
    const page = await open();
    await typeOver(page, '"out_features":10', '"out_features":12');
    const mine = await editorText(page);
    const hashText = async () => decodeShare(await page.evaluate(() => location.hash));
    await expect.poll(hashText, { timeout: 10_000 }).toBe(mine);
    await page.evaluate((h) => (location.hash = h), bomb);
    await page.waitForFunction(() => /unpacks to more than 16 MiB/.test(document.querySelector('#pg-status')?.textContent ?? ''), undefined, { timeout: 20_000 });
    expect(await statusText(page)).toMatch(/^The link's network unpacks to more than 16 MiB \(from \d+ KB of link\), more than the playground reads; it was not opened\. Your text is as it was\.$/);
    expect(await editorText(page)).toBe(mine);
    // The address carries the text on screen again, not the bomb.
    await expect.poll(hashText, { timeout: 10_000 }).toBe(mine);
    // Opened directly: the stored text, and the same message.
    const other = await context.newPage();
    await other.goto(`${server.url}/playground/index.html#${bomb}`);
    await ready(other);
    expect(await editorText(other)).toBe(mine);
    expect(await statusText(other)).toMatch(/unpacks to more than 16 MiB .* Showing your last text instead\.$/);
  });

  it('a 3 MB stored text opens: unwrapped, the gutter numbers only the lines in view and follows the scroll, the text is kept but not read, with a message', async () => {
    const big = bigNetwork(30_000);
    const lines = big.split('\n').length;
    expect(lines).toBeGreaterThan(100_000);
    const page = await openStored(big);
    await page.waitForFunction(() => document.querySelector('#pg-diags')?.textContent?.includes('MiB'), undefined, { timeout: 60_000 });
    expect(await editorText(page)).toBe(big);
    expect(await page.$eval('#pg-diags', (e) => e.textContent)).toContain(`This text is ${(big.length / 1048576).toFixed(1)} MiB; the playground reads networks of up to 1.0 MiB as you type, so it is kept here but not read.`);
    const m = await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      const lh = parseFloat(getComputedStyle(ta).lineHeight);
      ta.scrollTop = 99_999 * lh;
      ta.dispatchEvent(new Event('scroll'));
      const num = [...document.querySelectorAll<HTMLElement>('#pg-gutter span')].find((s) => s.textContent === '100000');
      const padTop = parseFloat(getComputedStyle(ta).paddingTop);
      const lineTop = ta.getBoundingClientRect().top + padTop + 99_999 * lh - ta.scrollTop;
      return {
        large: document.getElementById('playground')!.classList.contains('pg-large'),
        wrap: ta.wrap,
        whiteSpace: getComputedStyle(ta).whiteSpace,
        spans: document.querySelectorAll('#pg-gutter span:not(.pg-spacer)').length,
        numTop: num?.getBoundingClientRect().top ?? null,
        lineTop,
      };
    });
    expect(m).toMatchObject({ large: true, wrap: 'off', whiteSpace: 'pre' });
    expect(m.spans).toBeLessThan(400);
    expect(m.numTop).not.toBeNull();
    expect(Math.abs((m.numTop as number) - m.lineTop)).toBeLessThan(1);
    // Back to a small text: wrapped again, every line numbered.
    await page.selectOption('#pg-example', 'lenet5');
    await ready(page);
    expect(await page.evaluate(() => [document.getElementById('playground')!.classList.contains('pg-large'), document.querySelectorAll('#pg-gutter span').length])).toEqual([false, LENET.split('\n').length]);
  });

  it('two examples in a row, then an edited one: every replaced text comes back, newest first, also after a reload; Ctrl+Z undoes a pick', async () => {
    const page = await open();
    await typeOver(page, '"out_features":84', '"out_features":64');
    await typeOver(page, '"in_features":84', '"in_features":64');
    const mine = await editorText(page);
    await page.selectOption('#pg-example', 'nin');
    await page.selectOption('#pg-example', 'googlenet-mini');
    // The unedited NiN is one pick away: not kept. Mine is.
    expect(await page.textContent('#pg-restore')).toBe('Restore previous text');
    await typeOver(page, '"out_features":10', '"out_features":11');
    const editedMini = await editorText(page);
    await page.selectOption('#pg-example', 'lenet5');
    expect(await page.textContent('#pg-restore')).toBe('Restore previous text (2)');
    // The history is stored: a reload offers the same.
    const again = await context.newPage();
    await again.goto(`${server.url}/playground/index.html`);
    await ready(again);
    expect(await again.textContent('#pg-restore')).toBe('Restore previous text (2)');
    await again.close();
    await page.click('#pg-restore');
    expect(await editorText(page)).toBe(editedMini);
    await page.click('#pg-restore');
    expect(await editorText(page)).toBe(mine);
    // Ctrl+Z in the editor undoes the last replacement itself.
    await page.selectOption('#pg-example', 'resnet-mini');
    expect(await editorText(page)).toBe(stringifyNetwork(zooGraph('resnet-mini')!));
    await page.focus('#pg-text');
    await page.keyboard.press('Control+Z');
    expect(await editorText(page)).toBe(mine);
    await settled(page, `document.querySelector('#pg-params')?.dataset.params === '${analyze(parseNetwork(mine).graph!).totals.params}'`);
  });

  it('two share links in a row: the text before them both comes back', async () => {
    const page = await open();
    await typeOver(page, '"out_features":10', '"out_features":13');
    const mine = await editorText(page);
    const a = mine.replace('"out_features":13', '"out_features":14');
    const b = mine.replace('"out_features":13', '"out_features":15');
    await page.evaluate(async (h) => (location.hash = h), await encodeShare(a));
    await page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>('#pg-text')!.value === t, a);
    await page.evaluate(async (h) => (location.hash = h), await encodeShare(b));
    await page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>('#pg-text')!.value === t, b);
    expect(await page.textContent('#pg-restore')).toBe('Restore previous text (2)');
    await page.click('#pg-restore');
    expect(await editorText(page)).toBe(a);
    await page.click('#pg-restore');
    expect(await editorText(page)).toBe(mine);
  });

  it('storage whose getItem throws (privacy mode, sandboxed frame): the page still reads and draws the network', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      Storage.prototype.getItem = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    const page = await openIn(context, '/playground/index.html');
    expect(await params(page)).toBe(analyze(zooGraph('lenet5')!).totals.params);
    // Replacing still keeps the text, for this visit.
    await typeOver(page, '"out_features":10', '"out_features":12');
    const mine = await editorText(page);
    await page.selectOption('#pg-example', 'nin');
    await page.click('#pg-restore');
    expect(await editorText(page)).toBe(mine);
  });

  it('completing an inputs value with the caret inside a path that holds a colon or a space replaces the whole path', async () => {
    const page = await open();
    const text = net3('{"path":"a b","kind":"ReLU"},\n{"path":"c:d","kind":"ReLU"},\n{"path":"g","kind":"Add","inputs":["a b","c:d"]}');
    await page.fill('#pg-text', text);
    await settled(page, `document.querySelector('#pg-totals')?.textContent?.includes('No problems')`);
    await selectInEditor(page, '["a', 0, true);
    // The caret sits after `"a` inside "a b": ask for the list and take c:d.
    await page.evaluate(() => {
      const ta = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      const at = ta.value.indexOf('"inputs":["') + '"inputs":["'.length;
      ta.setSelectionRange(at, at);
    });
    await page.keyboard.press('Control+Space');
    const s = await suggestions(page);
    expect(s.labels).toEqual(['c:d', 'a b', 'input']);
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe(text.replace('["a b","c:d"]', '["c:d","c:d"]'));
  });
});

/** A network of these layer texts, one per line. */
function net3(layers: string): string {
  return `{"name":"paths","input":[1,28,28],"layers":[\n${layers}\n]}`;
}

describe.runIf(!built)('playground (site not built)', () => {
  it('needs the built site', () => {
    expect(built, 'site/playground/index.html is missing: run `node scripts/build.mjs` (npm test does) before the browser tests').toBe(true);
  });
});
