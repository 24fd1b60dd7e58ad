/**
 * Every page of the built site (site/, written by `node scripts/build.mjs`), in both languages, in
 * headless Chromium: no console errors or page errors, every <cnn-graph> drawn, every internal link
 * pointing at a file that exists (and an id that exists for `#fragment` links), the language switch
 * pointing at the same page in the other language. One browser, a few pages at a time.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOO_IDS } from '../../src/zoo/index.js';
import { launchChromium, ROOT, serve, type StaticServer } from './chromium.js';
import { graphStates, htmlFiles, waitForGraphs } from './site-helpers.js';

const BUILT = join(ROOT, 'site');
const built = existsSync(join(BUILT, 'index.html'));
/** A hard-linked snapshot of site/, so a rebuild while the test runs (another terminal's build) cannot pull files away. */
const SITE = join(ROOT, 'node_modules/.cache/site-test');
if (built) snapshot(BUILT, SITE);
const files = built ? htmlFiles(SITE) : [];

function snapshot(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  const walk = (a: string, b: string) => {
    mkdirSync(b, { recursive: true });
    for (const f of readdirSync(a)) {
      const pa = join(a, f);
      const pb = join(b, f);
      if (statSync(pa).isDirectory()) walk(pa, pb);
      else {
        try {
          linkSync(pa, pb);
        } catch {
          copyFileSync(pa, pb);
        }
      }
    }
  };
  walk(from, to);
}

/** `zh/<path>` ↔ `<path>`. */
const counterpart = (file: string): string => (file.startsWith('zh/') ? file.slice(3) : `zh/${file}`);

/** The file a site URL path names (a directory means its index.html). */
function fileOf(pathname: string): string {
  let rel = decodeURIComponent(pathname).replace(/^\/+/, '');
  const abs = join(SITE, rel);
  if (rel === '' || rel.endsWith('/') || (existsSync(abs) && statSync(abs).isDirectory())) rel = `${rel.replace(/\/?$/, '/')}index.html`.replace(/^\//, '');
  return rel;
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const html = readFileSync(join(SITE, file), 'utf8');
    ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
    idCache.set(file, ids);
  }
  return ids;
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  if (!built) return;
  server = await serve({}, { '/': SITE });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('the built site', () => {
  it('exists, with the same pages in English and Chinese', () => {
    expect(built, 'site/index.html is missing: run `node scripts/build.mjs` (npm test does) before the browser tests').toBe(true);
    const en = files.filter((f) => !f.startsWith('zh/'));
    const zh = files.filter((f) => f.startsWith('zh/')).map((f) => f.slice(3));
    expect(zh).toEqual(en);
    expect(en).toContain('index.html');
    // Every zoo network has its page; every zoo view is laid out structurally in the page, so no elk layouts are shipped.
    for (const id of ZOO_IDS) expect(en, `no page for ${id}`).toContain(`models/${id}/index.html`);
    expect(existsSync(join(SITE, 'layouts')), 'site/layouts/ (elk layouts) should not be needed').toBe(false);
  });

  it('switches language in place: clicking the switch lands on the same page in the other language', async () => {
    expect(built, 'site/ is not built').toBe(true);
    const page = await context.newPage();
    try {
      for (const file of ['index.html', files.find((f) => f.startsWith('models/')) ?? 'index.html']) {
        await page.goto(`${server.url}/${file}`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await Promise.all([page.waitForURL(`${server.url}/zh/${file}`), page.click('a[data-lang-switch]')]);
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        await Promise.all([page.waitForURL(`${server.url}/${file}`), page.click('a[data-lang-switch]')]);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
      }
    } finally {
      await page.close();
    }
  });

  it('paints the build-time picture first, then loads the scripts that make it live', async () => {
    expect(built, 'site/ is not built').toBe(true);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/models/googlenet/index.html`);
      await waitForGraphs(page);
      const order = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const script = (name: string) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(name))?.startTime ?? NaN;
        return { fcp, graph: script('/cnn-graph.js'), model: script('/assets/model.js'), live: !!document.querySelector('cnn-graph')?.shadowRoot?.querySelector('svg') };
      });
      expect(order.live).toBe(true);
      expect(order.fcp).toBeGreaterThan(0);
      // Requested only once the first contentful paint was reported (its start time is when the frame was presented).
      expect(order.graph).toBeGreaterThanOrEqual(order.fcp);
      expect(order.model).toBeGreaterThanOrEqual(order.fcp);
    } finally {
      await page.close();
    }
  });

  // Several pages at a time (vitest's maxConcurrency), all in one browser.
  it.concurrent.each(files.length ? files : ['(site not built)'])('%s: loads without errors, draws every graph, links only to what exists', async (file) => {
      expect(built, 'site/ is not built').toBe(true);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
      });
      page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      try {
        await page.goto(`${server.url}/${file}`, { waitUntil: 'load' });
        await waitForGraphs(page);
        const graphs = await graphStates(page);
        const undrawn = graphs.filter((g) => !g.drawn).map((g) => `${g.id} (${g.model ?? 'no model'}): ${g.message ?? 'nothing drawn'}`);
        expect(undrawn, `graphs not drawn on ${file}`).toEqual([]);

        const lang = await page.getAttribute('html', 'lang');
        expect(lang).toBe(file.startsWith('zh/') ? 'zh-CN' : 'en');

        // The language switch names the same page in the other language.
        const sw = await page.$$eval('a[data-lang-switch]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        expect(sw).toHaveLength(1);
        expect(new URL(sw[0] as string).pathname).toBe(`/${counterpart(file)}`);

        // Every same-origin link (anchors, SVG links) names an existing file, and an existing id.
        const hrefs = await page.$$eval('a[href], link[href]', (els) => els.map((e) => (e instanceof SVGAElement ? new URL(e.href.baseVal, document.baseURI).href : (e as HTMLAnchorElement).href)));
        const broken: string[] = [];
        for (const href of new Set(hrefs)) {
          const url = new URL(href);
          if (url.origin !== server.url) continue;
          const target = fileOf(url.pathname);
          if (!existsSync(join(SITE, target)) || !statSync(join(SITE, target)).isFile()) {
            broken.push(`${url.pathname} (no file ${target})`);
            continue;
          }
          const id = decodeURIComponent(url.hash.slice(1));
          if (id && target.endsWith('.html') && !idsIn(target).has(id)) broken.push(`${url.pathname}${url.hash} (no element with id "${id}")`);
        }
        expect(broken, `broken links on ${file}`).toEqual([]);
        expect(errors, `errors on ${file}`).toEqual([]);
      } finally {
        await page.close();
      }
  });
});
