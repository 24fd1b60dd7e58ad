/**
 * <cnn-train> in real headless Chromium with WebGL on SwiftShader (the
 * software GPU of a machine without one), from a page that loads
 * dist/cnn-graph.js and dist/cnn-train.js side by side: the panel reads the
 * network of <cnn-graph for=…>, sees that WebGL renders in software and
 * trains on WASM instead, saying why; what happens before the first batch is
 * said (and announced); the loss axis grows with the batches; the switch
 * makes the next run use WebGL, which trains LeNet-5 on 192 MNIST images
 * with the notes' learning rate (batch 32: six batches; SwiftShader is slow),
 * shows the backend and the GPU, emits progress and the result record; Stop,
 * the zh locale, a lost WebGL context continued on WASM from the kept
 * weights, and the timing probe that finds SwiftShader slower than WASM.
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
<script type="module">import * as cnnTrain from '/dist/cnn-train.js'; window.cnnTf = cnnTrain.tf; window.cnnTrain = cnnTrain;</script>
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
      return { dataset: v('dataset'), epochs: v('epochs'), batch: v('batch-size'), lr: v('lr'), optimizer: v('optimizer'), limit: v('limit'), testLimit: v('test-limit'), backend: v('backend') };
    });
    const preset = zooEntry('lenet5')!.preset!;
    // Epochs, batch size and subsets come from the attributes; the rest from the notes.
    expect(fields).toEqual({ dataset: preset.dataset, epochs: '1', batch: '32', lr: String(preset.lr), optimizer: preset.optimizer, limit: '192', testLimit: '64', backend: 'auto' });
    expect(await shadowText('t', '[part=backend]')).toMatch(/chosen at start: WebGL on a real GPU, WASM otherwise$/);
  });

  it('the test-set field limits the test images of the next run', async () => {
    const testLimit = await page.evaluate(async () => {
      const el = document.getElementById('t') as HTMLElement & { testLimit: number | null; settings: { testLimit: number | null }; updateComplete: Promise<unknown> };
      const input = el.shadowRoot!.querySelector('[name="test-limit"]') as HTMLInputElement;
      input.value = '48';
      input.dispatchEvent(new Event('change'));
      const typed = el.settings.testLimit;
      input.value = '64';
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
      return { typed, back: el.testLimit, placeholder: input.placeholder };
    });
    expect(testLimit).toEqual({ typed: 48, back: 64, placeholder: 'all 10,000' });
  });

  it('on SwiftShader it trains on WASM and says why; the stages before the first batch are shown and announced; the loss axis fits the batches so far', async () => {
    const seen = await page.evaluate(async () => {
      const el = document.getElementById('t') as HTMLElement & { start(): Promise<unknown>; updateComplete: Promise<unknown> };
      const root = el.shadowRoot!;
      const text = (sel: string) => root.querySelector(sel)?.textContent?.trim() ?? '';
      const status: string[] = [];
      const announced: string[] = [];
      const note = () => {
        const s = text('[part=status]');
        const a = text('[part=announce]');
        if (s && s !== status.at(-1)) status.push(s);
        if (a && a !== announced.at(-1)) announced.push(a);
      };
      const mo = new MutationObserver(note);
      mo.observe(root, { subtree: true, childList: true, characterData: true });
      let backendEvent: unknown = null;
      type Third = { path: string; valuetext: string | null; label: string | null; right: number };
      const third: Third[] = [];
      el.addEventListener('cnn-train-backend', (e) => (backendEvent = (e as CustomEvent).detail), { once: true });
      const onP = async (e: Event) => {
        const d = (e as CustomEvent).detail;
        if (d.phase !== 'train' || d.batch !== 3) return;
        await el.updateComplete;
        const bar = root.querySelector('[part=progress]')!;
        third.push({ path: root.querySelector('[part=loss-chart] path.loss')?.getAttribute('d') ?? '', valuetext: bar.getAttribute('aria-valuetext'), label: bar.getAttribute('aria-label'), right: Number(root.querySelector('[part=loss-chart] line.axis')!.getAttribute('x2')) });
      };
      el.addEventListener('cnn-train-progress', onP);
      await el.start();
      await el.updateComplete;
      note();
      mo.disconnect();
      el.removeEventListener('cnn-train-progress', onP);
      const info = (el as unknown as { backendInfo: unknown }).backendInfo;
      // The tfjs backends started so far: a software renderer is known without starting tfjs's WebGL.
      const started = Object.keys((window as unknown as { cnnTf: { engine(): { registry: Record<string, unknown> } } }).cnnTf.engine().registry);
      return { status, announced, backendEvent, atThird: third[0], info, started, reason: text('.reason'), name: text('.backend-name'), ran: (el as unknown as { result: { backend: string } | null }).result?.backend };
    });
    expect(seen.info).toMatchObject({ backend: 'wasm', renderer: null, why: { kind: 'software', renderer: 'SwiftShader', rates: null } });
    expect(seen.ran).toBe('wasm');
    expect(seen.started).not.toContain('webgl');
    expect(seen.name).toBe('wasm');
    expect(seen.reason).toBe('WebGL renders in software here (SwiftShader): no GPU');
    expect(seen.backendEvent).toMatchObject({ backend: 'wasm', why: { kind: 'software' }, reason: 'WebGL renders in software here (SwiftShader): no GPU' });

    // Between Start and the first batch the line says what is happening, in order.
    const firstBatch = seen.status.findIndex((s) => s.startsWith('Epoch 1/1, batch 1/6'));
    expect(firstBatch).toBeGreaterThan(0);
    const before = seen.status.slice(0, firstBatch).map((s) => s.replace(/ \d\/4 files$/, ''));
    expect([...new Set(before)]).toEqual(['Loading MNIST…', 'Choosing the backend…', 'Compiling the network…', 'Warming up the backend…']);
    // The live region says each stage once, not every batch.
    expect(seen.announced).toEqual(['Loading MNIST…', 'Choosing the backend…', 'Compiling the network…', 'Warming up the backend…', 'Training on wasm…', expect.stringMatching(/^Test accuracy \d+\.\d\d%$/)]);

    // After three of six batches the curve already spans the plot: its last point at the right edge.
    const third = seen.atThird!;
    const xs = third.path.split(/[ML]/).filter(Boolean).map((p) => Number(p.split(',')[0]));
    expect(xs).toHaveLength(3);
    expect(xs[2]).toBeCloseTo(third.right, 3);
    expect(xs[0]).toBeCloseTo(44 + (third.right - 44) / 3, 3);
    expect(third.label).toBe('Training progress');
    expect(third.valuetext).toMatch(/^\d{1,2}%, \d+:\d\d left$/);
    expect(problems).toEqual([]);
  }, 120_000);

  it('the switch makes the next run use WebGL', async () => {
    await page.locator('#t select[name="backend"]').selectOption('webgl');
    expect(await page.evaluate(() => [(document.getElementById('t') as HTMLElement & { backend: string }).backend, document.getElementById('t')!.getAttribute('backend')])).toEqual(['webgl', 'webgl']);
  });

  it('trains LeNet-5 a few batches on WebGL: the backend and GPU shown, the loss falls, progress and the record arrive', async () => {
    run = await runPanel('t');
    expect(run.errors).toEqual([]);
    const info = await page.evaluate(() => (document.getElementById('t') as HTMLElement & { backendInfo: { backend: string; renderer: string | null; software: boolean; why: unknown } }).backendInfo);
    expect(info.backend).toBe('webgl');
    expect(info.renderer).toMatch(/SwiftShader/i);
    expect(info.software).toBe(true);
    expect(info.why).toEqual({ kind: 'asked' });
    expect(await shadowText('t', '.backend-name')).toBe('webgl');
    expect(await shadowText('t', '.renderer')).toBe(info.renderer);
    expect(await shadowText('t', '.reason')).toBe('as chosen in the panel (or the backend attribute)');

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
    // The whole panel: the header's note from the notes, labels, options, placeholders. Left in Latin letters:
    // the network's id, dataset, optimizer and backend names, and the notes' section numbers.
    const zhText = await page.evaluate(() => {
      const root = document.getElementById('zh')!.shadowRoot!;
      const attrs = [...root.querySelectorAll('[placeholder], [title], [aria-label]')].flatMap((e) => ['placeholder', 'title', 'aria-label'].map((a) => e.getAttribute(a) ?? ''));
      return [root.querySelector('[part=base]')!.textContent!, ...attrs].join(' ').replace(/\s+/g, ' ');
    });
    expect(zhText).toContain('讲义中的设置：001 §4.4–4.5：SGD，学习率 0.1，批量 128，10 轮');
    expect(zhText).toContain('测试图像数');
    expect(zhText.replace(/googlenet-mini|Fashion-MNIST|MNIST|SGD|Adam|WebGL|WASM|CPU|GPU/g, '')).not.toMatch(/[A-Za-z]{2,}/);
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
    expect(failed).toMatch(/^训练失败。 未知的模型“no-such-net”。已有的模型：lenet5、alexnet-mnist、/);
  });

  it('timing both (as on a real GPU) finds SwiftShader slower than WASM and takes WASM', async () => {
    const chosen = await page.evaluate(async () => {
      // The module the page imported (window.cnnTrain): the same tfjs instance as the panel's.
      const m = (window as unknown as { cnnTrain: { chooseBackend(o: object): Promise<{ backend: string; why: { kind: string; renderer?: string; rates?: { webgl?: number; wasm?: number } } }> } }).cnnTrain;
      return m.chooseBackend({ measure: 'always', wasmPaths: '/dist/' });
    });
    expect(chosen).toMatchObject({ backend: 'wasm', why: { kind: 'software' } });
    expect(chosen.why.renderer).toBe('SwiftShader');
    const { webgl, wasm } = chosen.why.rates!;
    expect(webgl).toBeGreaterThan(0);
    expect(wasm).toBeGreaterThan(webgl!);
  }, 120_000);

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
