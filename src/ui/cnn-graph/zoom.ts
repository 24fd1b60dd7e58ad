/**
 * `<cnn-graph>`'s view of its picture: pan and zoom (d3-zoom on the SVG, with a floor
 * where the whole picture fits), the first view and the toolbar's fit, level of detail,
 * culling (boxes far from the view leave the page's layout, and shells get their
 * contents as they come near), the minimap, and bringing a box into view. It tracks
 * the canvas's size with a ResizeObserver, so nothing here forces a layout.
 *
 * The arithmetic is in plain functions (`keptWindow`, `wholeView`, `revealView`,
 * `minimapView`, `minimapCentre`) that take a transform and sizes and return numbers.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Scene } from '../../render/scene.js';
import type { SceneContents } from '../../render/svg.js';
import type { Drawn } from './loading.js';
import { minimapPath, minimapSize, needsMinimap } from './minimap.js';
import { firstView, levelOfDetail, MAX_SCALE, minScale, READABLE_SCALE, zoomWheelDelta } from './zoom-input.js';

export interface Size {
  w: number;
  h: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A view of the picture: screen = scene × k + (x, y). */
export interface View {
  x: number;
  y: number;
  k: number;
}

/** A rectangle of the scene by its corners. */
export interface Span {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * What stays drawn at transform `t`: the view and one canvas beyond it on every side, in
 * scene coordinates. A canvas of no size yet counts as 800 × 600.
 */
export function keptWindow(t: ZoomTransform, size: Size): Span {
  const w = size.w || 800;
  const h = size.h || 600;
  return { x0: t.invertX(-w), x1: t.invertX(2 * w), y0: t.invertY(-h), y1: t.invertY(2 * h) };
}

/** Whether a box lies wholly outside the kept window (touching its edge keeps it). */
export function isFar(box: Span, kept: Span): boolean {
  return box.x1 < kept.x0 || box.x0 > kept.x1 || box.y1 < kept.y0 || box.y0 > kept.y1;
}

/** The whole picture in the canvas, centred, never enlarged (the toolbar's Fit). */
export function wholeView(size: Size, scene: { width: number; height: number }): View {
  const w = size.w || 800;
  const h = size.h || 600;
  const sw = Math.max(1, scene.width);
  const sh = Math.max(1, scene.height);
  const k = Math.min(1, w / sw, h / sh);
  return { x: (w - sw * k) / 2, y: (h - sh * k) / 2, k };
}

/**
 * The view that shows `box` (a node, or an expanded module's frame), or null when the
 * current one already does. The zoom stays; with `readable`, it goes up to at least
 * `READABLE_SCALE` (never past what shows the box whole). The box is centred, but a box
 * taller than the canvas (a big frame) shows its top.
 */
export function revealView(t: View, box: Box, size: Size, readable: boolean): View | null {
  const { w, h } = size;
  const k = readable ? Math.max(t.k, Math.min(READABLE_SCALE, (0.9 * w) / box.width, (0.9 * h) / box.height)) : t.k;
  const x0 = box.x * t.k + t.x;
  const y0 = box.y * t.k + t.y;
  const x1 = (box.x + box.width) * t.k + t.x;
  const y1 = (box.y + box.height) * t.k + t.y;
  if (k === t.k && x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h) return null;
  const cx = box.x + box.width / 2;
  const cy = box.height * k > h ? box.y + h / (2 * k) - 8 / k : box.y + box.height / 2;
  return { x: w / 2 - cx * k, y: h / 2 - cy * k, k };
}

/** The part of the scene on screen at transform `t`, clipped to the scene: the minimap's marked rectangle. */
/**
 * The box culling keeps a frame's header by: its title line and, when it has one, the path line
 * beneath, so the path is not hidden while it is still on screen (baselines: 12 px of text above
 * each, 4 px of descender below the last).
 */
export function headerBox(f: { width: number; title: { x: number; y: number }; sub?: { y: number; text: string } }): Box {
  const bottom = f.sub?.text ? f.sub.y + 4 : f.title.y + 4;
  return { x: f.title.x - 4, y: f.title.y - 12, width: f.width, height: bottom - (f.title.y - 12) };
}

export function minimapView(t: ZoomTransform, size: Size, scene: { width: number; height: number }): Box {
  const x0 = Math.max(0, t.invertX(0));
  const y0 = Math.max(0, t.invertY(0));
  const x1 = Math.min(scene.width, t.invertX(size.w));
  const y1 = Math.min(scene.height, t.invertY(size.h));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/**
 * The scene point to centre on when the reader presses the minimap at `at` (fractions of
 * its width and height): that point, except that the view stops at the picture's edges, and
 * a side that fits the canvas at zoom `k` stays centred.
 */
export function minimapCentre(at: { x: number; y: number }, scene: { width: number; height: number }, size: Size, k: number): { x: number; y: number } {
  const within = (v: number, side: number, view: number) => (side * k <= view ? side / 2 : Math.min(Math.max(v, view / (2 * k)), side - view / (2 * k)));
  return { x: within(at.x * scene.width, scene.width, size.w), y: within(at.y * scene.height, scene.height, size.h) };
}

/** A box or label that culling may hide, with its place in the scene and, for a shell, what fills it. */
interface Cullable extends Span {
  el: Element;
  off: boolean;
  fill: string | null;
}

/** The element: updates, and whether it has rendered once (its canvas exists). */
export type ZoomHost = ReactiveControllerHost & { readonly hasUpdated: boolean };

export interface ZoomParts {
  canvas(): HTMLElement | null;
  svg(): SVGSVGElement | null;
  minimap(): HTMLElement | null;
  /** The picture on screen. */
  drawn(): Drawn | null;
  /** Whether a wheel, touch or mouse event is the reader's zoom or pan (the input controller decides). */
  accepts(e: Event): boolean;
  /** The view moved (the hover card is then out of place). */
  moved(): void;
  /** The canvas got a size (its first, or a new one). */
  resized(): void;
  /** The box in the tab order: never culled, or the keyboard focus would drop to the page. */
  keep(): Element | null;
}

export class ZoomView implements ReactiveController {
  private zoomer: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  private current: ZoomTransform | null = null;
  /** Boxes that `cull` hides while they are far outside the canvas, in scene coordinates. */
  private cullItems: Cullable[] = [];
  private cullQueued = 0;
  /**
   * The canvas's size, as its ResizeObserver last reported it (null before the
   * first report). Fitting and culling read it instead of the DOM: a read of
   * `clientWidth` right after a picture goes in makes the browser style and lay
   * out the page then and there, and again for the frame (~45 ms of the first
   * render of torchvision-resnet152 went to such forced layouts).
   */
  private box: Size | null = null;
  private resizer: ResizeObserver | null = null;
  /** The overview's boxes, once per picture. */
  private minimapPaths = new WeakMap<Drawn, string>();

  constructor(
    private readonly host: ZoomHost,
    private readonly parts: ZoomParts,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Connected again: the canvas exists already (on the first connection, `hostUpdated` observes it).
    if (this.host.hasUpdated) this.observe();
  }

  hostUpdated(): void {
    if (!this.resizer) this.observe();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.cullQueued);
    this.cullQueued = 0;
    this.resizer?.disconnect();
    // Out of the page the canvas has no size; the next connection reports it again.
    this.box = null;
  }

  /** The pan and zoom on screen (null before the first picture is shown). */
  get transform(): ZoomTransform | null {
    return this.current;
  }

  /** Whether the canvas has reported its size (a picture is then fitted in the frame's callback). */
  get measured(): boolean {
    return this.box !== null;
  }

  /** Whether the canvas is watched for its size (not where there is no ResizeObserver). */
  get observing(): boolean {
    return this.resizer !== null;
  }

  private observe(): void {
    const canvas = this.parts.canvas();
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    this.resizer ??= new ResizeObserver((entries) => {
      // The report comes after the browser's own layout of the frame, before it paints.
      const r = entries[entries.length - 1]?.contentRect;
      if (!r) return;
      this.box = { w: r.width, h: r.height };
      this.zoomer?.scaleExtent([this.floor(), MAX_SCALE]);
      this.parts.resized();
    });
    this.resizer.observe(canvas);
  }

  /** The canvas's size: the observed one, or read from the DOM (which lays the page out if it must). */
  canvasSize(): Size | null {
    if (this.box) return this.box;
    const canvas = this.parts.canvas();
    return canvas ? { w: canvas.clientWidth, h: canvas.clientHeight } : null;
  }

  /** Pan and zoom for a new picture, and the boxes that culling may hide. Needs no size. */
  attach(svg: SVGSVGElement, d: Drawn): void {
    const viewport = svg.querySelector<SVGGElement>('.cnn-viewport') as SVGGElement;
    this.zoomer = zoom<SVGSVGElement, unknown>()
      // d3's default extent reads the SVG's width and height, which lays the page out.
      .extent(() => {
        const s = this.canvasSize();
        return [
          [0, 0],
          [s?.w ?? 0, s?.h ?? 0],
        ];
      })
      .scaleExtent([this.floor(), MAX_SCALE])
      // A filtered-out event is left alone by d3 (no preventDefault), so the page gets it.
      .filter((e: Event) => this.parts.accepts(e))
      .wheelDelta(zoomWheelDelta)
      .on('zoom', (e: { transform: ZoomTransform }) => {
        this.current = e.transform;
        viewport.setAttribute('transform', e.transform.toString());
        // Less to draw, and nothing unreadable, far out: box titles only, then bare boxes.
        const lod = levelOfDetail(e.transform.k);
        if (svg.dataset.lod !== lod) svg.dataset.lod = lod;
        this.parts.moved();
        this.cullQueued ||= requestAnimationFrame(() => {
          this.cullQueued = 0;
          this.refresh();
        });
      });
    select(svg).call(this.zoomer).on('dblclick.zoom', null);
    this.collect(svg, d.scene, d.contents);
  }

  /** The smallest zoom: the whole picture in the canvas (see `minScale`). */
  private floor(size = this.canvasSize()): number {
    const d = this.parts.drawn();
    return d && size ? minScale(size, d.scene) : 0.03;
  }

  /**
   * Put a picture just placed on screen at its first view (`first`, or nothing was shown yet),
   * at `restore` (a `viewState`'s pan and zoom), or at the pan and zoom the reader had.
   */
  settle(first: boolean, restore: ZoomTransform | null, size = this.canvasSize()): void {
    const svg = this.parts.svg();
    if (!svg || !this.zoomer) return;
    this.zoomer.scaleExtent([this.floor(size), MAX_SCALE]);
    if (restore) this.set(restore);
    else if (first || !this.current) this.fitFirst(size);
    else this.set(this.current);
    this.refresh(size);
  }

  /** Move to a pan and zoom (as the reader's own gesture would: culling and the minimap follow). */
  set(t: ZoomTransform | View): void {
    const svg = this.parts.svg();
    if (!svg || !this.zoomer) return;
    const to = 'invertX' in t ? t : zoomIdentity.translate(t.x, t.y).scale(t.k);
    select(svg).call(this.zoomer.transform, to);
  }

  /** Whether a picture is on screen to pan and zoom. */
  get ready(): boolean {
    return !!this.zoomer && !!this.parts.svg() && !!this.parts.drawn();
  }

  /** Scale so the whole network fits the canvas. */
  fit(size = this.canvasSize()): void {
    const d = this.parts.drawn();
    if (!d || !size) return;
    this.set(wholeView(size, d.scene));
  }

  /** The first view (`firstView`): the whole picture if it reads, else its top at a readable scale, on the trunk. */
  private fitFirst(size = this.canvasSize()): void {
    const d = this.parts.drawn();
    if (!d || !size) return;
    const input = d.scene.nodes.find((n) => n.type === 'input');
    this.set(firstView(size, d.scene, input ? input.x + input.width / 2 : undefined));
  }

  /** Zoom by a factor around the centre. */
  zoomBy(factor: number): void {
    const svg = this.parts.svg();
    if (svg && this.zoomer) select(svg).call(this.zoomer.scaleBy, factor);
  }

  /** Pan (and with `readable`, zoom) so the node or frame `id` is in view. */
  reveal(id: string, readable = false): void {
    const d = this.parts.drawn();
    const size = this.canvasSize();
    if (!d || !size || !this.zoomer) return;
    const n = d.scene.nodes.find((x) => x.id === id) ?? d.scene.frames.find((x) => x.id === id);
    if (!n) return;
    const v = revealView(this.current ?? zoomIdentity, n, size, readable);
    if (v) this.set(v);
  }

  /** Culling and the minimap after the view or the canvas changed. */
  refresh(size = this.canvasSize()): void {
    this.cull(size);
    this.updateMinimap(size);
  }

  /** Pair every cullable element with its box; the DOM lists them in scene order. */
  private collect(svg: SVGSVGElement, scene: Scene, contents: SceneContents): void {
    const items: Cullable[] = [];
    const add = (els: NodeListOf<Element>, boxes: readonly Box[], fills?: readonly (string | undefined)[]) =>
      els.forEach((el, i) => {
        const b = boxes[i];
        if (b) items.push({ el, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, off: false, fill: fills?.[i] ?? null });
      });
    const labelled = scene.edges.filter((e) => e.label);
    add(svg.querySelectorAll('.cnn-node'), scene.nodes, scene.nodes.map((n) => contents.nodes.get(n.id)));
    add(svg.querySelectorAll('.cnn-frame'), scene.frames);
    add(svg.querySelectorAll('.cnn-frame-title'), scene.frames.map(headerBox));
    add(svg.querySelectorAll('.cnn-edge-label'), labelled.map((e) => e.label as NonNullable<typeof e.label>), labelled.map((e) => contents.labels.get(e.id)));
    this.cullItems = items;
  }

  /** Give a shell its content (once), when it is about to be seen. */
  private fill(it: Cullable): void {
    if (it.fill === null) return;
    it.el.insertAdjacentHTML('beforeend', it.fill);
    it.fill = null;
  }

  /**
   * Hide (display: none) the boxes and labels more than one canvas away from
   * the view: the browser then styles and lays out only what can be seen. A
   * tall network fitted to the width shows a few dozen of its hundreds of
   * boxes; edges stay, so the structure is always there.
   */
  private cull(size = this.canvasSize()): void {
    if (!size || !this.cullItems.length) return;
    const kept = keptWindow(this.current ?? zoomIdentity, size);
    const keep = this.parts.keep();
    for (const it of this.cullItems) {
      const off = it.el !== keep && isFar(it, kept);
      if (!off) this.fill(it);
      if (off !== it.off) {
        it.off = off;
        it.el.classList.toggle('cnn-off', off);
      }
    }
  }

  /** Show a culled box now, filled (a hidden box cannot take the focus). */
  uncull(el: Element): void {
    el.classList.remove('cnn-off');
    const item = this.cullItems.find((x) => x.el === el);
    if (item) {
      item.off = false;
      this.fill(item);
    }
  }

  minimapPathOf(d: Drawn): string {
    let p = this.minimapPaths.get(d);
    if (p === undefined) this.minimapPaths.set(d, (p = minimapPath(d.scene)));
    return p;
  }

  /** Show the overview while the picture is much larger than the canvas, with the part on screen marked. */
  private updateMinimap(size = this.canvasSize()): void {
    const el = this.parts.minimap();
    const d = this.parts.drawn();
    if (!el || !d || !size) return;
    const t = this.current ?? zoomIdentity;
    const show = needsMinimap(size, d.scene, t.k);
    if (el.hidden === show) el.hidden = !show;
    if (!show) return;
    const m = minimapSize(size, d.scene);
    el.style.width = `${m.w}px`;
    el.style.height = `${m.h}px`;
    const r = minimapView(t, size, d.scene);
    const view = el.querySelector('.mm-view');
    view?.setAttribute('x', String(r.x));
    view?.setAttribute('y', String(r.y));
    view?.setAttribute('width', String(r.width));
    view?.setAttribute('height', String(r.height));
  }

  /** Press or drag on the overview: centre the view on that point of the picture. */
  onMinimap = (e: PointerEvent) => {
    const el = e.currentTarget as HTMLElement;
    const d = this.parts.drawn();
    const svg = this.parts.svg();
    if (!d || !svg || !this.zoomer) return;
    if (e.type === 'pointerdown') {
      el.setPointerCapture?.(e.pointerId);
      e.preventDefault();
    } else if (!el.hasPointerCapture?.(e.pointerId)) return;
    const r = el.getBoundingClientRect();
    const size = this.canvasSize() ?? { w: 0, h: 0 };
    const at = { x: (e.clientX - r.left) / Math.max(1, r.width), y: (e.clientY - r.top) / Math.max(1, r.height) };
    const c = minimapCentre(at, d.scene, size, (this.current ?? zoomIdentity).k);
    select(svg).call(this.zoomer.translateTo, c.x, c.y);
  };
}
