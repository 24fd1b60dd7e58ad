/**
 * <cnn-graph> on a network elk cannot lay out in reasonable time (issue 13:
 * the 302-layer DAG whose every Add reads layer i−1 and layer ⌊i/2⌋; elk took
 * 37 s in the page): the element draws it with the fast layered layout, shows
 * a small notice saying so, and reports the engine and the reason in
 * `cnn-layout`; a zoo network right after is structural again, without notice.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkToJSON } from '../../src/graph/json.js';
import { halving } from '../ui/helpers.js';
import { buildUi, collectErrors, launchChromium, page as htmlPage, serve, type StaticServer } from './chromium.js';

const PAGE = htmlPage(
  `<cnn-graph id="g" toolbar style="--cnn-height:600px;width:900px"></cnn-graph>`,
  `<script type="module">
  window.__draw = (attrs, graph) => new Promise((resolve, reject) => {
    const g = document.getElementById('g');
    g.addEventListener('cnn-layout', (e) => requestAnimationFrame(() => {
      const root = g.shadowRoot;
      const n = root.querySelector('.notice');
      const r = n?.getBoundingClientRect();
      const boxes = [...root.querySelectorAll('.cnn-node rect.cnn-box')].map((b) => [+b.getAttribute('x'), +b.getAttribute('y'), +b.getAttribute('width'), +b.getAttribute('height')]);
      resolve({ detail: e.detail, notice: n ? { text: n.textContent.trim(), title: n.title, w: r.width, h: r.height, visible: getComputedStyle(n).visibility === 'visible' } : null, boxes });
    }), { once: true });
    g.addEventListener('cnn-error', (e) => e.detail.stage !== 'analysis' && reject(new Error(e.detail.message)), { once: true });
    if (graph) g.graph = graph;
    for (const [k, v] of Object.entries(attrs)) g.setAttribute(k, v);
  });
</script>`,
);

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  await buildUi();
  server = await serve({ '/index.html': PAGE, '/favicon.ico': '' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  errors = collectErrors(page);
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => customElements.get('cnn-graph') !== undefined);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Drawn {
  detail: { engine: string; note: string | null; source: string; nodes: number; edges: number };
  notice: { text: string; title: string; w: number; h: number; visible: boolean } | null;
  boxes: [number, number, number, number][];
}
const draw = (attrs: Record<string, string>, graph?: unknown): Promise<Drawn> =>
  page.evaluate(([a, g]) => (window as unknown as { __draw(a: unknown, g: unknown): Promise<Drawn> }).__draw(a, g), [attrs, graph ?? null] as const);

describe('<cnn-graph> on a DAG too dense for elk', { timeout: 120_000 }, () => {
  it('draws the 302-layer DAG with the fast layered layout, says so in a notice and in cnn-layout', async () => {
    const d = await draw({}, networkToJSON(halving(302)));
    expect(d.detail.engine).toBe('fast');
    expect(d.detail.source).toBe('fast');
    expect(d.detail.nodes).toBe(304);
    expect(d.detail.note).toBe('304 boxes with 299 cross-links, not series–parallel: drawn with the fast layered layout (elk would be slow, up to minutes)');
    expect(d.notice?.text).toBe('Fast layout: 304 boxes, 299 cross-links');
    expect(d.notice?.title).toBe(`${d.detail.note}. Set engine="elk" to lay it out with elk (slow).`);
    expect(d.notice?.visible).toBe(true);
    expect(d.notice!.w).toBeGreaterThan(100);
    expect(d.notice!.h).toBeGreaterThan(8);
    // Every box drawn, none over another.
    expect(d.boxes).toHaveLength(304);
    const sorted = [...d.boxes].sort((a, b) => a[1] - b[1]);
    for (let i = 1; i < sorted.length; i++) for (let j = i - 1; j >= 0 && sorted[j][1] + sorted[j][3] > sorted[i][1]; j--) expect(sorted[j][0] + sorted[j][2] <= sorted[i][0] || sorted[i][0] + sorted[i][2] <= sorted[j][0]).toBe(true);
    expect(errors).toEqual([]);
  });

  it('in Chinese, the notice and the note are Chinese', async () => {
    const d = await draw({ lang: 'zh' });
    expect(d.detail.engine).toBe('fast');
    expect(d.notice?.text).toBe('快速布局：304 个框，299 条交叉连接');
    expect(d.detail.note).toMatch(/^304 个框、299 条交叉连接/);
    await page.evaluate(() => document.getElementById('g')!.removeAttribute('lang'));
  });

  it('a zoo network after it is structural again, with no notice', async () => {
    await page.evaluate(() => ((document.getElementById('g') as unknown as { graph: unknown }).graph = null));
    const d = await draw({ model: 'googlenet', expand: 'all' });
    expect(d.detail.engine).toBe('structural');
    expect(d.detail.note).toBeNull();
    expect(d.notice).toBeNull();
    expect(errors).toEqual([]);
  });
});
