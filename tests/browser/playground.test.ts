/**
 * The playground page of the built site (site/playground/, written by `node scripts/build.mjs`) in
 * headless Chromium: typing in the editor (CodeMirror) redraws the graph and the summary with the
 * analysis's numbers and highlights the JSON, a broken network gets a diagnostic naming the layer
 * and the fix, underlined on that layer, and named above the graph (never over it), malformed JSON
 * gets its line and column underlined and keeps the text and the last graph, the URL carries the
 * text to another browser, the schema's suggestions are typed into the editor with the keyboard
 * (a new layer's kind and field, the graph redrawn with it), long lines wrap after commas, a pasted
 * layer is selected in the graph, "Copy as PyTorch" copies the export, and the Chinese page speaks
 * Chinese. Each test starts with empty storage.
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

/** The CodeMirror editor the page exposes on #pg-editor (code-editor.ts `CodeEditor`): its text and view, as the page itself uses them. */
type EditorHost = HTMLElement & {
  editor: {
    text: string;
    replace(text: string, undoable: boolean): void;
    view: {
      state: { selection: { main: { from: number; to: number; head: number } }; sliceDoc(a: number, b: number): string; doc: { lineAt(p: number): { number: number; from: number } } };
      dispatch(spec: object): void;
      focus(): void;
      posAtDOM(node: Node): number;
    };
  };
};

/**
 * Focus the editor and select its `occurrence`-th match of `find` (`caret`: only put
 * the caret right after it).
 */
async function selectInEditor(page: Page, find: string, occurrence: number, caret: boolean): Promise<void> {
  await page.evaluate(
    ([f, n, c]) => {
      const ed = (document.querySelector('#pg-editor') as EditorHost).editor;
      const text = ed.text;
      let at = -1;
      for (let i = 0; i <= (n as number); i++) at = text.indexOf(f as string, at + 1);
      if (at < 0) throw new Error(`"${f}" not in the editor`);
      const end = at + (f as string).length;
      ed.view.focus();
      ed.view.dispatch({ selection: { anchor: c ? end : at, head: end }, scrollIntoView: true });
    },
    [find, occurrence, caret] as const,
  );
}

/** Type `replacement` over the first occurrence of `find` in the editor, as a person would (selection, then keys). */
async function typeOver(page: Page, find: string, replacement: string, occurrence = 0): Promise<void> {
  await selectInEditor(page, find, occurrence, false);
  await page.keyboard.type(replacement);
}

const editorText = (page: Page) => page.$eval('#pg-editor', (e) => (e as EditorHost).editor.text);
const setEditorText = (page: Page, text: string) => page.$eval('#pg-editor', (e, t) => (e as EditorHost).editor.replace(t, true), text);
const selectedText = (page: Page) =>
  page.$eval('#pg-editor', (e) => {
    const v = (e as EditorHost).editor.view;
    const m = v.state.selection.main;
    return v.state.sliceDoc(m.from, m.to);
  });
const caretLine = (page: Page) =>
  page.$eval('#pg-editor', (e) => {
    const v = (e as EditorHost).editor.view;
    return v.state.doc.lineAt(v.state.selection.main.head).number;
  });
const params = (page: Page) => page.$eval('#pg-params', (e) => Number((e as HTMLElement).dataset.params));

/** Wait until the page has re-read the text (the debounce has passed and the totals follow the editor). */
async function settled(page: Page, predicate: string): Promise<void> {
  await page.waitForFunction(predicate, undefined, { timeout: 10_000, polling: 50 });
}

/** The suggestion list as shown: open or not, option labels, the active one (by the editor's aria-activedescendant). */
async function suggestions(page: Page): Promise<{ open: boolean; labels: string[]; active: string | null; expanded: boolean }> {
  return page.evaluate(() => {
    const content = document.querySelector('#pg-editor .cm-content')!;
    const list = document.getElementById(content.getAttribute('aria-controls') ?? '');
    const id = content.getAttribute('aria-activedescendant');
    const active = id ? document.getElementById(id) : null;
    return {
      open: !!list && list.getAttribute('role') === 'listbox' && list.getBoundingClientRect().height > 0,
      labels: list ? [...list.querySelectorAll('[role="option"] .cm-completionLabel')].map((e) => e.textContent ?? '') : [],
      active: active?.hasAttribute('aria-selected') ? (active.querySelector('.cm-completionLabel')?.textContent ?? null) : null,
      // ARIA in HTML allows aria-expanded on no textbox: the open list shows in aria-activedescendant.
      expanded: content.hasAttribute('aria-expanded'),
    };
  });
}

