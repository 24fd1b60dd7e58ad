/**
 * Model pages: load the training bundle (`cnn-train.js`, TensorFlow.js inside) only when the
 * reader opens the train panel, once per page. The `<cnn-train>` element is already in the
 * markup and upgrades when the bundle defines it. If the bundle cannot be loaded (not built,
 * offline, blocked), the panel says so instead of staying empty. The language switch carries
 * the graph as the reader left it to the other language, and `#layer=<path>` selects a layer
 * (`graph-views.ts`). "Copy as PyTorch" writes the network's PyTorch file with the export code,
 * loaded on the first press.
 */

import { wireCopyPytorch } from './copy-pytorch.js';
import { carryGraphViews, followLayerLinks } from './graph-views.js';

// Switching language keeps the graph as the reader left it (expanded modules, pan and zoom);
// a `#layer=<path>` link shows that layer.
carryGraphViews();
followLayerLinks();

let loading: Promise<void> | null = null;

function load(src: string): Promise<void> {
  loading ??= import(/* @vite-ignore */ src)
    .then(() => {
      if (!customElements.get('cnn-train')) throw new Error(`${src} loaded but did not define <cnn-train>.`);
    })
    .catch((e: unknown) => {
      loading = null; // let the next opening try again
      throw e;
    });
  return loading;
}

function open(panel: HTMLDetailsElement): void {
  const status = panel.querySelector<HTMLElement>('[data-train-status]');
  const src = new URL(panel.dataset.trainSrc ?? 'cnn-train.js', document.baseURI).href;
  if (customElements.get('cnn-train')) return;
  if (status) {
    status.hidden = false;
    status.dataset.state = 'loading';
    status.textContent = panel.dataset.msgLoading ?? 'Loading…';
  }
  load(src).then(
    () => {
      if (status) {
        status.hidden = true;
        status.textContent = '';
        delete status.dataset.state;
      }
    },
    (e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      if (status) {
        status.hidden = false;
        status.dataset.state = 'error';
        status.setAttribute('role', 'alert');
        status.textContent = `${panel.dataset.msgFailed ?? 'The training code could not be loaded'} (${src}): ${why}`;
      }
      console.warn(`cnn-graph site: the train panel could not load ${src}: ${why}`);
    },
  );
}

for (const panel of document.querySelectorAll<HTMLDetailsElement>('details[data-train-src]')) {
  panel.addEventListener('toggle', () => {
    if (panel.open) open(panel);
  });
  if (panel.open) open(panel);
}

const zh = (document.documentElement.lang || 'en').toLowerCase().startsWith('zh');
for (const control of document.querySelectorAll<HTMLElement>('.copy-code[data-model]')) {
  const id = control.dataset.model ?? '';
  wireCopyPytorch(control, () => import('./pytorch-code.js').then((m) => m.zooCode(id, zh)), () => `${id}.py`);
}
