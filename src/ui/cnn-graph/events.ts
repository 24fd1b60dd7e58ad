/** The typed `cnn-*` events. All bubble and cross shadow roots (`composed`). */
import type { Diagnostic, LayerRecord, ModuleRecord } from '../../analysis/analyze.js';
import type { Locale } from '../i18n.js';

export interface CnnSelectDetail {
  /** Layer or module path; `null` when the selection was cleared. */
  path: string | null;
  type: 'layer' | 'module' | 'input' | 'output' | null;
  /** The analysis record of what was selected. */
  record: LayerRecord | ModuleRecord | null;
}

export interface CnnToggleDetail {
  path: string;
  expanded: boolean;
  /** Every expanded module after the toggle. */
  expandedPaths: string[];
}

export interface CnnLayoutDetail {
  /**
   * Milliseconds from the start of this render (load, analysis, layout, drawing) to the
   * moment the picture is fitted and shown, in the frame it is first painted; the event is
   * sent then.
   */
  ms: number;
  /**
   * Milliseconds the layout took: for `structural`, building the view and laying it out
   * on the page's thread; for `worker` and `main`, the elk run; 0 from the cache or passed in.
   */
  layoutMs: number;
  /** For the first render after the element was connected: milliseconds from then to the same moment as `ms`. */
  sinceConnected: number | null;
  /**
   * Where the layout came from: `structural` (see the `engine` attribute: computed at once,
   * or in the worker for a view of more than 1,500 boxes), `fast` (the fast layered layout,
   * computed at once on the page's thread), the `worker` or the `main` thread (elk, or a
   * large view's structural or fast layout), the `cache`, or `given` (precomputed).
   */
  source: 'structural' | 'fast' | 'worker' | 'main' | 'cache' | 'given';
  /** The engine that laid the picture out: `structural`, `fast` (the fast layered layout) or `elk`. */
  engine: 'structural' | 'fast' | 'elk';
  /**
   * Why the picture is plainer than elk's, in the element's language, when the `auto` engine
   * drew it with the fast layered layout because elk would be slow (the view is not
   * series–parallel and has more than 16 cross-links or 1,000 boxes); null otherwise.
   * The same sentence is the element's visible notice's title.
   */
  note: string | null;
  nodes: number;
  edges: number;
  /** The layout key (pass the layout back as `layout` to skip elk next time). */
  key: string;
}

export interface CnnErrorDetail {
  /** One readable sentence, in English (stable: scripts may match on it). */
  message: string;
  /** The same sentence in the element's language (`lang`; Chinese on a zh page), as the element shows it. */
  localized: string;
  /** The language of `localized`. */
  locale: Locale;
  /** The analysis's or the JSON loader's diagnostics, when there are any. */
  diagnostics: Diagnostic[];
  /** `load`: nothing could be drawn; `analysis`: drawn up to the failure. */
  stage: 'load' | 'analysis' | 'layout';
}

/** The reader turned the drawing with the toolbar's switch (the `direction` attribute reflects it too). */
export interface CnnDirectionDetail {
  direction: 'down' | 'right';
}

export type CnnSelectEvent = CustomEvent<CnnSelectDetail>;
export type CnnDirectionEvent = CustomEvent<CnnDirectionDetail>;
export type CnnToggleEvent = CustomEvent<CnnToggleDetail>;
export type CnnLayoutEvent = CustomEvent<CnnLayoutDetail>;
export type CnnErrorEvent = CustomEvent<CnnErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'cnn-select': CnnSelectEvent;
    'cnn-toggle': CnnToggleEvent;
    'cnn-direction': CnnDirectionEvent;
    'cnn-layout': CnnLayoutEvent;
    'cnn-error': CnnErrorEvent;
  }
}

export function emit<T>(el: EventTarget, name: string, detail: T): CustomEvent<T> {
  const e = new CustomEvent<T>(name, { detail, bubbles: true, composed: true });
  el.dispatchEvent(e);
  return e;
}
