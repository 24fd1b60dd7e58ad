/**
 * The structural layout: the same elk graph (boxes, frames, labelled edges),
 * laid out by the shape CNNs are built from instead of by a general graph
 * algorithm. Every network of the notes is series–parallel: chains of layers,
 * Inception branches that fork and meet at a Concat, residual blocks whose
 * shortcut meets the main path at an Add, auxiliary heads that leave the trunk
 * and end in their own output. Such a graph decomposes into a tree of series
 * and parallel compositions (the reduction of Valdes, Tarjan and Lawler), and
 * the tree *is* the layout: a series stacks along the flow, a parallel puts its
 * branches side by side with the longest one on the axis, so the trunk of a
 * ResNet or GoogLeNet reads as one straight line. It runs in linear time, with
 * no worker and no elkjs, so a first picture costs milliseconds, not the
 * second elk needs to load and warm up.
 *
 * Every expanded module must be entered by one tensor and left by one tensor
 * (true of every module in the zoo); a graph that is not series–parallel, or a
 * frame with two entries, returns `null`, and the caller runs elk instead.
 */
import type { Box, Direction, EdgeRoute, ElkEdge, ElkGraph, Layout } from './layout.js';
import { elkDirection, layoutKey } from './layout.js';
import { num, parseMin, parsePadding, type Pt, r1, simplify } from './geometry.js';

/** Between two boxes joined by an unlabelled edge, and between side-by-side branches. */
const GAP = 22;
/** Above and below an edge label. */
const LABEL_PAD = 8;
/** Between the levels at which fanned-out wires turn towards their branches. */
const TURN = 9;
/** Ports stay this far from a box's corners; neighbouring ports this far apart. */
const PORT_MARGIN = 10;
const PORT_STEP = 10;
const ROOT_PAD = 16;
/** Between a frame's border (its entry or exit) and the first or last box inside. */
const PORT_GAP = 10;

/** Bumped whenever the geometry changes, so no stale precomputed layout is used. */
export const STRUCTURAL_VERSION = 1;

/**
 * Deepest nesting of series and parallel parts measured and placed (both
 * recurse along it). The zoo nests under 10 deep; a network whose every Add
 * reads the one before and the input nests one level per layer, and 20,000 of
 * them overflowed the stack: such a view goes to another engine instead.
 */
export const MAX_NESTING = 1000;

interface Label {
  id: string;
  cross: number;
  main: number;
}

/** An edge between two members of one frame (several drawn edges may share it). */
interface LEdge {
  from: number;
  to: number;
  virtual: boolean;
  /** From the frame's entry or to its exit: the frame's padding already spaces it. */
  port: boolean;
  label: Label | null;
  order: number;
}

type Tree = { t: 'e'; e: LEdge } | { t: 's'; trees: Tree[]; nodes: number[] } | { t: 'p'; bs: Tree[] };

interface Measure {
  main: number;
  left: number;
  right: number;
  order: number;
  /** Of a parallel: which branch stays on the axis, branch axes, and the turn zones. */
  anchor?: number;
  xs?: number[];
  fan?: number;
  join?: number;
}

/** A box or a point an edge block starts from or ends at. */
interface Term {
  c: number;
  m: number;
  /** Cross range a real box offers for spreading ports; absent for points and frames. */
  box?: [number, number];
  /** Route before the start point / after the end point. */
  pre: Pt[];
  post: Pt[];
  ghost: boolean;
}

interface Member {
  id: string;
  elk: ElkGraph | null; // null: the frame's entry or exit port, or a virtual terminal
  frame: Frame | null;
  main: number;
  left: number;
  right: number;
}

interface Frame {
  id: string;
  elk: ElkGraph;
  members: Member[];
  index: Map<string, number>;
  edges: Map<string, LEdge>;
  entry: number;
  exit: number;
  /** The decomposition's terminals, and whether they are virtual (no wire through them). */
  s: number;
  t: number;
  ghostEntry: boolean;
  ghostExit: boolean;
  tree: Tree | null;
  /** Padding in flow terms, and the box size once measured. */
  pad: { ms: number; me: number; cs: number; ce: number };
  min: { main: number; cross: number };
  main: number;
  cross: number;
  /** Axis offset from the frame's cross start. */
  axis: number;
  /** Content placed: member top-left corners and local edge routes, in content coordinates (axis at 0). */
  pos: Map<number, Pt>;
  routes: Map<LEdge, Pt[]>;
  labels: Map<LEdge, Pt>;
  /** Where the content origin (axis, top of content) lies, absolute. */
  origin: Pt;
}

