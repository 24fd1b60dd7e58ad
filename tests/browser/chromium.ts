/**
 * Shared helpers for tests and benchmarks in real Chromium: Debian's
 * /usr/bin/chromium driven by playwright-core (never a downloaded browser), and
 * a tiny static server on 127.0.0.1 for dist/ and test pages.
 *
 *   const server = await serve({ '/page.html': html });   // plus everything under dist/ at /dist/
 *   const browser = await launchChromium();
 *   const page = await browser.newPage();
 *   await page.goto(server.url + '/page.html');
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CNN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Extra flags for pages that need WebGL (software rendering). */
export const WEBGL_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] as const;

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Fails loudly (never skips) when the browser is missing. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium package (apt-get install chromium) or CNN_CHROMIUM=/path/to/chromium; they never download a browser.`);
  }
}

export async function launchChromium(options: { webgl?: boolean; launch?: LaunchOptions } = {}): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.webgl ? WEBGL_FLAGS : [])],
    ...options.launch,
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
};

export interface StaticServer {
  url: string;
  /** Add or replace an in-memory page (path starting with `/`). */
  set(path: string, body: string | Buffer, type?: string): void;
  close(): Promise<void>;
}

/**
 * Serve in-memory `pages` plus files under `dirs` (default: `/dist/` → the
 * repository's dist/). Nothing outside those is readable.
 */
export async function serve(pages: Record<string, string> = {}, dirs: Record<string, string> = { '/dist/': join(ROOT, 'dist') }): Promise<StaticServer> {
  const mem = new Map<string, { body: string | Buffer; type: string }>();
  for (const [p, body] of Object.entries(pages)) mem.set(p, { body, type: TYPES[extname(p)] ?? 'text/html; charset=utf-8' });
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const hit = mem.get(path);
    if (hit) {
      res.writeHead(200, { 'content-type': hit.type, 'cache-control': 'no-store' });
      res.end(hit.body);
      return;
    }
    for (const [prefix, dir] of Object.entries(dirs)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir))) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set: (p, body, type) => mem.set(p, { body, type: type ?? TYPES[extname(p)] ?? 'text/html; charset=utf-8' }),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** A plain HTML page that loads only the bundle; `lang` is the page's language (`zh-CN` for the Chinese docs). */
export function page(body: string, head = '', lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>cnn-graph test</title>
<script type="module" src="/dist/cnn-graph.js"></script>${head}</head><body style="margin:0">${body}</body></html>`;
}

/** Build dist/cnn-graph.js (scripts/build-ui.mjs) from the current sources, quietly: browser tests always test the bundle of what is checked out. */
export async function buildUi(): Promise<void> {
  const { default: build } = await import(pathToFileURL(join(ROOT, 'scripts/build-ui.mjs')).href);
  await build({ quiet: true });
}

/** Collect a page's uncaught errors and console errors, as they happen, into the returned list. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}
