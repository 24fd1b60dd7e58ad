/**
 * analysis + expansion state → the view graph: which boxes are visible
 * (layers, collapsed modules, the input and outputs), which expanded modules
 * frame them, and the edges between them, each carrying the analysed shape of
 * the tensor it stands for. Pure data; nothing here is measured or laid out.
 */
import type { Analysis, LayerRecord, ModuleRecord } from '../analysis/analyze.js';
import { ancestors } from '../graph/paths.js';
import { INPUT, type Graph, type Shape } from '../graph/types.js';

/** `none`: every module collapsed; `all`: every module open; a number N: modules less than N levels deep open; `auto`: as deep as stays readable. */
export type Expand = 'none' | 'all' | 'auto' | number;

export type ViewNodeType = 'layer' | 'module' | 'input' | 'output';

export interface ViewNode {
  /** Unique id: `L:<path>`, `M:<path>`, `I:input`, `O:<path>`. */
  id: string;
  type: ViewNodeType;
  /** Layer or module path; the producing layer for an output node; `input` for the input. */
  path: string;
  /** Id of the expanded module framing it, or `''` at the top. */
  container: string;
  /** Training-only (an auxiliary head). */
  aux: boolean;
}

export interface ViewContainer {
  id: string;
  path: string;
  container: string;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  /** The layer whose output this edge carries, or `input`. */
  producer: string;
  /** The analysed shape of that output (null when the analysis stopped before it). */
  shape: Shape | null;
  /** The lowest container holding both ends (`''` is the root). */
  container: string;
  /**
   * Whether this edge carries the shape label. A tensor read by several
   * consumers (an Inception fan-out, a residual skip) is labelled once, on the
   * edge to its first consumer in execution order (the trunk); the other edges
   * keep the shape in their title.
   */
  labelled: boolean;
}

export interface View {
  nodes: ViewNode[];
  containers: ViewContainer[];
  edges: ViewEdge[];
  /** Expanded module paths, sorted: with the graph, the layout's cache key. */
  expanded: string[];
}

/** Below this many boxes, `auto` opens everything. */
export const AUTO_LIMIT = 80;

export const layerId = (path: string) => `L:${path}`;
export const moduleId = (path: string) => `M:${path}`;
export const INPUT_ID = 'I:input';
export const outputId = (path: string) => `O:${path}`;

/**
 * Modules that hold every layer (`net = nn.Sequential(...)` around the whole
 * network) are not drawn: collapsing them would leave one box.
 */
export function transparentModules(a: Analysis): Set<string> {
  return new Set(transparentOf(a));
}

/** The modules a reader can collapse and expand, with their level (0 = outermost drawn). */
export function collapsible(a: Analysis): Map<string, number> {
  return new Map(levelsOf(a));
}

// One answer per analysis (an analysis is never changed once made): the element's first picture
// asks for them once per expansion depth `auto` tries, and again for the view.
const transparentCache = new WeakMap<Analysis, ReadonlySet<string>>();
const levelsCache = new WeakMap<Analysis, ReadonlyMap<string, number>>();

function transparentOf(a: Analysis): ReadonlySet<string> {
  let out = transparentCache.get(a);
  if (!out) transparentCache.set(a, (out = new Set(a.modules.filter((m) => m.layers.length === a.layers.length).map((m) => m.path))));
  return out;
}

function levelsOf(a: Analysis): ReadonlyMap<string, number> {
  let out = levelsCache.get(a);
  if (out) return out;
  const skip = transparentOf(a);
  const levels = new Map<string, number>();
  for (const m of a.modules) {
    if (skip.has(m.path)) continue;
    levels.set(m.path, ancestors(m.path).filter((p) => !skip.has(p)).length);
  }
  levelsCache.set(a, levels);
  return levels;
}

/** The set of expanded modules an `expand` value means. */
export function resolveExpand(a: Analysis, expand: Expand): Set<string> {
  const levels = levelsOf(a);
  if (expand === 'all') return new Set(levels.keys());
  if (expand === 'none') return new Set();
  if (typeof expand === 'number') return new Set([...levels].filter(([, l]) => l < expand).map(([p]) => p));
  if (a.layers.length <= AUTO_LIMIT) return new Set(levels.keys());
  const deepest = Math.max(0, ...levels.values()) + 1;
  let best = new Set<string>();
  for (let n = 1; n <= deepest; n++) {
    const open = resolveExpand(a, n);
    if (visibleCount(a, open) > AUTO_LIMIT) break;
    best = open;
  }
  return best;
}

