/**
 * Locale of the elements' own strings (buttons, status lines, table headers).
 * An element speaks the language of its nearest `lang` attribute, looking through
 * shadow roots up to `<html lang>`; anything that is not Chinese falls back to English.
 * The locales and message tables themselves are DOM-free, in src/i18n.ts.
 */
import { toLocale, type Locale } from '../i18n.js';

export { LOCALES, messages, toLocale, type Locale } from '../i18n.js';

/** The locale an element renders in: its own or an ancestor's `lang`, across shadow boundaries. */
export function localeOf(el: Element): Locale {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return toLocale(lang);
    }
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return 'en';
}

type LocaleListener = { el: Element; onChange(locale: Locale): void; last: Locale };
const listeners = new Set<LocaleListener>();
let observer: MutationObserver | null = null;

/**
 * Call `onChange` with the element's locale now and whenever a `lang`
 * attribute in its document changes (a page that switches language in place).
 * One MutationObserver, filtered to `lang`, serves every element of the page.
 * Returns the function that stops watching (call it on disconnect).
 */
export function watchLocale(el: Element, onChange: (locale: Locale) => void): () => void {
  const entry: LocaleListener = { el, onChange, last: localeOf(el) };
  onChange(entry.last);
  listeners.add(entry);
  if (!observer && typeof MutationObserver === 'function' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const l of listeners) {
        const now = localeOf(l.el);
        if (now !== l.last) l.onChange((l.last = now));
      }
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(entry);
    if (!listeners.size && observer) {
      observer.disconnect();
      observer = null;
    }
  };
}
