/**
 * docs/img/graph-fast-layout.png: the element with its toolbar on the 302-layer
 * DAG of issue 13, drawn by the fast layered layout, with its notice:
 *   npx vite-node tests/browser/fast-layout-screenshot.ts
 */
import { join } from 'node:path';
import { networkToJSON } from '../../src/graph/json.js';
import { halving } from '../ui/helpers.js';
import { launchChromium, page as htmlPage, ROOT, serve } from './chromium.js';
const server = await serve({ '/index.html': htmlPage(`<cnn-graph id="g" toolbar style="--cnn-height:560px;width:820px"></cnn-graph>`), '/favicon.ico': '' });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 860, height: 620 } });
await page.goto(`${server.url}/index.html`);
await page.waitForFunction(() => customElements.get('cnn-graph') !== undefined);
const done = page.evaluate((g) => new Promise((ok) => { const el = document.getElementById('g') as HTMLElement & { graph: unknown }; el.addEventListener('cnn-layout', () => requestAnimationFrame(() => setTimeout(ok, 50)), { once: true }); el.graph = g; }), networkToJSON(halving(302)) as unknown);
await done;
await page.locator('cnn-graph').screenshot({ path: join(ROOT, 'docs/img/graph-fast-layout.png') });
await browser.close();
await server.close();
console.log('docs/img/graph-fast-layout.png');
