/**
 * The concept pages' calculators in the browser: every `form[data-calc]` re-renders its
 * section's `[data-out]` slots with the same pure `render` the build used, on every input.
 * Elements (`<cnn-compare>`, `<cnn-graph>`) are defined by cnn-graph.js and driven through
 * the DOM here; this script defines none.
 */
import { CALCULATORS } from '../concepts/calc/index.js';
import type { FormValues } from '../concepts/calc/common.js';
import type { Lang } from '../types.js';

const lang: Lang = /^zh\b/i.test(document.documentElement.lang) ? 'zh' : 'en';

function values(form: HTMLFormElement): FormValues {
  const v: FormValues = {};
  for (const [k, x] of new FormData(form)) if (typeof x === 'string') v[k] = x;
  return v;
}

function wire(form: HTMLFormElement): void {
  const calc = CALCULATORS[form.dataset.calc ?? ''];
  const root = form.closest('[data-calc-root]');
  if (!calc || !root) return;
  const update = () => {
    const p = calc.read(values(form));
    const html = calc.render(p, lang);
    for (const [slot, markup] of Object.entries(html)) {
      const el = root.querySelector<HTMLElement>(`[data-out="${slot}"]`);
      if (el && el.innerHTML !== markup) el.innerHTML = markup;
    }
    calc.drive?.(root, p, lang);
    root.setAttribute('data-ready', '');
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}

/** Items computed at build time for a `<cnn-compare>` without a form: `<script type="application/json" data-items-for="id">`. */
function items(script: HTMLScriptElement): void {
  const el = document.getElementById(script.dataset.itemsFor ?? '');
  if (el) (el as HTMLElement & { items: unknown }).items = JSON.parse(script.textContent ?? '[]');
}

const start = () => {
  document.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-items-for]').forEach(items);
  document.querySelectorAll<HTMLFormElement>('form[data-calc]').forEach(wire);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
