/**
 * The concept pages in Chromium: the calculators answer input with the analysis's numbers
 * (recomputed here from src/analysis), `<cnn-compare>` draws and localises, no console errors.
 * Needs the built site (node scripts/build.mjs, which `npm test` runs first).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convOutputSize, poolOutputSize } from '../../src/analysis/arith.js';
import { bottleneck, stack } from '../../src/zoo/compare.js';
import { formatInt } from '../../src/analysis/format.js';
import { collectErrors, launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const SITE = join(ROOT, 'site');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(SITE, 'concepts/one-by-one/index.html')) || !existsSync(join(SITE, 'assets/concepts.js'))) {
    throw new Error('site/ has no concept pages: run `node scripts/build.mjs` (or build-ui then build-site) before the browser tests.');
  }
  server = await serve({}, { '/': SITE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${server.url}/${path}`);
  await page.waitForSelector('[data-calc-root][data-ready]');
  return { page, errors };
}

const text = (page: Page, sel: string) => page.locator(sel).first().innerText();

/** What a `<cnn-compare>` draws (its `computed` getter), once it has items. */
async function compared(page: Page, sel: string): Promise<{ label: string; macs: number; params: number }[]> {
  await page.waitForFunction((s) => ((document.querySelector(s) as unknown as { computed?: { items: unknown[] } })?.computed?.items.length ?? 0) > 0, sel);
  return page.evaluate((s) => (document.querySelector(s) as unknown as { computed: { items: { label: string; macs: number; params: number }[] } }).computed.items.map(({ label, macs, params }) => ({ label, macs, params })), sel);
}

