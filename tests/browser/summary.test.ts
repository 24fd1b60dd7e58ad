/**
 * <cnn-summary> on a large network (torchvision-resnet152, 515 layers) in real
 * headless Chromium, from a plain HTML page that loads only dist/cnn-graph.js.
 * The table is windowed: these tests read it the way a reader does, by
 * scrolling, and check that the whole table is there with the analysis's
 * numbers (run here in Node), that sorting orders every row, that a selection
 * in the graph reaches a row that was not rendered, and that the keyboard and
 * the ARIA row counts cover every row.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type LayerRecord } from '../../src/analysis/analyze.js';
import { zooGraph } from '../../src/zoo/index.js';
import { fmtInt, fmtShape, fmtShare } from '../../src/render/format.js';
import { buildUi, launchChromium, page as htmlPage, serve, type StaticServer } from './chromium.js';

const MODEL = 'torchvision-resnet152';
const a = analyze(zooGraph(MODEL)!);
const N = a.layers.length;

/** The row a reader should see for a layer, straight from the analysis. */
const expected = (r: LayerRecord) => [r.path, r.label, fmtShape(r.outputShape), fmtInt(r.params), fmtInt(r.macs), fmtShare(r.macs, r.aux ? a.totals.auxMacs : a.totals.macs)];

const PAGE = htmlPage(
  `<cnn-graph id="g" model="${MODEL}" style="--cnn-height:300px;width:1000px"></cnn-graph><cnn-summary id="s" for="g"></cnn-summary>`,
  `<script type="module">
  const g = document.getElementById('g');
  window.__drawn = new Promise((ok) => g.addEventListener('cnn-layout', ok, { once: true }));
  window.__events = [];
  document.addEventListener('cnn-select', (e) => window.__events.push(JSON.parse(JSON.stringify(e.detail))));
  // Two animation frames: the scroll event of the first runs the window update painted in the second.
  window.__frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  window.__rows = () => [...document.getElementById('s').shadowRoot.querySelectorAll('tbody tr[data-path]')].map((tr) => ({
    path: tr.dataset.path,
    index: Number(tr.getAttribute('aria-rowindex')),
    cells: [...tr.children].map((c) => c.textContent.trim()),
    selected: tr.getAttribute('aria-selected'),
  }));
  // Scroll the table's box from top to bottom a screen at a time; every row seen, by its aria-rowindex.
  window.__readAll = async () => {
    const s = document.getElementById('s');
    const seen = new Map();
    s.scrollTop = 0;
    await window.__frames();
    for (;;) {
      for (const r of window.__rows()) seen.set(r.index, r);
      if (s.scrollTop + s.clientHeight >= s.scrollHeight - 1) break;
      s.scrollTop += s.clientHeight;
      await window.__frames();
    }
    s.scrollTop = 0;
    await window.__frames();
    return [...seen.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]);
  };
  /** Is the row for this path in the DOM and inside the table's visible box, below the sticky header? */
  window.__onScreen = (path) => {
    const s = document.getElementById('s');
    const tr = [...s.shadowRoot.querySelectorAll('tbody tr[data-path]')].find((t) => t.dataset.path === path);
    if (!tr) return 'not in the DOM';
    const r = tr.getBoundingClientRect();
    const box = s.getBoundingClientRect();
    const head = s.shadowRoot.querySelector('thead').getBoundingClientRect().bottom;
    return r.top >= head - 1 && r.bottom <= box.bottom + 1 ? 'visible' : 'in the DOM, off screen (' + r.top + '..' + r.bottom + ' in ' + head + '..' + box.bottom + ')';
  };
</script>`,
);