/**
 * The list once it passes `check` and has settled: CodeMirror asks for suggestions a moment after
 * a key (showing the previous list meanwhile) and takes Enter only once a list has been up for a
 * moment, so the same reading is required over 150 ms.
 */
async function listed(page: Page, check: (s: Awaited<ReturnType<typeof suggestions>>) => boolean): Promise<Awaited<ReturnType<typeof suggestions>>> {
  let last = await suggestions(page);
  let since = Date.now();
  const t0 = Date.now();
  while (Date.now() - t0 < 5_000) {
    await page.waitForTimeout(30);
    const now = await suggestions(page);
    if (JSON.stringify(now) !== JSON.stringify(last)) {
      last = now;
      since = Date.now();
    } else if (check(now) && Date.now() - since >= 150) break;
  }
  return last;
}

const isOpen = (s: Awaited<ReturnType<typeof suggestions>>) => s.open;

/** Put the caret right after `find` (its `occurrence`-th match) in the editor. */
const caretAfter = (page: Page, find: string, occurrence = 0): Promise<void> => selectInEditor(page, find, occurrence, true);

/** The lint marks in the editor: each underlined text, its severity and its line. */
async function lintMarks(page: Page): Promise<Array<{ text: string; severity: string; line: number }>> {
  return page.evaluate(() => {
    const v = (document.querySelector('#pg-editor') as EditorHost).editor.view;
    const marks = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-lintRange')];
    // One diagnostic may be drawn as several pieces (a token split by highlighting): join those next to each other.
    const out: Array<{ text: string; severity: string; line: number }> = [];
    let prevEnd = -1;
    for (const m of marks) {
      const from = v.posAtDOM(m);
      const severity = m.className.match(/cm-lintRange-(\w+)/)?.[1] ?? '';
      const last = out[out.length - 1];
      if (last && from === prevEnd && last.severity === severity) last.text += m.textContent ?? '';
      else out.push({ text: m.textContent ?? '', severity, line: v.state.doc.lineAt(from).number });
      prevEnd = from + (m.textContent ?? '').length;
    }
    return out;
  });
}

