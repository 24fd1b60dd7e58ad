/**
 * Helpers for tests, screenshots and benchmarks of the built site in Chromium.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';

/** Every .html file under `dir`, as paths relative to it with `/`. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (f === 'data' && d === dir) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.html')) out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface GraphState {
  id: string;
  model: string | null;
  /** The element drew into its shadow root (an svg with at least one node). */
  drawn: boolean;
  /** A message the element shows instead of a graph (load failure), if any. */
  message: string | null;
}

/** The drawing state of every `<cnn-graph>` on the page. */
export function graphStates(page: Page): Promise<GraphState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('cnn-graph')].map((g, i) => {
      const root = g.shadowRoot;
      const svg = root?.querySelector('svg');
      const msg = root?.querySelector('[part~="message"]');
      return {
        id: g.id || `#${i}`,
        model: g.getAttribute('model'),
        drawn: !!svg && !!svg.querySelector('.cnn-node'),
        message: msg?.textContent?.trim() || null,
      };
    }),
  );
}

/** Wait until every `<cnn-graph>` on the page has drawn (or `timeout` ms pass; then the caller checks `graphStates`). */
export async function waitForGraphs(page: Page, timeout = 20_000): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const gs = [...document.querySelectorAll('cnn-graph')];
        return gs.every((g) => {
          const root = g.shadowRoot;
          return !!root?.querySelector('svg .cnn-node') || !!root?.querySelector('[part~="message"]');
        });
      },
      undefined,
      { timeout, polling: 50 },
    )
    .catch(() => {});
}
