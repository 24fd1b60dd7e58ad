/**
 * The language switch keeps the reader's graphs: on the way out through a link to the
 * other language, every `<cnn-graph>`'s `viewState` (expanded modules, pan and zoom,
 * selection) is kept in sessionStorage for that page; arriving there, the graphs are
 * given it back, in page order (both languages have the same figures). Only through the
 * DOM: this script never defines an element.
 */

const KEY = 'cnn-graph:carried-views';

interface Carried {
  /** The path of the page the views are for. */
  to: string;
  views: unknown[];
}

type WithView = Element & { viewState: unknown };

export function carryGraphViews(): void {
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[hreflang]') as HTMLAnchorElement | null;
    if (!a?.href) return;
    const views = [...document.querySelectorAll('cnn-graph')].map((g) => (g as WithView).viewState ?? null);
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ to: new URL(a.href, location.href).pathname, views } satisfies Carried));
    } catch {
      /* storage full or blocked: the other page opens as it always did */
    }
  });
  let carried: Carried | null = null;
  try {
    carried = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Carried | null;
    sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  if (!carried || carried.to !== location.pathname || !Array.isArray(carried.views)) return;
  const views = carried.views;
  void customElements.whenDefined('cnn-graph').then(() => {
    document.querySelectorAll('cnn-graph').forEach((g, i) => {
      if (views[i]) (g as WithView).viewState = views[i];
    });
  });
}

type Selectable = Element & { viewState: unknown; select(path: string): void };

/** Resolves once the element has drawn its first picture. */
function drawn(g: Selectable): Promise<void> {
  return customElements.whenDefined('cnn-graph').then(() =>
    g.viewState ? undefined : new Promise<void>((ok) => g.addEventListener('cnn-layout', () => ok(), { once: true })),
  );
}

/**
 * A link to a layer: `#layer=<path>` (`models/googlenet/#layer=3.4.p2_2`) selects it in the
 * page's first graph, which opens its modules and brings it into view; so does a later
 * change of the hash to such a link.
 */
export function followLayerLinks(): void {
  const g = document.querySelector('cnn-graph') as Selectable | null;
  if (!g) return;
  const follow = () => {
    const m = /^#layer=(.+)$/.exec(location.hash);
    if (!m?.[1]) return;
    const path = decodeURIComponent(m[1]);
    void drawn(g).then(() => g.select(path));
  };
  follow();
  window.addEventListener('hashchange', follow);
}
