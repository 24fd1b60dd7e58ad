/**
 * The live <cnn-graph> draws its own words in the page's language (headless Chromium, dist/cnn-graph.js):
 * on a zh page the SVG's title and description, the boxes' 输入/输出 and 参数 badges and their spoken
 * names are Chinese, and equal to what the render pipeline makes in Node; switching `lang` redraws
 * them; an element inside `lang="zh"` on an English page speaks Chinese; and every Chinese text
 * fits its box in the fonts the browser really uses.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
import { render } from '../../src/render/pipeline.js';
import { buildUi, collectErrors, launchChromium, page as htmlPage, serve, type StaticServer } from './chromium.js';

interface Seen {
  title: string;
  desc: string;
  /** Text of every box that has its content, by node type. */
  boxes: { type: string; path: string; texts: string[]; aria: string }[];
  /** Rendered width of each text with a CJK character against the width it is drawn in. */
  fits: { text: string; width: number; room: number }[];
  /** The rendered width of 输入 (bold, 12.5 px). */
  inputWidth: number | null;
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildUi();
  server = await serve({
    '/zh.html': htmlPage(`<cnn-graph id="g" model="googlenet" toolbar style="--cnn-height:900px;width:1200px"></cnn-graph>`, '', 'zh-CN'),
    '/inside.html': htmlPage(`<p>English page</p><div lang="zh"><cnn-graph id="g" model="lenet5" style="--cnn-height:700px;width:900px"></cnn-graph></div>`),
    '/favicon.ico': '',
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ p: Page; errors: string[] }> {
  const p = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const errors = collectErrors(p);
  await p.goto(`${server.url}${path}`);
  return { p, errors };
}

/** Wait until the drawn SVG's title matches `re`, then read the picture. */
async function read(p: Page, re: RegExp): Promise<Seen> {
  await p.waitForFunction((src) => new RegExp(src).test(document.getElementById('g')?.shadowRoot?.querySelector('svg title')?.textContent ?? ''), re.source, { timeout: 60_000 });
  // Boxes far from the view are filled a frame or two later: wait until the input box has its text.
  await p.waitForFunction(() => (document.getElementById('g')!.shadowRoot!.querySelector('.cnn-node[data-type="input"] text')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
  return p.evaluate(() => {
    const root = document.getElementById('g')!.shadowRoot!;
    const svg = root.querySelector('svg')!;
    const cjk = /[\u4e00-\u9fff]/;
    const fits: Seen['fits'] = [];
    const boxes = [...svg.querySelectorAll<SVGGElement>('.cnn-node')].map((g) => {
      const box = g.querySelector('rect.cnn-box')!;
      for (const t of g.querySelectorAll<SVGTextElement>('text')) {
        if (!cjk.test(t.textContent ?? '')) continue;
        // A badge's text is drawn in its badge, the others in the box.
        const badge = t.previousElementSibling?.classList.contains('cnn-badge') ? t.previousElementSibling : null;
        fits.push({ text: t.textContent ?? '', width: t.getComputedTextLength(), room: Number((badge ?? box).getAttribute('width')) });
      }
      return { type: g.dataset.type ?? '', path: g.dataset.path ?? '', texts: [...g.querySelectorAll('text')].map((t) => t.textContent ?? ''), aria: g.getAttribute('aria-label') ?? '' };
    });
    const input = svg.querySelector<SVGTextElement>('.cnn-node[data-type="input"] text');
    return { title: svg.querySelector('title')?.textContent ?? '', desc: svg.querySelector('desc')?.textContent ?? '', boxes, fits, inputWidth: input ? input.getComputedTextLength() : null };
  });
}

describe('<cnn-graph> on a Chinese page', { timeout: 120_000 }, () => {
  it('draws the words in Chinese, as the pipeline makes them; switching lang redraws them in English and back', async () => {
    const graph = zooGraph('googlenet') as Graph;
    const want = await render(graph, { locale: 'zh', cache: false });
    const wantEn = await render(graph, { cache: false });
    const { p, errors } = await open('/zh.html');
    const zh = await read(p, /层，/);
    expect(zh.title).toBe(want.scene.title);
    expect(zh.desc).toBe(want.scene.desc);
    expect(zh.boxes.find((b) => b.type === 'input')!.texts).toEqual(['输入', '1×96×96']);
    // Box by box, the same spoken names and (in the boxes filled so far: far ones are filled as they come into view) words as the pipeline's zh scene.
    expect(zh.boxes.length).toBe(want.scene.nodes.length);
    const drawn = zh.boxes.filter((b) => b.texts.length);
    expect(drawn.length).toBeGreaterThan(want.scene.nodes.length / 2);
    for (const b of zh.boxes) {
      const n = want.scene.nodes.find((x) => x.path === b.path && x.type === b.type)!;
      expect(b.aria).toBe(n.aria);
      if (b.texts.length) expect(b.texts.sort()).toEqual([...n.badges.map((x) => x.text.text), ...n.texts.map((x) => x.text)].sort());
    }
    expect(drawn.flatMap((b) => b.texts).filter((t) => / 参数 · /.test(t)).length).toBeGreaterThan(10);
    expect(zh.boxes.find((b) => b.type === 'output')!.aria).toBe('输出，10');

    // Every Chinese text fits where it is drawn, in the fonts this browser uses.
    expect(zh.fits.length).toBeGreaterThan(10);
    for (const f of zh.fits) expect(f.width, f.text).toBeLessThanOrEqual(f.room);
    // And the measurement's model of a CJK character (a full em, bold or not) holds here: 输入 at 12.5 px is 25 px.
    expect(zh.inputWidth, 'a CJK character measures less than an em: is a CJK font installed? (apt-get install -y fonts-noto-cjk)').toBeGreaterThan(25 * 0.9);
    expect(zh.inputWidth).toBeLessThanOrEqual(25 * 1.05);

    await p.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    const en = await read(p, /layers,/);
    expect(en.title).toBe(wantEn.scene.title);
    expect(en.boxes.find((b) => b.type === 'input')!.texts).toEqual(['input', '1×96×96']);
    expect(en.fits).toEqual([]);

    await p.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
    const back = await read(p, /层，/);
    expect(back.title).toBe(want.scene.title);
    // What the download button saves is the same Chinese picture.
    const saved = await p.evaluate(() => (document.getElementById('g') as unknown as { toSVG(): string }).toSVG());
    expect(saved).toContain(`<title id="cnn-title">${want.scene.title}</title>`);
    expect(saved).toContain('>输入</text>');
    expect(errors).toEqual([]);
    await p.close();
  });

  it('an element inside lang="zh" on an English page speaks Chinese', async () => {
    const want = await render(zooGraph('lenet5') as Graph, { locale: 'zh', cache: false });
    const { p, errors } = await open('/inside.html');
    const seen = await read(p, /层，/);
    expect(seen.title).toBe(want.scene.title);
    expect(seen.desc).toBe(want.scene.desc);
    expect(seen.boxes.find((b) => b.type === 'output')!.texts[0]).toBe('输出');
    for (const f of seen.fits) expect(f.width, f.text).toBeLessThanOrEqual(f.room);
    expect(errors).toEqual([]);
    await p.close();
  });
});