class NotStructural extends Error {}
const give = (why: string): never => {
  throw new NotStructural(why);
};

/**
 * Lay out an elk graph (as built by `elkGraph`) structurally, or return null
 * when it is not made of series and parallel parts with single-entry frames.
 */
export function structuralLayout(root: ElkGraph, direction: Direction = elkDirection(root)): Layout | null {
  try {
    return layout(root, direction);
  } catch (e) {
    if (e instanceof NotStructural) return null;
    throw e;
  }
}

/** Why `structuralLayout` declines a graph (for diagnostics and tests), or null. */
export function whyNotStructural(root: ElkGraph, direction: Direction = elkDirection(root)): string | null {
  try {
    layout(root, direction);
    return null;
  } catch (e) {
    if (e instanceof NotStructural) return e.message;
    throw e;
  }
}

function layout(root: ElkGraph, direction: Direction): Layout {
  const down = direction !== 'right';
  // ---- index the hierarchy
  const parent = new Map<string, string>();
  const frames = new Map<string, Frame>();
  const nodes = new Map<string, ElkGraph>();
  const padOf = (g: ElkGraph, d: number) => {
    const p = parsePadding(g.layoutOptions?.['elk.padding'], d);
    return down ? { ms: p.top, me: p.bottom, cs: p.left, ce: p.right } : { ms: p.left, me: p.right, cs: p.top, ce: p.bottom };
  };
  const makeFrame = (g: ElkGraph, isRoot: boolean): Frame => {
    const [mw, mh] = isRoot ? [0, 0] : parseMin(g.layoutOptions?.['elk.nodeSize.minimum']);
    return {
      id: g.id,
      elk: g,
      members: [],
      index: new Map(),
      edges: new Map(),
      entry: -1,
      exit: -1,
      s: -1,
      t: -1,
      ghostEntry: false,
      ghostExit: false,
      tree: null,
      pad: padOf(g, isRoot ? ROOT_PAD : 12),
      min: down ? { main: mh, cross: mw } : { main: mw, cross: mh },
      main: 0,
      cross: 0,
      axis: 0,
      pos: new Map(),
      routes: new Map(),
      labels: new Map(),
      origin: [0, 0],
    };
  };
  const rootFrame = makeFrame(root, true);
  frames.set(root.id, rootFrame);
  const realEdges: { e: ElkEdge; order: number }[] = [];
  const walk = (g: ElkGraph, f: Frame) => {
    for (const c of g.children ?? []) {
      if (parent.has(c.id) || frames.has(c.id)) give(`duplicate id ${c.id}`);
      parent.set(c.id, f.id);
      const isFrame = Array.isArray(c.children) && c.children.length > 0;
      const sub = isFrame ? makeFrame(c, false) : null;
      if (sub) frames.set(c.id, sub);
      else nodes.set(c.id, c);
      const m: Member = { id: c.id, elk: c, frame: sub, main: 0, left: 0, right: 0 };
      f.index.set(c.id, f.members.length);
      f.members.push(m);
      if (sub) walk(c, sub);
    }
    for (const e of g.edges ?? []) {
      const n = /(\d+)$/.exec(e.id);
      realEdges.push({ e, order: n ? Number(n[1]) : realEdges.length });
    }
  };
  walk(root, rootFrame);

  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) out.push(p);
    return out;
  };
  /** The member of frame `f` that holds node `id`. */
  const memberOf = (f: Frame, id: string): number => {
    let cur = id;
    for (let p = parent.get(cur); p !== undefined; cur = p, p = parent.get(p)) if (p === f.id) return f.index.get(cur) as number;
    return give(`${id} is not inside ${f.id}`);
  };
  const ledge = (f: Frame, from: number, to: number, order: number, virtual = false): LEdge => {
    const key = `${from},${to}`;
    let le = f.edges.get(key);
    if (!le) f.edges.set(key, (le = { from, to, virtual, port: false, label: null, order }));
    le.order = Math.min(le.order, order);
    return le;
  };

  // ---- every drawn edge becomes one local edge per frame it passes through
  const entering = new Map<string, string>(); // frame → the one node whose tensor enters it
  const leaving = new Map<string, string>();
  const segments = new Map<string, { f: Frame; le: LEdge }[]>();
  for (const { e, order } of realEdges) {
    const s = e.sources[0];
    const t = e.targets[0];
    if (e.sources.length !== 1 || e.targets.length !== 1 || !s || !t) give(`edge ${e.id} is not one-to-one`);
    if (!nodes.has(s) || !nodes.has(t)) give(`edge ${e.id} does not join two boxes`);
    const up = chain(s);
    const downChain = chain(t);
    const lcaId = up.find((p) => downChain.includes(p)) as string;
    const segs: { f: Frame; le: LEdge }[] = [];
    for (const fid of up) {
      if (fid === lcaId) break;
      const f = frames.get(fid) as Frame;
      if ((leaving.get(fid) ?? s) !== s) give(`two tensors leave ${fid}`);
      leaving.set(fid, s);
      segs.push({ f, le: ledge(f, memberOf(f, s), port(f, 'exit', false), order) });
    }
    const lca = frames.get(lcaId) as Frame;
    const mid = ledge(lca, memberOf(lca, s), memberOf(lca, t), order);
    segs.push({ f: lca, le: mid });
    const l = e.labels?.[0];
    if (l && (l.width ?? 0) > 0) {
      if (mid.label) give(`two labels on one wire in ${lcaId}`);
      mid.label = { id: e.id, cross: down ? num(l.width) : num(l.height), main: down ? num(l.height) : num(l.width) };
    }
    const into = downChain.slice(0, downChain.indexOf(lcaId)).reverse();
    for (const fid of into) {
      const f = frames.get(fid) as Frame;
      if ((entering.get(fid) ?? s) !== s) give(`two tensors enter ${fid}`);
      entering.set(fid, s);
      segs.push({ f, le: ledge(f, port(f, 'entry', false), memberOf(f, t), order) });
    }
    segments.set(e.id, segs);
  }

  // ---- decompose every frame, innermost first so that sizes are known
  const order = [...frames.values()].reverse();
  for (const f of order) {
    decomposeFrame(f, f === rootFrame, ledge);
  }
  for (const f of order) measureFrame(f, f === rootFrame, down);
  placeFrame(rootFrame, [rootFrame.axis, rootFrame.pad.ms]);

  // ---- assemble absolute boxes and routes
  const toXY = (p: Pt): [number, number] => (down ? [r1(p[0]), r1(p[1])] : [r1(p[1]), r1(p[0])]);
  const boxOf = (c0: number, m0: number, cross: number, main: number): Box =>
    down ? { x: r1(c0), y: r1(m0), width: r1(cross), height: r1(main) } : { x: r1(m0), y: r1(c0), width: r1(main), height: r1(cross) };
  const outNodes: Record<string, Box> = {};
  for (const f of frames.values()) {
    f.members.forEach((m, i) => {
      if (!m.elk) return;
      const p = f.pos.get(i) as Pt;
      const c0 = f.origin[0] + p[0];
      const m0 = f.origin[1] + p[1];
      outNodes[m.id] = m.frame ? boxOf(c0, m0, m.frame.cross, m.frame.main) : boxOf(c0, m0, m.left + m.right, m.main);
    });
  }
  const outEdges: Record<string, EdgeRoute> = {};
  for (const { e } of realEdges) {
    const pts: Pt[] = [];
    let label: Box | null = null;
    for (const { f, le } of segments.get(e.id) ?? []) {
      for (const p of f.routes.get(le) ?? []) pts.push([p[0] + f.origin[0], p[1] + f.origin[1]]);
      const lc = f.labels.get(le);
      if (lc && le.label?.id === e.id) {
        const lb = le.label;
        label = boxOf(f.origin[0] + lc[0] - lb.cross / 2, f.origin[1] + lc[1] - lb.main / 2, lb.cross, lb.main);
      }
    }
    outEdges[e.id] = { points: simplify(pts).map(toXY), label };
  }
  const size = down ? { width: r1(rootFrame.cross), height: r1(rootFrame.main) } : { width: r1(rootFrame.main), height: r1(rootFrame.cross) };
  return { key: structuralKey(root), ...size, nodes: outNodes, edges: outEdges };
}

