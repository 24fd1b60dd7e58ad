/**
 * The one path from a network to a picture, shared by `<cnn-graph>` and the
 * CLI: analysis → view (expansion) → cards → elk graph → layout → scene → SVG.
 * `prepare` is synchronous and cheap; only the layout is slow, and whoever
 * calls `prepare` decides where it runs (worker, main thread, Node).
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../analysis/analyze.js';
import type { Graph } from '../graph/types.js';
import { admitGraph } from '../graph/validate.js';
import type { Locale } from '../i18n.js';
import { ANNOTATIONS, type Annotation, type Card, cards as makeCards, frameHeader, lookup, type Model } from './cards.js';
import { type Direction, type ElkGraph, type ElkLike, elkGraph, type Layout, layoutCache, layoutKey, type LayoutCache, runLayout } from './layout.js';
import { buildScene, type Scene } from './scene.js';
import { density, type Density, elkTooSlow, engineOf, type EngineUsed, fastNote } from './engines.js';
import { layeredKey, layeredLayout } from './layered.js';
import { structuralKey, structuralLayout } from './structural.js';
import { sceneToSVG } from './svg.js';
import { THEMES, type ThemeName, type Tokens } from './theme.js';
import { buildView, type Expand, resolveExpand, type View } from './view.js';

/**
 * `auto`: the structural layout whenever the view is series–parallel (every
 * zoo network, in every expansion state); otherwise elk, or the fast layered
 * layout when elk would be slow (`elkTooSlow`: more than 16 cross-links or
 * 1,000 boxes); `elk`: always elk; `fast`: always the fast layered layout.
 */
export type LayoutEngine = 'auto' | 'elk' | 'fast';

export interface PrepareOptions {
  /** An `expand` value, or the exact set of expanded module paths. */
  expand?: Expand | ReadonlySet<string>;
  direction?: Direction;
  annotations?: readonly Annotation[];
  engine?: LayoutEngine;
  /**
   * Leave a view of more than `INLINE_LAYOUT_LIMIT` boxes to be laid out
   * elsewhere (the element sends it to its worker) instead of here; `layoutOf`
   * lays it out structurally when asked.
   */
  defer?: boolean;
  /** Language of the picture's words (`zh` on a Chinese page): badges, input/output, the diagnostic on a failing node, the SVG's title, description and spoken names. English by default. */
  locale?: Locale;
}

/** Views with more boxes than this are laid out off the page's thread when `defer` is set. */
export const INLINE_LAYOUT_LIMIT = 1500;

export interface Prepared {
  model: Model;
  view: View;
  cards: Map<string, Card>;
  elk: ElkGraph;
  /**
   * The view laid out structurally, already (it costs about as much as
   * building the elk graph); null when the view needs elk or elk was asked for.
   */
  structural: Layout | null;
  /** Not series–parallel and laid out by the fast layered engine, already (under `auto`, when elk would be slow; or asked for). */
  fast: Layout | null;
  /** Large, and left to be laid out elsewhere (`defer`); `key` is the structural key (the fast one with engine `fast`). */
  deferred: boolean;
  /** Boxes, wires and cross-links of the view: what decides between elk and the fast engine. */
  density: Density;
  /** The engine asked for. */
  engine: LayoutEngine;
  /** Cache key of the layout this needs. */
  key: string;
  direction: Direction;
  locale: Locale;
}

export function prepare(model: Model, options: PrepareOptions = {}): Prepared {
  const direction = options.direction ?? 'down';
  const annotations = new Set(options.annotations ?? ANNOTATIONS);
  const expanded = typeof options.expand === 'object' ? options.expand : resolveExpand(model.analysis, options.expand ?? 'auto');
  const view = buildView(model.graph, model.analysis, expanded);
  const cards = makeCards(view, model, annotations, options.locale);
  const lk = lookup(model);
  const headers = new Map(view.containers.map((c) => [c.id, frameHeader(lk.modules.get(c.path) as NonNullable<ReturnType<typeof lk.modules.get>>, lk, options.locale)]));
  const elk = elkGraph(view, cards, headers, direction, annotations.has('shapes'));
  const engine = options.engine ?? 'auto';
  const deferred = engine !== 'elk' && options.defer === true && view.nodes.length > INLINE_LAYOUT_LIMIT;
  const structural = engine !== 'auto' || deferred ? null : structuralLayout(elk, direction);
  const dense = density(elk);
  const fast = deferred || structural || engine === 'elk' || (engine === 'auto' && !elkTooSlow(dense)) ? null : layeredLayout(elk, direction);
  const key = deferred ? (engine === 'fast' ? layeredKey(elk) : structuralKey(elk)) : (structural?.key ?? fast?.key ?? layoutKey(elk));
  return { model, view, cards, elk, structural, fast, deferred, density: dense, engine, key, direction, locale: options.locale ?? 'en' };
}

export function sceneOf(p: Prepared, layout: Layout): Scene {
  return buildScene(p.model, p.view, p.cards, layout, p.direction, p.locale);
}

