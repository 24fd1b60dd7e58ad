/**
 * axe-core, the standard accessibility rule engine, on one built page of every type (home, a model
 * page, a model page with its <cnn-train> panel open, a concept page, the playground, the embed page),
 * in English and Chinese, at a desktop and a phone viewport: no violations of any impact. A page per
 * type keeps the run bounded; the pages of a type share their template.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT, serve, type StaticServer } from './chromium.js';
import { waitForGraphs } from './site-helpers.js';

const SITE = join(ROOT, 'site');
const built = existsSync(join(SITE, 'index.html'));

interface Case {
  name: string;
  path: string;
  /** What to do once the page has drawn, before axe runs. */
  prepare?: (page: Page) => Promise<void>;
}

const openTrain = async (page: Page): Promise<void> => {
  await page.click('details.train-panel > summary');
  await page.waitForFunction(() => !!customElements.get('cnn-train') && !!document.querySelector('cnn-train')?.shadowRoot?.firstElementChild, undefined, { timeout: 30_000 });
};

/**
 * The playground in use: a syntax error underlined and named above the graph (the graph the last
 * network that parsed), the schema's suggestions open.
 */
const editing = async (page: Page): Promise<void> => {
  await page.$eval('#pg-editor', (e) => {
    const ed = (e as HTMLElement & { editor: { text: string; view: { dispatch(s: object): void; focus(): void } } }).editor;
    const at = ed.text.indexOf('"in_channels":6,');
    ed.view.focus();
    ed.view.dispatch({ changes: { from: at, to: at + 16, insert: '"in_channels":6' } });
    const kind = ed.text.indexOf('"kind":"Tanh"') + '"kind":"'.length;
    ed.view.dispatch({ selection: { anchor: kind } });
  });
  await page.waitForSelector('#pg-editor .cm-lintRange-error', { timeout: 10_000 });
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.cm-tooltip-autocomplete [role="listbox"]', { timeout: 5_000 });
};

/** The playground with a network that parses but fails: conv2's in_channels wrong, the graph marking that layer. */
const failing = async (page: Page): Promise<void> => {
  await page.$eval('#pg-editor', (e) => {
    const ed = (e as HTMLElement & { editor: { text: string; view: { dispatch(s: object): void } } }).editor;
    const at = ed.text.indexOf('"in_channels":6,');
    ed.view.dispatch({ changes: { from: at, to: at + 16, insert: '"in_channels":7,' } });
  });
  await page.waitForSelector('#pg-editor .cm-lintRange-error', { timeout: 10_000 });
  await page.waitForFunction(() => {
    const g = document.querySelector('#pg-graph');
    return !!g?.shadowRoot?.querySelector('[data-status="error"]');
  }, undefined, { timeout: 15_000 });
};

/** The playground's PyTorch tab, chosen from the keyboard, with an unknown module underlined in the text. */
const pytorchTab = async (page: Page): Promise<void> => {
  await page.focus('#pg-tab-json');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#pg-tab-python')?.getAttribute('aria-selected') === 'true' && !!document.querySelector('#pg-params'), undefined, { timeout: 20_000 });
  await page.$eval('#pg-editor', (e) => {
    const ed = (e as HTMLElement & { editor: { text: string; view: { dispatch(s: object): void } } }).editor;
    const at = ed.text.indexOf('nn.Tanh()');
    ed.view.dispatch({ changes: { from: at, to: at + 9, insert: 'nn.Tahn()' } });
  });
  await page.waitForSelector('#pg-editor .cm-lintRange-error', { timeout: 10_000 });
};

const CASES: Case[] = [
  { name: 'home', path: 'index.html' },
  { name: 'model page', path: 'models/vgg11/index.html' },
  { name: 'model page, training panel open', path: 'models/lenet5/index.html', prepare: openTrain },
  { name: 'concepts index', path: 'concepts/index.html' },
  { name: 'concept page with <cnn-compare>', path: 'concepts/one-by-one/index.html' },
  { name: 'playground', path: 'playground/index.html' },
  { name: 'playground, a syntax error underlined and the suggestions open', path: 'playground/index.html', prepare: editing },
  { name: 'playground, a layer failing in the graph', path: 'playground/index.html', prepare: failing },
  { name: 'playground, PyTorch tab with an unknown module underlined', path: 'playground/index.html', prepare: pytorchTab },
  { name: 'embed', path: 'embed/index.html' },
];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the page as it is now (every rule axe runs by default). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: typeof import('axe-core') };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`),
    }));
  });
}

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

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('accessibility (axe-core) of every page type', () => {
  const rows = CASES.flatMap((c) => (['en', 'zh'] as const).flatMap((lang) => VIEWPORTS.map((vp) => [`${c.name} (${lang}, ${vp.name})`, c, lang, vp] as const)));
  it.each(rows)('%s: no violations', async (_label, c, lang, vp) => {
    expect(built, 'site/ is not built: run `node scripts/build.mjs`').toBe(true);
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}${c.path}`);
      await waitForGraphs(page);
      await page.waitForLoadState('networkidle');
      await c.prepare?.(page);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
