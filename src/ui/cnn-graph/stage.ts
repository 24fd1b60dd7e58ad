/**
 * `<cnn-graph>`'s stage: puts each picture the loader makes on screen and says so. The
 * SVG goes into the canvas, gets its roles and spoken names, pan and zoom and the
 * reader's listeners; then, once the canvas has its size (in the frame, before it
 * paints), it is fitted (or keeps the reader's view), culled and shown, and `cnn-layout`
 * (and `cnn-error` for an analysis with errors) goes out.
 */
import { select, zoomIdentity, type ZoomTransform } from 'd3';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Analysis, diagnosticText } from '../../analysis/analyze.js';
import type { Locale } from '../i18n.js';
import { type CnnErrorDetail, type CnnLayoutDetail, emit } from './events.js';
import type { Drawn } from './loading.js';
import { graphMessages } from './messages.js';
import type { ZoomView } from './zoom.js';

/**
 * Lifecycle events go out in a task of their own. With a precomputed layout the first
 * render can finish while the page's module scripts are still being evaluated, before
 * a listener added by a later script exists; a task runs after all of them.
 */
export function announce(fire: () => void): void {
  setTimeout(fire, 0);
}

export interface StageParts {
  canvas(): HTMLElement | null;
  svg(): SVGSVGElement | null;
  /** The picture to show: null when there is none, or a failure is shown instead. */
  wanted(): Drawn | null;
  /** The picture drawn last (shown, or about to be). */
  drawn(): Drawn | null;
  locale(): Locale;
  zoom: ZoomView;
  /** A new picture is wired; `ids` are its boxes (the tab stop goes on one of them). */
  wired(ids: readonly string[]): void;
  /** The picture is on screen, fitted. */
  shown(): void;
}

