/**
 * Screenshots of the train panel on the built site's LeNet-5 page (run
 * `node scripts/build.mjs` first), the way the user study saw it: Chromium
 * without a GPU (WebGL on SwiftShader), a desktop (1440×900) and a phone
 * (390×844), English and Chinese, light (and dark with SHOT_SCHEME=dark).
 * For each, what the screen shows with the panel scrolled to the top: the
 * panel opened, before Start; during the run (held after its fifth batch:
 * the page's MessageChannel, which the training loop yields through, keeps
 * the next batch waiting until the picture is taken); and after it. The
 * reader's way in: the fields are typed into (16,384 training images, 1,000
 * test images, one epoch), Start clicked.
 *
 *   npx vite-node tests/browser/train-screenshots.ts                 # all, into /tmp/train-shots/
 *   npx vite-node tests/browser/train-screenshots.ts docs/img en-desktop-after zh-phone-during
 *
 * Files are named train-<lang>-<device>-<state>[-dark].png.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { collectErrors, launchChromium, ROOT, serve } from './chromium.js';
import { waitForGraphs } from './site-helpers.js';

const DEVICES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
const STATES = ['before', 'during', 'after'] as const;
const [outArg, ...only] = process.argv.slice(2);
const out = resolve(outArg ?? '/tmp/train-shots');
const scheme = (process.env.SHOT_SCHEME ?? 'light') as 'light' | 'dark';
const suffix = scheme === 'dark' ? '-dark' : '';
const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));

await mkdir(out, { recursive: true });
const server = await serve({}, { '/': join(ROOT, 'site') });
const browser = await launchChromium({ webgl: true });
try {
  for (const lang of ['en', 'zh'] as const) {
    for (const [device, viewport] of Object.entries(DEVICES)) {
      const names = STATES.map((s) => `${lang}-${device}-${s}`);
      if (!names.some(wanted)) continue;
      const p = await browser.newPage({ viewport, deviceScaleFactor: device === 'phone' ? 2 : 1, colorScheme: scheme, isMobile: device === 'phone', hasTouch: device === 'phone' });
      const errors = collectErrors(p);
      await p.addInitScript(() => {
        const w = window as unknown as { shotHold: Promise<void> | null };
        const Base = window.MessageChannel;
        window.MessageChannel = class extends Base {
          constructor() {
            super();
            const post = this.port2.postMessage.bind(this.port2);
            this.port2.postMessage = (m: unknown) => (w.shotHold ? void w.shotHold.then(() => post(m)) : post(m));
          }
        };
      });
      await p.goto(`${server.url}/${lang === 'zh' ? 'zh/' : ''}models/lenet5/index.html`, { waitUntil: 'load' });
      await waitForGraphs(p);
      await p.locator('details.train-panel > summary').click();
      await p.waitForFunction(() => customElements.get('cnn-train') && document.querySelector('cnn-train')?.shadowRoot?.querySelector('[part=start]'));
      const shot = async (state: (typeof STATES)[number]) => {
        const name = `${lang}-${device}-${state}`;
        if (!wanted(name)) return;
        const file = join(out, `train-${name}${suffix}.png`);
        // The panel's top just under the site's sticky header.
        await p.evaluate(() => {
          const top = document.querySelector('details.train-panel')!.getBoundingClientRect().top + window.scrollY;
          const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
          window.scrollTo(0, top - header - 8);
        });
        await p.waitForTimeout(50);
        await p.screenshot({ path: file });
        console.log(file);
      };
      await p.locator('cnn-train input[name="limit"]').fill('16384');
      await p.locator('cnn-train input[name="test-limit"]').fill('1000');
      await p.locator('cnn-train input[name="epochs"]').fill('1');
      await p.locator('cnn-train input[name="epochs"]').blur();
      await shot('before');
      await p.evaluate(() => {
        const el = document.querySelector('cnn-train')!;
        const w = window as unknown as { shotBatch: Promise<void>; shotEnd: Promise<void>; shotHold: Promise<void> | null; shotRelease: () => void };
        w.shotBatch = new Promise((ok) =>
          el.addEventListener('cnn-train-progress', (e) => {
            if ((e as CustomEvent).detail.batch !== 5 || w.shotHold) return;
            w.shotHold = new Promise((r) => (w.shotRelease = r));
            ok();
          }),
        );
        w.shotEnd = new Promise((ok, no) => {
          el.addEventListener('cnn-train-end', () => ok(), { once: true });
          el.addEventListener('cnn-train-error', (e) => no(new Error((e as CustomEvent).detail.message)), { once: true });
        });
      });
      await p.locator('cnn-train [part=start]').click();
      await p.evaluate(() => (window as unknown as { shotBatch: Promise<void> }).shotBatch);
      await p.waitForTimeout(100);
      await shot('during');
      await p.evaluate(() => {
        const w = window as unknown as { shotHold: Promise<void> | null; shotRelease: () => void };
        w.shotRelease();
        w.shotHold = null;
      });
      await p.evaluate(() => (window as unknown as { shotEnd: Promise<void> }).shotEnd);
      await p.waitForTimeout(100);
      await shot('after');
      if (errors.length) console.log(`  errors: ${errors.join(' | ')}`);
      await p.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
