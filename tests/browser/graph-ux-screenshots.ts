/**
 * Screenshots of <cnn-graph>'s reader-facing controls (issue 14) as the user study saw
 * them: desktop 1440×900 and phone 390×844, English and Chinese, light and dark.
 *   node scripts/build.mjs ui && npx vite-node tests/browser/graph-ux-screenshots.ts [out-dir]
 * Each state is one file: the find box with its list open, the wheel hint, the first view,
 * ResNet-152 expanded with its overview (minimap), and on the phone the touch note after a
 * one-finger swipe.
 * The default out-dir is docs/img/; the files for the docs are picked from there by hand.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors, launchChromium, page, ROOT, serve } from './chromium.js';

const out = resolve(process.argv[2] ?? join(ROOT, 'docs/img'));
const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
} as const;
const only = process.env.SHOTS ? new Set(process.env.SHOTS.split(',')) : null;

type State = 'find' | 'hint' | 'view' | 'minimap' | 'touch';

async function setUp(p: Page, state: State, lang: 'en' | 'zh'): Promise<void> {
  const g = p.locator('cnn-graph');
  if (state === 'find') {
    const box = p.getByRole('combobox');
    await box.click();
    await p.keyboard.type(lang === 'zh' ? 'p4' : 'p4_2');
    await p.keyboard.press('ArrowDown');
  } else if (state === 'minimap') {
    // ResNet-152 expanded, at its readable first view: the overview in the corner.
    await p.evaluate(
      () =>
        new Promise<void>((ok) => {
          const el = document.querySelector('cnn-graph')!;
          el.addEventListener('cnn-layout', () => requestAnimationFrame(() => ok()), { once: true });
          el.setAttribute('expand', 'all');
          el.setAttribute('model', 'torchvision-resnet152');
          document.querySelector('h1')!.textContent = 'ResNet-152';
        }),
    );
  } else if (state === 'hint') {
    const r = await g.boundingBox();
    // Over the canvas beside the picture: no details card over the note.
    await p.mouse.move((r?.x ?? 0) + 30, (r?.y ?? 0) + 250);
    await p.mouse.wheel(0, 40);
    await p.waitForTimeout(150);
  } else if (state === 'touch') {
    // One finger up the graph, as a phone sends it: the page scrolls, the note shows.
    const cdp = await p.context().newCDPSession(p);
    const r = await g.boundingBox();
    const x = 200;
    const y0 = (r?.y ?? 0) + 400;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    for (let dy = 20; dy <= 160; dy += 20) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - dy }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await p.waitForTimeout(300);
  }
}

const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">';
const server = await serve({
  '/en.html': page(`<main style="padding:16px;font-family:sans-serif"><h1 style="font-size:20px">GoogLeNet</h1><cnn-graph model="googlenet" toolbar></cnn-graph><p style="height:1200px">…</p></main>`, VIEWPORT),
  '/zh.html': page(`<main style="padding:16px;font-family:sans-serif"><h1 style="font-size:20px">GoogLeNet</h1><cnn-graph model="googlenet" toolbar></cnn-graph><p style="height:1200px">…</p></main>`, VIEWPORT, 'zh-CN'),
  '/favicon.ico': '',
});
await mkdir(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const [device, options] of Object.entries(DEVICES))
    for (const lang of ['en', 'zh'] as const)
      for (const scheme of ['light', 'dark'] as const)
        for (const state of ['find', 'hint', 'view', 'minimap', 'touch'] as const) {
          // Only a phone has fingers.
          if (state === 'touch' && device !== 'phone') continue;
          const file = `graph-${state}-${lang}-${device}${scheme === 'dark' ? '-dark' : ''}.png`;
          if (only && !only.has(file)) continue;
          const p = await browser.newPage({ ...options, colorScheme: scheme });
          const errors = collectErrors(p);
          await p.goto(`${server.url}/${lang}.html`);
          await p.evaluate((dark) => {
            const g = document.querySelector('cnn-graph')!;
            g.setAttribute('theme', dark ? 'dark' : 'light');
            document.body.style.background = dark ? '#0f172a' : '#fff';
            document.body.style.color = dark ? '#e2e8f0' : '#000';
          }, scheme === 'dark');
          await p.waitForFunction(() => {
            const vp = document.querySelector('cnn-graph')?.shadowRoot?.querySelector('.cnn-viewport');
            return !!vp && !vp.classList.contains('cnn-pending');
          });
          await p.waitForTimeout(200);
          await setUp(p, state, lang);
          await p.screenshot({ path: join(out, file) });
          console.log(`${file}${errors.length ? ` (errors: ${errors.join(' | ')})` : ''}`);
          await p.close();
        }
} finally {
  await browser.close();
  await server.close();
}
