/**
 * view + cards → elk graph → positions. Shared by the Web Worker, the
 * element's main-thread fallback and the CLI: they all call `runLayout` on the
 * same elk graph, so they all get the same picture. elkjs is imported lazily
 * (`loadElk`), so nothing that merely imports this module pays for it.
 */
import type { Card, FrameHeader } from './cards.js';
import { edgeLabelSize, frameMinWidth, METRICS } from './cards.js';
import { fmtShape } from './format.js';
import type { View } from './view.js';

export type Direction = 'down' | 'right';

/** The subset of elk's JSON graph we produce (see elkjs' `ElkNode`). */
export interface ElkLabel {
  id?: string;
  layoutOptions?: Record<string, string>;
  text?: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
}
export interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: ElkLabel[];
  sections?: { startPoint: { x: number; y: number }; endPoint: { x: number; y: number }; bendPoints?: { x: number; y: number }[] }[];
}
export interface ElkGraph {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkGraph[];
  edges?: ElkEdge[];
}

/** What we need of an `ELK` instance. */
export interface ElkLike {
  layout(graph: ElkGraph): Promise<ElkGraph>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EdgeRoute {
  points: [number, number][];
  label: Box | null;
}

/** A finished layout: plain JSON, so it can be precomputed, cached and passed in. */
export interface Layout {
  /** Hash of the elk graph it was computed from. */
  key: string;
  width: number;
  height: number;
  nodes: Record<string, Box>;
  edges: Record<string, EdgeRoute>;
}

/**
 * Tuned for reading a network top to bottom: orthogonal edges, long straight
 * chains (Brandes–Köpf, balanced), branches kept in model order (an Inception
 * block's branch1…branch4 stay left to right), and room for the shape labels.
 */
const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.layered.spacing.nodeNodeBetweenLayers': '22',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '8',
  'elk.spacing.edgeLabel': '3',
  'elk.spacing.componentComponent': '40',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

const LABEL_OPTIONS: Record<string, string> = { 'elk.edgeLabels.inline': 'true' };

const FRAME_PADDING = `[top=${METRICS.frameTop},left=12,bottom=12,right=12]`;

export function elkGraph(view: View, cards: ReadonlyMap<string, Card>, frames: ReadonlyMap<string, FrameHeader>, direction: Direction, shapes: boolean): ElkGraph {
  const root: ElkGraph = { id: 'root', layoutOptions: { ...ROOT_OPTIONS, 'elk.direction': direction === 'right' ? 'RIGHT' : 'DOWN' }, children: [], edges: [] };
  const byId = new Map<string, ElkGraph>([['', root]]);
  for (const c of view.containers) {
    const header = frames.get(c.id);
    const minW = header ? frameMinWidth(header) : 40;
    byId.set(c.id, {
      id: c.id,
      layoutOptions: { 'elk.padding': FRAME_PADDING, 'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': `(${minW}, 40)` },
      children: [],
      edges: [],
    });
  }
  // Parents before children: containers are listed outermost first by the view.
  for (const c of view.containers) (byId.get(c.container) as ElkGraph).children!.push(byId.get(c.id) as ElkGraph);
  for (const n of view.nodes) {
    const card = cards.get(n.id) as Card;
    (byId.get(n.container) as ElkGraph).children!.push({ id: n.id, width: card.width, height: card.height });
  }
  for (const e of view.edges) {
    const edge: ElkEdge = { id: e.id, sources: [e.source], targets: [e.target] };
    if (shapes && e.labelled) {
      const text = fmtShape(e.shape);
      // Inline: the shape sits on the wire it describes.
      edge.labels = [{ id: `${e.id}:label`, text, ...edgeLabelSize(text), layoutOptions: LABEL_OPTIONS }];
    }
    (byId.get(e.container) as ElkGraph).edges!.push(edge);
  }
  return root;
}

/** The flow direction `elkGraph` wrote into an elk graph's root options. */
export function elkDirection(g: ElkGraph): Direction {
  return g.layoutOptions?.['elk.direction'] === 'RIGHT' ? 'right' : 'down';
}

/** FNV-1a over the elk graph's JSON: equal graphs, equal keys, in Node and in the browser. */
export function layoutKey(g: ElkGraph): string {
  const s = JSON.stringify(g);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x85ebca6b);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}-${s.length.toString(36)}`;
}

let elkPromise: Promise<ElkLike> | null = null;

/** elkjs' bundled build, created once. Also runs inside the Web Worker. */
export function loadElk(): Promise<ElkLike> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((mod) => {
    const ELK = ((mod as { default?: unknown }).default ?? mod) as new () => ElkLike;
    return new ELK();
  });
  return elkPromise;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Run elk (elkjs' bundled build unless another is given) and keep only what the scene needs, in root coordinates. */
export async function runLayout(g: ElkGraph, elk?: ElkLike): Promise<Layout> {
  return layoutWith(g, elk ?? (await loadElk()));
}

/** `runLayout` with a given elk: what the worker uses, so the worker bundle carries no elk import of its own. */
export async function layoutWith(g: ElkGraph, engine: ElkLike): Promise<Layout> {
  const key = layoutKey(g);
  // elk writes positions into the object it is given: hand it a copy.
  const out = await engine.layout(JSON.parse(JSON.stringify(g)) as ElkGraph);
  const nodes: Record<string, Box> = {};
  const edges: Record<string, EdgeRoute> = {};
  const visit = (n: ElkGraph) => {
    for (const c of n.children ?? []) {
      nodes[c.id] = { x: r1(c.x ?? 0), y: r1(c.y ?? 0), width: r1(c.width ?? 0), height: r1(c.height ?? 0) };
      visit(c);
    }
    for (const e of n.edges ?? []) {
      const points: [number, number][] = [];
      for (const s of e.sections ?? []) {
        if (!points.length) points.push([r1(s.startPoint.x), r1(s.startPoint.y)]);
        for (const b of s.bendPoints ?? []) points.push([r1(b.x), r1(b.y)]);
        points.push([r1(s.endPoint.x), r1(s.endPoint.y)]);
      }
      const l = e.labels?.[0];
      edges[e.id] = { points, label: l && l.x !== undefined ? { x: r1(l.x), y: r1(l.y ?? 0), width: r1(l.width ?? 0), height: r1(l.height ?? 0) } : null };
    }
  };
  visit(out);
  return { key, width: r1(out.width ?? 0), height: r1(out.height ?? 0), nodes, edges };
}

/** A small LRU of finished layouts, keyed by `layoutKey`. */
export class LayoutCache {
  private readonly map = new Map<string, Layout>();
  constructor(private readonly size = 24) {}
  get(key: string): Layout | undefined {
    const l = this.map.get(key);
    if (l) {
      this.map.delete(key);
      this.map.set(key, l);
    }
    return l;
  }
  clear(): void {
    this.map.clear();
  }
  set(layout: Layout): void {
    this.map.delete(layout.key);
    this.map.set(layout.key, layout);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
}

/** One cache per thread: the CLI, the worker and every element on a page share it. */
export const layoutCache = new LayoutCache();