interface SeenRow {
  path: string;
  index: number;
  cells: string[];
  selected: string | null;
}

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const readAll = () => page.evaluate(() => (window as unknown as { __readAll(): Promise<SeenRow[]> }).__readAll());
const rendered = () => page.evaluate(() => (window as unknown as { __rows(): SeenRow[] }).__rows());
const onScreen = (path: string) => page.evaluate((p) => (window as unknown as { __onScreen(p: string): string }).__onScreen(p), path);
const frames = () => page.evaluate(() => (window as unknown as { __frames(): Promise<void> }).__frames());
const focusedPath = () => page.evaluate(() => (document.getElementById('s')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.path ?? null);
const clickHeader = (c: string) => page.evaluate((col) => (document.getElementById('s')!.shadowRoot!.querySelector(`button[data-column="${col}"]`) as HTMLButtonElement).click(), c);
const setSort = (by: string | null) =>
  page.evaluate(async (b) => {
    const s = document.getElementById('s') as HTMLElement & { sortBy: string | null; updateComplete: Promise<unknown> };
    s.sortBy = b;
    await s.updateComplete;
  }, by);

beforeAll(async () => {
  // Always test the bundle of the current sources.
  await buildUi();
  server = await serve({ '/index.html': PAGE, '/favicon.ico': '' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/index.html`);
  await page.evaluate(() => (window as unknown as { __drawn: Promise<unknown> }).__drawn);
  await frames();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`<cnn-summary> on ${MODEL}`, { timeout: 60_000 }, () => {
  it('renders a window of rows first, and the ARIA row count and indices describe the whole table', async () => {
    const first = await rendered();
    // Windowed: far fewer rows than layers in the DOM, starting at the first layer.
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(N / 4);
    expect(first.map((r) => r.path)).toEqual(a.layers.slice(0, first.length).map((l) => l.path));
    expect(first.map((r) => r.index)).toEqual(first.map((_, i) => i + 2));
    const aria = await page.evaluate(() => {
      const root = document.getElementById('s')!.shadowRoot!;
      return {
        rowcount: root.querySelector('table')!.getAttribute('aria-rowcount'),
        head: root.querySelector('thead tr')!.getAttribute('aria-rowindex'),
        foot: root.querySelector('tfoot tr')!.getAttribute('aria-rowindex'),
        // Spacer and sizing rows are hidden from assistive technology; the body holds only them and the layers.
        hidden: [...root.querySelectorAll('tr.spacer, tr.sizer')].map((tr) => `${tr.className} ${tr.getAttribute('aria-hidden')}`),
        other: [...root.querySelectorAll('tbody tr:not([data-path]):not(.spacer)')].length,
      };
    });
    expect(aria).toEqual({ rowcount: String(N + 2), head: '1', foot: String(N + 2), hidden: ['sizer true', 'sizer true', 'sizer true', 'spacer true'], other: 0 });
  });

  it('the accessibility tree holds the header, the rendered rows (no spacer or sizing rows) and the total; the selected row says so', async () => {
    const middle = a.layers[Math.floor(N / 3)].path;
    await page.evaluate((p) => (document.getElementById('g') as HTMLElement & { select(p: string, t: string): void }).select(p, 'layer'), middle);
    await frames();
    const cdp = await page.context().newCDPSession(page);
    const table = (await cdp.send('Runtime.evaluate', { expression: "document.getElementById('s').shadowRoot.querySelector('table')" })) as { result: { objectId: string } };
    type AX = { role?: { value: string }; ignored: boolean; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] };
    const grid = ((await cdp.send('Accessibility.getPartialAXTree', { objectId: table.result.objectId, fetchRelatives: false })) as { nodes: AX[] }).nodes[0];
    expect(grid.role?.value).toBe('grid');
    const { nodes } = (await cdp.send('Accessibility.queryAXTree', { objectId: table.result.objectId, role: 'row' })) as { nodes: AX[] };
    const rows = nodes.filter((n) => !n.ignored);
    const shown = await rendered();
    expect(rows.length).toBe(shown.length + 2);
    const selected = rows.filter((r) => r.properties?.some((p) => p.name === 'selected' && p.value.value === true));
    expect(selected.map((r) => r.name?.value.split(' ')[0])).toEqual([middle]);
    await cdp.detach();
  });

  it('scrolling shows every layer once, in execution order, with the analysis numbers; the columns keep their widths', async () => {
    const widths = () => page.evaluate(() => [...document.getElementById('s')!.shadowRoot!.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width));
    const before = await widths();
    const all = await readAll();
    expect(all.map((r) => r.index)).toEqual(a.layers.map((_, i) => i + 2));
    expect(all.map((r) => r.cells)).toEqual(a.layers.map(expected));
    // Scrolled to the end: the last layers are on screen, the columns as wide as at the top.
    await page.evaluate(() => {
      const s = document.getElementById('s')!;
      s.scrollTop = s.scrollHeight;
    });
    await frames();
    for (const l of a.layers.slice(-3)) expect(await onScreen(l.path), l.path).toBe('visible');
    expect(await widths()).toEqual(before);
    expect(await page.evaluate(() => document.getElementById('s')!.shadowRoot!.querySelector('tfoot td:nth-child(2)')!.textContent)).toBe(fmtInt(a.totals.params));
  });

  it('sorting orders every row, including the ones not rendered at first', async () => {
    const byParams = a.layers.map((r, i) => ({ r, i })).sort((x, y) => y.r.params - x.r.params || x.i - y.i).map((x) => x.r.path);
    await clickHeader('params');
    expect((await readAll()).map((r) => r.path)).toEqual(byParams);
    await clickHeader('params');
    const ascending = a.layers.map((r, i) => ({ r, i })).sort((x, y) => x.r.params - y.r.params || x.i - y.i).map((x) => x.r.path);
    expect((await readAll()).map((r) => r.path)).toEqual(ascending);
    await clickHeader('kind');
    const byKind = a.layers.map((r, i) => ({ r, i })).sort((x, y) => (x.r.kind < y.r.kind ? -1 : x.r.kind > y.r.kind ? 1 : x.i - y.i)).map((x) => x.r.path);
    const all = await readAll();
    expect(all.map((r) => r.path)).toEqual(byKind);
    expect(all.map((r) => r.index)).toEqual(byKind.map((_, i) => i + 2));
    await setSort(null);
  });

  it('a selection in the graph reaches a row that was not rendered: it is scrolled into view and marked', async () => {
    await page.evaluate(() => (document.getElementById('s')!.scrollTop = 0));
    await frames();
    const target = a.layers[N - 1].path;
    const middle = a.layers[Math.floor(N / 2)].path;
    expect(await onScreen(target)).toBe('not in the DOM');
    await page.evaluate((p) => (document.getElementById('g') as HTMLElement & { select(p: string, t: string): void }).select(p, 'layer'), target);
    await frames();
    expect(await onScreen(target)).toBe('visible');
    expect((await rendered()).filter((r) => r.selected === 'true').map((r) => r.path)).toEqual([target]);
    // Back up to the middle of the network: from below this time.
    await page.evaluate((p) => (document.getElementById('g') as HTMLElement & { select(p: string, t: string): void }).select(p, 'layer'), middle);
    await frames();
    expect(await onScreen(middle)).toBe('visible');
    expect((await rendered()).filter((r) => r.selected === 'true').map((r) => r.path)).toEqual([middle]);
    // Scrolled away, the same selection made again brings the row back.
    await page.evaluate(() => (document.getElementById('s')!.scrollTop = 0));
    await frames();
    expect(await onScreen(middle)).toBe('not in the DOM');
    await page.evaluate((p) => (document.getElementById('g') as HTMLElement & { select(p: string, t: string): void }).select(p, 'layer'), middle);
    await frames();
    expect(await onScreen(middle)).toBe('visible');
  });

  it('a click on a row selects the layer in the graph, with the analysis record', async () => {
    const layer = a.layers[Math.floor(N / 2) + 2];
    await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events.splice(0));
    await page.evaluate((p) => [...document.getElementById('s')!.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-path]')].find((t) => t.dataset.path === p)!.click(), layer.path);
    expect(await page.evaluate(() => document.getElementById('g')!.getAttribute('selected'))).toBe(layer.path);
    const events = await page.evaluate(() => (window as unknown as { __events: { path: string; record: { params: number; macs: number } }[] }).__events);
    expect(events.at(-1)).toMatchObject({ path: layer.path, record: { params: layer.params, macs: layer.macs } });
  });

  it('the keyboard reaches every row: Tab into the rows, End, Home, arrows, Page Down, Enter', async () => {
    await page.evaluate(() => (document.getElementById('s')!.scrollTop = 0));
    await frames();
    // Tab from the last column header lands on one row (the table keeps a single row in the Tab order).
    await page.evaluate(() => (document.getElementById('s')!.shadowRoot!.querySelector('button[data-column="share"]') as HTMLButtonElement).focus());
    await page.keyboard.press('Tab');
    const entered = await focusedPath();
    expect(entered).not.toBeNull();
    await page.keyboard.press('End');
    await frames();
    expect(await focusedPath()).toBe(a.layers[N - 1].path);
    expect(await onScreen(a.layers[N - 1].path)).toBe('visible');
    await page.keyboard.press('Home');
    await frames();
    expect(await focusedPath()).toBe(a.layers[0].path);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await frames();
    expect(await focusedPath()).toBe(a.layers[2].path);
    await page.keyboard.press('ArrowUp');
    await frames();
    expect(await focusedPath()).toBe(a.layers[1].path);
    // Page Down moves by a screen of rows, past the rows rendered at first, and stays on screen.
    for (let k = 0; k < 4; k++) await page.keyboard.press('PageDown');
    await frames();
    const down = await focusedPath();
    const at = a.layers.findIndex((l) => l.path === down);
    expect(at).toBeGreaterThan(60);
    expect(await onScreen(down!)).toBe('visible');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.getElementById('g')!.getAttribute('selected'))).toBe(down);
    // Holding ArrowDown through the window's edge keeps the focus on a row, never on the page.
    for (let k = 0; k < 60; k++) await page.keyboard.press('ArrowDown');
    await frames();
    expect(await focusedPath()).toBe(a.layers[at + 60].path);
    expect(await onScreen(a.layers[at + 60].path)).toBe('visible');
  });

  it('a new layout of the same network (expand all) leaves the table where the reader scrolled it', async () => {
    await page.evaluate((p) => (document.getElementById('g') as HTMLElement & { select(p: string, t: string): void }).select(p, 'layer'), a.layers[N - 1].path);
    await page.evaluate(() => (document.getElementById('s')!.scrollTop = 1000));
    await frames();
    const before = await page.evaluate(() => document.getElementById('s')!.scrollTop);
    await page.evaluate(
      () =>
        new Promise((ok) => {
          const g = document.getElementById('g')!;
          g.addEventListener('cnn-layout', ok, { once: true });
          g.setAttribute('expand', 'all');
        }),
    );
    await frames();
    expect(await page.evaluate(() => document.getElementById('s')!.scrollTop)).toBe(before);
  });

  it('when the page scrolls instead of the table (--cnn-summary-height: none), the window follows the page', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const errors: string[] = [];
    p2.on('pageerror', (e) => errors.push(e.message));
    server.set(
      '/page-scroll.html',
      htmlPage(
        `<cnn-graph id="g" model="${MODEL}" style="--cnn-height:300px;width:1000px"></cnn-graph><cnn-summary id="s" for="g" style="--cnn-summary-height:none"></cnn-summary>`,
        `<script type="module">window.__drawn = new Promise((ok) => document.getElementById('g').addEventListener('cnn-layout', ok, { once: true }));</script>`,
      ),
    );
    await p2.goto(`${server.url}/page-scroll.html`);
    await p2.evaluate(() => (window as unknown as { __drawn: Promise<unknown> }).__drawn);
    const state = () =>
      p2.evaluate(async () => {
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const s = document.getElementById('s')!;
        const rows = [...s.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-path]')];
        const seen = rows.filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > 0 && b.top < innerHeight;
        });
        return { scrolls: s.scrollHeight > s.clientHeight + 1, rendered: rows.length, seen: seen.map((r) => r.dataset.path) };
      });
    const top = await state();
    expect(top.scrolls).toBe(false);
    expect(top.rendered).toBeLessThan(N / 4);
    // Halfway down the page, then at the bottom: the rows in the viewport are there, in order.
    for (const f of [0.5, 1]) {
      await p2.evaluate((x) => window.scrollTo(0, x * (document.documentElement.scrollHeight - innerHeight)), f);
      const st = await state();
      expect(st.seen.length).toBeGreaterThan(10);
      const i = a.layers.findIndex((l) => l.path === st.seen[0]);
      expect(st.seen).toEqual(a.layers.slice(i, i + st.seen.length).map((l) => l.path));
      if (f === 1) expect(st.seen.at(-1)).toBe(a.layers[N - 1].path);
      else expect(i).toBeGreaterThan(N / 4);
    }
    expect(errors).toEqual([]);
    await p2.close();
  });

  it('the headers follow the page language (zh / en) on the windowed table', async () => {
    const headers = () =>
      page.evaluate(async () => {
        const s = document.getElementById('s') as HTMLElement & { updateComplete: Promise<unknown> };
        await s.updateComplete;
        return [...s.shadowRoot!.querySelectorAll('thead th button')].map((b) => b.textContent!.trim());
      });
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
    expect(await headers()).toEqual(['层', '类型', '输出形状', '参数量', 'MACs', 'MACs 占比']);
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    expect(await headers()).toEqual(['Layer', 'Type', 'Output shape', 'Parameters', 'MACs', 'Share of MACs']);
    expect(pageErrors).toEqual([]);
  });
});