/** The rectangle of the first element matching `selector` (light DOM). */
const box = (page: Page, selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number; top: number; bottom: number; left: number; right: number });

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

  it('the JSON is highlighted: keys, strings, numbers and literals each in their own colour', async () => {
    const page = await open();
    const colours = await page.evaluate(() => {
      const line = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-line')].find((l) => l.textContent?.includes('"path":"net.0"'))!;
      const colourOf = (text: string) => {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent === text) return getComputedStyle(n.parentElement!).color;
        return null;
      };
      return { key: colourOf('"kind"'), string: colourOf('"Conv2d"'), number: colourOf('5'), text: getComputedStyle(line).color };
    });
    expect(colours.key).not.toBeNull();
    expect(colours.string).not.toBeNull();
    expect(colours.number).not.toBeNull();
    expect(new Set([colours.key, colours.string, colours.number, colours.text]).size).toBe(4);
    // Typing a new key is highlighted as a key as soon as it is typed.
    await caretAfter(page, '"kind":"Tanh"');
    await page.keyboard.type(',"inplace":true');
    const typed = await page.evaluate(() => {
      const spans = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-line span')];
      const colour = (t: string) => getComputedStyle(spans.find((x) => x.textContent === t)!).color;
      return { key: colour('"inplace"'), literal: colour('true'), kind: colour('"kind"') };
    });
    expect(typed.key).toBe(typed.kind);
    expect(typed.literal).not.toBe(typed.key);
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

    // Underlined in the text on that layer, with a mark in the gutter beside its line.
    const line = LENET.slice(0, LENET.indexOf('"path":"net.3"')).split('\n').length;
    await expect.poll(() => lintMarks(page), { timeout: 5_000 }).toEqual([{ text: expect.stringMatching(/^\{"path":"net\.3","kind":"Conv2d","in_channels":7.*\}$/), severity: 'error', line }]);
    expect(await page.$$eval('#pg-editor .cm-gutter-lint .cm-gutterElement', (els) => els.filter((e) => e.querySelector('.cm-lint-marker-error')).length)).toBe(1);
    // Hovering the underline shows the message and the fix.
    const mark = page.locator('#pg-editor .cm-lintRange-error').first();
    await mark.hover();
    await page.waitForSelector('.cm-tooltip-lint', { timeout: 5_000 });
    expect(await page.textContent('.cm-tooltip-lint')).toMatch(/net\.3 Conv2d: expects 7 input channels, receives 6.*\nFix: Set in_channels=6/s);

    await page.click('#pg-diags .pg-error');
    expect(await selectedText(page)).toMatch(/^\{"path":"net\.3","kind":"Conv2d","in_channels":7/);
    await page.waitForFunction(() => document.querySelector('#pg-graph')?.getAttribute('selected') === 'net.3', undefined, { timeout: 5_000 });
  });

  it('the first error is named above the graph, never over it, in view on 1440×900; its button moves the editor there', async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await openIn(context, '/playground/index.html');
    expect(await page.textContent('#pg-problem')).toBe('No problems found.');
    await typeOver(page, '"in_channels":16', '"in_channels":15');
    await typeOver(page, '"kernel_size":5,"padding":2', '"kernel_size":5 "padding":2');
    await settled(page, `document.querySelector('#pg-problem')?.dataset.state === 'error'`);
    const typed = await editorText(page);
    const line = typed.slice(0, typed.indexOf('5 "padding"')).split('\n').length;
    expect(await page.textContent('#pg-problem-go')).toMatch(new RegExp(`^Line ${line}: Not valid JSON`));
    expect(await page.textContent('#pg-problem-more')).toBe('the graph is the last text that parsed');
    // Beside the graph, not on it; and on screen without scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    const note = await box(page, '#pg-problem');
    const graph = await box(page, '#pg-graph');
    const overlap = Math.min(note.bottom, graph.bottom) - Math.max(note.top, graph.top);
    expect(overlap).toBeLessThanOrEqual(0);
    const go = await box(page, '#pg-problem-go');
    expect(go.bottom).toBeLessThanOrEqual(900);
    expect(go.top).toBeGreaterThanOrEqual(0);
    // The button takes the caret to the error's line and the keyboard to the editor.
    await page.click('#pg-problem-go');
    expect(await caretLine(page)).toBe(line);
    expect(await selectedText(page)).toBe('"padding"');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    // Fixed: the analysis error of the other layer is next, with the graph current again.
    await typeOver(page, '5 "padding"', '5,"padding"');
    await settled(page, `document.querySelector('#pg-problem-go')?.textContent?.includes('expects 15 input channels')`);
    expect(await page.isVisible('#pg-problem-more')).toBe(false);
  });

  it('a pasted layer is selected in the graph and brought into view', async () => {
    const page = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await caretAfter(page, '"padding":2},');
    const layer = '\n    {"path":"net.0b","kind":"BatchNorm2d","num_features":6},';
    await page.evaluate((t) => navigator.clipboard.writeText(t), layer);
    await page.keyboard.press('Control+V');
    expect(await editorText(page)).toBe(LENET.replace('"padding":2},', `"padding":2},${layer}`));
    await page.waitForFunction(() => document.querySelector('#pg-graph')?.getAttribute('selected') === 'net.0b', undefined, { timeout: 10_000 });
    const seen = await page.$eval('#pg-graph', (g) => {
      const node = g.shadowRoot!.querySelector('[data-path="net.0b"]')!.getBoundingClientRect();
      const host = g.getBoundingClientRect();
      return node.top >= host.top && node.bottom <= host.bottom && node.left >= host.left && node.right <= host.right;
    });
    expect(seen).toBe(true);
    // The caret stays where the paste left it (the graph's selection does not move the editor).
    expect(await page.$eval('#pg-editor', (e) => (e as EditorHost).editor.view.state.selection.main.head)).toBe(LENET.indexOf('"padding":2},') + '"padding":2},'.length + layer.length);
  });

  it('malformed JSON: a parse error with line and column; the text, the last graph (dimmed) and the stored text stay', async () => {
    const page = await open();
    await typeOver(page, '"kernel_size":5,"padding":2', '"kernel_size":5 "padding":2');
    const typed = await editorText(page);
    const line = typed.slice(0, typed.indexOf('5 "padding"')).split('\n').length;
    await settled(page, `document.querySelector('#pg-diags')?.textContent?.includes('Not valid JSON')`);
    const text = await page.textContent('#pg-diags');
    expect(text).toMatch(new RegExp(`line ${line}, column \\d+`));
    // Underlined at the token where the reader stopped, on that line; the lint panel (Ctrl+Shift+M) lists it.
    await expect.poll(() => lintMarks(page), { timeout: 5_000 }).toEqual([{ text: '"padding"', severity: 'error', line }]);
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.cm-panel-lint', { timeout: 5_000 });
    expect(await page.textContent('.cm-panel-lint')).toMatch(new RegExp(`Not valid JSON.*at line ${line}, column`));
    await page.keyboard.press('Escape');
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
    // A new line after the first convolution (the editor indents it), and a layer started on it.
    await caretAfter(page, '"padding":2},');
    await page.keyboard.press('Enter');
    await page.keyboard.type('{"path":"net.0b","');
    // The opening quote of a key opens the list: what every kind has (the kind is not known yet).
    let s = await listed(page, isOpen);
    expect(s).toEqual({ open: true, labels: ['kind', 'inputs', 'functional'], active: 'kind', expanded: false });
    expect(await page.textContent('.cm-tooltip-autocomplete [role="option"]')).toContain('required');
    await page.keyboard.type('ki');
    expect((await listed(page, (x) => x.labels.length === 1)).labels).toEqual(['kind']);
    await page.keyboard.press('Enter');
    // Accepting `kind` writes its quotes, colon and an empty value, and lists every kind.
    expect(await editorText(page)).toMatch(/\n {4}\{"path":"net\.0b","kind": ""\n/);
    s = await listed(page, (x) => x.labels.length > 3);
    expect(s.labels).toEqual([...LAYER_KINDS]);
    expect(await page.textContent('.cm-tooltip-autocomplete')).toContain('needs in_channels, out_channels, kernel_size');
    // Filtered as typed; the arrows move the active option (aria-activedescendant), Tab accepts.
    await page.keyboard.type('Norm');
    expect((await listed(page, (x) => x.labels.length === 4)).labels).toEqual(['BatchNorm2d', 'LocalResponseNorm', 'LayerNorm', 'LayerNorm2d']);
    await page.keyboard.press('ArrowDown');
    expect((await suggestions(page)).active).toBe('LocalResponseNorm');
    await page.keyboard.press('ArrowUp');
    expect((await suggestions(page)).active).toBe('BatchNorm2d');
    await page.keyboard.press('Tab');
    expect((await suggestions(page)).open).toBe(false);
    // The next key is one of BatchNorm2d's.
    await page.keyboard.type(', "');
    s = await listed(page, isOpen);
    expect(s.labels[0]).toBe('num_features');
    expect(s.labels).toContain('track_running_stats');
    expect(s.labels).not.toContain('kernel_size');
    await page.keyboard.type('num');
    await listed(page, (x) => x.labels.length === 1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('6},');
    const edited = await editorText(page);
    expect(edited).toMatch(/\n {4}\{"path":"net\.0b","kind": "BatchNorm2d", "num_features": 6\},\n/);
    // The page reads it: a valid network with the new layer, its numbers from the analysis.
    const expected = analyze(parseNetwork(edited).graph!).totals;
    expect(expected.params).toBe(analyze(zooGraph('lenet5')!).totals.params + 12);
    await settled(page, `document.querySelector('#pg-params')?.dataset.params === '${expected.params}'`);
    await page.waitForFunction(() => document.querySelector('#pg-graph')!.shadowRoot!.querySelector('[data-path="net.0b"]')?.textContent?.includes('BatchNorm2d'), undefined, { timeout: 10_000 });
    expect(await page.$eval('#pg-diags', (e) => e.children.length)).toBe(0);

    // Ctrl+Space between members lists what the layer may still have; Escape closes without a change.
    await caretAfter(page, '"kind":"Tanh"');
    await page.keyboard.press('Control+Space');
    expect(await listed(page, isOpen)).toEqual({ open: true, labels: ['inputs', 'functional'], active: 'inputs', expanded: false });
    await page.keyboard.press('Escape');
    expect(await suggestions(page)).toEqual({ open: false, labels: [], active: null, expanded: false });
    expect(await editorText(page)).toBe(edited);
    // An inputs value lists the layers before it, nearest first, and the network input.
    await caretAfter(page, '"kind":"Tanh"');
    await page.keyboard.type(',"inputs":["');
    expect((await listed(page, isOpen)).labels).toEqual(['net.0b', 'net.0', 'input']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toContain('{"path":"net.1","kind":"Tanh","inputs":["net.0"');
    expect(await editorText(page)).toBe(edited.replace('"kind":"Tanh"', '"kind":"Tanh","inputs":["net.0"'));
  });

  it('long lines wrap after a comma, never inside a word; nothing is cut off; each line number stays beside its line', async () => {
    const page = await open();
    await page.selectOption('#pg-example', 'googlenet');
    await page.waitForFunction(() => (document.querySelector('#pg-editor') as EditorHost).editor.text.includes('googlenet'));
    const m = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('#pg-editor .cm-scroller')!;
      const lines = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-line')];
      const longest = lines.reduce((a, l) => ((l.textContent ?? '').length > (a.textContent ?? '').length ? l : a));
      // Where the longest line's rows break: the character before each new row's first one.
      const breaks: string[] = [];
      const walker = document.createTreeWalker(longest, NodeFilter.SHOW_TEXT);
      let top: number | null = null;
      let prev = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < (n.textContent ?? '').length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const rect = r.getClientRects()[0];
          if (!rect) continue;
          if (top !== null && rect.top > top + 2) breaks.push(prev);
          top = rect.top;
          prev = n.textContent![i]!;
        }
      }
      // Each line number beside its line's first row.
      const numbers = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-lineNumbers .cm-gutterElement')].filter((g) => /^\d+$/.test(g.textContent ?? ''));
      const offsets = lines.slice(0, 40).map((l, i) => {
        const g = numbers.find((x) => x.textContent === String(i + 1));
        return g ? Math.abs(g.getBoundingClientRect().top - l.getBoundingClientRect().top) : 999;
      });
      return { overflowX: scroller.scrollWidth - scroller.clientWidth, breaks, rows: Math.round(longest.getBoundingClientRect().height / parseFloat(getComputedStyle(longest).lineHeight)), offsets };
    });
    expect(m.overflowX).toBe(0);
    expect(m.rows).toBeGreaterThan(1);
    expect(m.breaks.length).toBe(m.rows - 1);
    expect(m.breaks.filter((c) => c !== ',' && c !== ' ')).toEqual([]);
    expect(m.offsets.filter((o) => o >= 1)).toEqual([]);
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
    expect((await listed(page, isOpen)).labels).toEqual(['inputs', 'functional']);
    expect(await page.getAttribute('.cm-tooltip-autocomplete [role="listbox"]', 'aria-label')).toBe('补全建议');
    await page.keyboard.press('Escape');
    await caretAfter(page, '"path":"net.1","kind":"');
    await page.keyboard.press('Control+Space');
    expect((await listed(page, (x) => x.labels.length === LAYER_KINDS.length)).labels).toHaveLength(LAYER_KINDS.length);
    expect(await page.textContent('.cm-tooltip-autocomplete')).toContain('需要 in_channels, out_channels, kernel_size');
    await page.keyboard.press('Escape');
    // The editor's underline says it in Chinese too, and the line above the graph.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('#pg-editor .cm-lintRange-error').length), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.locator('#pg-editor .cm-lintRange-error').first().hover();
    await page.waitForSelector('.cm-tooltip-lint', { timeout: 5_000 });
    expect(await page.textContent('.cm-tooltip-lint')).toContain('修改建议： 设置 in_channels=6');
    expect(await page.textContent('#pg-problem-go')).toMatch(/^第 \d+ 行：net\.3 Conv2d：需要 7 个输入通道/);
  });

  it('on a 390 px phone, in both languages: the bar fits, the page does not scroll sideways, every text field is 16 px (no iOS zoom), and the editor takes typing', async () => {
    for (const path of ['/playground/index.html', '/zh/playground/index.html']) {
      context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await openIn(context, path);
      const fit = await page.evaluate(() => ({
        menu: document.querySelector('#pg-example')!.getBoundingClientRect().right,
        bar: Math.max(...[...document.querySelectorAll('.pg-bar > *:not([hidden])')].map((e) => e.getBoundingClientRect().right)),
        editor: document.querySelector('#pg-editor')!.getBoundingClientRect().toJSON() as DOMRect,
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        // The text a focused field shows: iOS zooms the page into any under 16 px.
        fonts: {
          editor: getComputedStyle(document.querySelector('#pg-editor .cm-content')!).fontSize,
          find: getComputedStyle(document.querySelector('#pg-graph')!.shadowRoot!.querySelector('[part~="find"]')!).fontSize,
          menu: getComputedStyle(document.querySelector('#pg-example')!).fontSize,
        },
      }));
      expect(fit.menu, path).toBeLessThanOrEqual(fit.view);
      expect(fit.bar, path).toBeLessThanOrEqual(fit.view);
      expect(fit.page, path).toBeLessThanOrEqual(fit.view);
      expect(fit.editor.right, path).toBeLessThanOrEqual(fit.view);
      expect(fit.editor.height, path).toBeGreaterThan(300);
      expect(fit.fonts, path).toEqual({ editor: '16px', find: '16px', menu: '16px' });
      // A tap puts the caret in the text, and typing edits it.
      await page.locator('#pg-editor .cm-line', { hasText: '"kind":"Tanh"' }).first().tap();
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
      expect(await editorText(page), path).not.toBe(LENET);
      await context.close();
    }
  });

  it('the find box of <cnn-graph> keeps its small text on a desktop', async () => {
    const page = await open();
    expect(await page.$eval('#pg-graph', (g) => getComputedStyle(g.shadowRoot!.querySelector('[part~="find"]')!).fontSize)).toBe('12px');
    expect(await page.$eval('#pg-editor .cm-content', (e) => getComputedStyle(e).fontSize)).toBe('13px');
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

  it('a 3 MB stored text opens: the editor holds all of it but draws only the lines in view, numbered beside them wherever it scrolls; the text is kept but not read, with a message', async () => {
    const big = bigNetwork(30_000);
    const lines = big.split('\n').length;
    expect(lines).toBeGreaterThan(100_000);
    const page = await openStored(big);
    await page.waitForFunction(() => document.querySelector('#pg-diags')?.textContent?.includes('MiB'), undefined, { timeout: 60_000 });
    expect(await editorText(page)).toBe(big);
    expect(await page.$eval('#pg-diags', (e) => e.textContent)).toContain(`This text is ${(big.length / 1048576).toFixed(1)} MiB; the playground reads networks of up to 1.0 MiB as you type, so it is kept here but not read.`);
    expect(await page.textContent('#pg-problem-go')).toMatch(/^This text is 3\.\d MiB/);
    // Line 100,000 brought into view: its number is drawn beside it, and only a screenful of lines is in the page.
    await page.$eval('#pg-editor', (e) => {
      const ed = (e as EditorHost).editor;
      const text = ed.text;
      let at = -1;
      for (let i = 0; i < 99_999; i++) at = text.indexOf('\n', at + 1);
      ed.view.dispatch({ selection: { anchor: at + 1 }, scrollIntoView: true });
    });
    await page.waitForFunction(() => [...document.querySelectorAll('#pg-editor .cm-lineNumbers .cm-gutterElement')].some((g) => g.textContent === '100000'), undefined, { timeout: 10_000 });
    const m = await page.evaluate(() => {
      const ed = (document.querySelector('#pg-editor') as EditorHost).editor;
      const num = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-lineNumbers .cm-gutterElement')].find((g) => g.textContent === '100000')!;
      const line = [...document.querySelectorAll<HTMLElement>('#pg-editor .cm-line')].find((l) => ed.view.state.doc.lineAt(ed.view.posAtDOM(l)).number === 100_000)!;
      return { drawn: document.querySelectorAll('#pg-editor .cm-line').length, numTop: num.getBoundingClientRect().top, lineTop: line.getBoundingClientRect().top };
    });
    expect(m.drawn).toBeLessThan(400);
    expect(Math.abs(m.numTop - m.lineTop)).toBeLessThan(1);
    // Back to a small text: read again, every line drawn.
    await page.selectOption('#pg-example', 'lenet5');
    await ready(page);
    await settled(page, `document.querySelector('#pg-problem')?.dataset.state === 'ok'`);
    expect(await page.evaluate(() => document.querySelectorAll('#pg-editor .cm-line').length)).toBe(LENET.split('\n').length);
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
    await page.focus('#pg-editor .cm-content');
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
    await page.waitForFunction((t) => (document.querySelector('#pg-editor') as EditorHost).editor.text === t, a);
    await page.evaluate(async (h) => (location.hash = h), await encodeShare(b));
    await page.waitForFunction((t) => (document.querySelector('#pg-editor') as EditorHost).editor.text === t, b);
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
    await page.fill('#pg-editor .cm-content', text);
    expect(await editorText(page)).toBe(text);
    await settled(page, `document.querySelector('#pg-totals')?.textContent?.includes('No problems')`);
    // The caret inside "a b", before the a: ask for the list and take c:d.
    await caretAfter(page, '"inputs":["');
    await page.keyboard.press('Control+Space');
    const s = await listed(page, isOpen);
    expect(s.labels).toEqual(['c:d', 'a b', 'input']);
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe(text.replace('["a b","c:d"]', '["c:d","c:d"]'));
  });
});

