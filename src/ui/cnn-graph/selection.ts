/**
 * `<cnn-graph>`'s selection and expansion: `select(path)` (from a table, the find box or
 * a link) opens the collapsed modules around the layer and brings its box into view;
 * clicks and keys select, open and close boxes; the box in the tab order (one roving
 * tab stop); the hover/focus card with a box's numbers and formula.
 *
 * Which modules to open, what a path is, where focus goes after a toggle and where the
 * card sits are plain functions of the analysis and the view (`closedAround`,
 * `selectionType`, `viewIdOf`, `toggled`, `focusAfterToggle`, `cardPosition`).
 */
import { select as d3select } from 'd3';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { type Analysis, diagnosticText, type LayerRecord, type ModuleRecord } from '../../analysis/analyze.js';
import { details } from '../../render/details.js';
import { nearestInDirection } from '../../render/navigate.js';
import type { SceneNode } from '../../render/scene.js';
import { collapsible, INPUT_ID, layerId, moduleId } from '../../render/view.js';
import type { Locale } from '../i18n.js';
import { type CnnSelectDetail, type CnnToggleDetail, emit } from './events.js';
import { keyCommand } from './input.js';
import type { Drawn } from './loading.js';

type SelectType = CnnSelectDetail['type'];

/** Whether the network has this path: `input`, a layer or a module. */
export function hasPath(a: Analysis, path: string): boolean {
  return path === 'input' || a.layers.some((l) => l.path === path) || a.modules.some((m) => m.path === path);
}

/** What `path` is, unless the caller said: a module when only a module has that path, else a layer. */
export function selectionType(a: Analysis | null, path: string | null, type?: SelectType): SelectType {
  if (path === null) return null;
  return type ?? (a?.modules.some((m) => m.path === path) && !a.layers.some((l) => l.path === path) ? 'module' : 'layer');
}

/**
 * The collapsed modules around `path` (of `modules`, the ones that can collapse, not in
 * `open`), outermost first: what must open for its box to be drawn.
 */
export function closedAround(path: string, modules: Iterable<string>, open: ReadonlySet<string>): string[] {
  return [...modules].filter((m) => path.startsWith(m + '.') && !open.has(m)).sort((x, y) => x.length - y.length);
}

/** The id of what shows `path`: a layer's box, or a module's box or frame (the same id). */
export function viewIdOf(path: string, type: SelectType): string {
  if (path === 'input') return INPUT_ID;
  return type === 'module' ? moduleId(path) : layerId(path);
}

/** The expanded modules after opening `path`, or closing it (and every module inside it). */
export function toggled(expanded: Iterable<string>, path: string, open: boolean): Set<string> {
  const cur = new Set(expanded);
  if (open) cur.add(path);
  else for (const p of [...cur]) if (p === path || p.startsWith(path + '.')) cur.delete(p);
  return cur;
}

/** Where the keyboard goes once a toggle is drawn: into an opened module (its first child), or onto the closed one. */
export function focusAfterToggle(a: Analysis, path: string, open: boolean): string | null {
  if (!open) return moduleId(path);
  const first = a.modules.find((m) => m.path === path)?.children[0];
  if (!first) return null;
  return collapsible(a).has(first) ? moduleId(first) : layerId(first);
}

interface Rect {
  left: number;
  top: number;
  right: number;
  width: number;
  height: number;
}

/** The hover card's place in the canvas: right of the box, kept inside (the card is about 360 × 160). */
export function cardPosition(box: Rect, canvas: Rect): { x: number; y: number } {
  const x = Math.min(Math.max(4, box.right - canvas.left + 8), Math.max(4, canvas.width - 360));
  const y = Math.min(Math.max(4, box.top - canvas.top), Math.max(4, canvas.height - 160));
  return { x, y };
}

/** What selection needs of its element. */
export interface SelectionHost extends ReactiveControllerHost, EventTarget {
  /** The `selected` property. */
  selected: string | null;
}

export interface SelectionParts {
  drawn(): Drawn | null;
  svg(): SVGSVGElement | null;
  canvas(): HTMLElement | null;
  locale(): Locale;
  /** Draw with exactly these modules expanded. */
  expand(paths: ReadonlySet<string>): void;
  /** Pan (and with `readable`, zoom) so the node or frame `id` is in view. */
  reveal(id: string, readable?: boolean): void;
  /** Show a culled box now (a hidden box cannot take the focus). */
  uncull(el: Element): void;
}