export interface RenderOptions extends PrepareOptions, AnalyzeOptions {
  /** `light` (default), `dark`, or token values to use as the SVG's fallbacks. */
  theme?: ThemeName | Tokens;
  /** A precomputed layout; used when its key matches, recomputed otherwise. */
  layout?: Layout;
  elk?: ElkLike;
  /** `false` to bypass the shared layout cache. */
  cache?: LayoutCache | false;
  /** An analysis already made for this graph and these options. */
  analysis?: Analysis;
}

export interface Rendered {
  prepared: Prepared;
  layout: Layout;
  /** The engine that laid it out. */
  engine: EngineUsed;
  /** Why the picture is plainer than elk's: set when `auto` chose the fast layered layout because elk would be slow. */
  note: string | null;
  scene: Scene;
  svg: string;
}

/** Lay out `p`: the given layout, the structural one, the cache, or elk. */
export async function layoutOf(p: Prepared, options: Pick<RenderOptions, 'layout' | 'elk' | 'cache'> = {}): Promise<Layout> {
  if (options.layout && options.layout.key === p.key) return options.layout;
  if (p.structural) return p.structural;
  if (p.fast) return p.fast;
  if (p.deferred) {
    const l = p.engine === 'fast' ? layeredLayout(p.elk, p.direction) : (structuralLayout(p.elk, p.direction) ?? (elkTooSlow(p.density) ? layeredLayout(p.elk, p.direction) : null));
    if (l) return l;
  }
  const cache = options.cache === false ? null : (options.cache ?? layoutCache);
  const hit = cache?.get(p.key);
  if (hit) return hit;
  const layout = await runLayout(p.elk, options.elk);
  cache?.set(layout);
  return layout;
}

/**
 * The graph as the picture may read it: a caller's object of any shape has its
 * malformed modules, aux heads and output dropped (the analysis reports them);
 * a value that is not a network at all is refused with the analysis's message.
 */
function drawable(graph: Graph): Graph {
  const admitted = admitGraph(graph);
  if (!admitted.isGraph) throw new TypeError(`Not a network: ${admitted.issues[0]?.message ?? 'unknown problem'}`);
  return admitted.graph;
}

export async function render(graph: Graph, options: RenderOptions = {}): Promise<Rendered> {
  const analysis = options.analysis ?? analyze(graph, { ...(options.input ? { input: options.input } : {}), ...(options.convention ? { convention: options.convention } : {}) });
  const prepared = prepare({ graph: drawable(graph), analysis }, options);
  const layout = await layoutOf(prepared, options);
  const scene = sceneOf(prepared, layout);
  const tokens = typeof options.theme === 'object' ? options.theme : THEMES[options.theme ?? 'light'];
  return { prepared, layout, engine: engineOf(layout), note: noteOf(prepared, layout), scene, svg: sceneToSVG(scene, { tokens }) };
}

/** The note for a picture that `auto` drew with the fast layered layout (elk would be slow); null otherwise. */
export function noteOf(p: Prepared, layout: Layout): string | null {
  return p.engine === 'auto' && engineOf(layout) === 'fast' ? fastNote(p.density, p.locale) : null;
}

/**
 * The standalone SVG of a network, exactly what `<cnn-graph>.toSVG()` returns
 * for the same options with the default tokens. Used by `cnn-graph render`.
 */
export async function renderNetworkSVG(graph: Graph, options: RenderOptions = {}): Promise<string> {
  return (await render(graph, options)).svg;
}

export interface PrecomputeOptions extends Omit<PrepareOptions, 'expand'>, AnalyzeOptions {
  /**
   * The views to lay out, as `expand` values or exact sets of expanded module
   * paths. Default: `['auto', 'all']`, the element's first picture and the
   * fully expanded one (its "Expand all" button).
   */
  expand?: readonly (Expand | ReadonlySet<string>)[];
  elk?: ElkLike;
  /** `false` to bypass the shared layout cache. */
  cache?: LayoutCache | false;
  /** An analysis already made for this graph and these options. */
  analysis?: Analysis;
}

/**
 * The layouts of a network's views, computed ahead (in Node, by a docs
 * build) so that `<cnn-graph layouts="file.json">` draws them without running
 * elk. `JSON.stringify` the result to write that file. Pass the same `input`,
 * `convention`, `direction` and `annotations` the element will be given:
 * they change the boxes and so the layout keys. Views that lay out the same
 * (a small network's `auto` and `all`) appear once.
 */
export async function precomputeLayouts(graph: Graph, options: PrecomputeOptions = {}): Promise<Layout[]> {
  const analysis = options.analysis ?? analyze(graph, { ...(options.input ? { input: options.input } : {}), ...(options.convention ? { convention: options.convention } : {}) });
  const out = new Map<string, Layout>();
  const admitted = drawable(graph);
  for (const expand of options.expand ?? ['auto', 'all']) {
    const prepared = prepare({ graph: admitted, analysis }, { ...options, expand });
    if (!out.has(prepared.key)) out.set(prepared.key, await layoutOf(prepared, options));
  }
  return [...out.values()];
}
