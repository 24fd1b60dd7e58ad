/**
 * Hostile input in the page, in real Chromium: <cnn-graph> and <cnn-summary>
 * given a cycle, NaN and Infinity, an unknown or enormous model attribute,
 * names that are not XML, and a PNG export the browser cannot make.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildUi, collectErrors, launchChromium, page as htmlPage, ROOT, serve, type StaticServer } from './chromium.js';

/** Screenshots for docs/bad-input.md: written there with CNN_SCREENSHOTS=1, else to a cache (a test run leaves docs alone). */
const shot = (name: string) => join(ROOT, process.env.CNN_SCREENSHOTS ? 'docs/img' : 'node_modules/.cache', name);

const PAGE = htmlPage(
  '<div id="host"></div>',
  `<script type="module">
  /** Put a <cnn-graph> (and optionally a <cnn-summary> for it) on the page; resolve with its first cnn-error or cnn-layout. */
  window.__place = (id, attrs, graph, summary) => new Promise((ok) => {
    const g = document.createElement('cnn-graph');
    g.id = id;
    g.setAttribute('toolbar', '');
    g.style.cssText = '--cnn-height:260px;width:640px;display:block';
    for (const [k, v] of Object.entries(attrs)) g.setAttribute(k, v);
    if (graph) g.graph = graph;
    let error = null;
    g.addEventListener('cnn-error', (e) => { error = e.detail; setTimeout(() => ok({ event: 'cnn-error', message: error.message, localized: error.localized, stage: error.stage })); }, { once: true });
    g.addEventListener('cnn-layout', () => setTimeout(() => { if (!error) ok({ event: 'cnn-layout' }); }, 50), { once: true });
    document.getElementById('host').append(g);
    if (summary) {
      const s = document.createElement('cnn-summary');
      s.id = id + '-summary';
      s.setAttribute('for', id);
      document.getElementById('host').append(s);
    }
  });
  window.__text = (sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('[part="message"], [part="error"]')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim());
</script>`,
);

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];

interface Placed {
  event: string;
  message?: string;
  localized?: string;
  stage?: string;
}
const place = (id: string, attrs: Record<string, string>, graph?: unknown, summary = false) =>
  page.evaluate(([i, a, g, s]) => (window as unknown as { __place(...x: unknown[]): Promise<Placed> }).__place(i, a, g, s), [id, attrs, graph ?? null, summary] as const);
const texts = (sel: string) => page.evaluate((s) => (window as unknown as { __text(s: string): string[] }).__text(s), sel);

const conv = { path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3, inputs: ['input'] };
const net = (layers: unknown[]) => ({ name: 't', input: [1, 28, 28], layers, modules: [], aux: [], output: (layers[layers.length - 1] as { path: string }).path });

