/**
 * Modules are named by what they compute, with the path beneath (issue 14, "the networks' own
 * names"), as a reader sees them in Chromium on the built site (`node scripts/build.mjs`): the
 * d2l GoogLeNet page shows the notes' stages b1–b5 and an Inception block's branches
 * (`1×1 | 1×1 → 3×3 | …`), in English and in Chinese; the class stays in the spoken name and
 * the tooltip; and no title or path runs out of its frame or box, measured with the browser's
 * own fonts (Noto Sans CJK for the Chinese).
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

/** The live element has drawn (not the build-time picture) and its last layout is on screen. */
async function live(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const g = document.querySelector('cnn-graph') as (Element & { viewState?: unknown }) | null;
    const vp = g?.shadowRoot?.querySelector('.canvas .cnn-viewport');
    return !!g?.viewState && !!vp && !vp.classList.contains('cnn-pending');
  });
}

/** Open `paths` in the page's graph and wait for the new picture. */
async function expand(p: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    const laid = p.evaluate(() => new Promise<void>((ok) => document.querySelector('cnn-graph')!.addEventListener('cnn-layout', () => ok(), { once: true })));
    await p.evaluate((x) => (document.querySelector('cnn-graph') as unknown as { toggle(p: string, e: boolean): void }).toggle(x, true), path);
    await laid;
  }
  await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

interface Seen {
  frames: { path: string; title: string; sub: string; label: string; tooltip: string; overflow: number }[];
  modules: { path: string; title: string; label: string; overflow: number }[];
}

/** Every frame header and module box as drawn, with how far (px) its widest text runs past its right edge (≤ 0: inside). */
function seen(p: Page): Promise<Seen> {
  return p.evaluate(() => {
    const root = document.querySelector('cnn-graph')!.shadowRoot!;
    const right = (el: Element) => el.getBoundingClientRect().right;
    const frames = [...root.querySelectorAll<SVGGElement>('.cnn-frame-title')].map((t) => {
      const path = t.dataset.path ?? '';
      const frame = root.querySelector<SVGGElement>(`.cnn-frame[data-path="${CSS.escape(path)}"]`)!;
      const texts = [...t.querySelectorAll('text')];
      return {
        path,
        title: texts[0]?.textContent ?? '',
        sub: texts[1]?.textContent ?? '',
        label: t.getAttribute('aria-label') ?? '',
        tooltip: frame.querySelector('title')?.textContent ?? '',
        overflow: Math.max(...texts.map(right)) - right(frame.querySelector('rect')!),
      };
    });
    const modules = [...root.querySelectorAll<SVGGElement>('.cnn-node[data-type="module"]')].map((n) => {
      const texts = [...n.querySelectorAll('text')];
      return { path: n.dataset.path ?? '', title: texts[0]?.textContent ?? '', label: n.getAttribute('aria-label') ?? '', overflow: Math.max(...texts.map(right)) - right(n.querySelector('rect.cnn-box')!) };
    });
    return { frames, modules };
  });
}

describe('module labels on the d2l GoogLeNet page', { timeout: 120_000 }, () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: the stages are b1–b5, an Inception block lists its branches, the path is beneath, nothing overflows`, async () => {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const errors = collectErrors(p);
      await p.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}models/googlenet/index.html`);
      await live(p);
      await expand(p, ['2', '2.0']);
      const s = await seen(p);
      // b1–b5, each once, as a frame or a collapsed box, and none says "Sequential".
      const shown = [...s.frames.map((f) => f.title), ...s.modules.map((m) => m.title)];
      for (const b of ['b1', 'b2', 'b3', 'b4', 'b5']) expect(shown.filter((t) => t.includes(`${b} · `)), b).toHaveLength(1);
      expect(shown.join('\n')).not.toMatch(/Sequential/);
      const maxPool = lang === 'zh' ? '最大汇聚' : 'max pool';
      const b3 = s.frames.find((f) => f.path === '2')!;
      expect(b3.title).toBe(`▾ b3 · 2 × Inception → 3×3/2 ${maxPool}`);
      expect(b3.sub).toBe('2');
      // The Inception block, opened: its four branches, the 1×1 reduce before the 3×3 and the 5×5.
      const inception = s.frames.find((f) => f.path === '2.0')!;
      expect(inception.title).toBe(`▾ 1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 ${maxPool} → 1×1`);
      expect(inception.sub).toBe('2.0');
      // The class stays available: in the frame's tooltip, and in a collapsed block's spoken name.
      expect(inception.tooltip).toContain('2.0 · Inception');
      const collapsed = s.modules.find((m) => m.path === '2.1')!;
      expect(collapsed.title).toBe(`▸ 1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 ${maxPool} → 1×1`);
      expect(collapsed.label).toContain('Inception');
      // The header's button is named by what it shows.
      expect(b3.label).toContain(`b3 · 2 × Inception → 3×3/2 ${maxPool}`);
      // Measured in the browser's fonts: every header and box holds its text.
      expect(s.frames.filter((f) => f.overflow > 0.5).map((f) => `${f.path}: ${f.title} (${f.overflow.toFixed(1)} px)`)).toEqual([]);
      expect(s.modules.filter((m) => m.overflow > 0.5).map((m) => `${m.path}: ${m.title} (${m.overflow.toFixed(1)} px)`)).toEqual([]);
      expect(errors).toEqual([]);
      await p.close();
    });
  }

  it('the zh page’s heading is the Chinese title', async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await p.goto(`${server.url}/zh/models/googlenet/index.html`);
    expect(await p.textContent('h1')).toBe('GoogLeNet（d2l，96×96）');
    await p.goto(`${server.url}/zh/models/torchvision-resnet50/index.html`);
    expect(await p.textContent('h1')).toBe('ResNet-50（torchvision 版）');
    expect(await p.title()).toMatch(/^ResNet-50（torchvision 版）/);
    await p.close();
  });
});

describe('long labels are cut to their box, whole in the tooltip', { timeout: 120_000 }, () => {
  it('ResNet-50 and MobileNet v2, fully expanded, in both languages: no header or box overflows', async () => {
    for (const [model, lang] of [
      ['torchvision-resnet50', 'en'],
      ['torchvision-resnet50', 'zh'],
      ['torchvision-mobilenet-v2', 'en'],
      ['torchvision-mobilenet-v2', 'zh'],
    ] as const) {
      const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await p.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}models/${model}/index.html`);
      await live(p);
      const laid = p.evaluate(() => new Promise<void>((ok) => document.querySelector('cnn-graph')!.addEventListener('cnn-layout', () => ok(), { once: true })));
      await p.evaluate(() => document.querySelector('cnn-graph')!.setAttribute('expand', 'all'));
      await laid;
      const s = await seen(p);
      expect(s.frames.length, model).toBeGreaterThan(10);
      expect(s.frames.filter((f) => f.overflow > 0.5).map((f) => `${model} ${lang} ${f.path}: ${f.title} (${f.overflow.toFixed(1)} px)`)).toEqual([]);
      // A cut title ends with … and its frame's tooltip holds it whole.
      for (const f of s.frames.filter((x) => x.title.endsWith('…'))) expect(f.tooltip.startsWith(f.title.slice(2, -1)), f.path).toBe(true);
      await p.close();
    }
  });
});