/** The cache key of a structural layout: the elk graph's, marked with the engine. */
export function structuralKey(g: ElkGraph): string {
  return `${layoutKey(g)}-s${STRUCTURAL_VERSION}`;
}

/**
 * The frame's entry (or exit) as a member, made on first use: a point on its
 * border that wires pass through, or, made for the decomposition alone
 * (`ghost`), a terminal no wire touches.
 */
function port(f: Frame, which: 'entry' | 'exit', ghost: boolean): number {
  if (f[which] < 0) {
    if (ghost) f[which === 'entry' ? 'ghostEntry' : 'ghostExit'] = true;
    f[which] = f.members.length;
    f.members.push({ id: `${f.id}:${which}`, elk: null, frame: null, main: 0, left: 0, right: 0 });
  }
  return f[which];
}

// ---------------------------------------------------------------------------
// Series–parallel decomposition of one frame's members.

function decomposeFrame(f: Frame, isRoot: boolean, ledge: (f: Frame, from: number, to: number, order: number, virtual?: boolean) => LEdge): void {
  const n0 = f.members.length;
  const hasIn = new Array<boolean>(n0).fill(false);
  const hasOut = new Array<boolean>(n0).fill(false);
  for (const e of f.edges.values()) {
    hasOut[e.from] = true;
    hasIn[e.to] = true;
  }
  const sources: number[] = [];
  const sinks: number[] = [];
  for (let i = 0; i < n0; i++) {
    if (i !== f.entry && !hasIn[i]) sources.push(i);
    if (i !== f.exit && !hasOut[i]) sinks.push(i);
  }
  // Made here, not by a drawn edge: nothing is wired through it.
  const terminal = (which: 'entry' | 'exit'): number => port(f, which, true);
  let s: number;
  let t: number;
  if (isRoot && f.entry < 0 && sources.length === 1) s = sources[0];
  else {
    s = terminal('entry');
    for (const i of sources) ledge(f, s, i, Infinity, true);
  }
  if (isRoot && f.exit < 0 && sinks.length === 1) t = sinks[0];
  else {
    t = terminal('exit');
    for (const i of sinks) ledge(f, i, t, Infinity, true);
  }
  if (s === t) give(`${f.id} has a single box`);
  for (const e of f.edges.values()) e.port = (e.from === f.entry && !f.ghostEntry) || (e.to === f.exit && !f.ghostExit);
  f.tree = reduce(f.members.length, [...f.edges.values()], s, t) ?? give(`${f.id} is not series–parallel`);
  f.s = s;
  f.t = t;
}

