/**
 * What each box says and how big it is. The same card feeds the layout (its
 * size) and the scene (its text), so the two cannot disagree. Every number
 * comes from the analysis records; this module only picks and formats them.
 */
import { type Analysis, type Diagnostic, diagnosticText, type LayerRecord, type ModuleRecord } from '../analysis/analyze.js';
import { moduleDescriber, type ModuleDescriber } from '../analysis/describe.js';
import type { Graph } from '../graph/types.js';
import type { Locale } from '../i18n.js';
import { fmtCompact, fmtShape, fmtShare } from './format.js';
import { textWidth, truncate, wrap } from './measure.js';
import { colorKey, type ColorKey } from './theme.js';
import type { View, ViewNode } from './view.js';
import { words } from './words.js';

export const ANNOTATIONS = ['shapes', 'params', 'macs'] as const;
export type Annotation = (typeof ANNOTATIONS)[number];

/** Sizes in px; the scene and the SVG use the same numbers. */
export const METRICS = {
  padX: 10,
  title: 12.5,
  sub: 10.5,
  badge: 10,
  badgeH: 16,
  badgeGap: 6,
  diag: 10.5,
  diagLine: 14,
  diagWidth: 260,
  edgeLabel: 10,
  edgeLabelPadX: 4,
  edgeLabelH: 14,
  frameTitle: 11,
  /** The path under an expanded module's title. */
  frameSub: 9.5,
  /** From a frame's top to its content: the title and the path beneath it. */
  frameTop: 40,
  minWidth: 64,
  maxTitle: 320,
  /** A module's title says what it computes (an Inception block's four branches, an MBConv's five steps): a little more room. */
  maxModuleTitle: 380,
} as const;

export interface Badge {
  kind: 'params' | 'macs';
  text: string;
  width: number;
}

export interface Card {
  id: string;
  color: ColorKey;
  title: string;
  sub: string;
  badges: Badge[];
  /** The diagnostic printed on a failing node, wrapped, in the card's locale. */
  diag: string[];
  width: number;
  height: number;
}

/** Everything a picture is made from: the graph, its analysis, and what to annotate. */
export interface Model {
  graph: Graph;
  analysis: Analysis;
}

export interface Lookup {
  layers: Map<string, LayerRecord>;
  modules: Map<string, ModuleRecord>;
  /** First error diagnostic per layer path. */
  errors: Map<string, Diagnostic>;
  /** Each module's class as the network names it: its `label`, else its PyTorch class. */
  moduleLabels: Map<string, string>;
  /** What each module computes, in words (made on first use). */
  describer: ModuleDescriber;
}

// One lookup per analysis and graph (neither is changed once made): a picture's cards, its frame
// titles, its scene and every hover card read the same one.
const lookups = new WeakMap<Analysis, WeakMap<Graph, Lookup>>();

/** Records, first errors and module labels by path. Shared: callers must not change it. */
export function lookup(m: Model): Lookup {
  let byGraph = lookups.get(m.analysis);
  if (!byGraph) lookups.set(m.analysis, (byGraph = new WeakMap()));
  let lk = byGraph.get(m.graph);
  if (!lk) byGraph.set(m.graph, (lk = makeLookup(m)));
  return lk;
}

function makeLookup(m: Model): Lookup {
  const errors = new Map<string, Diagnostic>();
  for (const d of m.analysis.diagnostics) if (d.severity === 'error' && d.path && !errors.has(d.path)) errors.set(d.path, d);
  return {
    layers: new Map(m.analysis.layers.map((l) => [l.path, l])),
    modules: new Map(m.analysis.modules.map((x) => [x.path, x])),
    errors,
    moduleLabels: new Map(m.graph.modules.map((x) => [x.path, x.label ?? x.type])),
    describer: moduleDescriber(m.graph, m.analysis),
  };
}

/** The first error inside a module, for a collapsed box that hides the failing layer. */
function moduleError(mod: ModuleRecord, lk: Lookup): Diagnostic | undefined {
  for (const p of mod.layers) {
    const d = lk.errors.get(p);
    if (d) return d;
  }
  return undefined;
}

export function badges(params: number, macs: number | null, aux: boolean, a: Analysis, annotations: ReadonlySet<Annotation>, locale: Locale = 'en'): Badge[] {
  const w = words(locale);
  const out: Badge[] = [];
  const t = a.totals;
  if (annotations.has('params') && params > 0) out.push(badge('params', w.paramsBadge(fmtCompact(params), fmtShare(params, t.params))));
  if (annotations.has('macs') && macs !== null && macs > 0) {
    const total = aux ? t.auxMacs : t.macs;
    out.push(badge('macs', w.macsBadge(fmtCompact(macs), fmtShare(macs, total), aux)));
  }
  return out;
}

const badge = (kind: Badge['kind'], text: string): Badge => ({ kind, text, width: Math.ceil(textWidth(text, METRICS.badge) + 10) });