export class Selection implements ReactiveController {
  /** The box in the tab order. */
  private activeId: string | null = null;
  /** Where the keyboard goes once the picture a toggle asked for is on screen. */
  private pendingFocus: string | null = null;
  /** What `select` asked to bring into view once the picture it expanded is on screen. */
  private pendingReveal: string | null = null;
  private hover: { type: SceneNode['type']; path: string; x: number; y: number } | null = null;

  constructor(
    private readonly host: SelectionHost,
    private readonly parts: SelectionParts,
  ) {
    host.addController(this);
  }

  private get analysis(): Analysis | null {
    return this.parts.drawn()?.loaded.analysis ?? null;
  }

  private recordOf(type: string | undefined, path: string | null): LayerRecord | ModuleRecord | null {
    const a = this.analysis;
    if (!a || !path) return null;
    if (type === 'module') return a.modules.find((m) => m.path === path) ?? null;
    return a.layers.find((l) => l.path === path) ?? a.modules.find((m) => m.path === path) ?? null;
  }

  /** Select, expanding the modules around it and bringing its box into view (the element's `select`). */
  select(path: string | null, type?: SelectType): void {
    const t = this.choose(path, type);
    if (path !== null) this.bringIntoView(path, t);
  }

  /** Select what the reader pointed at, where it is: no expansion, no pan. */
  private choose(path: string | null, type?: SelectType): SelectType {
    this.host.selected = path;
    const t = selectionType(this.analysis, path, type);
    emit<CnnSelectDetail>(this.host, 'cnn-select', { path, type: t, record: this.recordOf(t ?? undefined, path) });
    return t;
  }

  /** Expand or collapse a module (the element's `toggle`). */
  toggle(path: string, expand?: boolean): void {
    const a = this.analysis;
    if (!a || !collapsible(a).has(path)) return;
    const expanded = this.parts.drawn()?.prepared.view.expanded ?? [];
    const open = expand ?? !expanded.includes(path);
    const cur = toggled(expanded, path, open);
    this.parts.expand(cur);
    this.pendingFocus = focusAfterToggle(a, path, open);
    emit<CnnToggleDetail>(this.host, 'cnn-toggle', { path, expanded: open, expandedPaths: [...cur].sort() });
  }

  /**
   * Open every collapsed module around `path` (one `cnn-toggle` each) and bring its box into
   * view at a readable scale, now or once the expanded picture is on screen.
   */
  private bringIntoView(path: string, type: SelectType): void {
    const d = this.parts.drawn();
    const a = this.analysis;
    if (!d || !a) return;
    // A path the network does not have opens nothing (`3.4.nope` must not expand 3.4).
    if (!hasPath(a, path)) return;
    const open = new Set(d.prepared.view.expanded);
    const closed = closedAround(path, collapsible(a).keys(), open);
    const id = viewIdOf(path, type);
    if (!closed.length) {
      if (this.nodeEl(id)) this.setActive(id, false);
      this.parts.reveal(id, true);
      return;
    }
    for (const m of closed) open.add(m);
    this.parts.expand(open);
    this.pendingReveal = id;
    this.pendingFocus = null;
    const expandedPaths = [...open].sort();
    for (const m of closed) emit<CnnToggleDetail>(this.host, 'cnn-toggle', { path: m, expanded: true, expandedPaths });
  }

  /** A new picture's boxes (`ids`): keep the tab stop on the same box if it is still drawn, or where a toggle sent it. */
  wire(ids: readonly string[]): void {
    if (!this.activeId || !ids.includes(this.activeId)) this.activeId = ids[0] ?? null;
    if (this.pendingFocus && ids.includes(this.pendingFocus)) this.activeId = this.pendingFocus;
    this.setActive(this.activeId, false);
  }

  /** The picture is on screen, fitted: focus where a toggle asked, bring into view what `select` asked. */
  shown(): void {
    if (this.pendingFocus) {
      const id = this.pendingFocus;
      this.pendingFocus = null;
      if (this.nodeEl(id)) this.setActive(id, true);
    }
    if (this.pendingReveal) {
      const id = this.pendingReveal;
      this.pendingReveal = null;
      if (this.nodeEl(id)) this.setActive(id, false);
      this.parts.reveal(id, true);
    }
  }

  /** After each update of the element (and the stage's placing of a new picture): `aria-pressed` on the selected layer or module. */
  hostUpdated(): void {
    const svg = this.parts.svg();
    if (!svg || !this.parts.drawn()) return;
    const sel = this.host.selected;
    d3select(svg)
      .selectAll<SVGGElement, unknown>('.cnn-node')
      .attr('aria-pressed', function () {
        return this.dataset.type === 'layer' || this.dataset.type === 'module' ? String(this.dataset.path === sel) : null;
      });
  }

