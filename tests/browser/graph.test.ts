/**
 * <cnn-graph> in real headless Chromium, from a plain HTML page that loads
 * only dist/cnn-graph.js. Every zoo network is drawn collapsed and expanded in
 * one page (sequential model swaps) and checked against the analysis run here
 * in Node: node counts, edge labels, overlaps, toggling, selection, keyboard,
 * toSVG(). Then bad input, markup in names, the worker fallback and <cnn-summary>.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analysis/analyze.js';
import { stringifyNetwork } from '../../src/graph/json.js';
import { INPUT } from '../../src/graph/types.js';
import { ZOO, zooGraph } from '../../src/graph/zoo/index.js';
import { fmtShape } from '../../src/ui/render/format.js';
import { markupGraph, mismatchGraph } from '../ui/helpers.js';
import { launchChromium, page as htmlPage, ROOT, serve, type StaticServer } from './chromium.js';

interface Drawn {
  event: 'layout' | 'error';
  detail: { message?: string; source?: string; nodes?: number };
  nodes: { id: string; type: string; path: string; x: number; y: number; w: number; h: number }[];
  edges: { producer: string; shape: string; label: string | null }[];
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
        const edges = [...root.querySelectorAll('.cnn-edge')].map((e) => ({ producer: e.dataset.producer, shape: e.dataset.shape, label: labels.get(e.dataset.id) ?? null }));
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
  const { default: buildUi } = await import(pathToFileURL(join(ROOT, 'scripts/build-ui.mjs')).href);
  await buildUi({ quiet: true });
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

function checkEdges(id: string, d: Drawn, a: Analysis) {
  const byPath = new Map(a.layers.map((l) => [l.path, l]));
  for (const e of d.edges) {
    const want = fmtShape(e.producer === INPUT ? a.input : (byPath.get(e.producer)?.outputShape ?? null));
    expect(e.shape, `${id}: edge from ${e.producer}`).toBe(want);
    expect(e.label, `${id}: label of edge from ${e.producer}`).toBe(want);
  }
}

async function keyboardReachesAll(d: Drawn) {
  // Tab into the graph, then walk with ArrowDown: every node must take the focus once.
  // Start the sequential focus navigation from the top of the page.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
  });
  await page.keyboard.press('Tab');
  const seen: string[] = [];
  const focused = () => page.evaluate(() => (document.getElementById('g')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id ?? null);
  await page.keyboard.press('Home');
  seen.push((await focused()) as string);
  for (let i = 1; i < d.nodes.length; i++) {
    await page.keyboard.press('ArrowDown');
    seen.push((await focused()) as string);
  }
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
        `<cnn-graph id="g" model="resnet-mini" expand="all"></cnn-graph>`,
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
