/**
 * The playground's PyTorch tab in headless Chromium (the built site/): a class typed into the
 * editor is read by the same `readPython` the CLI uses and drawn with the layer count and totals
 * that `analyze()` gives in Node; a syntax error and an unknown module are underlined on their line
 * and named above the graph; the tabs are a keyboard-operable tablist that keeps each tab's text;
 * several classes get a select, a file without `# input:` an input field; a link of the PyTorch
 * tab opens it again elsewhere, and an old JSON link still opens the JSON tab; a phone can use it.
 * Each test starts with empty storage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { stringifyNetwork } from '../../src/graph/json.js';
import { readPython } from '../../src/import/python/index.js';
import { encodeShare } from '../../src/site/client/playground-share.js';
import { zooGraph } from '../../src/zoo/index.js';
import { launchChromium, ROOT, serve, type StaticServer } from './chromium.js';

const SITE = join(ROOT, 'site');
const built = existsSync(join(SITE, 'playground/index.html'));

/** A student's network: two conv blocks, an SE-free head; input from the comment. */
const SMALL = `# input: 3x32x32
import torch
import torch.nn as nn
import torch.nn.functional as F


class Small(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, stride=2, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.conv2(x))
        x = torch.flatten(self.pool(x), 1)
        return self.fc(x)
`;

/** Two classes that can each be the network, and no `# input:` comment. */
const TWO = `import torch.nn as nn


class Wide(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 64, 3), nn.ReLU())

    def forward(self, x):
        return self.features(x)


class Narrow(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU())

    def forward(self, x):
        return self.features(x)
`;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let errors: string[] = [];

