/**
 * Make the screenshots in docs/img/ from the real element in Chromium:
 *   npx vite-node tests/browser/screenshots.ts
 * Each element is sized to its scene, so the picture is at scale 1.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, page, ROOT, serve } from './chromium.js';

/** `open`: modules toggled open after the first render, as a reader would click them. */
const SHOTS: { file: string; attrs: Record<string, string>; open?: string[] }[] = [
  { file: 'lenet5.png', attrs: { model: 'lenet5', expand: 'all' } },
  { file: 'googlenet.png', attrs: { model: 'googlenet', expand: '1' }, open: ['2.0'] },
  { file: 'torchvision-resnet18.png', attrs: { model: 'torchvision-resnet18', expand: '1' }, open: ['layer1.0', 'layer2.0'] },
  { file: 'googlenet-mini-dark.png', attrs: { model: 'googlenet-mini', expand: 'all', theme: 'dark' } },
];

const out = join(ROOT, 'docs/img');
await mkdir(out, { recursive: true });
const server = await serve({ '/shot.html': page('<div id="host"></div>') });
const browser = await launchChromium();
try {
  for (const s of SHOTS) {
    const p = await browser.newPage({ deviceScaleFactor: 1.5, viewport: { width: 1600, height: 1000 } });
    await p.goto(`${server.url}/shot.html`);
    const size = await p.evaluate(
      ({ attrs, open }) =>
        new Promise<{ w: number; h: number }>((ok, fail) => {
          const g = document.createElement('cnn-graph') as HTMLElement & { toggle(p: string, e: boolean): void; scene: { width: number; height: number } };
          for (const [k, v] of Object.entries(attrs)) g.setAttribute(k, v);
          g.style.setProperty('--cnn-height', '400px');
          const todo = [...open];
          g.addEventListener('cnn-layout', () => {
            const next = todo.shift();
            if (next) return g.toggle(next, true);
            ok({ w: Math.ceil(g.scene.width), h: Math.ceil(g.scene.height) });
          });
          g.addEventListener('cnn-error', (e) => fail(new Error((e as CustomEvent).detail.message)), { once: true });
          document.getElementById('host')!.append(g);
        }),
      { attrs: s.attrs, open: s.open ?? [] },
    );
    await p.setViewportSize({ width: size.w + 2, height: size.h + 2 });
    await p.evaluate(({ w, h }) => {
      const g = document.querySelector('cnn-graph') as HTMLElement & { fit(): void };
      g.style.width = `${w + 2}px`;
      g.style.setProperty('--cnn-height', `${h + 2}px`);
      // No focus ring in the picture (toggling moves the focus into the opened module).
      (g.shadowRoot?.activeElement as HTMLElement | SVGElement | null)?.blur();
      requestAnimationFrame(() => g.fit());
    }, size);
    await p.waitForTimeout(200);
    await p.locator('cnn-graph').screenshot({ path: join(out, s.file) });
    console.log(`docs/img/${s.file} ${size.w}×${size.h}`);
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
}