describe('concept pages in Chromium', () => {
  it('output-size: the calculator follows the inputs with PyTorch’s size, and explains a refusal', async () => {
    const { page, errors } = await open('concepts/output-size/index.html');
    const form = 'form[data-calc="output-size"]';
    for (const [name, v] of [['h', '224'], ['k', '11'], ['p', '1'], ['s', '4']] as const) await page.fill(`${form} input[name="${name}"]`, v);
    const conv = convOutputSize(224, 11, 4, 1);
    expect(await text(page, '[data-value="out"]')).toBe(`${conv}×${conv}`);
    expect(await text(page, '[data-out="notes"]')).toContain('54.75');
    // MaxPool2d with ceil_mode: the window in the right padding is dropped, and the picture says so.
    await page.selectOption(`${form} select[name="layer"]`, 'max');
    for (const [name, v] of [['h', '5'], ['k', '2'], ['p', '1'], ['s', '2']] as const) await page.fill(`${form} input[name="${name}"]`, v);
    await page.check(`${form} input[name="ceil"]`);
    const pooled = poolOutputSize(5, 2, 2, 1, 1, true);
    expect(await text(page, '[data-value="out"]')).toBe(`${pooled}×${pooled}`);
    expect(await page.locator('svg.windows g.dropped').count()).toBe(1);
    expect(await page.locator('svg.windows .tap.in-pad').count()).toBeGreaterThan(0);
    // A kernel larger than the padded input.
    await page.selectOption(`${form} select[name="layer"]`, 'conv');
    await page.fill(`${form} input[name="k"]`, '9');
    await page.fill(`${form} input[name="p"]`, '0');
    expect(await text(page, '.calc-error')).toContain('layer Conv2d: Conv2d kernel spans 9 along height but the padded input is only 5');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('one-by-one: both examples of the notes and the live comparison carry the analysis’s numbers', async () => {
    const { page, errors } = await open('concepts/one-by-one/index.html');
    const ex1 = bottleneck({ input: [192, 28, 28], out: 32, kernel: 5, reduce: 16 });
    const got1 = await compared(page, 'cnn-compare[data-example="inception"]');
    expect(got1.map((i) => i.macs)).toEqual(ex1.variants.map((v) => v.macs));
    const shadow = await page.locator('cnn-compare[data-example="inception"]').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(shadow).toContain('1²×28²×192×16 + 5²×28²×16×32 = 12,443,648');
    expect(shadow).toContain('9.68× fewer MACs');
    // Bars: one per configuration and metric, the longest for the direct convolution.
    const widths = await page.locator('cnn-compare[data-example="inception"]').evaluate((el) => [...(el.shadowRoot?.querySelectorAll('rect.bar.macs') ?? [])].map((r) => Number(r.getAttribute('width'))));
    expect(widths).toHaveLength(2);
    expect(widths[1] / widths[0]).toBeCloseTo(ex1.variants[1].macs / ex1.variants[0].macs, 2);

    const form = 'form[data-calc="bottleneck"]';
    for (const [name, v] of [['c', '480'], ['h', '14'], ['w', '14'], ['k', '5'], ['n', '48'], ['r', '16']] as const) await page.fill(`${form} input[name="${name}"]`, v);
    await page.uncheck(`${form} input[name="bias"]`);
    const live = bottleneck({ input: [480, 14, 14], out: 48, kernel: 5, reduce: 16, bias: false });
    await page.waitForFunction(
      (want) => (document.querySelector('cnn-compare[data-role="live"]') as unknown as { computed: { items: { macs: number }[] } }).computed.items[1]?.macs === want,
      live.variants[1].macs,
    );
    expect(await compared(page, 'cnn-compare[data-role="live"]')).toEqual(live.variants.map((v, i) => ({ label: i === 0 ? 'direct 5×5' : '1×1 → 16 channels, then 5×5', macs: v.macs, params: v.params })));

    // R = 0, then an emptied box: one message in the reader's words each time, and no bars of the last good values.
    const liveCompare = page.locator('cnn-compare[data-role="live"]');
    const alerts = () => page.evaluate(() => [...document.querySelectorAll('[data-calc-root="bottleneck"] [role="alert"]')].map((e) => e.textContent?.trim() ?? '').concat([...document.querySelectorAll('cnn-compare[data-role="live"]')].flatMap((c) => [...(c.shadowRoot?.querySelectorAll('[role="alert"]') ?? [])].map((e) => e.textContent?.trim() ?? ''))));
    await page.fill(`${form} input[name="r"]`, '0');
    expect(await alerts()).toEqual(['“Reduce to R” is 0. Enter a whole number, 1 or more: nothing is computed until then.']);
    expect(await liveCompare.isVisible()).toBe(false);
    await page.fill(`${form} input[name="r"]`, '');
    expect(await alerts()).toEqual(['“Reduce to R” is empty. Enter a whole number, 1 or more: nothing is computed until then.']);
    expect(await liveCompare.isVisible()).toBe(false);
    await page.fill(`${form} input[name="r"]`, '8');
    const eight = bottleneck({ input: [480, 14, 14], out: 48, kernel: 5, reduce: 8, bias: false });
    await page.waitForFunction(
      (want) => (document.querySelector('cnn-compare[data-role="live"]') as unknown as { computed: { items: { macs: number }[] } }).computed.items[1]?.macs === want,
      eight.variants[1].macs,
    );
    expect(await liveCompare.isVisible()).toBe(true);
    expect(await alerts()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stacked-3x3 and multi-channel respond to their inputs', async () => {
    const { page, errors } = await open('concepts/stacked-3x3/index.html');
    await page.fill('form[data-calc="stack"] input[name="n"]', '2');
    await page.fill('form[data-calc="stack"] input[name="c"]', '32');
    expect(await text(page, '[data-value="stacked-c2"]')).toBe('18C²');
    expect(await text(page, '[data-value="large-c2"]')).toBe('25C²');
    const s = stack({ channels: 32, kernel: 5 });
    await page.waitForFunction((want) => (document.querySelector('cnn-compare') as unknown as { computed: { items: { params: number }[] } }).computed.items[1]?.params === want, s.variants[1].params);
    expect((await compared(page, 'cnn-compare')).map((i) => i.macs)).toEqual(s.variants.map((v) => v.macs));
    expect(errors).toEqual([]);
    await page.close();

    const mc = await open('concepts/multi-channel/index.html');
    await mc.page.fill('form[data-calc="multi-channel"] input[name="cin"]', '8');
    await mc.page.fill('form[data-calc="multi-channel"] input[name="groups"]', '4');
    expect(await text(mc.page, '[data-value="params"]')).toBe(formatInt(16 * 2 * 9 + 16));
    await mc.page.fill('form[data-calc="multi-channel"] input[name="groups"]', '3');
    expect(await text(mc.page, '.calc-error')).toContain('groups=3 must divide both in_channels=8 and out_channels=16');
    expect(mc.errors).toEqual([]);
    await mc.page.close();
  });

  it('nin-gap and pooling: the head calculator reads the zoo’s feature map from the page, pooling the count_include_pad box', async () => {
    const { page, errors } = await open('concepts/nin-gap/index.html');
    await page.fill('form[data-calc="nin-head"] input[name="hidden"]', '100');
    // The fully connected head on NiN's 384×5×5 map (carried by the form's fixed fields), 10 classes.
    expect(await text(page, '[data-value="dense-params"]')).toBe(formatInt(9600 * 100 + 100 + 100 * 100 + 100 + 100 * 10 + 10));
    expect((await compared(page, '[data-calc-root="nin-head"] cnn-compare'))[0].params).toBe(9600 * 100 + 100 + 100 * 100 + 100 + 100 * 10 + 10);
    await page.fill('form[data-calc="nin-head"] input[name="hidden"]', '0');
    // The box by its label, in the reader's words: one message.
    expect(await text(page, '.calc-error')).toBe('“Hidden units of the fully connected head” is 0. Enter a whole number, 1 or more: nothing is computed until then.');
    expect(await page.locator('[data-calc-root="nin-head"] cnn-compare').getAttribute('hidden')).toBe('');
    // Hidden for real: the page's display:block for the element must not win over [hidden].
    expect(await page.locator('[data-calc-root="nin-head"] cnn-compare').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();

    const pool = await open('concepts/pooling/index.html');
    // Default: average 2×2/2 with padding 1 on 5×5; output (0, 0) covers one input value and three padding zeros.
    const first = () => pool.page.locator('[data-value="pooled"] td').first().innerText();
    expect(await first()).toMatch(/÷4$/);
    await pool.page.uncheck('form[data-calc="pooling"] input[name="countIncludePad"]');
    expect(await first()).toMatch(/÷1$/);
    expect(pool.errors).toEqual([]);
    await pool.page.close();
  });

  it('residual: the live graph draws the block, and an identity shortcut across a channel change is refused', async () => {
    const { page, errors } = await open('concepts/residual/index.html');
    await page.waitForFunction(() => (document.querySelector('[data-graph-host] cnn-graph') as unknown as { analysis?: { ok: boolean } })?.analysis?.ok === true);
    await page.selectOption('form[data-calc="residual"] select[name="shortcut"]', 'identity');
    expect(await text(page, '.calc-error')).toContain('cannot add 128×28×28');
    expect(await text(page, '[data-value="add-inputs"]')).toBe('128×28×28 + 64×56×56');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the Chinese pages speak Chinese, <cnn-compare> included', async () => {
    const { page, errors } = await open('zh/concepts/one-by-one/index.html');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await text(page, 'h1')).toBe('1×1 卷积与降维（瓶颈）');
    await compared(page, 'cnn-compare[data-example="inception"]');
    const shadow = await page.locator('cnn-compare[data-example="inception"]').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(shadow).toContain('参数量');
    expect(shadow).toContain('乘加次数减少到 1/9.68');
    expect(shadow).not.toContain('fewer');
    expect(await text(page, '[data-check="inception"]')).toContain('相差 10,000');
    expect(errors).toEqual([]);
    await page.close();
  });
});
