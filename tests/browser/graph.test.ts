/**
 * <cnn-graph> in real headless Chromium, from a plain HTML page that loads
 * only dist/cnn-graph.js. Every zoo network is drawn collapsed and expanded in
 * one page (sequential model swaps) and checked against the analysis run here
 * in Node: node counts, edge labels, overlaps, toggling, selection, keyboard,
 * toSVG(). Then bad input, markup in names, the worker fallback and <cnn-summary>.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analysis/analyze.js';
import { stringifyNetwork } from '../../src/graph/json.js';
import { INPUT } from '../../src/graph/types.js';
import { ZOO, zooGraph } from '../../src/zoo/index.js';
import { fmtShape } from '../../src/render/format.js';
import { nearestInDirection } from '../../src/render/navigate.js';
import { precomputeLayouts } from '../../src/render/pipeline.js';
import { markupGraph, mismatchGraph } from '../ui/helpers.js';
import { buildUi, launchChromium, page as htmlPage, ROOT, serve, type StaticServer } from './chromium.js';

interface Drawn {
  event: 'layout' | 'error';
  detail: { message?: string; source?: string; nodes?: number };
  nodes: { id: string; type: string; path: string; x: number; y: number; w: number; h: number }[];
  edges: { source: string; producer: string; shape: string; label: string | null; title: string | null }[];
  message: string;
}

/** Boxes drawn when all is collapsed, straight from the analysis. */
function collapsedCount(a: Analysis): number {
  const mods = a.modules.filter((m) => m.layers.length < a.layers.length);
  const outer = mods.filter((m) => !mods.some((o) => o !== m && m.path.startsWith(o.path + '.')));
  const inside = new Set(outer.flatMap((m) => m.layers));
  return outer.length + a.layers.filter((l) => !inside.has(l.path)).length;
}

function overlaps(nodes: Drawn['nodes']): string[] {
  const bad: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) bad.push(`${a.id} × ${b.id}`);
    }
  return bad;
}

const PAGE = htmlPage(
  `<cnn-graph id="g" style="--cnn-height:600px;width:1000px"></cnn-graph><cnn-summary id="s" for="g"></cnn-summary>`,
  `<script type="module">
  // Set attributes on the graph, wait for its next cnn-layout or cnn-error, and read what is on screen.
  window.__draw = (attrs, prop) => new Promise((resolve) => {
    const g = document.getElementById('g');
    const done = (event) => (e) => {
      g.removeEventListener('cnn-layout', onLayout);
      g.removeEventListener('cnn-error', onError);
      requestAnimationFrame(() => {
        const root = g.shadowRoot;
        const nodes = [...root.querySelectorAll('.cnn-node')].map((n) => {
          const r = n.querySelector('rect.cnn-box');
          return { id: n.dataset.id, type: n.dataset.type, path: n.dataset.path, x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') };
        });
        const labels = new Map([...root.querySelectorAll('.cnn-edge-label')].map((l) => [l.dataset.edge, l.textContent.trim()]));
        const edges = [...root.querySelectorAll('.cnn-edge')].map((e) => ({ source: e.dataset.source, producer: e.dataset.producer, shape: e.dataset.shape, label: labels.get(e.dataset.id) ?? null, title: e.querySelector('title')?.textContent ?? null }));
        resolve({ event, detail: e.detail, nodes, edges, message: root.querySelector('.message')?.textContent.trim() ?? '' });
      });
    };
    const onLayout = done('layout');
    const onError = (e) => { if (e.detail.stage !== 'analysis') done('error')(e); };
    g.addEventListener('cnn-layout', onLayout);
    g.addEventListener('cnn-error', onError);
    if (prop) g.graph = prop;
    for (const [k, v] of Object.entries(attrs)) v === null ? g.removeAttribute(k) : g.setAttribute(k, v);
  });
  window.__events = [];
  for (const t of ['cnn-select', 'cnn-toggle', 'cnn-layout', 'cnn-error']) document.addEventListener(t, (e) => window.__events.push({ type: t, detail: JSON.parse(JSON.stringify(e.detail)) }));
</script>`,
);

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  // Always test the bundle of the current sources.
  await buildUi();
  server = await serve({ '/index.html': PAGE, '/favicon.ico': '' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // A layer name that ran as markup would call alert(): record it as a failure.
  page.on('dialog', (d) => {
    pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => customElements.get('cnn-graph') !== undefined);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const draw = (attrs: Record<string, string | null>, prop?: unknown): Promise<Drawn> =>
  page.evaluate(([a, p]) => (window as unknown as { __draw(a: unknown, p: unknown): Promise<Drawn> }).__draw(a, p), [attrs, prop ?? null] as const);

const events = () => page.evaluate(() => (window as unknown as { __events: { type: string; detail: Record<string, unknown> }[] }).__events.splice(0));

/**
 * Every edge's shape and title are the analysed shape of its tensor; each
 * tensor (source box and producing layer) is labelled exactly once, on its
 * first edge, with that shape.
 */
function checkEdges(id: string, d: Drawn, a: Analysis) {
  const byPath = new Map(a.layers.map((l) => [l.path, l]));
  const labelled = new Set<string>();
  for (const e of d.edges) {
    const want = fmtShape(e.producer === INPUT ? a.input : (byPath.get(e.producer)?.outputShape ?? null));
    expect(e.shape, `${id}: edge from ${e.producer}`).toBe(want);
    expect(e.title?.startsWith(`${want}: ${e.producer} → `), `${id}: title of edge from ${e.producer}`).toBe(true);
    const tensor = `${e.source} ${e.producer}`;
    expect(e.label, `${id}: label of edge from ${e.producer}`).toBe(labelled.has(tensor) ? null : want);
    labelled.add(tensor);
  }
}

type NavBox = { id: string; x: number; y: number; width: number; height: number };
const HEADINGS = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const;

/**
 * Arrow presses that visit every box from the first, planned on the scene the
 * page laid out with the pure navigation function: from where the focus is,
 * the shortest run of presses to the nearest box not yet visited, repeated.
 * Returns the keys and the box each press must land on.
 */
function planVisit(boxes: NavBox[]): { keys: (keyof typeof HEADINGS)[]; expect: string[] } | null {
  const keys: (keyof typeof HEADINGS)[] = [];
  const expect: string[] = [];
  const seen = new Set([boxes[0].id]);
  let at = boxes[0].id;
  while (seen.size < boxes.length) {
    const prev = new Map<string, [string, keyof typeof HEADINGS]>();
    const queue = [at];
    let goal: string | null = null;
    while (queue.length && !goal) {
      const id = queue.shift() as string;
      for (const k of Object.keys(HEADINGS) as (keyof typeof HEADINGS)[]) {
        const n = nearestInDirection(boxes, id, HEADINGS[k]);
        if (!n || n === at || prev.has(n)) continue;
        prev.set(n, [id, k]);
        if (!seen.has(n)) {
          goal = n;
          break;
        }
        queue.push(n);
      }
    }
    if (!goal) return null;
    const path: [string, keyof typeof HEADINGS][] = [];
    for (let n = goal; n !== at; n = (prev.get(n) as [string, string])[0]) path.unshift([n, (prev.get(n) as [string, keyof typeof HEADINGS])[1]]);
    for (const [n, k] of path) {
      keys.push(k);
      expect.push(n);
      seen.add(n);
    }
    at = goal;
  }
  return { keys, expect };
}

async function keyboardReachesAll(d: Drawn) {
  // Tab into the graph, Home to the input, then arrows: every box must take the focus, each press landing where the eye would go.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
  });
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => (document.getElementById('g')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id ?? null);
  await page.keyboard.press('End');
  expect(await focused()).toBe(d.nodes[d.nodes.length - 1].id);
  await page.keyboard.press('Home');
  expect(await focused()).toBe(d.nodes[0].id);
  const boxes = d.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, width: n.w, height: n.h }));
  const plan = planVisit(boxes);
  expect(plan, 'every box is reachable with the arrow keys').not.toBeNull();
  const seen = [d.nodes[0].id];
  for (const k of plan!.keys) {
    await page.keyboard.press(k);
    seen.push((await focused()) as string);
  }
  expect(seen.slice(1)).toEqual(plan!.expect);
  expect(new Set(seen)).toEqual(new Set(d.nodes.map((n) => n.id)));
}

