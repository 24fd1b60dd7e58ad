/**
 * view + cards + layout → scene: every box, path and piece of text with its
 * final position. Pure data (no DOM), drawn as is by `sceneToSVG` and made
 * interactive by the element; nothing downstream computes a number.
 */
import { diagnosticText, type Status } from '../analysis/analyze.js';
import type { Locale } from '../i18n.js';
import { type Card, frameHeader, lookup, METRICS, type Model } from './cards.js';
import { fmtInt, fmtShape } from './format.js';
import { truncate } from './measure.js';
import type { Box, Direction, Layout } from './layout.js';
import type { ColorKey } from './theme.js';
import type { View, ViewNodeType } from './view.js';
import { words } from './words.js';

export type TextRole = 'title' | 'sub' | 'badge' | 'diag' | 'frame' | 'frame-sub' | 'edge-label';

export interface SceneText {
  x: number;
  y: number;
  text: string;
  role: TextRole;
}

export interface SceneBadge extends Box {
  kind: 'params' | 'macs';
  text: SceneText;
}

export interface SceneNode extends Box {
  id: string;
  path: string;
  type: ViewNodeType;
  color: ColorKey;
  status: Status;
  aux: boolean;
  texts: SceneText[];
  badges: SceneBadge[];
  /** Spoken name: label, path, output shape, parameters, MACs. */
  aria: string;
}

export interface SceneFrame extends Box {
  id: string;
  path: string;
  status: Status;
  aux: boolean;
  /** What the module computes (cut with `…` to the frame's width)… */
  title: SceneText;
  /** …and its path beneath, smaller. */
  sub: SceneText;
  /** The heading whole and the class: the frame's tooltip. */
  tooltip: string;
  aria: string;
}

export interface SceneEdge {
  id: string;
  source: string;
  target: string;
  producer: string;
  /** SVG path data, orthogonal with rounded corners. */
  d: string;
  label: (Box & { text: SceneText }) | null;
  /** The analysed shape as text (`6×28×28`), or `?` when unknown. */
  shape: string;
  /**
   * What the edge carries, in words (its SVG `<title>`): every edge has one,
   * also those whose shape is not written on them because another edge from
   * the same tensor carries the label.
   */
  title: string;
  aux: boolean;
}

