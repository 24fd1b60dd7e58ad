/**
 * Network files into <cnn-graph> (issue 12 part 2), in real Chromium with dist/cnn-graph.js:
 * `src` pointing at an ONNX model, a file dropped on the element or picked with "Open…"
 * (ONNX, PyTorch source), and the errors of a broken or oversized file, in English and Chinese.
 * The element's numbers are checked against the CLI's `summary --json` of the same file.
 */
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnnx } from '../../src/import/onnx/read.js';
import { runCli } from '../cli/run.js';
import { buildUi, collectErrors, launchChromium, page as htmlPage, ROOT, serve, type StaticServer } from './chromium.js';

const ONNX = join(ROOT, 'tests/fixtures/onnx');
const PY = join(ROOT, 'tests/fixtures/python');
/** Screenshots for docs/onnx.md: written there with CNN_SCREENSHOTS=1, else to a cache (a test run leaves docs alone). */
const shot = (name: string) => join(ROOT, process.env.CNN_SCREENSHOTS ? 'docs/img' : 'node_modules/.cache', name);

const el = (attrs: string) => `<cnn-graph id="g" toolbar ${attrs} style="--cnn-height:700px;width:1000px;display:block"></cnn-graph>`;
/** Half of resnet18.onnx: the protobuf ends inside a field. */
const TRUNCATED = readFileSync(join(ONNX, 'resnet18.onnx')).subarray(0, 20_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildUi();
  server = await serve(
    {
      '/onnx.html': htmlPage(el('src="/fixtures/onnx/resnet18.onnx"')),
      '/zoo.html': htmlPage(el('model="lenet5"')),
      '/zoo-zh.html': htmlPage(el('model="lenet5"'), '', 'zh-CN'),
      '/broken.html': htmlPage(el('src="/broken/resnet18.onnx"')),
      '/broken-zh.html': htmlPage(el('src="/broken/resnet18.onnx"'), '', 'zh-CN'),
      '/broken/resnet18.onnx': '',
      '/favicon.ico': '',
    },
    { '/dist/': join(ROOT, 'dist'), '/fixtures/onnx/': ONNX },
  );
  server.set('/broken/resnet18.onnx', TRUNCATED, 'application/octet-stream');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The CLI's summary of a file: what the element must show for it. */
async function cliSummary(path: string): Promise<{ model: string; totals: { params: number; macs: number }; layers: unknown[] }> {
  const r = await runCli(['summary', path, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

async function open(path: string, lang = ''): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1040, height: 760 } });
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}${path}${lang}`);
  await page.waitForFunction(() => customElements.get('cnn-graph'));
  return { page, errors, requests };
}

type Shown = { model: string | null; layers: number; params: number; macs: number; failure: string | null; message: string };
/** What the element shows once its current load has settled. */
const shown = (page: Page): Promise<Shown> =>
  page.evaluate(async () => {
    const g = document.getElementById('g') as HTMLElement & { rendered(): Promise<void>; analysis: { model: string; layers: unknown[]; totals: { params: number; macs: number } } | null; failure: { message: string } | null };
    await g.rendered();
    const message = [...(g.shadowRoot?.querySelectorAll('[part="message"]') ?? [])].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ');
    const a = g.failure ? null : g.analysis;
    return { model: a?.model ?? null, layers: a?.layers.length ?? 0, params: a?.totals.params ?? 0, macs: a?.totals.macs ?? 0, failure: g.failure?.message ?? null, message };
  });

/** Drop a file built from `bytes` on the element, as a reader's drag from the desktop does; resolves with whether the drop target showed while dragging. */
const drop = (page: Page, name: string, bytes: Buffer) =>
  page.evaluate(
    ([n, b64]) => {
      const g = document.getElementById('g') as HTMLElement;
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], n));
      const at = { bubbles: true, cancelable: true, composed: true, dataTransfer: dt };
      g.dispatchEvent(new DragEvent('dragenter', at));
      const over = new DragEvent('dragover', at);
      g.dispatchEvent(over);
      return new Promise<{ target: boolean; targetText: string; prevented: boolean; after: boolean }>((ok) =>
        requestAnimationFrame(() => {
          const t = g.shadowRoot?.querySelector('[part="drop-target"]');
          const target = !!t && t.getBoundingClientRect().width > 0;
          const targetText = t?.textContent?.trim() ?? '';
          g.dispatchEvent(new DragEvent('drop', at));
          requestAnimationFrame(() => ok({ target, targetText, prevented: over.defaultPrevented, after: !!g.shadowRoot?.querySelector('[part="drop-target"]') }));
        }),
      );
    },
    [name, bytes.toString('base64')] as const,
  );

describe('network files in <cnn-graph>', { timeout: 90_000 }, () => {
  it('src="resnet18.onnx" draws the CLI summary’s layers and totals, loading the ONNX reader only then', async () => {
    const cli = await cliSummary(join(ONNX, 'resnet18.onnx'));
    expect(cli.totals.params).toBe(11_689_512); // torchvision's resnet18, as PyTorch counts it
    const { page, errors, requests } = await open('/onnx.html');
    const s = await shown(page);
    expect(s).toMatchObject({ failure: null, model: cli.model, layers: cli.layers.length, params: cli.totals.params, macs: cli.totals.macs });
    expect(requests).toContain('/dist/cnn-graph-onnx.js');
    expect(requests).not.toContain('/dist/cnn-graph-python.js');
    expect(await page.evaluate(() => document.getElementById('g')?.shadowRoot?.querySelectorAll('[part~="node"]').length)).toBeGreaterThan(5);
    await page.locator('#g').screenshot({ path: shot('onnx-resnet18.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page of zoo networks never downloads the readers', async () => {
    const { page, requests } = await open('/zoo.html');
    expect((await shown(page)).model).toBe('lenet5');
    expect(requests.filter((r) => /cnn-graph-(onnx|python)/.test(r))).toEqual([]);
    await page.close();
  });

  it('a truncated ONNX file: the error names the file and what is wrong, in English and Chinese', async () => {
    const first = readOnnx(new Uint8Array(TRUNCATED), { name: 'resnet18' }).diagnostics[0];
    expect(first?.message).toBeTruthy();
    const { page, errors } = await open('/broken.html');
    const s = await shown(page);
    expect(s.failure).toContain(`"/broken/resnet18.onnx" is not a valid network: ${first.message}`);
    expect(s.message).toContain(first.message);
    expect(errors).toEqual([]);
    await page.close();
    const zh = await open('/broken-zh.html');
    const z = await shown(zh.page);
    expect(z.message).toContain('不是有效的网络');
    expect(z.message).toContain(first.zh?.message ?? 'the Chinese of the diagnostic');
    await zh.page.close();
  });

  it('an ONNX file dropped on the element opens it, with a drop target while dragging', async () => {
    const cli = await cliSummary(join(ONNX, 'googlenet.onnx'));
    const { page, errors } = await open('/zoo.html');
    expect((await shown(page)).model).toBe('lenet5');
    const d = await drop(page, 'googlenet.onnx', readFileSync(join(ONNX, 'googlenet.onnx')));
    expect(d).toEqual({ target: true, targetText: 'Drop a network file to open it: .json, .onnx or .py', prevented: true, after: false });
    const s = await shown(page);
    expect(s).toMatchObject({ failure: null, model: cli.model, layers: cli.layers.length, params: cli.totals.params, macs: cli.totals.macs });
    // The page setting a model again replaces the dropped file.
    await page.evaluate(() => document.getElementById('g')?.setAttribute('model', 'vgg11'));
    const after = await shown(page);
    expect(after.failure).toBeNull();
    expect(after.model).toBe('vgg11');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a dropped .py opens as PyTorch source, equal to the CLI’s reading of it', async () => {
    const cli = await cliSummary(join(PY, 'se_block.py'));
    const { page, errors } = await open('/zoo.html');
    await shown(page);
    await drop(page, 'se_block.py', readFileSync(join(PY, 'se_block.py')));
    const s = await shown(page);
    expect(s).toMatchObject({ failure: null, model: cli.model, layers: cli.layers.length, params: cli.totals.params, macs: cli.totals.macs });
    expect(s.params).toBe(6154); // tests/fixtures/python/expected.json, from PyTorch
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the toolbar’s Open… button reads a chosen file (the keyboard’s way to a drop)', async () => {
    const cli = await cliSummary(join(ONNX, 'squeezenet1_0.onnx'));
    const { page } = await open('/zoo-zh.html');
    await shown(page);
    await expect(page.locator('#g button[data-action="open"]').textContent()).resolves.toContain('打开');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#g button[data-action="open"]').focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(join(ONNX, 'squeezenet1_0.onnx'));
    await page.waitForFunction(() => (document.getElementById('g') as HTMLElement & { analysis: { model: string } | null }).analysis?.model === 'squeezenet1_0');
    const s = await shown(page);
    expect(s).toMatchObject({ failure: null, model: cli.model, layers: cli.layers.length, params: cli.totals.params });
    await page.close();
  });

  it('a dropped file past the size limit is refused before it is read, in the element’s language', async () => {
    const { page } = await open('/zoo-zh.html');
    await shown(page);
    await page.evaluate(() => {
      const g = document.getElementById('g') as HTMLElement & { file: Blob | null };
      g.file = new File([new Uint8Array(17 * 1024 * 1024)], 'big.json');
    });
    const s = await shown(page);
    expect(s.failure).toBe('"big.json" is 17.0 MiB; cnn-graph reads network files of up to 16 MiB. Check that it describes a network and is not a weights file.');
    expect(s.message).toContain('"big.json" 有 17.0 MiB；cnn-graph 只读取不超过 16 MiB 的网络文件');
    await page.close();
  });
});