describe('every zoo network in Chromium', { timeout: 600_000 }, () => {
  for (const { id } of ZOO) {
    it(id, async () => {
      const graph = zooGraph(id)!;
      const a = analyze(graph);
      const outputs = 1 + graph.aux.length;

      // Collapsed.
      const none = await draw({ model: id, expand: 'none' });
      expect(none.event, none.detail.message).toBe('layout');
      const boxes = none.nodes.filter((n) => n.type === 'layer' || n.type === 'module');
      expect(boxes).toHaveLength(collapsedCount(a));
      expect(none.nodes).toHaveLength(boxes.length + 1 + outputs);
      expect(overlaps(none.nodes)).toEqual([]);
      checkEdges(id, none, a);
      await keyboardReachesAll(none);

      // Expanding one module by clicking it replaces the box by its children; clicking its frame title folds it back.
      const mod = none.nodes.find((n) => n.type === 'module');
      if (mod) {
        const rec = a.modules.find((m) => m.path === mod.path)!;
        await events();
        const opened = page.evaluate(() => new Promise((ok) => document.getElementById('g')!.addEventListener('cnn-layout', ok, { once: true })));
        await page.evaluate((mid) => (document.getElementById('g')!.shadowRoot!.querySelector(`.cnn-node[data-id="${mid}"]`) as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })), mod.id);
        await opened;
        const after = await page.evaluate(() => document.getElementById('g')!.shadowRoot!.querySelectorAll('.cnn-node').length);
        expect(after).toBe(none.nodes.length - 1 + rec.children.length);
        const ev = await events();
        expect(ev.find((e) => e.type === 'cnn-toggle')?.detail).toMatchObject({ path: mod.path, expanded: true });
        expect(ev.find((e) => e.type === 'cnn-select')?.detail).toMatchObject({ path: mod.path, type: 'module', record: { path: mod.path, params: rec.params } });
        const closed = page.evaluate(() => new Promise((ok) => document.getElementById('g')!.addEventListener('cnn-layout', ok, { once: true })));
        await page.evaluate((p) => (document.getElementById('g')!.shadowRoot!.querySelector(`.cnn-frame-title[data-path="${p}"]`) as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })), mod.path);
        await closed;
        expect(await page.evaluate(() => document.getElementById('g')!.shadowRoot!.querySelectorAll('.cnn-node').length)).toBe(none.nodes.length);
        expect((await events()).find((e) => e.type === 'cnn-toggle')?.detail).toMatchObject({ path: mod.path, expanded: false });
      }

      // Fully expanded.
      const all = await draw({ expand: 'all' });
      expect(all.event).toBe('layout');
      expect(all.nodes.filter((n) => n.type === 'layer')).toHaveLength(a.layers.length);
      expect(all.nodes.filter((n) => n.type === 'module')).toHaveLength(0);
      expect(overlaps(all.nodes)).toEqual([]);
      checkEdges(id, all, a);
      if (all.nodes.length <= 80) await keyboardReachesAll(all);

      // Clicking a layer selects it and reports its record.
      const layer = a.layers[Math.floor(a.layers.length / 2)];
      await events();
      await page.evaluate((p) => (document.getElementById('g')!.shadowRoot!.querySelector(`.cnn-node[data-path="${p}"]`) as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })), layer.path);
      const sel = (await events()).find((e) => e.type === 'cnn-select');
      expect(sel?.detail).toMatchObject({ path: layer.path, type: 'layer', record: { path: layer.path, kind: layer.kind, params: layer.params, macs: layer.macs, outputShape: layer.outputShape } });

      // toSVG() is a well-formed SVG document with the same nodes.
      const svg = await page.evaluate(() => {
        const text = (document.getElementById('g') as unknown as { toSVG(): string }).toSVG();
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, nodes: doc.querySelectorAll('.cnn-node').length };
      });
      expect(svg).toEqual({ error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg', nodes: all.nodes.length });
    });
  }

  it('no uncaught exceptions or console errors while drawing the zoo', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('bad input shows a readable message and fires cnn-error', { timeout: 120_000 }, () => {
  beforeAll(() => {
    server.set('/bad.json', '{"name": "oops", "layers": [', 'application/json');
    server.set('/mismatch.json', stringifyNetwork(mismatchGraph()), 'application/json');
    server.set('/markup.json', stringifyNetwork(markupGraph()), 'application/json');
  });

  it('unknown model id', async () => {
    const d = await draw({ model: 'lenet6', src: null, expand: 'auto' });
    expect(d.event).toBe('error');
    expect(d.message).toContain('Unknown model "lenet6"');
    expect(d.message).toContain('lenet5');
    expect(d.nodes).toHaveLength(0);
  });

  it('unreachable src', async () => {
    const d = await draw({ model: null, src: 'http://127.0.0.1:9/network.json' });
    expect(d.event).toBe('error');
    expect(d.message).toMatch(/Could not load the network "http:\/\/127\.0\.0\.1:9\/network\.json"/);
  });

  it('missing src (404)', async () => {
    const d = await draw({ src: '/nope.json' });
    expect(d.event).toBe('error');
    expect(d.message).toContain('404');
  });

  it('malformed JSON', async () => {
    const d = await draw({ src: '/bad.json' });
    expect(d.event).toBe('error');
    expect(d.message).toMatch(/not a valid network/);
    expect(d.message.length).toBeGreaterThan(40);
  });

  it('channel mismatch: drawn up to the failure, the failing node marked with its diagnostic', async () => {
    await events();
    const d = await draw({ src: '/mismatch.json', expand: 'all' });
    expect(d.event).toBe('layout');
    expect(d.message).toContain('features.2 Conv2d: expects 8 input channels, receives 6');
    const err = (await events()).find((e) => e.type === 'cnn-error');
    expect(err?.detail).toMatchObject({ stage: 'analysis' });
    expect(String(err?.detail.message)).toContain('features.2 Conv2d');
    const marked = await page.evaluate(() => {
      const n = document.getElementById('g')!.shadowRoot!.querySelector('.cnn-node[data-path="features.2"]') as SVGGElement;
      return { status: n.dataset.status, text: n.textContent };
    });
    expect(marked.status).toBe('error');
    expect(marked.text).toContain('expects 8 input channels');
  });

  it('a malformed graph property: a message naming the field, or the network drawn without the broken parts', async () => {
    const notANetwork = await draw({ src: null }, 42);
    expect(notANetwork.event).toBe('error');
    expect(notANetwork.message).toContain('The graph property is not a network');
    // Modules of the wrong shape and a layer with a null kernel size: drawn, the problems listed.
    const g = JSON.parse(stringifyNetwork(mismatchGraph())) as Record<string, unknown>;
    g.modules = [5, { path: 7 }];
    (g.layers as Record<string, unknown>[])[0]!.kernel_size = null;
    const d = await draw({ src: null }, g);
    expect(d.event).toBe('layout');
    expect(d.message).toContain('modules[0]');
    expect(d.message).toContain('kernel_size');
    await page.evaluate(() => ((document.getElementById('g') as unknown as { graph: unknown }).graph = null));
  });

  it('names with markup are drawn as text, never run', async () => {
    await page.evaluate(() => ((window as unknown as { __pwned: number }).__pwned = 0));
    const d = await draw({ src: '/markup.json', expand: 'all' });
    expect(d.event).toBe('layout');
    const r = await page.evaluate(() => {
      const root = document.getElementById('g')!.shadowRoot!;
      return { imgs: root.querySelectorAll('img, b, script').length, text: root.querySelector('.cnn-node[data-type="layer"]')?.textContent ?? '', pwned: (window as unknown as { __pwned: number }).__pwned };
    });
    expect(r.imgs).toBe(0);
    expect(r.text).toContain('<img src=x onerror=alert(1)>');
    expect(r.pwned).toBe(0);
    // The same through the graph property.
    const p = await draw({ src: null }, markupGraph());
    expect(p.event).toBe('layout');
    expect(await page.evaluate(() => document.getElementById('g')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    await page.evaluate(() => ((document.getElementById('g') as unknown as { graph: unknown }).graph = null));
  });

  it('no uncaught exceptions; console errors only from the failed requests', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors.filter((m) => !/Failed to load resource/.test(m))).toEqual([]);
  });
});

describe('worker fallback and <cnn-summary>', { timeout: 120_000 }, () => {
  it('lays out on the main thread when the worker cannot load', async () => {
    const p2 = await browser.newPage();
    const errors: string[] = [];
    p2.on('pageerror', (e) => errors.push(e.message));
    server.set(
      '/fallback.html',
      htmlPage(
        `<cnn-graph id="g" model="resnet-mini" expand="all" engine="elk"></cnn-graph>`,
        `<script type="module">import { setWorkerUrl } from '/dist/cnn-graph.js'; setWorkerUrl('/dist/missing-worker.js');
        document.getElementById('g').addEventListener('cnn-layout', (e) => (window.__layout = e.detail));</script>`,
      ),
    );
    await p2.goto(`${server.url}/fallback.html`);
    const detail = (await p2.waitForFunction(() => (window as unknown as { __layout?: unknown }).__layout, undefined, { timeout: 60_000 })).jsonValue();
    expect(await detail).toMatchObject({ source: 'main', nodes: analyze(zooGraph('resnet-mini')!).layers.length + 2 });
    expect(errors).toEqual([]);
    await p2.close();
  });

  it('sorts by column and shares the selection with the graph', async () => {
    const a = analyze(zooGraph('lenet5')!);
    await draw({ src: null, model: 'lenet5', expand: 'all' });
    const rows = () => page.evaluate(() => [...document.getElementById('s')!.shadowRoot!.querySelectorAll('tbody tr')].map((r) => (r as HTMLElement).dataset.path));
    expect(await rows()).toEqual(a.layers.map((l) => l.path));
    await page.evaluate(() => (document.getElementById('s')!.shadowRoot!.querySelector('button[data-column="params"]') as HTMLButtonElement).click());
    const byParams = [...a.layers].sort((x, y) => y.params - x.params);
    expect((await rows())[0]).toBe(byParams[0].path);
    expect(await page.evaluate(() => document.getElementById('s')!.shadowRoot!.querySelector('th[aria-sort="descending"]') !== null)).toBe(true);
    await events();
    await page.evaluate(() => (document.getElementById('s')!.shadowRoot!.querySelector('tr[data-path="net.3"]') as HTMLElement).click());
    expect(await page.evaluate(() => document.getElementById('g')!.getAttribute('selected'))).toBe('net.3');
    expect((await events()).find((e) => e.type === 'cnn-select')?.detail).toMatchObject({ path: 'net.3', record: { params: 2416 } });
    // And back: a click in the graph marks the row.
    await page.evaluate(() => (document.getElementById('g')!.shadowRoot!.querySelector('.cnn-node[data-path="net.9"]') as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    await page.waitForFunction(() => document.getElementById('s')!.shadowRoot!.querySelector('tr[aria-selected="true"]')?.getAttribute('data-path') === 'net.9');
  });
});

describe('language and precomputed layouts', { timeout: 120_000 }, () => {
  it('a Chinese page (html lang="zh-CN") gets Chinese toolbar, summary headers and details; switching lang follows', async () => {
    const p2 = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    p2.on('pageerror', (e) => errors.push(e.message));
    server.set(
      '/zh.html',
      htmlPage(
        `<cnn-graph id="g" model="lenet5" toolbar></cnn-graph><cnn-summary id="s" for="g"></cnn-summary>`,
        `<script type="module">document.getElementById('g').addEventListener('cnn-layout', () => (window.__drawn = true), { once: true });</script>`,
        'zh-CN',
      ),
    );
    await p2.goto(`${server.url}/zh.html`);
    await p2.waitForFunction(() => (window as unknown as { __drawn?: boolean }).__drawn, undefined, { timeout: 60_000 });
    const read = () =>
      p2.evaluate(async () => {
        const g = document.getElementById('g')!;
        const s = document.getElementById('s')!;
        await (g as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        await (s as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        // The screen-reader table follows the picture by a frame.
        for (let i = 0; i < 100 && !g.shadowRoot!.querySelector('table.sr-only'); i++) await new Promise((ok) => setTimeout(ok, 20));
        const text = (el: Element | null) => el?.textContent?.trim() ?? null;
        return {
          toolbar: [...g.shadowRoot!.querySelectorAll('[part="toolbar"] button')].map((b) => text(b)),
          toolbarLabel: g.shadowRoot!.querySelector('[part="toolbar"]')?.getAttribute('aria-label'),
          hidden: [...g.shadowRoot!.querySelectorAll('table.sr-only thead th')].map((th) => text(th)),
          hiddenRows: [...g.shadowRoot!.querySelectorAll('table.sr-only tbody th')].map((th) => text(th)),
          summary: [...s.shadowRoot!.querySelectorAll('thead th button')].map((b) => text(b)),
          total: text(s.shadowRoot!.querySelector('tfoot td')),
          role: g.shadowRoot!.querySelector('svg')?.getAttribute('aria-roledescription'),
        };
      });
    expect(await read()).toEqual({
      toolbar: ['适应窗口', '+', '−', '全部展开', '全部折叠', 'SVG', 'PNG', '从左到右', '打开…'],
      toolbarLabel: '图工具',
      hidden: ['层', '类型', '输出形状', '参数量', 'MACs', 'MACs 占比'],
      hiddenRows: analyze(zooGraph('lenet5')!).layers.map((l) => l.path),
      summary: ['层', '类型', '输出形状', '参数量', 'MACs', 'MACs 占比'],
      total: '合计',
      role: '网络结构图',
    });
    // The details card of a focused layer speaks Chinese too; its numbers are the analysis's.
    await p2.evaluate(() => (document.getElementById('g')!.shadowRoot!.querySelector('.cnn-node[data-path="net.0"]') as SVGGElement).focus());
    await p2.waitForFunction(() => document.getElementById('g')!.shadowRoot!.querySelector('[part="details"]') !== null);
    const rows = await p2.evaluate(() => [...document.getElementById('g')!.shadowRoot!.querySelectorAll('[part="details"] tr')].map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]));
    expect(rows.slice(0, 3)).toEqual([
      ['输入', '1×28×28'],
      ['输出', '6×28×28'],
      ['参数量', '156 (0.25%)'],
    ]);
    // The page switches to English in place.
    await p2.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    const en = await read();
    expect(en.toolbar).toEqual(['Fit', '+', '−', 'Expand all', 'Collapse all', 'SVG', 'PNG', 'Left to right', 'Open…']);
    expect(en.summary).toEqual(['Layer', 'Type', 'Output shape', 'Parameters', 'MACs', 'Share of MACs']);
    expect(en.role).toBe('network graph');
    expect(errors).toEqual([]);
    await p2.close();
  });

  it('layouts="file.json" from precomputeLayouts: the default and the expanded view draw without elk', async () => {
    const layouts = await precomputeLayouts(zooGraph('googlenet')!, { engine: 'elk' });
    server.set('/googlenet.layouts.json', JSON.stringify(layouts), 'application/json');
    const p2 = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    p2.on('pageerror', (e) => errors.push(e.message));
    server.set(
      '/layouts.html',
      htmlPage(
        `<cnn-graph id="g" model="googlenet" engine="elk" layouts="/googlenet.layouts.json"></cnn-graph>`,
        `<script type="module">window.__layouts = []; document.getElementById('g').addEventListener('cnn-layout', (e) => window.__layouts.push(e.detail));</script>`,
      ),
    );
    await p2.goto(`${server.url}/layouts.html`);
    const next = (n: number) => p2.waitForFunction((k) => (window as unknown as { __layouts: unknown[] }).__layouts.length >= k, n, { timeout: 60_000 }).then(() => p2.evaluate((k) => (window as unknown as { __layouts: { source: string; layoutMs: number; key: string; nodes: number }[] }).__layouts[k - 1], n));
    const first = await next(1);
    expect(first).toMatchObject({ source: 'given', layoutMs: 0, key: layouts[0].key });
    await p2.evaluate(() => (document.getElementById('g') as unknown as { expandAll(): void }).expandAll());
    const all = await next(2);
    expect(all).toMatchObject({ source: 'given', layoutMs: 0, key: layouts[1].key, nodes: analyze(zooGraph('googlenet')!).layers.length + 2 + zooGraph('googlenet')!.aux.length });
    // A view that was not precomputed is laid out as usual.
    await p2.evaluate(() => (document.getElementById('g') as unknown as { collapseAll(): void }).collapseAll());
    expect((await next(3)).source).toBe('worker');
    // A layouts file that cannot be loaded only costs the speed-up.
    await p2.evaluate(() => document.getElementById('g')!.setAttribute('layouts', '/missing.layouts.json'));
    await p2.evaluate(() => document.getElementById('g')!.setAttribute('expand', 'all'));
    expect(['worker', 'cache']).toContain((await next(4)).source);
    expect(errors).toEqual([]);
    await p2.close();
  });
  it('a listener added by a later module script still hears the first cnn-layout of an instant (inline-layout) render', async () => {
    const layouts = await precomputeLayouts(zooGraph('lenet5')!);
    const p3 = await browser.newPage();
    server.set(
      '/late-listener.html',
      htmlPage(
        `<cnn-graph id="g" model="lenet5"><script type="application/json" data-cnn-layouts>${JSON.stringify([layouts[0]]).replace(/</g, '\\u003c')}</script></cnn-graph>`,
        // Runs after the bundle's module, as an embedding page's own script would.
        `<script type="module">window.__heard = []; document.getElementById('g').addEventListener('cnn-layout', (e) => window.__heard.push(e.detail.source));</script>`,
      ),
    );
    await p3.goto(`${server.url}/late-listener.html`);
    await p3.waitForFunction(() => (window as unknown as { __heard?: string[] }).__heard?.length === 1, null, { timeout: 60_000 });
    expect(await p3.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual(['given']);
    await p3.close();
  });

  it('inline layouts (<script type="application/json" data-cnn-layouts>): the first view draws with no request; the layouts file is fetched only for a view that is not inline', async () => {
    const layouts = await precomputeLayouts(zooGraph('googlenet')!, { engine: 'elk' });
    server.set('/inline.layouts.json', JSON.stringify(layouts), 'application/json');
    const { p2, errors, requested } = await watchedPage();
    server.set(
      '/inline.html',
      htmlPage(
        `<cnn-graph id="g" model="googlenet" engine="elk" layouts="/inline.layouts.json"><script type="application/json" data-cnn-layouts>${JSON.stringify([layouts[0]]).replace(/</g, '\\u003c')}</script></cnn-graph>`,
        // A classic script, before the bundle runs: with nothing to wait for, the first draw lands while the bundle's module evaluates.
        `<script>window.__layouts = []; document.addEventListener('cnn-layout', (e) => window.__layouts.push(e.detail), true);</script>`,
      ),
    );
    await p2.goto(`${server.url}/inline.html`);
    const next = (n: number) => p2.waitForFunction((k) => (window as unknown as { __layouts: unknown[] }).__layouts.length >= k, n, { timeout: 60_000 }).then(() => p2.evaluate((k) => (window as unknown as { __layouts: { source: string; layoutMs: number; key: string }[] }).__layouts[k - 1], n));
    expect(await next(1)).toMatchObject({ source: 'given', layoutMs: 0, key: layouts[0].key });
    expect(requested).not.toContain('/inline.layouts.json');
    await p2.evaluate(() => (document.getElementById('g') as unknown as { expandAll(): void }).expandAll());
    expect(await next(2)).toMatchObject({ source: 'given', layoutMs: 0, key: layouts[1].key });
    expect(requested.filter((u) => u === '/inline.layouts.json')).toHaveLength(1);
    expect(errors).toEqual([]);
    await p2.close();
  });

  it('a channel mismatch on a zh page: the failing node, the error panel and cnn-error\'s `localized` give the analysis\'s Chinese; `message` stays English', async () => {
    const wrong = analyze(mismatchGraph()).diagnostics.find((d) => d.severity === 'error')!;
    const zh = wrong.zh!;
    server.set('/mismatch-zh.json', stringifyNetwork(mismatchGraph()), 'application/json');
    server.set(
      '/mismatch-zh.html',
      htmlPage(
        `<cnn-graph id="g" src="/mismatch-zh.json" expand="all" style="--cnn-height:700px;width:900px"></cnn-graph>`,
        `<script>window.__errors = []; document.addEventListener('cnn-error', (e) => window.__errors.push(JSON.parse(JSON.stringify(e.detail))), true); document.addEventListener('cnn-layout', () => (window.__drawn = true), true);</script>`,
        'zh-CN',
      ),
    );
    const p2 = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const errors: string[] = [];
    p2.on('pageerror', (e) => errors.push(e.message));
    await p2.goto(`${server.url}/mismatch-zh.html`);
    await p2.waitForFunction(() => (window as unknown as { __drawn?: boolean }).__drawn && (window as unknown as { __errors: unknown[] }).__errors.length > 0, undefined, { timeout: 60_000 });
    const seen = await p2.evaluate(async () => {
      const g = document.getElementById('g')!;
      await (g as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const root = g.shadowRoot!;
      const node = root.querySelector('.cnn-node[data-status="error"]') as SVGGElement;
      return {
        events: (window as unknown as { __errors: { message: string; localized: string; locale: string; stage: string; diagnostics: { zh?: { message: string } }[] }[] }).__errors,
        path: node.dataset.path,
        // The diagnostic's lines (the badges on a zh page are Chinese too).
        diag: [...node.querySelectorAll('text.s-t-diag')].map((t) => t.textContent ?? ''),
        panel: root.querySelector('[part="message"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      };
    });
    expect(seen.events).toHaveLength(1);
    expect(seen.events[0]).toMatchObject({ stage: 'analysis', message: wrong.message, localized: zh.message, locale: 'zh' });
    expect(seen.events[0].diagnostics[0].zh?.message).toBe(zh.message);
    expect(zh.message).toContain('features.2 Conv2d：需要 8 个输入通道，收到的却是 6 个');
    // The node prints the Chinese (wrapped between characters, so compare without spaces).
    expect(seen.path).toBe(wrong.path);
    const flat = (x: string) => x.replace(/\s/g, '');
    expect(flat(seen.diag.join(''))).toBe(flat(`⚠ ${zh.message}`));
    // The panel: the Chinese heading, message and fix; none of the English.
    expect(seen.panel).toContain('分析发现 1 个错误');
    expect(seen.panel).toContain(zh.message);
    expect(seen.panel).toContain(zh.fix!);
    expect(seen.panel).not.toContain('expects 8 input channels');
    // Switched to English in place, the node and the panel follow.
    await p2.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    await p2.waitForFunction(() => document.getElementById('g')!.shadowRoot!.querySelector('.cnn-node[data-status="error"]')?.textContent?.includes('expects 8 input channels'), undefined, { timeout: 30_000 });
    expect(await p2.evaluate(() => document.getElementById('g')!.shadowRoot!.querySelector('[part="message"]')?.textContent)).toContain(wrong.message);
    expect(errors).toEqual([]);
    await p2.close();
  });
});

/** A fresh page that records its uncaught errors and the paths it requests. */
async function watchedPage() {
  const p2 = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  p2.on('pageerror', (e) => errors.push(e.message));
  const requested: string[] = [];
  p2.on('request', (r) => requested.push(new URL(r.url()).pathname));
  return { p2, errors, requested };
}

/** The bridge (a → b, a + b, b → d, (a + b) + d): not series–parallel, so elk lays it out. */
const BRIDGE = {
  name: 'bridge',
  input: [4, 8, 8],
  layers: [
    { kind: 'Conv2d', in_channels: 4, out_channels: 4, kernel_size: 1, path: 'a', inputs: ['input'] },
    { kind: 'ReLU', path: 'b', inputs: ['a'] },
    { kind: 'Add', path: 'c', inputs: ['a', 'b'] },
    { kind: 'ReLU', path: 'd', inputs: ['b'] },
    { kind: 'Add', path: 'e', inputs: ['c', 'd'] },
  ],
  modules: [],
  output: 'e',
  aux: [],
};

describe('layout engines', { timeout: 120_000 }, () => {
  it('zoo networks are laid out structurally: no worker, no elk requested; a graph that is not series–parallel goes to elk in the worker', async () => {
    const { p2, errors, requested } = await watchedPage();
    server.set(
      '/engines.html',
      htmlPage(
        `<cnn-graph model="googlenet" expand="none"></cnn-graph><cnn-graph model="googlenet" expand="all"></cnn-graph><cnn-graph model="torchvision-resnet152" expand="all"></cnn-graph>`,
        `<script>window.__layouts = []; document.addEventListener('cnn-layout', (e) => window.__layouts.push(e.detail), true);</script>`,
      ),
    );
    await p2.goto(`${server.url}/engines.html`);
    await p2.waitForFunction(() => (window as unknown as { __layouts: unknown[] }).__layouts.length === 3, null, { timeout: 60_000 });
    const details = await p2.evaluate(() => (window as unknown as { __layouts: { source: string; nodes: number }[] }).__layouts);
    expect(details.map((d) => d.source)).toEqual(['structural', 'structural', 'structural']);
    expect(details.map((d) => d.nodes).sort((a, b) => a - b)).toEqual(
      [zooGraph('googlenet')!, zooGraph('googlenet')!, zooGraph('torchvision-resnet152')!]
        .map((g, i) => (i === 0 ? 9 : analyze(g).layers.length + 2))
        .sort((a, b) => a - b),
    );
    expect(requested.filter((u) => /worker|elk/.test(u))).toEqual([]);
    // The bridge (a → b, a + b, b → d, (a + b) + d) is not series–parallel: elk lays it out, in the worker.
    await p2.evaluate((graph) => {
      const g = document.createElement('cnn-graph') as HTMLElement & { graph: unknown };
      g.graph = graph;
      document.body.append(g);
    }, BRIDGE);
    await p2.waitForFunction(() => (window as unknown as { __layouts: unknown[] }).__layouts.length === 4, null, { timeout: 60_000 });
    expect(await p2.evaluate(() => (window as unknown as { __layouts: { source: string; nodes: number }[] }).__layouts[3])).toMatchObject({ source: 'worker', nodes: 7 });
    expect(requested.some((u) => u.endsWith('cnn-graph-layout.worker.js'))).toBe(true);
    expect(requested.some((u) => u.endsWith('cnn-graph-elk.classic.js'))).toBe(true);
    expect(errors).toEqual([]);
    await p2.close();
  });

  it('a view of more than 1,500 boxes is laid out structurally in the worker, without loading elk', async () => {
    const p2 = await browser.newPage();
    const requested: string[] = [];
    p2.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const layers = Array.from({ length: 1600 }, (_, i) => ({ kind: 'ReLU', path: `blocks.${Math.floor(i / 10)}.${i % 10}`, inputs: [i ? `blocks.${Math.floor((i - 1) / 10)}.${(i - 1) % 10}` : 'input'] }));
    const modules = [{ path: 'blocks', type: 'Sequential' }, ...Array.from({ length: 160 }, (_, b) => ({ path: `blocks.${b}`, type: 'Sequential' }))];
    const big = JSON.stringify({ name: 'long', input: [2, 4, 4], layers, modules, output: layers[layers.length - 1].path, aux: [] });
    server.set(
      '/big.html',
      htmlPage(
        '',
        `<script type="module">import '/dist/cnn-graph.js';
        const g = document.createElement('cnn-graph'); g.setAttribute('expand', 'all'); g.graph = ${big};
        g.addEventListener('cnn-layout', (e) => (window.__done = e.detail));
        document.body.append(g);</script>`,
      ),
    );
    await p2.goto(`${server.url}/big.html`);
    const done = await (await p2.waitForFunction(() => (window as unknown as { __done?: unknown }).__done, undefined, { timeout: 60_000 })).jsonValue();
    expect(done).toMatchObject({ source: 'structural', nodes: 1602 });
    expect(requested.some((u) => u.endsWith('cnn-graph-layout.worker.js'))).toBe(true);
    expect(requested.filter((u) => /elk/.test(u))).toEqual([]);
    // Drawn as shells: every box is in the DOM (keyboard, screen readers), only those near the view have content.
    const boxes = () =>
      p2.evaluate(() => {
        const nodes = [...document.querySelector('cnn-graph')!.shadowRoot!.querySelectorAll('.cnn-node')];
        const filled = (n: Element | undefined) => Boolean(n?.querySelector('rect.cnn-box') && n.querySelector('text'));
        return { total: nodes.length, filled: nodes.filter(filled).length, first: filled(nodes[0]), last: filled(nodes[nodes.length - 1]) };
      });
    const before = await boxes();
    expect(before).toMatchObject({ total: 1602, first: true, last: false });
    expect(before.filled).toBeLessThan(300);
    // The keyboard reaches the last box: it gets its content and the focus.
    await p2.evaluate(() => (document.querySelector('cnn-graph')!.shadowRoot!.querySelector('.cnn-node[tabindex="0"]') as SVGGElement).focus());
    await p2.keyboard.press('End');
    await p2.waitForFunction(() => (document.querySelector('cnn-graph')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === 'O:blocks.159.9');
    expect((await boxes()).last).toBe(true);
    // toSVG() is the whole picture: every box drawn (1,602 boxes and the 160 block frames).
    const svg = await p2.evaluate(() => (document.querySelector('cnn-graph') as unknown as { toSVG(): string }).toSVG());
    expect(svg.match(/class="cnn-box"/g)?.length).toBe(1602 + 160);
    expect(svg.match(/<text /g)!.length).toBeGreaterThan(2 * 1602);
    await p2.close();
  });

  it('setWorkerUrl(worker, elk): elk comes from where it is told; an elk that cannot load is a readable cnn-error', async () => {
    server.set('/vendor/elk-copy.js', readFileSync(join(ROOT, 'dist/cnn-graph-elk.classic.js'), 'utf8'), 'text/javascript');
    const { p2, errors, requested } = await watchedPage();
    const bridge = JSON.stringify(BRIDGE);
    for (const [name, elk] of [['elk-moved', '/vendor/elk-copy.js'], ['elk-missing', '/vendor/no-such-elk.js']]) {
      server.set(
        `/${name}.html`,
        htmlPage(
          '',
          `<script type="module">import { setWorkerUrl } from '/dist/cnn-graph.js'; setWorkerUrl('/dist/cnn-graph-layout.worker.js', '${elk}');
          const g = document.createElement('cnn-graph'); g.graph = ${bridge};
          g.addEventListener('cnn-layout', (e) => (window.__done = { source: e.detail.source }));
          g.addEventListener('cnn-error', (e) => (window.__done = { error: e.detail.message, stage: e.detail.stage, shown: g.shadowRoot.textContent.includes(e.detail.message) }));
          document.body.append(g);</script>`,
        ),
      );
      await p2.goto(`${server.url}/${name}.html`);
      const done = await (await p2.waitForFunction(() => (window as unknown as { __done?: unknown }).__done, undefined, { timeout: 60_000 })).jsonValue();
      if (name === 'elk-moved') {
        expect(done).toEqual({ source: 'worker' });
        expect(requested).toContain('/vendor/elk-copy.js');
        expect(requested).not.toContain('/dist/cnn-graph-elk.classic.js');
      } else {
        expect(done).toMatchObject({ stage: 'layout', shown: true });
        expect((done as { error: string }).error).toMatch(/no-such-elk\.js/);
      }
    }
    expect(errors).toEqual([]);
    await p2.close();
  });
});

describe('a tall network draws only what can be seen', { timeout: 120_000 }, () => {
  it('torchvision-resnet152 expanded: far boxes hidden, every box in the DOM, the focused box never hidden, fit shows all', async () => {
    const d = await draw({ src: null, model: 'torchvision-resnet152', expand: 'all', layouts: null });
    expect(d.event).toBe('layout');
    expect(d.nodes).toHaveLength(analyze(zooGraph('torchvision-resnet152')!).layers.length + 2);
    const state = () =>
      page.evaluate(() => {
        const root = document.getElementById('g')!.shadowRoot!;
        const hidden = [...root.querySelectorAll('.cnn-node')].filter((n) => getComputedStyle(n).display === 'none').map((n) => (n as HTMLElement).dataset.id);
        return { hidden, focused: (root.activeElement as HTMLElement | null)?.dataset.id ?? null };
      });
    const first = await state();
    // Fitted to the width, the 55,000 px tall picture shows its top: most boxes are culled.
    expect(first.hidden.length).toBeGreaterThan(d.nodes.length / 2);
    expect(first.hidden).not.toContain(d.nodes[0].id);
    // End jumps to the output, far below: it is shown, focused and scrolled to.
    await page.evaluate(() => (document.getElementById('g')!.shadowRoot!.querySelector('.cnn-node') as SVGGElement).focus());
    await page.keyboard.press('End');
    const end = await state();
    expect(end.focused).toBe(d.nodes[d.nodes.length - 1].id);
    expect(end.hidden).not.toContain(end.focused);
    // Panning far away keeps the focused box (the keyboard must not lose its place).
    const before = await page.evaluate(() => document.getElementById('g')!.shadowRoot!.querySelector('.cnn-viewport')!.getAttribute('transform'));
    // Drag the picture up by five half-canvases: the output ends far below the view.
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(500, 550);
      await page.mouse.down();
      await page.mouse.move(500, 50, { steps: 4 });
      await page.mouse.up();
    }
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect(await page.evaluate(() => document.getElementById('g')!.shadowRoot!.querySelector('.cnn-viewport')!.getAttribute('transform'))).not.toBe(before);
    const panned = await state();
    expect(panned.hidden.length).toBeGreaterThan(d.nodes.length / 2);
    expect(panned.hidden).not.toContain(end.focused);
    // The drag took the focus; Tab brings it back to the same box (a hidden one could not take it).
    await page.evaluate(() => document.body.focus());
    await page.keyboard.press('Tab');
    expect((await state()).focused).toBe(end.focused);
    await page.evaluate(() => (document.getElementById('g') as unknown as { fit(): void }).fit());
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect((await state()).hidden).toEqual([]);
  });
});