beforeAll(async () => {
  await buildUi();
  server = await serve({ '/index.html': PAGE, '/favicon.ico': '' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  errors = collectErrors(page);
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => customElements.get('cnn-graph') && customElements.get('cnn-summary'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile input in <cnn-graph> and <cnn-summary>', { timeout: 60_000 }, () => {
  it('a layer that reads itself: cnn-error naming it, and the panel says so', async () => {
    const r = await place('cycle', {}, net([conv, { path: 'net.1', kind: 'ReLU', inputs: ['net.0'] }, { path: 'net.2', kind: 'Add', inputs: ['net.1', 'net.2'] }]));
    expect(r).toMatchObject({ event: 'cnn-error', stage: 'analysis', message: 'net.2 Add: reads its own output ("inputs" names "net.2"): a layer cannot read itself.' });
    expect((await texts('#cycle')).join(' ')).toContain('net.2 Add: reads its own output');
  });

  it('NaN and Infinity in the graph property are named as such', async () => {
    const r = await place('nan', {}, net([{ ...conv, out_channels: Number.NaN, kernel_size: Number.POSITIVE_INFINITY }]));
    expect(r.event).toBe('cnn-error');
    const shown = (await texts('#nan')).join(' ');
    expect(shown).toContain('out_channels is NaN, not a finite number');
    expect(shown).toContain('kernel_size is Infinity, not a finite number');
  });

  it('model="resnet-50" suggests torchvision-resnet50, and the linked <cnn-summary> shows the error instead of waiting', async () => {
    const r = await place('typo', { model: 'resnet-50' }, undefined, true);
    expect(r).toMatchObject({ event: 'cnn-error', stage: 'load' });
    expect(r.message).toMatch(/^Unknown model "resnet-50"\. Did you mean "torchvision-resnet50"\?/);
    await page.waitForFunction(() => document.getElementById('typo-summary')!.shadowRoot!.querySelector('[part="error"]'));
    const summary = await texts('#typo-summary');
    expect(summary).toEqual([expect.stringMatching(/^#typo could not draw its network: Unknown model "resnet-50"\. Did you mean "torchvision-resnet50"\?/)]);
    await page.locator('#typo').scrollIntoViewIfNeeded();
    const box = (await page.locator('#typo').boundingBox())!;
    await page.screenshot({ path: shot('bad-input-unknown-model.png'), clip: { x: 0, y: box.y, width: 700, height: box.height + 60 } });
  });

  it('a million-character model attribute gives a short message', async () => {
    const r = await place('huge', { model: 'm'.repeat(1_000_000) });
    expect(r.event).toBe('cnn-error');
    expect(r.message!.length).toBeLessThan(600);
    expect(r.message).toContain(`"${'m'.repeat(79)}…"`);
    expect(Math.max(...(await texts('#huge')).map((t) => t.length))).toBeLessThan(700);
  });

  it('names with U+FFFE, U+FFFF and lone surrogates: toSVG() parses as XML and toPNG() resolves', async () => {
    const bad = 'a\ufffe\uffff\ud800<script>]]>';
    const r = await place('xml', {}, net([{ ...conv, path: `${bad}.0` }, { path: `${bad}.1`, kind: 'ReLU', inputs: [`${bad}.0`] }]));
    expect(r.event).toBe('cnn-layout');
    const out = await page.evaluate(async () => {
      const g = document.getElementById('xml') as HTMLElement & { toSVG(): string; toPNG(scale?: number): Promise<Blob> };
      const doc = new DOMParser().parseFromString(g.toSVG(), 'image/svg+xml');
      const png = await g.toPNG(1);
      return { parseError: doc.querySelector('parsererror')?.textContent ?? null, png: png.type, size: png.size };
    });
    expect(out.parseError).toBeNull();
    expect(out.png).toBe('image/png');
    expect(out.size).toBeGreaterThan(1000);
  });

  it('a PNG the browser cannot make is said in the element, not dropped', async () => {
    expect((await place('png', { model: 'lenet5' })).event).toBe('cnn-layout');
    // The browser failing to decode the picture (what an SVG that is not XML made it do).
    await page.evaluate(() => {
      HTMLImageElement.prototype.decode = () => Promise.reject(new DOMException('The source image cannot be decoded.', 'EncodingError'));
    });
    await page.evaluate(() => (document.getElementById('png')!.shadowRoot!.querySelector('button[data-action="png"]') as HTMLButtonElement).click());
    await page.waitForFunction(() => document.getElementById('png')!.shadowRoot!.querySelector('.export-error'));
    expect(await texts('#png')).toEqual(['The PNG could not be made: The source image cannot be decoded.']);
    await page.locator('#png').scrollIntoViewIfNeeded();
    const box = (await page.locator('#png').boundingBox())!;
    await page.screenshot({ path: shot('bad-input-png-failed.png'), clip: { x: 0, y: box.y, width: 700, height: box.height + 10 } });
  });

  it('<cnn-train> on a graph with a cycle names the cycle; an enormous model attribute is quoted by its start', async () => {
    await page.addScriptTag({ type: 'module', url: '/dist/cnn-train.js' });
    await page.waitForFunction(() => customElements.get('cnn-train'));
    const shown = await page.evaluate(async () => {
      const run = async (attrs: Record<string, string>) => {
        const t = document.createElement('cnn-train') as HTMLElement & { start(): Promise<unknown>; updateComplete: Promise<unknown> };
        for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
        document.getElementById('host')!.append(t);
        await t.updateComplete;
        await t.start().catch(() => null);
        await t.updateComplete;
        return t.shadowRoot!.querySelector('[part=message]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      };
      return { cycle: await run({ for: 'cycle', backend: 'cpu' }), huge: await run({ model: 'q'.repeat(1_000_000) }) };
    });
    expect(shown.cycle).toContain('net.2 Add: reads its own output');
    expect(shown.cycle).not.toMatch(/reading 'shape'|classes/);
    expect(shown.huge).toContain(`"${'q'.repeat(79)}…"`);
    expect(shown.huge.length).toBeLessThan(700);
  });

  it('no page errors', () => {
    // The PNG test's console is quiet too: the failure is handled, not thrown.
    expect(errors).toEqual([]);
  });
});