/** The outermost collapsed drawn module holding `path`, or `path` itself. */
function representative(path: string, skip: ReadonlySet<string>, expanded: ReadonlySet<string>): { id: string; container: string } {
  let container = '';
  for (const m of ancestors(path)) {
    if (skip.has(m)) continue;
    if (!expanded.has(m)) return { id: moduleId(m), container };
    container = moduleId(m);
  }
  return { id: layerId(path), container };
}

/** Boxes drawn for layers and modules (input and output terminals not counted). */
export function visibleCount(a: Analysis, expanded: ReadonlySet<string>): number {
  const skip = transparentOf(a);
  return new Set(a.layers.map((l) => representative(l.path, skip, expanded).id)).size;
}

export function buildView(graph: Graph, a: Analysis, expanded: ReadonlySet<string>): View {
  const skip = transparentOf(a);
  const levels = levelsOf(a);
  // Only modules that exist count: a stale path in the set changes nothing.
  const open = new Set([...expanded].filter((p) => levels.has(p)));
  const records = new Map<string, LayerRecord>(a.layers.map((l) => [l.path, l]));
  const modules = new Map<string, ModuleRecord>(a.modules.map((m) => [m.path, m]));
  const nodes: ViewNode[] = [];
  const seen = new Map<string, ViewNode>();
  const containers = new Map<string, ViewContainer>();
  const rep = new Map<string, { id: string; container: string }>();

  const input: ViewNode = { id: INPUT_ID, type: 'input', path: INPUT, container: '', aux: false };
  nodes.push(input);
  seen.set(input.id, input);

  for (const l of a.layers) {
    const r = representative(l.path, skip, open);
    rep.set(l.path, r);
    // Frames for every open drawn ancestor, outermost first.
    let parent = '';
    for (const m of ancestors(l.path)) {
      if (skip.has(m) || !open.has(m)) {
        if (skip.has(m)) continue;
        break;
      }
      const id = moduleId(m);
      if (!containers.has(id)) containers.set(id, { id, path: m, container: parent });
      parent = id;
    }
    if (seen.has(r.id)) continue;
    const isModule = r.id.startsWith('M:');
    const path = r.id.slice(2);
    const node: ViewNode = { id: r.id, type: isModule ? 'module' : 'layer', path, container: r.container, aux: isModule ? (modules.get(path)?.aux ?? false) : l.aux };
    nodes.push(node);
    seen.set(node.id, node);
  }

  const chain = (id: string): string[] => {
    const out: string[] = [];
    let c = seen.get(id)?.container ?? containers.get(id)?.container ?? '';
    while (c) {
      out.push(c);
      c = containers.get(c)?.container ?? '';
    }
    return out;
  };
  const lca = (s: string, t: string): string => {
    const cs = new Set(chain(s));
    return chain(t).find((c) => cs.has(c)) ?? '';
  };

  const edges: ViewEdge[] = [];
  const edgeKeys = new Set<string>();
  const labelled = new Set<string>();
  const addEdge = (source: string, target: string, producer: string, shape: Shape | null) => {
    const key = `${source}\u0000${target}\u0000${producer}`;
    if (source === target || edgeKeys.has(key)) return;
    edgeKeys.add(key);
    const tensor = `${source}\u0000${producer}`;
    const first = !labelled.has(tensor);
    labelled.add(tensor);
    edges.push({ id: `E${edges.length}`, source, target, producer, shape, container: lca(source, target), labelled: first });
  };
  for (const l of a.layers) {
    const target = (rep.get(l.path) as { id: string }).id;
    l.inputs.forEach((src, i) => {
      if (src === INPUT) return addEdge(INPUT_ID, target, INPUT, l.inputShapes[i] ?? a.input);
      const from = rep.get(src);
      if (from) addEdge(from.id, target, src, records.get(src)?.outputShape ?? null);
    });
  }

  // Terminals: the inference output and each auxiliary head's logits.
  const outs = [{ path: graph.output, aux: false }, ...graph.aux.map((x) => ({ path: x.path, aux: true }))];
  for (const o of outs) {
    const from = rep.get(o.path);
    if (!from) continue;
    const node: ViewNode = { id: outputId(o.path), type: 'output', path: o.path, container: '', aux: o.aux };
    nodes.push(node);
    seen.set(node.id, node);
    addEdge(from.id, node.id, o.path, records.get(o.path)?.outputShape ?? null);
  }

  return { nodes, containers: [...containers.values()], edges, expanded: [...open].sort() };
}