export interface Scene {
  width: number;
  height: number;
  direction: Direction;
  title: string;
  desc: string;
  frames: SceneFrame[];
  edges: SceneEdge[];
  nodes: SceneNode[];
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Polyline → path with small rounded bends (radius shrinks on short segments). */
export function roundedPath(points: readonly (readonly [number, number])[], radius = 5): string {
  if (points.length === 0) return '';
  const p = points;
  let d = `M${r1(p[0][0])},${r1(p[0][1])}`;
  for (let i = 1; i < p.length - 1; i++) {
    const [x0, y0] = p[i - 1];
    const [x1, y1] = p[i];
    const [x2, y2] = p[i + 1];
    const l1 = Math.hypot(x1 - x0, y1 - y0);
    const l2 = Math.hypot(x2 - x1, y2 - y1);
    const r = Math.min(radius, l1 / 2, l2 / 2);
    if (r < 0.5) {
      d += `L${r1(x1)},${r1(y1)}`;
      continue;
    }
    const ax = x1 - ((x1 - x0) / l1) * r;
    const ay = y1 - ((y1 - y0) / l1) * r;
    const bx = x1 + ((x2 - x1) / l2) * r;
    const by = y1 + ((y2 - y1) / l2) * r;
    d += `L${r1(ax)},${r1(ay)}Q${r1(x1)},${r1(y1)} ${r1(bx)},${r1(by)}`;
  }
  const last = p[p.length - 1];
  return d + `L${r1(last[0])},${r1(last[1])}`;
}

/** The scene; its title, description and spoken names in `locale` (give it the one the cards were made in), English by default. */
export function buildScene(model: Model, view: View, cards: ReadonlyMap<string, Card>, layout: Layout, direction: Direction, locale: Locale = 'en'): Scene {
  const a = model.analysis;
  const w = words(locale);
  const status = (s: Status): string => (s === 'ok' ? '' : `${w.comma}${w.statusWord(s)}`);
  const lk = lookup(model);
  const missing = (id: string): Box => {
    throw new Error(`layout ${layout.key} has no position for ${id}: it was computed for another graph`);
  };
  const frames: SceneFrame[] = view.containers.map((c) => {
    const b = layout.nodes[c.id] ?? missing(c.id);
    const mod = lk.modules.get(c.path);
    const h = mod ? frameHeader(mod, lk, locale) : { title: c.path, full: c.path, sub: '' };
    const room = Math.max(METRICS.minWidth, b.width - 20);
    const cls = mod ? (lk.moduleLabels.get(mod.path) ?? mod.type) : '';
    return {
      id: c.id,
      path: c.path,
      status: mod?.status ?? 'ok',
      aux: mod?.aux ?? false,
      ...b,
      // The frame is at least as wide as its header's cut title; wider, the title gets the room (whole, most often).
      title: { x: r1(b.x + 10), y: r1(b.y + 17), text: truncate(`▾ ${h.full}`, METRICS.frameTitle, room, true), role: 'frame' },
      sub: { x: r1(b.x + 10), y: r1(b.y + 30), text: truncate(h.sub, METRICS.frameSub, room), role: 'frame-sub' },
      tooltip: cls ? `${h.full}${w.comma}${c.path} · ${cls}` : h.full,
      aria: mod ? `${h.full}${w.comma}${mod.path} ${cls}${w.comma}${w.expanded(mod.layers.length, fmtInt(mod.params), fmtInt(mod.macs))}` : c.path,
    };
  });

  const nodes: SceneNode[] = view.nodes.map((n) => {
    const b = layout.nodes[n.id] ?? missing(n.id);
    const card = cards.get(n.id) as Card;
    const x = b.x;
    const y = b.y;
    const cx = r1(x + b.width / 2);
    const texts: SceneText[] = [
      { x: cx, y: r1(y + 16), text: card.title, role: 'title' },
      { x: cx, y: r1(y + 29), text: card.sub, role: 'sub' },
    ];
    const badges: SceneBadge[] = [];
    const rowW = card.badges.reduce((s, bd, i) => s + bd.width + (i ? METRICS.badgeGap : 0), 0);
    let bx = x + (b.width - rowW) / 2;
    const by = y + 36;
    for (const bd of card.badges) {
      badges.push({ kind: bd.kind, x: r1(bx), y: r1(by), width: bd.width, height: METRICS.badgeH, text: { x: r1(bx + bd.width / 2), y: r1(by + 11.5), text: bd.text, role: 'badge' } });
      bx += bd.width + METRICS.badgeGap;
    }
    let dy = y + 36 + (card.badges.length ? METRICS.badgeH + 6 : 0) + 11;
    for (const line of card.diag) {
      texts.push({ x: cx, y: r1(dy), text: line, role: 'diag' });
      dy += METRICS.diagLine;
    }
    let st: Status = 'ok';
    // A failing box's message, as drawn under its badges: spoken right after them, before the numbers the
    // box does not show, so the visible text stays one run inside the spoken name (axe-core's
    // label-content-name-mismatch compares them as substrings).
    const said = card.diag.length ? `${w.comma}${card.diag.join(' ').replace(/^⚠ /, '').replace(/[.。]$/, '')}` : '';
    let aria = `${card.title}${w.comma}${card.sub}${said}`;
    if (n.type === 'layer') {
      const r = lk.layers.get(n.path);
      if (r) {
        st = r.status;
        // The badges' words as drawn, in the order the box shows them (title, path, badges), so the
        // spoken name holds all the box's visible text (WCAG 2.5.3, axe-core's label-content-name-mismatch).
        const shown = card.badges.map((bd) => `${w.comma}${bd.text}`).join('');
        aria = `${w.label(r.label, r.kind)}${w.comma}${r.path}${shown}${said}${w.comma}${w.layerAria(fmtShape(r.outputShape), fmtInt(r.params), fmtInt(r.macs))}${status(r.status)}`;
      }
    } else if (n.type === 'module') {
      const mod = lk.modules.get(n.path);
      if (mod) {
        st = mod.status;
        // As drawn (what it computes, path, badges), then its class and the numbers, so the spoken name holds the box's visible text.
        const shown = card.badges.map((bd) => `${w.comma}${bd.text}`).join('');
        aria = `${lk.describer.heading(mod.path, locale)}${w.comma}${card.sub}${shown}${said}${w.comma}${lk.moduleLabels.get(mod.path) ?? mod.type}${w.comma}${w.collapsed(mod.layers.length, fmtShape(mod.outputShape), fmtInt(mod.params), fmtInt(mod.macs))}${status(mod.status)}`;
      }
    }
    return { id: n.id, path: n.path, type: n.type, color: card.color, status: st, aux: n.aux, ...b, texts, badges, aria };
  });

  const nodeAux = new Map(view.nodes.map((n) => [n.id, n.aux]));
  const nodeType = new Map(view.nodes.map((n) => [n.id, n.type]));
  const nodePath = new Map(view.nodes.map((n) => [n.id, n.type === 'input' ? w.input : n.type === 'output' ? w.output : n.path]));
  const edges: SceneEdge[] = view.edges.map((e) => {
    const route = layout.edges[e.id] ?? { points: [], label: null };
    const shape = fmtShape(e.shape);
    // No label box when shapes are not annotated (elk was given none).
    const lb = route.label;
    const label: SceneEdge['label'] = lb ? { ...lb, text: { x: r1(lb.x + lb.width / 2), y: r1(lb.y + lb.height / 2 + 3.5), text: shape, role: 'edge-label' } } : null;
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      producer: e.producer,
      d: roundedPath(route.points),
      label,
      shape,
      title: `${shape}: ${nodeType.get(e.source) === 'input' ? w.input : e.producer} → ${nodePath.get(e.target) ?? e.target}`,
      aux: (nodeAux.get(e.source) ?? false) || (nodeAux.get(e.target) ?? false),
    };
  });

  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  return {
    width: layout.width,
    height: layout.height,
    direction,
    title: w.sceneTitle(a.model, a.layers.length, fmtInt(a.totals.params), fmtInt(a.totals.macs), a.convention),
    desc: `${w.sceneDesc(fmtShape(a.input), fmtShape(a.output))}${a.ok ? '' : w.sceneErrors(errors.length, errors[0] ? diagnosticText(errors[0], locale).message : '')}`,
    frames,
    edges,
    nodes,
  };
}