/** The PyTorch file a control copied, from the clipboard. */
const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** What a PyTorch file from `pytorchCode` must be: its docstring, then the imports, a module class, and build(). */
function expectPytorchFile(code: string, name: string): void {
  expect(code).toMatch(new RegExp(`^"""${name} .*exported by cnn-graph`));
  // After the module docstring, the input comment (so the file reads back as a .py network), then the imports.
  const afterDoc = code.slice(code.indexOf('"""', 3) + 3).trimStart();
  expect(afterDoc).toMatch(/^# input: \d+x\d+x\d+\n\nimport torch\nimport torch\.nn as nn\n/);
  expect(code).toContain('def build()');
  expect(code).toMatch(/class \w+\(nn\.Module\):/);
}

describe.runIf(built)('Copy as PyTorch', { timeout: 60_000 }, () => {
  it('on the playground: the edited network’s code is on the clipboard, and the button says Copied', async () => {
    const page = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await typeOver(page, '"out_features":10', '"out_features":17');
    await page.click('#pg-pytorch [data-copy-button]');
    await page.waitForFunction(() => document.querySelector('#pg-pytorch [data-copy-button]')?.textContent === 'Copied ✓', undefined, { timeout: 10_000 });
    expect(await page.textContent('#pg-pytorch [data-copy-status]')).toMatch(/^Copied the PyTorch code \(\d+ lines\) to the clipboard\.$/);
    const code = await clipboardText(page);
    expectPytorchFile(code, 'lenet5');
    expect(code).toContain('nn.Linear(84, 17)');
    expect(code).toContain('from the playground');
    // The confirmation goes back to the button's name.
    await page.waitForFunction(() => document.querySelector('#pg-pytorch [data-copy-button]')?.textContent === 'Copy as PyTorch', undefined, { timeout: 5_000 });
  });

  it('on a model page, in English and Chinese: the zoo network’s code, with "Copied" in the page’s language', async () => {
    for (const [path, copied, label] of [
      ['/models/googlenet-mini/index.html', 'Copied ✓', 'Copy as PyTorch'],
      ['/zh/models/googlenet-mini/index.html', '已复制 ✓', '复制为 PyTorch 代码'],
    ] as const) {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await openIn(context, path);
      // Shown once the page's script has wired it (hidden without JavaScript).
      await page.waitForSelector('#copy-pytorch [data-copy-button]', { state: 'visible', timeout: 10_000 });
      expect(await page.textContent('#copy-pytorch [data-copy-button]')).toBe(label);
      await page.click('#copy-pytorch [data-copy-button]');
      await page.waitForFunction((c) => document.querySelector('#copy-pytorch [data-copy-button]')?.textContent === c, copied, { timeout: 15_000 });
      const code = await clipboardText(page);
      expectPytorchFile(code, 'googlenet-mini');
      expect(code).toContain('from googlenet-mini');
      if (path.startsWith('/zh/')) expect(await page.textContent('#copy-pytorch [data-copy-status]')).toMatch(/^已把 PyTorch 代码（\d+ 行）复制到剪贴板。$/);
      await context.close();
    }
  });

  it('where the clipboard is refused: the code selected in a read-only text area, and a download of <id>.py', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // A browser that refuses both ways of writing (no permission, an insecure page).
    await context.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(navigator.clipboard, 'write', { value: refuse });
      Object.defineProperty(navigator.clipboard, 'writeText', { value: refuse });
    });
    const page = await openIn(context, '/models/lenet5/index.html');
    await page.click('#copy-pytorch [data-copy-button]');
    await page.waitForSelector('#copy-pytorch [data-copy-fallback]:not([hidden])', { timeout: 15_000 });
    expect(await page.textContent('#copy-pytorch [data-copy-status]')).toContain('did not allow copying');
    const shown = await page.$eval('#copy-pytorch [data-copy-text]', (a) => {
      const t = a as HTMLTextAreaElement;
      return { value: t.value, readOnly: t.readOnly, selected: t.value.slice(t.selectionStart, t.selectionEnd), focused: document.activeElement === t };
    });
    expectPytorchFile(shown.value, 'lenet5');
    expect(shown.readOnly).toBe(true);
    expect(shown.selected).toBe(shown.value);
    expect(shown.focused).toBe(true);
    const link = page.locator('#copy-pytorch [data-copy-download]');
    expect(await link.getAttribute('download')).toBe('lenet5.py');
    expect(await link.textContent()).toBe('Download lenet5.py');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('lenet5.py');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(shown.value);
  });

  it('a network PyTorch cannot hold, or a text with errors: a message saying why, nothing copied', async () => {
    const page = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate(() => navigator.clipboard.writeText('untouched'));
    // "training" is an attribute of every nn.Module: no module can have that name.
    await setEditorText(page, LENET.replace('"path":"net.1"', '"path":"net.training"'));
    await settled(page, `document.querySelector('#pg-totals')?.textContent?.includes('No problems')`);
    await page.click('#pg-pytorch [data-copy-button]');
    await page.waitForFunction(() => !!document.querySelector('#pg-pytorch .copy-refused'), undefined, { timeout: 10_000 });
    expect(await page.textContent('#pg-pytorch [data-copy-status]')).toBe('Cannot be written as PyTorch: net.training Tanh: "training" is an attribute of every nn.Module, so PyTorch cannot hold a module under that name. Fix: rename it (e.g. "training_").');
    expect(await page.isVisible('#pg-pytorch [data-copy-fallback]')).toBe(false);
    // A channel mismatch: PyTorch would fail where the analysis does.
    await setEditorText(page, LENET.replace('"in_channels":6', '"in_channels":7'));
    await page.click('#pg-pytorch [data-copy-button]');
    await page.waitForFunction(() => document.querySelector('#pg-pytorch [data-copy-status]')?.textContent?.startsWith('Not exported: the network has errors'), undefined, { timeout: 10_000 });
    expect(await page.textContent('#pg-pytorch [data-copy-status]')).toContain('net.3 Conv2d: expects 7 input channels, receives 6');
    // Text that is not a network yet.
    await setEditorText(page, '{"name":');
    await page.click('#pg-pytorch [data-copy-button]');
    await page.waitForFunction(() => document.querySelector('#pg-pytorch [data-copy-status]')?.textContent?.startsWith('Not exported: the text does not describe a network yet (line 1)'), undefined, { timeout: 10_000 });
    expect(await clipboardText(page)).toBe('untouched');
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
