/**
 * <cnn-train> in real headless Chromium on WebGL (SwiftShader, the software
 * GPU; tfjs has to be told to accept it), from a page that loads
 * dist/cnn-graph.js and dist/cnn-train.js side by side: the panel reads the
 * network of <cnn-graph for=…>, trains LeNet-5 on 192 MNIST images with the
 * notes' learning rate (batch 32: six batches; SwiftShader is slow), shows the backend and the GPU,
 * emits progress and the result record; Stop, the zh locale, and a lost WebGL
 * context continued on WASM from the kept weights.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zooEntry } from '../../src/zoo/index.js';
import { buildUi, launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cnn-train test</title>
<script type="module" src="/dist/cnn-graph.js"></script><script type="module" src="/dist/cnn-train.js"></script></head>
<body style="margin:0;width:1000px">
<cnn-graph id="g" model="lenet5" style="--cnn-height:160px"></cnn-graph>
<cnn-train id="t" for="g" limit="192" batch-size="32" epochs="1" test-limit="64"></cnn-train>
<div lang="zh"><cnn-train id="zh" model="googlenet-mini"></cnn-train></div>
<script type="module">import { tf } from '/dist/cnn-train.js'; window.cnnTf = tf;</script>
</body></html>`;

const RECORD_KEYS = ['model', 'dataset', 'backend', 'renderer', 'epochs', 'trainSamples', 'testSamples', 'samplesPerSecond', 'testAccuracy', 'loss', 'reference'];

let server: StaticServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface Run {
  progress: { phase: string; epoch: number; batch: number; batches: number; loss: number | null; fraction: number; samplesPerSecond: number; etaSeconds: number }[];
  end: Record<string, unknown> | null;
  errors: { kind: string; message: string }[];
}

/** Starts the panel `#id` (optionally clicking a button instead) and collects its events until the run settles. */
async function runPanel(id: string, how: 'start' | 'continue' = 'start'): Promise<Run & { result: { confusion: number[][]; tensors: { start: number; end: number }; accuracy: (number | null)[] } | null }> {
  return page.evaluate(
    async ([id, how]) => {
      const el = document.getElementById(id) as HTMLElement & { start(): Promise<unknown>; continueOnWasm(): Promise<unknown> };
      const run: Run = { progress: [], end: null, errors: [] };
      const onP = (e: Event) => run.progress.push((e as CustomEvent).detail);
      const onE = (e: Event) => (run.end = (e as CustomEvent).detail);
      const onX = (e: Event) => run.errors.push((e as CustomEvent).detail);
      // Listen on the document: the events must bubble out of the element.
      document.addEventListener('cnn-train-progress', onP);
      document.addEventListener('cnn-train-end', onE);
      document.addEventListener('cnn-train-error', onX);
      const r = (await (how === 'start' ? el.start() : el.continueOnWasm())) as { confusion: number[][]; tensors: { start: number; end: number }; accuracy: (number | null)[] } | null;
      document.removeEventListener('cnn-train-progress', onP);
      document.removeEventListener('cnn-train-end', onE);
      document.removeEventListener('cnn-train-error', onX);
      return { ...run, result: r && { confusion: r.confusion, tensors: r.tensors, accuracy: r.accuracy } };
    },
    [id, how] as const,
  );
}

const shadowText = (id: string, selector: string) => page.evaluate(([id, sel]) => document.getElementById(id)?.shadowRoot?.querySelector(sel)?.textContent?.trim() ?? null, [id, selector] as const);