export class Stage implements ReactiveController {
  /** The picture whose SVG is in the canvas (the canvas's children are not lit's: see `place`). */
  private placed: Drawn | null = null;
  /** The picture whose SVG was wired (roles, zoom, listeners). */
  private wired: Drawn | null = null;
  /** A picture in the DOM, still hidden, waiting for the canvas's size to be fitted and shown. */
  private unshown: { d: Drawn; first: boolean } | null = null;
  private shownWaiters: (() => void)[] = [];
  private connectedAt: number | null = null;
  private reportedAnalysis: Analysis | null = null;
  /** The language the SVG's own words (its role, the frame titles' names) are in. */
  private labelledIn: Locale | null = null;
  /** The next picture is fitted like a new network's (its direction changed). */
  private refit = false;
  /** The pan and zoom a `viewState` set asked for, put on the next picture shown. */
  private restoreAt: ZoomTransform | null = null;
  /**
   * The analysis the screen-reader table shows. It follows the picture one frame
   * later: Chromium styles every row of it, hidden or not (~80 ms of the first
   * render of torchvision-resnet152's 517 rows), and nobody sees that table.
   */
  tableOf: Analysis | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly parts: StageParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connectedAt = performance.now();
  }

  /** The next picture gets a first view, as a new network does (it was turned a quarter). */
  refitNext(): void {
    this.refit = true;
  }

  /** After each update of the element: place a new picture, wire it, and show it when the canvas has a size. */
  hostUpdated(): void {
    this.place();
    const d = this.parts.drawn();
    const svg = this.parts.svg();
    const { zoom } = this.parts;
    if (d && svg && this.wired !== d) {
      const first = !this.wired || this.wired.loaded !== d.loaded || this.refit;
      this.refit = false;
      this.wire(svg, d);
      this.wired = d;
      this.unshown = { d, first };
      // Before its first report the observer is waiting for the frame's layout: the picture is
      // fitted and shown from its callback, in that frame, before it paints. A page that is not
      // visible has no frames, and a canvas that is not rendered (display: none around it) may
      // never be reported: those are shown at once, or after the frame, measuring the DOM.
      if (zoom.measured || document.visibilityState !== 'visible' || !zoom.observing) this.show();
      else requestAnimationFrame(() => setTimeout(() => this.unshown?.d === d && this.show()));
    }
    // The page's language changed: the words again (the picture itself is drawn again by the loader).
    if (svg && this.labelledIn !== this.parts.locale()) this.label(svg);
  }

  /** The canvas reported a size: show the picture waiting for one, or redo the culling and the minimap. */
  resized(): void {
    if (this.unshown) this.show();
    else this.parts.zoom.refresh();
  }

  /** Resolves once the picture placed last is on screen. */
  async shownYet(): Promise<void> {
    if (this.unshown) await new Promise<void>((ok) => this.shownWaiters.push(ok));
  }

  /** Give the next picture (or this one, if it is on screen) the pan and zoom `t`. */
  restore(t: ZoomTransform, now: boolean): void {
    this.restoreAt = t;
    const svg = this.parts.svg();
    if (!now || !svg || this.unshown || !this.parts.zoom.ready) return;
    this.restoreAt = null;
    this.parts.zoom.set(t);
  }

  /** The pan and zoom on screen. */
  get transform(): ZoomTransform {
    return this.parts.zoom.transform ?? zoomIdentity;
  }

  /**
   * Put the picture's SVG in the canvas. Not through lit's `unsafeHTML`: that parses
   * the string into a template, walks every node of it looking for bindings, clones it
   * and walks the clone (~10 ms for torchvision-resnet152's 830 SVG elements); one
   * `innerHTML` parses it into the canvas once.
   */
  private place(): void {
    const want = this.parts.wanted();
    const canvas = this.parts.canvas();
    if (want === this.placed || !canvas) return;
    canvas.innerHTML = want ? want.svg : '';
    this.placed = want;
  }

  /** Roles, the tab stop, pan and zoom, listeners: everything that needs no size. `show` does the rest. */
  private wire(svg: SVGSVGElement, d: Drawn): void {
    // The element pans and zooms with a transform; the SVG fills the canvas.
    svg.removeAttribute('viewBox');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('role', 'group');
    select(svg)
      .selectAll<SVGGElement, unknown>('.cnn-node')
      .attr('role', 'button')
      .attr('tabindex', -1)
      .attr('aria-expanded', function () {
        return this.dataset.type === 'module' ? 'false' : null;
      });
    select(svg).selectAll<SVGGElement, unknown>('.cnn-frame-title').attr('role', 'button').attr('aria-expanded', 'true');
    // An open module's frame names its contents: a group (ARIA allows aria-label on no role-less g).
    select(svg).selectAll<SVGGElement, unknown>('.cnn-frame').attr('role', 'group');
    this.label(svg);
    this.parts.wired(d.scene.nodes.map((n) => n.id));
    this.parts.zoom.attach(svg, d);
  }

  /** The SVG's words that depend on the locale. */
  private label(svg: SVGSVGElement): void {
    this.labelledIn = this.parts.locale();
    const t = graphMessages(this.labelledIn);
    svg.setAttribute('aria-roledescription', t.graphRole);
    // The name holds the title as seen ("vgg_block_1 · VGG block", less the ▾), so speech input can say what it reads (WCAG 2.5.3).
    for (const el of svg.querySelectorAll<SVGGElement>('.cnn-frame-title')) el.setAttribute('aria-label', t.collapse(el.textContent?.replace(/^[▾▸]\s*/, '').trim() || (el.dataset.path ?? '')));
  }

  /** Fit (a new network) or keep the zoom, hide what is far from view, show the picture, and announce it. */
  private show(): void {
    const u = this.unshown;
    this.unshown = null;
    for (const ok of this.shownWaiters.splice(0)) ok();
    const svg = this.parts.svg();
    const { zoom } = this.parts;
    if (!u || !svg || this.wired !== u.d || !zoom.ready) return;
    const d = u.d;
    zoom.settle(u.first, this.restoreAt);
    this.restoreAt = null;
    svg.querySelector('.cnn-viewport')?.classList.remove('cnn-pending');
    this.parts.shown();
    const detail: CnnLayoutDetail = {
      ms: performance.now() - d.started,
      layoutMs: d.layoutMs,
      sinceConnected: this.connectedAt === null ? null : performance.now() - this.connectedAt,
      source: d.source,
      nodes: d.scene.nodes.length,
      edges: d.scene.edges.length,
      key: d.layout.key,
      engine: d.engine,
      note: d.note,
    };
    this.connectedAt = null;
    const a = d.loaded.analysis;
    const report = !a.ok && this.reportedAnalysis !== a;
    if (report) this.reportedAnalysis = a;
    if (this.tableOf !== a)
      requestAnimationFrame(() =>
        setTimeout(() => {
          this.tableOf = this.parts.drawn()?.loaded.analysis ?? null;
          this.host.requestUpdate();
        }),
      );
    announce(() => {
      emit<CnnLayoutDetail>(this.host, 'cnn-layout', detail);
      if (!report) return;
      const errors = a.diagnostics.filter((x) => x.severity === 'error');
      const locale = this.parts.locale();
      const message = errors[0]?.message ?? 'The analysis found errors.';
      const localized = errors[0] ? diagnosticText(errors[0], locale).message : locale === 'zh' ? '分析发现了错误。' : message;
      emit<CnnErrorDetail>(this.host, 'cnn-error', { message, localized, locale, diagnostics: a.diagnostics, stage: 'analysis' });
    });
  }
}