/**
 * A box's card, its words (badges, input/output, layer counts, the diagnostic on a failing
 * node) in `locale`; layer labels stay in PyTorch's notation. English by default, as the CLI draws.
 */
export function card(node: ViewNode, m: Model, lk: Lookup, annotations: ReadonlySet<Annotation>, locale: Locale = 'en'): Card {
  const a = m.analysis;
  const w = words(locale);
  let color: ColorKey = 'io';
  let title = '';
  let sub = '';
  let bs: Badge[] = [];
  let diag: Diagnostic | undefined;
  if (node.type === 'layer') {
    const r = lk.layers.get(node.path) as LayerRecord;
    color = colorKey(r.kind, r.category);
    title = w.label(r.label, r.kind);
    sub = `${r.path}${r.aux ? w.aux : ''}`;
    bs = badges(r.params, r.macs, r.aux, a, annotations, locale);
    diag = r.status === 'error' ? lk.errors.get(r.path) : undefined;
  } else if (node.type === 'module') {
    const r = lk.modules.get(node.path) as ModuleRecord;
    color = 'module';
    // What it computes (and its title from the notes or paper); its class is in the hover card and the spoken name.
    title = `▸ ${lk.describer.heading(r.path, locale)}`;
    sub = `${r.path} · ${w.layers(r.layers.length)}${r.aux ? w.aux : ''}`;
    bs = badges(r.params, r.macs, r.aux, a, annotations, locale);
    diag = r.status === 'error' ? moduleError(r, lk) : undefined;
  } else if (node.type === 'input') {
    title = w.input;
    sub = fmtShape(a.input);
  } else {
    const aux = m.graph.aux.find((x) => x.path === node.path);
    title = aux ? w.auxOutputBox(aux.weight) : w.output;
    sub = fmtShape(lk.layers.get(node.path)?.outputShape ?? null);
  }
  title = truncate(title, METRICS.title, node.type === 'module' ? METRICS.maxModuleTitle : METRICS.maxTitle, true);
  sub = truncate(sub, METRICS.sub, METRICS.maxTitle);
  const diagLines = diag ? wrap(`⚠ ${diagnosticText(diag, locale).message}`, METRICS.diag, METRICS.diagWidth, 4) : [];
  const badgeRow = bs.reduce((s, b, i) => s + b.width + (i ? METRICS.badgeGap : 0), 0);
  const inner = Math.max(
    textWidth(title, METRICS.title, true),
    textWidth(sub, METRICS.sub),
    badgeRow,
    ...diagLines.map((l) => textWidth(l, METRICS.diag)),
  );
  const width = Math.ceil(Math.max(METRICS.minWidth, inner + 2 * METRICS.padX));
  const height = 36 + (bs.length ? METRICS.badgeH + 6 : 0) + (diagLines.length ? diagLines.length * METRICS.diagLine + 4 : 0);
  return { id: node.id, color, title, sub, badges: bs, diag: diagLines, width, height };
}

export function cards(view: View, m: Model, annotations: ReadonlySet<Annotation>, locale: Locale = 'en'): Map<string, Card> {
  const lk = lookup(m);
  return new Map(view.nodes.map((n) => [n.id, card(n, m, lk, annotations, locale)]));
}

/** The header of an expanded module's frame: what it computes, and its path beneath. */
export interface FrameHeader {
  /** `▾ ` and the heading, cut to `METRICS.maxModuleTitle` (the scene cuts it again to the frame's width). */
  title: string;
  /** The heading whole, for the tooltip and the spoken name. */
  full: string;
  sub: string;
}

// One header per module and locale for a lookup: the layout's elk graph and the scene both ask.
const headers = new WeakMap<Lookup, Map<string, FrameHeader>>();

export function frameHeader(mod: ModuleRecord, lk: Lookup, locale: Locale = 'en'): FrameHeader {
  let byKey = headers.get(lk);
  if (!byKey) headers.set(lk, (byKey = new Map()));
  const key = `${locale}\u0000${mod.path}`;
  let h = byKey.get(key);
  if (!h) {
    const full = lk.describer.heading(mod.path, locale);
    byKey.set(key, (h = { title: truncate(`▾ ${full}`, METRICS.frameTitle, METRICS.maxModuleTitle, true), full, sub: truncate(mod.path, METRICS.frameSub, METRICS.maxTitle) }));
  }
  return h;
}

/** The narrowest frame that shows its header: the title (cut at `maxModuleTitle`) and the path. */
export function frameMinWidth(h: FrameHeader): number {
  return Math.ceil(Math.max(textWidth(h.title, METRICS.frameTitle, true), textWidth(h.sub, METRICS.frameSub)) + 24);
}

export function edgeLabelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(textWidth(text, METRICS.edgeLabel) + 2 * METRICS.edgeLabelPadX), height: METRICS.edgeLabelH };
}
