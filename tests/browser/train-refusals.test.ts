/**
 * <cnn-train> in real Chromium, on what it must refuse or accept (issue 13):
 * a run too large for the page's memory is refused before the data loads,
 * with the numbers and the batch size that fits; a loss that explodes while
 * staying finite is shown as a failure, not a result; the `cnn-graph/1`
 * document that `cnn-graph export` writes trains through the `graph`
 * property, as `<cnn-graph>` accepts it, and anything else gets a readable
 * message. WASM backend: these runs are a few batches each.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkToJSON } from '../../src/graph/json.js';
import { zooGraph } from '../../src/zoo/index.js';
import { collectErrors, launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cnn-train refusals</title>
<script type="module" src="/dist/cnn-train.js"></script></head>
<body style="margin:0;width:900px">
<cnn-train id="big" model="nin" backend="wasm"></cnn-train>
<cnn-train id="lr" model="lenet5" backend="wasm" lr="1000000" batch-size="64" limit="512" epochs="1" test-limit="64"></cnn-train>
<cnn-train id="doc" backend="wasm" batch-size="32" limit="64" epochs="1" test-limit="64"></cnn-train>
</body></html>`;

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];

interface Outcome {
  result: boolean;
  ends: number;
  progress: number;
  errors: { kind: string; message: string }[];
  kind: string | null;
  message: string;
  status: string;
}

/** Starts panel `#id` and reports its events and what it shows afterwards. */
function start(id: string): Promise<Outcome> {
  return page.evaluate(async (id) => {
    const el = document.getElementById(id) as HTMLElement & { start(): Promise<unknown>; updateComplete: Promise<unknown> };
    const out = { ends: 0, progress: 0, errors: [] as { kind: string; message: string }[] };
    const onP = () => out.progress++;
    const onE = () => out.ends++;
    const onX = (e: Event) => out.errors.push((e as CustomEvent).detail);
    el.addEventListener('cnn-train-progress', onP);
    el.addEventListener('cnn-train-end', onE);
    el.addEventListener('cnn-train-error', onX);
    const r = await el.start();
    await el.updateComplete;
    el.removeEventListener('cnn-train-progress', onP);
    el.removeEventListener('cnn-train-end', onE);
    el.removeEventListener('cnn-train-error', onX);
    const root = el.shadowRoot!;
    const msg = root.querySelector('[part=message]');
    return { ...out, result: r !== null, kind: msg?.getAttribute('data-kind') ?? null, message: msg?.textContent?.replace(/\s+/g, ' ').trim() ?? '', status: root.querySelector('[part=status]')?.textContent?.trim() ?? '' };
  }, id);
}

beforeAll(async () => {
  const { default: buildTrain } = await import(pathToFileURL(join(ROOT, 'scripts/build-train.mjs')).href);
  await buildTrain({ quiet: true });
  const { default: buildData } = await import(pathToFileURL(join(ROOT, 'scripts/build-data.mjs')).href);
  await buildData({ log: () => {} });
  server = await serve({ '/index.html': PAGE, '/favicon.ico': '' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  errors = collectErrors(page);
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => customElements.get('cnn-train'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** For a person to look at (the panel's message in its place); not compared. */
const shot = (id: string, file: string) => page.locator(`#${id}`).screenshot({ path: join(tmpdir(), file) });

describe('<cnn-train> refuses what cannot work, and says why', () => {
  it('a run too large for the page (NiN at the notes’ batch of 128) is refused before the data loads, naming the batch size that fits', async () => {
    const o = await start('big');
    expect(o).toMatchObject({ result: false, ends: 0, progress: 0, kind: 'memory' });
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0].kind).toBe('memory');
    expect(o.message).toMatch(/^Too large to train here\. nin: training needs about [\d.]+ GiB \(weights [\d.]+ MiB, gradients [\d.]+ MiB, Adam’s two moments [\d.]+ MiB, activations [\d.]+ GiB for a batch of 128\), more than the 2\.00 GiB this run may use \(the cap for training in a browser tab\); nothing was allocated\. Use a smaller batch \(a batch size of (\d+) or less fits\)/);
    // Nothing was downloaded: the panel never got to "Loading the data".
    expect(o.status).not.toMatch(/Loading the data/);
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /mnist-train-images/.test(r.name)));
    expect(requested).toBe(false);
    await shot('big', 'train-too-large.png');
  }, 60_000);

  it('a finite loss that explodes (lr 1e6) stops the run and shows a failure, not a result', async () => {
    const o = await start('lr');
    expect(o).toMatchObject({ result: false, ends: 0, kind: 'diverged' });
    expect(o.errors.map((e) => e.kind)).toEqual(['diverged']);
    expect(o.message).toMatch(/^The training diverged\. lenet5: the loss became [\d,]+, more than ten times the 2\.30 of an untrained network at epoch 1, batch \d+; training stopped\. The learning rate 1000000 is too high for SGD: lower it \(the notes use 0\.9 for this network\)/);
    expect(await page.evaluate(() => document.getElementById('lr')!.shadowRoot!.querySelector('[part=result]'))).toBeNull();
    await shot('lr', 'train-diverged.png');
  }, 60_000);

  it('trains the cnn-graph/1 document that `cnn-graph export` writes, given as the graph property', async () => {
    const doc = networkToJSON(zooGraph('lenet5')!);
    expect(doc.format).toBe('cnn-graph/1');
    await page.evaluate((doc) => {
      (document.getElementById('doc') as HTMLElement & { graph: unknown }).graph = doc;
    }, doc);
    const o = await start('doc');
    expect(o.errors).toEqual([]);
    expect(o).toMatchObject({ result: true, ends: 1, kind: null });
    expect(await page.evaluate(() => document.getElementById('doc')!.shadowRoot!.querySelector('header strong')!.textContent)).toBe('Train: lenet5');
  }, 60_000);

  it.each([
    ['a number', 42, /^Training failed\. The graph property is not a network: a network must be an object with "name", "input" and "layers", got 42\./],
    ['an object without layers', { name: 'x', input: [1, 28, 28] }, /^Training failed\. The graph property is not a network: .*layers/],
  ])('a graph property that is %s gets a readable message, not a TypeError', async (_what, value, message) => {
    await page.evaluate((v) => {
      (document.getElementById('doc') as HTMLElement & { graph: unknown }).graph = v;
    }, value);
    const o = await start('doc');
    expect(o).toMatchObject({ result: false, ends: 0, kind: 'model' });
    expect(o.message).toMatch(message);
    expect(o.message).not.toMatch(/Cannot read|undefined/);
  }, 60_000);

  it('nothing went to the console', () => {
    expect(errors).toEqual([]);
  });
});