/**
 * A tree as the reduction builds it: series and parallel compositions are
 * recorded as binary nodes (O(1) each) and flattened once at the end, so a
 * chain of n layers costs O(n), not the O(n²) of copying the growing series
 * at every step. `o` is the smallest model order inside.
 */
type Lazy = { t: 'e'; e: LEdge; o: number } | { t: 'S'; a: Lazy; v: number; b: Lazy; o: number } | { t: 'P'; a: Lazy; b: Lazy; o: number };

interface Work {
  u: number;
  v: number;
  tree: Lazy;
  order: number;
}

const par = (a: Lazy, b: Lazy): Lazy => ({ t: 'P', a, b, o: Math.min(a.o, b.o) });
const ser = (a: Lazy, v: number, b: Lazy): Lazy => ({ t: 'S', a, v, b, o: Math.min(a.o, b.o) });

/**
 * The lazy tree as `Tree`: nested series flattened into one (their trees and
 * the boxes between them in flow order), nested parallels into one whose
 * branches are stably sorted by model order. Iterative: a 100,000-layer chain
 * is a binary series 100,000 deep.
 */
function flatten(root: Lazy): Tree {
  const done = new Map<Lazy, Tree>();
  const order = new Map<Tree, number>();
  const depth = new Map<Tree, number>();
  /** The maximal run of series (or parallel) nodes under `x`, in order: the parts and, for a series, the boxes between them. */
  const parts = (x: Lazy): { leaves: Lazy[]; nodes: number[] } => {
    const leaves: Lazy[] = [];
    const nodes: number[] = [];
    const stack: (Lazy | number)[] = [x];
    while (stack.length) {
      const y = stack.pop() as Lazy | number;
      if (typeof y === 'number') nodes.push(y);
      else if (y.t === x.t && y.t === 'S') stack.push(y.b, y.v, y.a);
      else if (y.t === x.t && y.t === 'P') stack.push(y.b, y.a);
      else leaves.push(y);
    }
    return { leaves, nodes };
  };
  const stack: Lazy[] = [root];
  while (stack.length) {
    const x = stack[stack.length - 1];
    if (done.has(x)) {
      stack.pop();
      continue;
    }
    if (x.t === 'e') {
      const tree: Tree = { t: 'e', e: x.e };
      order.set(tree, x.o);
      depth.set(tree, 0);
      done.set(x, tree);
      stack.pop();
      continue;
    }
    const { leaves, nodes } = parts(x);
    const todo = leaves.filter((l) => !done.has(l));
    if (todo.length) {
      stack.push(...todo);
      continue;
    }
    stack.pop();
    const trees = leaves.map((l) => done.get(l) as Tree);
    let tree: Tree;
    if (x.t === 'S') tree = { t: 's', trees, nodes };
    else {
      // Stable: branches of equal order keep the order in which they were joined.
      const keyed = trees.map((b, i) => [order.get(b) as number, i, b] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      tree = { t: 'p', bs: keyed.map((k) => k[2]) };
    }
    order.set(tree, x.o);
    const d = 1 + trees.reduce((m, b) => Math.max(m, depth.get(b) as number), 0);
    if (d > MAX_NESTING) give(`series and parallel parts nest more than ${MAX_NESTING} deep`);
    depth.set(tree, d);
    done.set(x, tree);
  }
  return done.get(root) as Tree;
}

/** Series and parallel reductions until one edge s→t is left (or none applies). */
function reduce(n: number, edges: LEdge[], s: number, t: number): Tree | null {
  const outs: Set<Work>[] = Array.from({ length: n }, () => new Set());
  const ins: Set<Work>[] = Array.from({ length: n }, () => new Set());
  const pair = new Map<string, Work>();
  const queue: number[] = [];
  const add = (u: number, v: number, tree: Lazy, order: number) => {
    const key = `${u},${v}`;
    const ex = pair.get(key);
    if (ex) {
      ex.tree = par(ex.tree, tree);
      ex.order = Math.min(ex.order, order);
      queue.push(u, v);
      return;
    }
    const w: Work = { u, v, tree, order };
    pair.set(key, w);
    outs[u].add(w);
    ins[v].add(w);
  };
  const remove = (w: Work) => {
    pair.delete(`${w.u},${w.v}`);
    outs[w.u].delete(w);
    ins[w.v].delete(w);
  };
  for (const e of edges) add(e.from, e.to, { t: 'e', e, o: e.order }, e.order);
  for (let i = 0; i < n; i++) queue.push(i);
  while (queue.length) {
    const v = queue.pop() as number;
    if (v === s || v === t || ins[v].size !== 1 || outs[v].size !== 1) continue;
    const a = ins[v].values().next().value as Work;
    const b = outs[v].values().next().value as Work;
    if (a.u === v || b.v === v) return null;
    remove(a);
    remove(b);
    add(a.u, b.v, ser(a.tree, v, b.tree), Math.min(a.order, b.order));
    queue.push(a.u, b.v);
  }
  if (pair.size !== 1) return null;
  const last = pair.get(`${s},${t}`);
  return last ? flatten(last.tree) : null;
}

// ---------------------------------------------------------------------------
// Measuring: main length and cross extents either side of the axis.

const memo = new WeakMap<Tree, Measure>();

function edgeMain(e: LEdge): number {
  if (e.virtual) return 0;
  if (e.label) return Math.max(GAP, e.label.main + 2 * LABEL_PAD);
  return e.port ? PORT_GAP : GAP;
}

function measure(t: Tree, members: Member[]): Measure {
  const hit = memo.get(t);
  if (hit) return hit;
  let m: Measure;
  if (t.t === 'e') {
    const half = t.e.label ? t.e.label.cross / 2 : 0;
    m = { main: edgeMain(t.e), left: half, right: half, order: t.e.order };
  } else if (t.t === 's') {
    m = { main: 0, left: 0, right: 0, order: Infinity };
    for (const x of t.trees) {
      const k = measure(x, members);
      m.main += k.main;
      m.left = Math.max(m.left, k.left);
      m.right = Math.max(m.right, k.right);
      m.order = Math.min(m.order, k.order);
    }
    for (const i of t.nodes) {
      const b = members[i];
      m.main += b.main;
      m.left = Math.max(m.left, b.left);
      m.right = Math.max(m.right, b.right);
    }
  } else {
    const ms = t.bs.map((b) => measure(b, members));
    // The longest branch stays on the axis (the trunk of a residual block, the
    // rest of the network beside an auxiliary head); among equals, the middle
    // one, so an Inception block's four branches spread both ways.
    const longest = Math.max(...ms.map((b) => b.main));
    const tied = ms.flatMap((b, i) => (b.main > longest - 0.5 ? [i] : []));
    const anchor = tied[(tied.length - 1) >> 1];
    const xs = new Array<number>(ms.length).fill(0);
    for (let i = anchor + 1; i < ms.length; i++) xs[i] = xs[i - 1] + ms[i - 1].right + GAP + ms[i].left;
    for (let i = anchor - 1; i >= 0; i--) xs[i] = xs[i + 1] - ms[i + 1].left - GAP - ms[i].right;
    const sides = Math.max(anchor, ms.length - 1 - anchor);
    const drawnFirst = t.bs.some((b) => !firstEdge(b).virtual);
    const drawnLast = t.bs.some((b) => !lastEdge(b).virtual);
    const fan = drawnFirst && sides > 0 ? TURN * (sides + 1) : 0;
    const join = drawnLast && sides > 0 ? TURN * (sides + 1) : 0;
    m = {
      main: fan + Math.max(...ms.map((b) => b.main)) + join,
      left: Math.max(...ms.map((b, i) => b.left - xs[i])),
      right: Math.max(...ms.map((b, i) => b.right + xs[i])),
      order: Math.min(...ms.map((b) => b.order)),
      anchor,
      xs,
      fan,
      join,
    };
  }
  memo.set(t, m);
  return m;
}

const firstEdge = (t: Tree): LEdge => (t.t === 'e' ? t.e : t.t === 's' ? firstEdge(t.trees[0]) : firstEdge(t.bs[0]));
const lastEdge = (t: Tree): LEdge => (t.t === 'e' ? t.e : t.t === 's' ? lastEdge(t.trees[t.trees.length - 1]) : lastEdge(t.bs[0]));

function measureFrame(f: Frame, isRoot: boolean, down: boolean): void {
  for (const m of f.members) {
    if (m.frame) {
      m.main = m.frame.main;
      m.left = m.frame.axis;
      m.right = m.frame.cross - m.frame.axis;
    } else if (m.elk) {
      const cross = down ? num(m.elk.width) : num(m.elk.height);
      m.main = down ? num(m.elk.height) : num(m.elk.width);
      m.left = cross / 2;
      m.right = cross / 2;
    }
  }
  const tree = f.tree as Tree;
  const k = measure(tree, f.members);
  const s = f.members[f.s];
  const t = f.members[f.t];
  const left = Math.max(k.left, s.left, t.left);
  const right = Math.max(k.right, s.right, t.right);
  const content = s.main + k.main + t.main;
  f.axis = f.pad.cs + left;
  f.cross = f.pad.cs + left + right + f.pad.ce;
  f.main = f.pad.ms + content + f.pad.me;
  if (!isRoot) {
    f.cross = Math.max(f.cross, f.min.cross);
    f.main = Math.max(f.main, f.min.main);
  }
}

/** Place a frame's content with its content origin (axis, top of content) at `origin`, then its sub-frames. */
function placeFrame(f: Frame, origin: Pt): void {
  f.origin = origin;
  const s = f.members[f.s];
  const t = f.members[f.t];
  const k = measure(f.tree as Tree, f.members);
  const node = (i: number, m0: number): { top: Term; bottom: Term } => {
    const m = f.members[i];
    f.pos.set(i, [-m.left, m0]);
    const box: [number, number] | undefined = m.frame ? undefined : [-m.left, m.right];
    return {
      top: { c: 0, m: m0, box, pre: [], post: [], ghost: false },
      bottom: { c: 0, m: m0 + m.main, box, pre: [], post: [], ghost: false },
    };
  };
  const tMain = s.main + k.main;
  const src: Term = s.elk ? node(f.s, 0).bottom : { c: 0, m: 0, pre: f.ghostEntry ? [] : [[0, -f.pad.ms]], post: [], ghost: f.ghostEntry };
  const dst: Term = t.elk ? node(f.t, tMain).top : { c: 0, m: tMain, pre: [], post: f.ghostExit ? [] : [[0, f.main - f.pad.ms]], ghost: f.ghostExit };
  place(f.tree as Tree, s.main, 0, src, dst, f);
  f.members.forEach((m, i) => {
    if (!m.frame) return;
    const p = f.pos.get(i) as Pt;
    placeFrame(m.frame, [origin[0] + p[0] + m.frame.axis, origin[1] + p[1] + m.frame.pad.ms]);
  });
}

/**
 * Where each branch's wire leaves (or enters) a box: right above the branch
 * when the branch lies under the box, otherwise at the box's near end, the
 * outer branches' ports further out, PORT_STEP apart while there is room
 * (then they share a port, which is fine: it is one tensor). The anchor
 * branch keeps the axis. A frame or a point has one port for all.
 */
function ports(term: Term, X: number[], k: number): number[] {
  const out = X.map(() => term.c);
  if (!term.box) return out;
  const lo = term.box[0] + PORT_MARGIN;
  const hi = term.box[1] - PORT_MARGIN;
  if (lo > hi) return out;
  const n = X.length;
  for (let i = n - 1; i > k; i--) out[i] = Math.max(term.c, Math.min(X[i], hi, i === n - 1 ? hi : out[i + 1] - PORT_STEP));
  for (let i = 0; i < k; i++) out[i] = Math.min(term.c, Math.max(X[i], lo, i === 0 ? lo : out[i - 1] + PORT_STEP));
  return out;
}

function place(t: Tree, m0: number, axis: number, src: Term, dst: Term, f: Frame): void {
  const members = f.members;
  if (t.t === 'e') {
    const e = t.e;
    if (e.virtual || src.ghost || dst.ghost) return;
    const pts: Pt[] = [...src.pre, [src.c, src.m]];
    if (Math.abs(src.c - dst.c) > 0.05) {
      const mid = (src.m + dst.m) / 2;
      pts.push([src.c, mid], [dst.c, mid]);
    }
    pts.push([dst.c, dst.m], ...dst.post);
    f.routes.set(e, pts);
    if (e.label) f.labels.set(e, [axis, m0 + edgeMain(e) / 2]);
    return;
  }
  if (t.t === 's') {
    let cur = m0;
    let from = src;
    t.trees.forEach((x, i) => {
      const mx = measure(x, members);
      if (i < t.nodes.length) {
        const j = t.nodes[i];
        const mem = members[j];
        const top = cur + mx.main;
        f.pos.set(j, [axis - mem.left, top]);
        const box: [number, number] | undefined = mem.frame ? undefined : [axis - mem.left, axis + mem.right];
        place(x, cur, axis, from, { c: axis, m: top, box, pre: [], post: [], ghost: false }, f);
        cur = top + mem.main;
        from = { c: axis, m: cur, box, pre: [], post: [], ghost: false };
      } else place(x, cur, axis, from, dst, f);
    });
    return;
  }
  const M = measure(t, members);
  const k = M.anchor as number;
  const X = (M.xs as number[]).map((x) => axis + x);
  const ps = ports(src, X, k);
  const qs = ports(dst, X, k);
  // Wires leaving towards the outer branches turn first, so no two cross.
  const turns = (ports: number[]) => {
    const level = new Array<number>(X.length).fill(-1);
    let j = 0;
    for (let i = 0; i < k; i++) if (Math.abs(ports[i] - X[i]) > 0.05) level[i] = j++;
    j = 0;
    for (let i = X.length - 1; i > k; i--) if (Math.abs(ports[i] - X[i]) > 0.05) level[i] = j++;
    return level;
  };
  const fanLevel = turns(ps);
  const joinLevel = turns(qs);
  const bottom = m0 + M.main;
  t.bs.forEach((b, i) => {
    const fm = m0 + TURN * (fanLevel[i] + 1);
    const jm = bottom - TURN * (joinLevel[i] + 1);
    const s: Term = fanLevel[i] < 0 ? { ...src, c: X[i], box: undefined } : { c: X[i], m: fm, pre: [...src.pre, [ps[i], src.m], [ps[i], fm]], post: [], ghost: src.ghost };
    const d: Term = joinLevel[i] < 0 ? { ...dst, c: X[i], box: undefined } : { c: X[i], m: jm, pre: [], post: [[qs[i], jm], [qs[i], dst.m], ...dst.post], ghost: dst.ghost };
    place(b, m0 + (M.fan as number), X[i], s, d, f);
  });
}
