/**
 * The home page's chart (parameters against MACs) in Chromium, as issue 14's study read it: at
 * 1440×900 and on a 390×844 phone, in English and Chinese. Every point can be clicked (the one under
 * its centre is its own link, even where two networks have the same counts), the names drawn do
 * not overlap and stay inside the picture, and a Chinese page says the qualifiers in Chinese.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOO } from '../../src/zoo/index.js';
import { launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const SITE = join(ROOT, 'site');
const built = existsSync(join(SITE, 'index.html'));
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!built) return;
  server = await serve({}, { '/': SITE });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Seen {
  points: { id: string; hit: string | null; x: number; y: number }[];
  labels: { id: string; text: string; box: [number, number, number, number] }[];
  svg: [number, number, number, number];
}

describe('the home chart', () => {
  const rows = (['en', 'zh'] as const).flatMap((lang) => [{ lang, width: 1440, height: 900 }, { lang, width: 390, height: 844 }]);
  it.each(rows)('$lang at $width px: every point clickable, names apart and inside the picture', async ({ lang, width, height }) => {
    expect(built, 'site/ is not built: run `node scripts/build.mjs`').toBe(true);
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}index.html`);
      await page.waitForSelector('.lineage-svg a.point');
      await page.locator('.lineage-svg').scrollIntoViewIfNeeded();
      const seen: Seen = await page.evaluate(() => {
        const svg = document.querySelector('.lineage-svg')!.getBoundingClientRect();
        const points = [...document.querySelectorAll<SVGAElement>('.lineage-svg a.point')].map((a) => {
          const r = a.querySelector('path')!.getBoundingClientRect();
          const x = r.x + r.width / 2;
          const y = r.y + r.height / 2;
          return { id: a.dataset.id ?? '', hit: document.elementFromPoint(x, y)?.closest('a')?.getAttribute('data-id') ?? null, x, y };
        });
        const labels = [...document.querySelectorAll<SVGTextElement>('.lineage-svg .point-label')]
          .filter((t) => t.getAttribute('display') !== 'none')
          .map((t) => {
            const r = t.getBoundingClientRect();
            return { id: t.closest('a')?.getAttribute('data-id') ?? '', text: t.textContent ?? '', box: [r.left, r.top, r.right, r.bottom] as [number, number, number, number] };
          });
        return { points, labels, svg: [svg.left, svg.top, svg.right, svg.bottom] };
      });
      expect(seen.points.length).toBe(ZOO.length);
      // VGG-11 of the notes and torchvision's have the same counts: both are reachable.
      for (const p of seen.points) expect(p.hit, `${p.id}: the link under its point`).toBe(p.id);
      // Names: apart from each other, inside the picture, most of them shown on a desktop.
      const axis = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.lineage-svg .axis')].map((g) => g.getBoundingClientRect().width < 100 ? g.getBoundingClientRect().right : -Infinity)));
      for (const l of seen.labels) {
        expect(l.box[0], l.text).toBeGreaterThanOrEqual(seen.svg[0] - 0.5);
        // On a phone, clear of the vertical axis and its numbers.
        if (width < 640) expect(l.box[0], l.text).toBeGreaterThanOrEqual(axis);
        expect(l.box[2], l.text).toBeLessThanOrEqual(seen.svg[2] + 0.5);
      }
      for (let i = 0; i < seen.labels.length; i++)
        for (let j = i + 1; j < seen.labels.length; j++) {
          const a = seen.labels[i]!.box;
          const b = seen.labels[j]!.box;
          const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 1 && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 1;
          expect(overlap, `${seen.labels[i]!.text} / ${seen.labels[j]!.text}`).toBe(false);
        }
      expect(seen.labels.length).toBeGreaterThanOrEqual(width > 1000 ? 20 : 8);
      const vgg = seen.labels.find((l) => l.id === 'vgg11') ?? { text: (await page.locator('.lineage-table a[href*="models/vgg11/"]').first().textContent()) ?? '' };
      expect(vgg.text).toBe(lang === 'zh' ? 'VGG-11（笔记）' : 'VGG-11 (notes)');
    } finally {
      await context.close();
    }
  });
});