beforeAll(async () => {
  if (!built) return;
  server = await serve({}, { '/': SITE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  errors = [];
});

type EditorHost = HTMLElement & { editor: { text: string; replace(text: string, undoable: boolean): void; view: { dispatch(spec: object): void; focus(): void } } };

async function open(path = '/playground/index.html', viewport = { width: 1280, height: 900 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => !!document.querySelector('#pg-totals')?.textContent, undefined, { timeout: 20_000 });
  return page;
}

const editorText = (page: Page) => page.$eval('#pg-editor', (e) => (e as EditorHost).editor.text);
const params = (page: Page) => page.$eval('#pg-params', (e) => Number((e as HTMLElement).dataset.params));

async function pytorchTab(page: Page): Promise<void> {
  await page.click('#pg-tab-python');
  await page.waitForFunction(() => document.querySelector('#playground')?.classList.contains('pg-python') && !!document.querySelector('#pg-params'), undefined, { timeout: 20_000 });
}

/** Select all of the editor's text and type `text` over it, as a person pasting would. */
async function typeAll(page: Page, text: string): Promise<void> {
  await page.$eval('#pg-editor', (e) => {
    const ed = (e as EditorHost).editor;
    ed.view.focus();
    ed.view.dispatch({ selection: { anchor: 0, head: ed.text.length } });
  });
  await page.keyboard.insertText(text);
}

/** Wait until the page has read `text`: the totals name `name` with `n` parameters. */
async function readAs(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector<HTMLElement>('#pg-params')?.dataset.params === String(want), n, { timeout: 10_000 });
}

/** The text of the editor line that holds the first error underline (or point), and the problem line above the graph. */
async function underlined(page: Page): Promise<{ line: string; problem: string }> {
  await page.waitForSelector('#pg-editor .cm-lintRange-error, #pg-editor .cm-lintPoint-error', { timeout: 10_000 });
  return page.evaluate(() => {
    const mark = document.querySelector('#pg-editor .cm-lintRange-error, #pg-editor .cm-lintPoint-error') as HTMLElement;
    return { line: mark.closest('.cm-line')?.textContent ?? '', problem: document.querySelector('#pg-problem-go')?.textContent ?? '' };
  });
}

describe.skipIf(!built)('playground, PyTorch tab (Chromium)', () => {
  it('typing a class draws its graph with the layers and totals analyze() gives for readPython of the same text', async () => {
    const page = await open();
    await pytorchTab(page);
    await typeAll(page, SMALL);
    const node = readPython(SMALL);
    expect(node.diagnostics).toEqual([]);
    const a = analyze(node.graph!);
    expect(a.totals.params).toBe(3 * 16 * 9 + 16 + 32 + 16 * 32 * 9 + 32 + 32 * 10 + 10);
    await readAs(page, a.totals.params);
    const shown = await page.evaluate(() => {
      const g = (document.querySelector('#pg-graph') as HTMLElement & { graph: { name: string; layers: Array<{ path: string }> } }).graph;
      return { name: g.name, layers: g.layers.map((l) => l.path), macs: Number(document.querySelector<HTMLElement>('#pg-params')?.dataset.macs), totals: document.querySelector('#pg-totals')?.textContent ?? '' };
    });
    expect(shown.name).toBe('Small');
    expect(shown.layers).toEqual(node.graph!.layers.map((l) => l.path));
    expect(shown.layers.length).toBe(node.graph!.layers.length);
    expect(shown.macs).toBe(a.totals.macs);
    expect(shown.totals).toContain('input 3×32×32 → output 10');
    expect(shown.totals).toContain('No problems found.');
    // Python is highlighted: the keyword `class` and the definition name get their tokens.
    expect(await page.$$eval('#pg-editor .cm-line span', (s) => s.some((x) => x.textContent === 'class' && getComputedStyle(x).color !== getComputedStyle(x.parentElement as Element).color))).toBe(true);
    // On the PyTorch tab the text is already PyTorch: no "Copy as PyTorch".
    expect(await page.$eval('#pg-pytorch', (e) => getComputedStyle(e).display)).toBe('none');
  }, 60_000);

  it('underlines a syntax error and an unknown module on their line, and names the line above the graph', async () => {
    const page = await open();
    await pytorchTab(page);
    await typeAll(page, SMALL.replace('def forward(self, x):', 'def forward(self, x)'));
    const syntax = await underlined(page);
    expect(syntax.line).toBe('    def forward(self, x)');
    expect(syntax.problem).toMatch(/^Line 16: Not valid Python/);
    // The last network that parsed stays, dimmed.
    expect(await page.$eval('#playground', (e) => e.classList.contains('pg-stale'))).toBe(true);

    await typeAll(page, SMALL.replace('nn.BatchNorm2d(16)', 'nn.BatchNorm(16)'));
    await page.waitForFunction(() => /Line 11:/.test(document.querySelector('#pg-problem-go')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const unknown = await underlined(page);
    expect(unknown.line).toBe('        self.bn1 = nn.BatchNorm(16)');
    expect(unknown.problem).toContain('nn.BatchNorm');
    const diag = await page.$eval('#pg-diags', (e) => e.textContent ?? '');
    expect(diag).toContain('line 11:');
  }, 60_000);

  it('is a tablist the keyboard works; each tab keeps its text, and Ctrl+Z still undoes within a tab', async () => {
    const page = await open();
    const json = await editorText(page);
    await page.focus('#pg-tab-json');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#pg-tab-python')?.getAttribute('aria-selected') === 'true' && !!document.querySelector('#pg-params'), undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pg-tab-python');
    expect(await page.$eval('#pg-tab-json', (e) => [e.getAttribute('aria-selected'), (e as HTMLElement).tabIndex])).toEqual(['false', -1]);
    expect(await page.$eval('#pg-panel', (e) => e.getAttribute('aria-labelledby'))).toBe('pg-tab-python');
    expect(await page.$eval('#pg-editor .cm-content', (e) => e.getAttribute('aria-label'))).toBe('PyTorch source');
    expect(await editorText(page)).toContain('class Lenet5(nn.Module):');
    await typeAll(page, SMALL);
    await readAs(page, analyze(readPython(SMALL).graph!).totals.params);
    await page.focus('#pg-tab-python');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('#pg-tab-json')?.getAttribute('aria-selected') === 'true', undefined, { timeout: 10_000 });
    expect(await editorText(page)).toBe(json);
    await readAs(page, analyze(zooGraph('lenet5')!).totals.params);
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('#pg-tab-python')?.getAttribute('aria-selected') === 'true', undefined, { timeout: 10_000 });
    expect(await editorText(page)).toBe(SMALL);
    // The PyTorch tab's own history: undo takes back the typing, to the exported LeNet-5.
    await page.$eval('#pg-editor', (e) => (e as EditorHost).editor.view.focus());
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).toContain('class Lenet5(nn.Module):');
    // A reload opens the tab that was open, with its text.
    await page.keyboard.press('Control+Shift+z');
    await page.waitForTimeout(400);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#pg-tab-python')?.getAttribute('aria-selected') === 'true' && !!document.querySelector('#pg-params'), undefined, { timeout: 20_000 });
    expect(await editorText(page)).toBe(SMALL);
  }, 60_000);

  it('offers a class select when the file has several classes, and an input field when it has no # input: comment', async () => {
    const page = await open();
    await pytorchTab(page);
    expect(await page.isVisible('#pg-class')).toBe(false);
    expect(await page.isVisible('#pg-input')).toBe(false);
    await typeAll(page, TWO);
    await page.waitForFunction(() => /input shape of Narrow is not given/.test(document.querySelector('#pg-diags')?.textContent ?? ''), undefined, { timeout: 10_000 });
    expect(await page.isVisible('#pg-class')).toBe(true);
    expect(await page.$$eval('#pg-class option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['', 'Wide', 'Narrow']);
    await page.fill('#pg-input', '1x28x28');
    // The default is the last class: Narrow, 8 output channels.
    await readAs(page, 8 * 9 + 8);
    await page.selectOption('#pg-class', 'Wide');
    await readAs(page, 64 * 9 + 64);
    expect(await page.$eval('#pg-totals', (e) => e.textContent)).toContain('Wide: 640 parameters');
    await page.fill('#pg-input', '1x28');
    await page.waitForFunction(() => /is not channels×height×width/.test(document.querySelector('#pg-diags')?.textContent ?? ''), undefined, { timeout: 10_000 });
  }, 60_000);

  it('a link of the PyTorch tab opens the tab, the text, the class and the input elsewhere; an old JSON link opens the JSON tab', async () => {
    const page = await open();
    await pytorchTab(page);
    await typeAll(page, TWO);
    await page.fill('#pg-input', '1x28x28');
    await readAs(page, 8 * 9 + 8);
    await page.selectOption('#pg-class', 'Wide');
    await readAs(page, 640);
    await page.waitForFunction(() => /[#&]c=Wide/.test(location.hash), undefined, { timeout: 5_000 });
    const url = page.url();
    expect(url).toMatch(/#n=[^&]+&f=py&c=Wide&i=1x28x28$/);
    await context.close();

    const other = await open(new URL(url).pathname + new URL(url).hash);
    await other.waitForFunction(() => document.querySelector('#pg-tab-python')?.getAttribute('aria-selected') === 'true' && !!document.querySelector('#pg-params'), undefined, { timeout: 20_000 });
    expect(await editorText(other)).toBe(TWO);
    expect(await params(other)).toBe(640);
    expect(await other.$eval('#pg-class', (e) => (e as HTMLSelectElement).value)).toBe('Wide');
    expect(await other.$eval('#pg-input', (e) => (e as HTMLInputElement).value)).toBe('1x28x28');
    await context.close();

    // A link made before the PyTorch tab (no f=): JSON, on the JSON tab.
    const vgg = stringifyNetwork(zooGraph('vgg11')!);
    const old = await open(`/playground/index.html#${await encodeShare(vgg)}`);
    await old.waitForFunction(() => !!document.querySelector('#pg-params'), undefined, { timeout: 20_000 });
    expect(await old.$eval('#pg-tab-json', (e) => e.getAttribute('aria-selected'))).toBe('true');
    expect(await editorText(old)).toBe(vgg);
  }, 90_000);

  it('Start from gives the network as PyTorch code; Restore brings the replaced text back, to its own tab', async () => {
    const page = await open();
    await pytorchTab(page);
    await typeAll(page, SMALL);
    await readAs(page, analyze(readPython(SMALL).graph!).totals.params);
    await page.selectOption('#pg-example', 'alexnet-mnist');
    await readAs(page, analyze(zooGraph('alexnet-mnist')!).totals.params);
    expect(await editorText(page)).toMatch(/^"""alexnet-mnist/);
    // Back on the JSON tab, Restore takes the PyTorch text back to the PyTorch tab.
    await page.click('#pg-tab-json');
    await page.waitForFunction(() => !document.querySelector('#playground')?.classList.contains('pg-python'));
    await page.click('#pg-restore');
    await page.waitForFunction(() => document.querySelector('#pg-tab-python')?.getAttribute('aria-selected') === 'true', undefined, { timeout: 10_000 });
    expect(await editorText(page)).toBe(SMALL);
    await readAs(page, analyze(readPython(SMALL).graph!).totals.params);
  }, 60_000);

  it('the Chinese page speaks Chinese on the PyTorch tab', async () => {
    const page = await open('/zh/playground/index.html');
    await pytorchTab(page);
    await typeAll(page, SMALL.replace('nn.BatchNorm2d(16)', 'nn.BatchNorm(16)'));
    await page.waitForFunction(() => /^第 11 行：/.test(document.querySelector('#pg-problem-go')?.textContent ?? ''), undefined, { timeout: 10_000 });
    expect(await page.$eval('#pg-editor .cm-content', (e) => e.getAttribute('aria-label'))).toBe('PyTorch 源代码');
    expect(await page.isVisible('#pg-hint-python')).toBe(true);
    expect(await page.$eval('#pg-hint-python', (e) => e.textContent)).toContain('输入形状');
  }, 60_000);

  it('is usable on a 390×844 phone: tabs, editor and graph fit the width, the tab opens with a tap', async () => {
    const page = await open('/playground/index.html', { width: 390, height: 844 });
    const tab = await page.$('#pg-tab-python');
    const box = (await tab!.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    await pytorchTab(page);
    const fit = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const right = (sel: string) => (document.querySelector(sel) as HTMLElement).getBoundingClientRect().right;
      return { scroll: document.documentElement.scrollWidth, w, tabs: right('.pg-tabs'), editor: right('#pg-editor'), graph: right('#pg-graph') };
    });
    expect(fit.scroll).toBeLessThanOrEqual(fit.w);
    for (const r of [fit.tabs, fit.editor, fit.graph]) expect(r).toBeLessThanOrEqual(fit.w);
    await typeAll(page, SMALL);
    await readAs(page, analyze(readPython(SMALL).graph!).totals.params);
  }, 60_000);
});