beforeAll(async () => {
  // Test the bundle of the current sources; the graph bundle and the data only when missing (npm test builds them first).
  const { default: buildTrain } = await import(pathToFileURL(join(ROOT, 'scripts/build-train.mjs')).href);
  await buildTrain({ quiet: true });
  if (!existsSync(join(ROOT, 'dist/cnn-graph.js'))) {
    await buildUi();
  }
  const { default: buildData } = await import(pathToFileURL(join(ROOT, 'scripts/build-data.mjs')).href);
  await buildData({ log: () => {} });
  server = await serve({ '/index.html': PAGE, '/favicon.ico': '' });
  browser = await launchChromium({ webgl: true });
  page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => customElements.get('cnn-train') && customElements.get('cnn-graph'));
  await page.evaluate(() => (document.getElementById('g') as HTMLElement & { rendered(): Promise<void> }).rendered());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('<cnn-train> on WebGL', () => {
  let run: Awaited<ReturnType<typeof runPanel>>;

  it('shows the settings of the notes for the attached network before any run', async () => {
    expect(await shadowText('t', 'header strong')).toBe('Train: lenet5');
    const fields = await page.evaluate(() => {
      const root = document.getElementById('t')!.shadowRoot!;
      const v = (n: string) => (root.querySelector(`[name="${n}"]`) as HTMLInputElement).value;
      return { dataset: v('dataset'), epochs: v('epochs'), batch: v('batch-size'), lr: v('lr'), optimizer: v('optimizer'), limit: v('limit') };
    });
    const preset = zooEntry('lenet5')!.preset!;
    // Epochs, batch size and subset come from the attributes; the rest from the notes.
    expect(fields).toEqual({ dataset: preset.dataset, epochs: '1', batch: '32', lr: String(preset.lr), optimizer: preset.optimizer, limit: '192' });
  });

  it('trains LeNet-5 a few batches on WebGL: the backend and GPU shown, the loss falls, progress and the record arrive', async () => {
    run = await runPanel('t');
    expect(run.errors).toEqual([]);
    const info = await page.evaluate(() => (document.getElementById('t') as HTMLElement & { backendInfo: { backend: string; renderer: string | null; software: boolean } }).backendInfo);
    expect(info.backend).toBe('webgl');
    expect(info.renderer).toMatch(/SwiftShader/i);
    expect(info.software).toBe(true);
    expect(await shadowText('t', '.backend-name')).toBe('webgl');
    expect(await shadowText('t', '.renderer')).toBe(info.renderer);

    const trainSteps = run.progress.filter((p) => p.phase === 'train');
    expect(trainSteps.map((p) => p.batch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run.progress.filter((p) => p.phase === 'evaluate')).toHaveLength(1);
    expect(run.progress.at(-1)!.fraction).toBe(1);
    const fractions = run.progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const losses = trainSteps.map((p) => p.loss as number);
    // Seeded weights and batches: 2.30, 2.24 … 2.03, 1.84 on WASM in Node; WebGL must learn the same way.
    expect(losses[0]).toBeGreaterThan(2.2);
    expect(losses[0]).toBeLessThan(2.45);
    expect((losses[4] + losses[5]) / 2).toBeLessThan((losses[0] + losses[1]) / 2 - 0.15);

    const end = run.end!;
    expect(Object.keys(end)).toEqual(RECORD_KEYS);
    expect(end).toMatchObject({ model: 'lenet5', dataset: 'mnist', backend: 'webgl', renderer: info.renderer, epochs: 1, trainSamples: 192, testSamples: 64, reference: zooEntry('lenet5')!.preset!.reference });
    const loss = end.loss as number[];
    expect(loss).toHaveLength(1);
    // The epoch's loss is the mean of its batches (all six are full: 192 = 6 × 32).
    expect(loss[0]).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / 6, 5);
    // Accuracy is what the confusion matrix says.
    const m = run.result!.confusion;
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(64);
    expect(end.testAccuracy).toBeCloseTo(m.reduce((a, row, i) => a + row[i], 0) / 64, 10);
    expect(run.result!.tensors.end).toBe(run.result!.tensors.start);
    expect(problems).toEqual([]);
  }, 120_000);

  it('draws the result beside the reference, the curves and the confusion matrix', async () => {
    const acc = (run.end!.testAccuracy as number) * 100;
    expect(await shadowText('t', '.accuracy')).toBe(`Test accuracy ${acc.toFixed(2)}%`);
    expect(await shadowText('t', '.reference')).toBe('the notes report 97.94%');
    const shape = await page.evaluate(() => {
      const root = document.getElementById('t')!.shadowRoot!;
      return {
        cells: root.querySelectorAll('[part=confusion] tbody td').length,
        lossPath: root.querySelector('[part=loss-chart] path.loss')?.getAttribute('d') ?? '',
        dots: root.querySelectorAll('[part=accuracy-chart] circle').length,
        bar: root.querySelector('[part=progress]')?.getAttribute('aria-valuenow'),
      };
    });
    expect(shape.cells).toBe(100);
    expect(shape.lossPath.split(/[ML]/).filter(Boolean)).toHaveLength(6);
    expect(shape.dots).toBe(1);
    expect(shape.bar).toBe('100');
    await page.screenshot({ path: join(ROOT, 'node_modules/.cache/cnn-train-webgl.png'), fullPage: true });
  });

  it('Stop ends the run between batches without a record', async () => {
    const stopped = await page.evaluate(async () => {
      const el = document.getElementById('t') as HTMLElement & { start(): Promise<unknown>; stop(): void; running: boolean };
      let ends = 0;
      let batches = 0;
      const onEnd = () => ends++;
      const onP = () => {
        if (++batches === 2) el.stop();
      };
      el.addEventListener('cnn-train-end', onEnd);
      el.addEventListener('cnn-train-progress', onP);
      const r = await el.start();
      el.removeEventListener('cnn-train-end', onEnd);
      el.removeEventListener('cnn-train-progress', onP);
      return { r, ends, batches, running: el.running, status: el.shadowRoot!.querySelector('[part=status]')?.textContent ?? '' };
    });
    expect(stopped).toMatchObject({ r: null, ends: 0, batches: 2, running: false });
    expect(stopped.status).toMatch(/^Stopped\. Epoch 1\/1, batch 2\/6/);
  }, 60_000);

  it('speaks Chinese under lang="zh"', async () => {
    expect(await shadowText('zh', '[part=start]')).toBe('开始');
    expect(await shadowText('zh', 'header strong')).toBe('训练：googlenet-mini');
    expect(await shadowText('zh', '[part=backend]')).toMatch(/^后端：/);
    // A page that switches language in place is followed.
    await page.evaluate(() => document.querySelector('div[lang]')!.setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.getElementById('zh')!.shadowRoot!.querySelector('[part=start]')!.textContent!.trim() === 'Start');
    // Its failures speak the page's language too: an unknown model, in Chinese.
    await page.evaluate(() => document.querySelector('div[lang]')!.setAttribute('lang', 'zh'));
    const failed = await page.evaluate(async () => {
      const el = document.getElementById('zh') as HTMLElement & { start(): Promise<unknown>; updateComplete: Promise<unknown> };
      el.setAttribute('model', 'no-such-net');
      await el.updateComplete;
      await el.start().catch(() => null);
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part=message]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    });
    expect(failed).toMatch(/^训练失败。 未知的模型“no-such-net”。已有的模型：lenet5, /);
  });

  it('a lost WebGL context stops the run, keeps the weights, and training continues on WASM', async () => {
    const lost = await page.evaluate(async () => {
      const el = document.getElementById('t') as HTMLElement & { start(): Promise<unknown> };
      // The tfjs instance the bundle exports (the page put it on window).
      const tf = (window as unknown as { cnnTf: { backend(): { gpgpu: { gl: WebGL2RenderingContext } } } }).cnnTf;
      const onP = (e: Event) => {
        if ((e as CustomEvent).detail.batch === 2) tf.backend().gpgpu.gl.getExtension('WEBGL_lose_context')!.loseContext();
      };
      let error: unknown = null;
      el.addEventListener('cnn-train-progress', onP);
      el.addEventListener('cnn-train-error', (e) => (error = (e as CustomEvent).detail), { once: true });
      const r = await el.start();
      el.removeEventListener('cnn-train-progress', onP);
      const root = el.shadowRoot!;
      return { r, error, message: root.querySelector('[part=message]')?.getAttribute('data-kind'), button: root.querySelector('[part=message] button')?.textContent?.trim() };
    });
    expect(lost).toMatchObject({ r: null, error: { kind: 'context-lost' }, message: 'context-lost', button: 'Continue on WASM' });
    expect((lost.error as { message: string }).message).toMatch(/WebGL context was lost after 0 epochs.*continue on WASM/);

    const cont = await runPanel('t', 'continue');
    expect(cont.errors).toEqual([]);
    expect(cont.end).toMatchObject({ model: 'lenet5', backend: 'wasm', renderer: null, epochs: 1, trainSamples: 192 });
    expect(await shadowText('t', '.backend-name')).toBe('wasm');
    // The WASM run learns like the WebGL one did from the same (initial) weights.
    const losses = cont.progress.filter((p) => p.phase === 'train').map((p) => p.loss as number);
    expect((losses[4] + losses[5]) / 2).toBeLessThan((losses[0] + losses[1]) / 2 - 0.15);
    // tfjs reports the lost context on the console itself; nothing else may complain.
    expect(problems.filter((p) => !/context lost|CONTEXT_LOST|WebGL/i.test(p))).toEqual([]);
  }, 120_000);
});