  private nodeEl(id: string): SVGGElement | null {
    return (this.parts.svg()?.querySelector(`.cnn-node[data-id="${CSS.escape(id)}"]`) as SVGGElement | null) ?? null;
  }

  /** The box in the tab order (culling keeps it). */
  activeEl(): SVGGElement | null {
    return this.activeId ? this.nodeEl(this.activeId) : null;
  }

  private setActive(id: string | null, focus: boolean): void {
    const svg = this.parts.svg();
    if (!svg || !id) return;
    this.activeEl()?.setAttribute('tabindex', '-1');
    this.activeId = id;
    const el = this.nodeEl(id);
    if (!el) return;
    el.setAttribute('tabindex', '0');
    if (focus) {
      // A culled box cannot take the focus: show it first; `reveal` pans to it.
      this.parts.uncull(el);
      el.focus({ preventScroll: true });
      this.parts.reveal(id);
    }
  }

  private target(e: Event): { el: SVGGElement; id: string; type: SceneNode['type']; path: string } | null {
    const el = (e.target as Element | null)?.closest?.('.cnn-node') as SVGGElement | null;
    if (!el || !el.dataset.id) return null;
    return { el, id: el.dataset.id, type: el.dataset.type as SceneNode['type'], path: el.dataset.path ?? '' };
  }

  onClick = (e: MouseEvent) => {
    const title = (e.target as Element | null)?.closest?.('.cnn-frame-title') as SVGGElement | null;
    if (title?.dataset.path) {
      this.toggle(title.dataset.path, false);
      return;
    }
    const t = this.target(e);
    if (!t) return;
    this.setActive(t.id, true);
    if (t.type === 'module') this.toggle(t.path, true);
    this.choose(t.type === 'input' ? 'input' : t.path, t.type);
  };

  onKey = (e: KeyboardEvent) => {
    const d = this.parts.drawn();
    const c = keyCommand(e.key);
    if (!d || !c) return;
    const nodes = d.scene.nodes;
    const node = nodes.find((n) => n.id === this.activeId) ?? nodes[0];
    let next: string | null = null;
    switch (c) {
      case 'first':
        next = nodes[0]?.id ?? null;
        break;
      case 'last':
        next = nodes[nodes.length - 1]?.id ?? null;
        break;
      case 'activate':
        if (!node) return;
        if (node.type === 'module') this.toggle(node.path, true);
        this.choose(node.type === 'input' ? 'input' : node.path, node.type);
        break;
      case 'collapse': {
        const frame = d.prepared.view.nodes.find((n) => n.id === node?.id)?.container;
        if (frame) this.toggle(frame.slice(2), false);
        break;
      }
      case 'clear':
        this.hideCard();
        if (this.host.selected !== null) this.choose(null);
        break;
      default:
        // An arrow: to the nearest box that way on screen; at the edge of the picture, stay.
        next = node ? nearestInDirection(nodes, node.id, c) : null;
    }
    e.preventDefault();
    if (next !== null) this.setActive(next, true);
  };

  showDetails = (e: Event) => {
    const t = this.target(e);
    const canvas = this.parts.canvas();
    if (!t || !canvas) return;
    const { x, y } = cardPosition(t.el.getBoundingClientRect(), canvas.getBoundingClientRect());
    this.hover = { type: t.type, path: t.path, x, y };
    this.host.requestUpdate();
  };

  hideDetails = (e: Event) => {
    const to = (e as FocusEvent).relatedTarget as Element | null;
    if (to?.closest?.('.cnn-node') && e.type === 'focusout') return;
    this.hideCard();
  };

  /** The view moved or the reader pressed Escape: the card would point at the wrong place. */
  hideCard(): void {
    if (!this.hover) return;
    this.hover = null;
    this.host.requestUpdate();
  }

  renderDetails() {
    const d = this.parts.drawn();
    const h = this.hover;
    if (!d || !h) return nothing;
    const locale = this.parts.locale();
    const info = details({ graph: d.loaded.graph, analysis: d.loaded.analysis }, h.type, h.path, locale);
    return html`<div part="details" class="details" role="tooltip" style="left:${h.x}px;top:${h.y}px">
      <h3>${info.title}</h3>
      <div class="sub">${info.subtitle}</div>
      <table>
        ${info.rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}
      </table>
      ${info.formula.map((f) => html`<code>${f}</code>`)}
      ${info.diagnostics.map((x) => {
        const t = diagnosticText(x, locale);
        return html`<div class="diag">${t.message}${x.formula ? html`<code>${x.formula}</code>` : nothing}${t.fix ? html`<div>${t.fix}</div>` : nothing}</div>`;
      })}
    </div>`;
  }
}
