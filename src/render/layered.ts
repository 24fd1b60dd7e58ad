/**
 * The fast layered layout: for views that are not series–parallel and too
 * dense for elk (elkjs' layered algorithm took 60–84 s on the 302-layer DAG of
 * issue 13, each Add reading layer i−1 and layer i/2). It draws the same elk
 * graph in time and memory linear in boxes + wires (up to a log factor), and
 * promises less than elk and the structural engine do:
 *
 * - layers by longest path; within a layer, model order improved by a few
 *   barycentre sweeps over the wires between neighbouring layers, not a full
 *   crossing minimisation, so wires may cross;
 * - a box sits over the mean of the boxes it reads from the layer above
 *   (least squares under the order and spacing: pool-adjacent-violators), so a
 *   chain stays one straight line;
 * - a wire between neighbouring layers jogs once, on a track of its own in
 *   the gap between them; a wire that skips layers runs down a lane right of
 *   the boxes (one lane per tensor, shared by its long wires; lanes are reused
 *   by tensors whose spans do not overlap), instead of one dummy box per
 *   skipped layer, which would cost O(boxes²) on such DAGs;
 * - wires leave a box's bottom (one port: it is one tensor) and enter the top
 *   (a port per incoming tensor, ordered by where they come from), and no wire
 *   runs through a box; a shape label sits on its wire just below its source,
 *   covering no box and no other label;
 * - an expanded module is laid out the same way inside its frame, then placed
 *   in its parent as one box; each wire that enters or leaves it passes its
 *   top or bottom border at a point of its own.
 *
 * The result is a `Layout` like elk's and the structural engine's; its key
 * ends in `-f<version>`, so it is never confused with theirs.
 */
import type { Box, Direction, EdgeRoute, ElkGraph, Layout } from './layout.js';
import { elkDirection, layoutKey } from './layout.js';
import { num, parseMin, parsePadding, type Pt, r1, simplify } from './geometry.js';

/** Bumped whenever the geometry changes, so no stale precomputed layout is used. */
export const LAYERED_VERSION = 1;

/** Between boxes of one layer, and the least gap between layers. */
const GAP = 22;
/** Above and below a shape label in the gap under its source. */
const LABEL_PAD = 6;
/** Between the tracks of a gap, and from a gap's edge to its first/last track. */
const TRACK_STEP = 6;
const TRACK_MARGIN = 8;
/** Between the boxes and the first lane, and between lanes. */
const LANE_GAP = 24;
const LANE_STEP = 8;
/** Incoming ports keep this far from a box's corners. */
const PORT_MARGIN = 8;
/** Barycentre sweeps (down and up each count one). */
const SWEEPS = 4;
const ROOT_PAD = 16;

/** A box of one frame's local graph: a layer box, a sub-frame, or a point where a wire crosses the frame's border. */
interface Item {
  id: string;
  kind: 'node' | 'frame' | 'entry' | 'exit';
  frame: Frame | null;
  cross: number;
  main: number;
  /** Half the cross room it takes in its layer (its shape label may be wider than it). */
  half: number;
  layer: number;
  pos: number;
  /** Centre (cross) and top (main), in the frame's content coordinates. */
  c: number;
  m: number;
  ins: Seg[];
  outs: Seg[];
}

/** One drawn edge's stretch inside one frame. */
interface Seg {
  edge: string;
  from: Item;
  to: Item;
  /** The shape label's size, on the stretch that leaves the real source. */
  label: { cross: number; main: number } | null;
  /** The inner frame's entry/exit point this stretch ends/starts at (a port on the sub-frame's border). */
  fromPort: Item | null;
  toPort: Item | null;
  /** Cross position at the target's top, chosen per incoming tensor. */
  inC: number;
  /** Cross position at the source's bottom when it is not its centre (a collapsed module that outputs several tensors). */
  outAt: number | null;
  /** Main offset of the label below the source's layer: labels of one source stack down the gap. */
  labelDrop: number;
  lane: number;
  route: Pt[];
  labelAt: Pt | null;
}

interface Frame {
  id: string;
  elk: ElkGraph;
  items: Item[];
  byId: Map<string, Item>;
  segs: Seg[];
  pad: { ms: number; me: number; cs: number; ce: number };
  min: { main: number; cross: number };
  cross: number;
  main: number;
  /** Absolute position of the content origin. */
  origin: Pt;
}

class NotLayered extends Error {}

/** Math.max over a list of any length (spreading 100,000 arguments overflows the stack). */
const maxOf = <T>(xs: readonly T[], f: (x: T) => number, d: number): number => {
  let m = d;
  for (const x of xs) m = Math.max(m, f(x));
  return m;
};

/** The cache key of a fast layered layout: the elk graph's, marked with the engine. */
export function layeredKey(g: ElkGraph): string {
  return `${layoutKey(g)}-f${LAYERED_VERSION}`;
}

/**
 * Lay an elk graph (as built by `elkGraph`) out with the fast layered engine;
 * null only when it cannot be drawn in layers at all (a cycle, an edge that
 * does not join two boxes).
 */
export function layeredLayout(root: ElkGraph, direction: Direction = elkDirection(root)): Layout | null {
  try {
    return layout(root, direction);
  } catch (e) {
    if (e instanceof NotLayered) return null;
    throw e;
  }
}

function layout(root: ElkGraph, direction: Direction): Layout {
  const down = direction !== 'right';
  const frames = new Map<string, Frame>();
  const parent = new Map<string, string>();
  const order: Frame[] = [];
  const makeFrame = (g: ElkGraph, isRoot: boolean): Frame => {
    const p = parsePadding(g.layoutOptions?.['elk.padding'], isRoot ? ROOT_PAD : 12);
    const [mw, mh] = isRoot ? [0, 0] : parseMin(g.layoutOptions?.['elk.nodeSize.minimum']);
    const f: Frame = {
      id: g.id,
      elk: g,
      items: [],
      byId: new Map(),
      segs: [],
      pad: down ? { ms: p.top, me: p.bottom, cs: p.left, ce: p.right } : { ms: p.left, me: p.right, cs: p.top, ce: p.bottom },
      min: down ? { main: mh, cross: mw } : { main: mw, cross: mh },
      cross: 0,
      main: 0,
      origin: [0, 0],
    };
    frames.set(g.id, f);
    order.push(f);
    return f;
  };
  const item = (f: Frame, id: string, kind: Item['kind'], frame: Frame | null, cross: number, main: number): Item => {
    const it: Item = { id, kind, frame, cross, main, half: cross / 2, layer: 0, pos: 0, c: 0, m: 0, ins: [], outs: [] };
    f.items.push(it);
    f.byId.set(id, it);
    return it;
  };
  const edges: ElkGraph['edges'] & object = [];
  const walk = (g: ElkGraph, f: Frame) => {
    for (const c of g.children ?? []) {
      if (parent.has(c.id) || frames.has(c.id)) throw new NotLayered(`duplicate id ${c.id}`);
      parent.set(c.id, f.id);
      if (Array.isArray(c.children) && c.children.length > 0) {
        const sub = makeFrame(c, false);
        item(f, c.id, 'frame', sub, 0, 0);
        walk(c, sub);
      } else item(f, c.id, 'node', null, down ? num(c.width) : num(c.height), down ? num(c.height) : num(c.width));
    }
    for (const e of g.edges ?? []) edges.push(e);
  };
  const rootFrame = makeFrame(root, true);
  walk(root, rootFrame);

  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) out.push(p);
    return out;
  };
  /** The item of frame `f` that holds node `id`. */
  const memberOf = (f: Frame, id: string): Item => {
    let cur = id;
    for (let p = parent.get(cur); p !== undefined; cur = p, p = parent.get(p)) if (p === f.id) return f.byId.get(cur) as Item;
    throw new NotLayered(`${id} is not inside ${f.id}`);
  };
  const seg = (f: Frame, edge: string, from: Item, to: Item, label: Seg['label']): Seg => {
    const s: Seg = { edge, from, to, label, fromPort: null, toPort: null, inC: 0, outAt: null, labelDrop: 0, lane: -1, route: [], labelAt: null };
    from.outs.push(s);
    to.ins.push(s);
    f.segs.push(s);
    return s;
  };

  // ---- every drawn edge: one stretch per frame it passes through, joined at border points
  const stretches = new Map<string, { f: Frame; s: Seg }[]>();
  for (const e of edges) {
    const src = e.sources[0];
    const dst = e.targets[0];
    if (e.sources.length !== 1 || e.targets.length !== 1 || !src || !dst) throw new NotLayered(`edge ${e.id} is not one-to-one`);
    if (!parent.has(src) || !parent.has(dst) || frames.has(src) || frames.has(dst)) throw new NotLayered(`edge ${e.id} does not join two boxes`);
    const up = chain(src);
    const below = chain(dst);
    const lcaId = up.find((p) => below.includes(p)) as string;
    const l = e.labels?.[0];
    let label: Seg['label'] = l && (l.width ?? 0) > 0 ? { cross: down ? num(l.width) : num(l.height), main: down ? num(l.height) : num(l.width) } : null;
    const list: { f: Frame; s: Seg }[] = [];
    let exitPort: Item | null = null;
    for (const fid of up) {
      if (fid === lcaId) break;
      const f = frames.get(fid) as Frame;
      const exit = item(f, `${fid}:exit:${e.id}`, 'exit', null, 0, 0);
      const s = seg(f, e.id, memberOf(f, src), exit, label);
      s.fromPort = exitPort;
      exitPort = exit;
      label = null;
      list.push({ f, s });
    }
    const lca = frames.get(lcaId) as Frame;
    const mid = seg(lca, e.id, memberOf(lca, src), memberOf(lca, dst), label);
    mid.fromPort = exitPort;
    list.push({ f: lca, s: mid });
    let last = mid;
    for (const fid of below.slice(0, below.indexOf(lcaId)).reverse()) {
      const f = frames.get(fid) as Frame;
      const entry = item(f, `${fid}:entry:${e.id}`, 'entry', null, 0, 0);
      last.toPort = entry;
      const s = seg(f, e.id, entry, memberOf(f, dst), null);
      list.push({ f, s });
      last = s;
    }
    stretches.set(e.id, list);
  }

  // ---- lay every frame out, innermost first (sizes are known before the parent needs them)
  for (let i = order.length - 1; i >= 0; i--) layoutFrame(order[i], order[i] === rootFrame);
  place(rootFrame, [rootFrame.pad.cs, rootFrame.pad.ms]);

  // ---- absolute boxes and routes
  const toXY = (p: Pt): [number, number] => (down ? [r1(p[0]), r1(p[1])] : [r1(p[1]), r1(p[0])]);
  const boxOf = (c0: number, m0: number, cross: number, main: number): Box =>
    down ? { x: r1(c0), y: r1(m0), width: r1(cross), height: r1(main) } : { x: r1(m0), y: r1(c0), width: r1(main), height: r1(cross) };
  const nodes: Record<string, Box> = {};
  for (const f of frames.values())
    for (const it of f.items) {
      if (it.kind !== 'node' && it.kind !== 'frame') continue;
      nodes[it.id] = boxOf(f.origin[0] + it.c - it.cross / 2, f.origin[1] + it.m, it.cross, it.main);
    }
  const routes: Record<string, EdgeRoute> = {};
  for (const e of edges) {
    const pts: Pt[] = [];
    let label: Box | null = null;
    for (const { f, s } of stretches.get(e.id) ?? []) {
      for (const p of s.route) pts.push([p[0] + f.origin[0], p[1] + f.origin[1]]);
      if (s.labelAt && s.label) label = boxOf(f.origin[0] + s.labelAt[0] - s.label.cross / 2, f.origin[1] + s.labelAt[1] - s.label.main / 2, s.label.cross, s.label.main);
    }
    routes[e.id] = { points: simplify(pts).map(toXY), label };
  }
  const size = down ? { width: r1(rootFrame.cross), height: r1(rootFrame.main) } : { width: r1(rootFrame.main), height: r1(rootFrame.cross) };
  return { key: layeredKey(root), ...size, nodes, edges: routes };
}

function place(f: Frame, origin: Pt): void {
  f.origin = origin;
  for (const it of f.items) if (it.frame) place(it.frame, [origin[0] + it.c - it.cross / 2 + it.frame.pad.cs, origin[1] + it.m + it.frame.pad.ms]);
}

/** A binary min-heap of [key, value] pairs: free lanes and tracks by where they become free. */
class Heap {
  private a: [number, number][] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): [number, number] | undefined {
    return this.a[0];
  }
  push(x: [number, number]): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p][0] <= a[i][0]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): [number, number] | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l][0] < a[m][0]) m = l;
        if (r < a.length && a[r][0] < a[m][0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Interval colouring: give each interval [lo, hi] the track (or lane) that
 * became free first, a new one when none is free; intervals on one track are
 * at least `sep` apart. Returns the track per interval and the track count.
 */
function colour(intervals: readonly [number, number][], sep: number): { track: number[]; count: number } {
  const idx = intervals.map((_, i) => i).sort((a, b) => intervals[a][0] - intervals[b][0] || intervals[a][1] - intervals[b][1]);
  const free = new Heap();
  const track = new Array<number>(intervals.length).fill(0);
  let count = 0;
  for (const i of idx) {
    const [lo, hi] = intervals[i];
    const top = free.peek();
    let t: number;
    if (top && top[0] + sep <= lo) t = (free.pop() as [number, number])[1];
    else t = count++;
    track[i] = t;
    free.push([hi, t]);
  }
  return { track, count };
}

/**
 * Least-squares placement of one layer's centres under its order: minimise
 * Σ w·(c − want)² with c[i+1] − c[i] ≥ half[i] + GAP + half[i+1]
 * (pool-adjacent-violators on the centres less their minimal offsets).
 */
function pack(want: number[], weight: number[], half: number[]): number[] {
  const n = want.length;
  const off = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) off[i] = off[i - 1] + half[i - 1] + GAP + half[i];
  const blocks: { v: number; w: number; n: number }[] = [];
  for (let i = 0; i < n; i++) {
    let b = { v: want[i] - off[i], w: weight[i], n: 1 };
    while (blocks.length && blocks[blocks.length - 1].v >= b.v) {
      const p = blocks.pop() as { v: number; w: number; n: number };
      const w = p.w + b.w;
      b = { v: (p.v * p.w + b.v * b.w) / w, w, n: p.n + b.n };
    }
    blocks.push(b);
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.n; k++) out.push(b.v + off[out.length]);
  return out;
}

function layoutFrame(f: Frame, isRoot: boolean): void {
  const items = f.items;
  for (const it of items) {
    if (it.frame) {
      it.cross = it.frame.cross;
      it.main = it.frame.main;
      it.half = it.cross / 2;
    }
    for (const s of it.outs) if (s.label) it.half = Math.max(it.half, s.label.cross / 2 + 2);
    // Several labelled wires leave one box (several tensors: a collapsed module read
    // inside): their labels stack down the gap, each on its own wire.
    let drop = 0;
    for (const s of it.outs)
      if (s.label) {
        s.labelDrop = drop;
        drop += s.label.main + LABEL_PAD;
      }
  }

  // ---- layers: longest path from the sources; entries on top, exits at the bottom
  const indeg = new Map<Item, number>();
  for (const it of items) indeg.set(it, it.ins.length);
  const queue = items.filter((it) => it.ins.length === 0);
  const hasEntry = items.some((it) => it.kind === 'entry');
  for (const it of queue) it.layer = it.kind === 'entry' || !hasEntry ? 0 : 1;
  let seen = 0;
  let deepest = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi];
    seen++;
    deepest = Math.max(deepest, u.layer);
    for (const s of u.outs) {
      s.to.layer = Math.max(s.to.layer, u.layer + 1);
      const d = (indeg.get(s.to) as number) - 1;
      indeg.set(s.to, d);
      if (d === 0) queue.push(s.to);
    }
  }
  if (seen !== items.length) throw new NotLayered(`${f.id} has a cycle`);
  const exits = items.filter((it) => it.kind === 'exit');
  if (exits.length) {
    const bottom = maxOf(items, (it) => (it.kind === 'exit' ? 0 : it.layer + 1), 1);
    for (const it of exits) it.layer = bottom;
    deepest = Math.max(deepest, bottom);
  }
  const layers: Item[][] = Array.from({ length: deepest + 1 }, () => []);
  for (const it of items) layers[it.layer].push(it); // model order first
  layers.forEach((L) => L.forEach((it, i) => (it.pos = i)));

  // ---- order: barycentre sweeps over the wires between neighbouring layers
  const near = (it: Item, up: boolean): Item[] => (up ? it.ins.map((s) => s.from).filter((v) => v.layer === it.layer - 1) : it.outs.map((s) => s.to).filter((v) => v.layer === it.layer + 1));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const up = sweep % 2 === 0;
    const range = up ? layers.map((_, i) => i).slice(1) : layers.map((_, i) => i).slice(0, -1).reverse();
    for (const li of range) {
      const L = layers[li];
      const key = new Map<Item, number>();
      for (const it of L) {
        const ns = near(it, up);
        key.set(it, ns.length ? ns.reduce((a, v) => a + v.pos, 0) / ns.length : it.pos);
      }
      L.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a.pos - b.pos);
      L.forEach((it, i) => (it.pos = i));
    }
  }

  // ---- cross positions: each box over the mean of what it reads from the layer above
  for (const L of layers) {
    const want = L.map((it) => {
      const ns = near(it, true);
      return ns.length ? ns.reduce((a, v) => a + v.c, 0) / ns.length : NaN;
    });
    // A box with nothing above it stays beside its neighbours (weight ~0).
    let prev = 0;
    const filled = want.map((w) => (Number.isNaN(w) ? prev : (prev = w)));
    const c = pack(
      filled,
      want.map((w) => (Number.isNaN(w) ? 1e-3 : 1)),
      L.map((it) => it.half),
    );
    L.forEach((it, i) => (it.c = c[i]));
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    lo = Math.min(lo, it.c - it.half);
    hi = Math.max(hi, it.c + it.half);
  }
  if (!items.length) lo = hi = 0;
  for (const it of items) it.c -= lo;
  const boxesRight = hi - lo;

  // ---- where a wire leaves and enters
  const outC = (s: Seg): number => s.outAt ?? (s.fromPort ? s.from.c - s.from.cross / 2 + s.fromPort.c + (s.from.frame as Frame).pad.cs : s.from.c);
  // Lanes for wires that skip layers: the gaps they run through are [from.layer, to.layer − 1].
  // One lane per tensor: the long wires leaving one port share it down to their last target
  // (a box with several labelled tensors, a collapsed module read inside, has a port, so lanes, per wire).
  const long = f.segs.filter((s) => s.to.layer - s.from.layer > 1);
  const groups = new Map<unknown, Seg[]>();
  const labelled = new Map<Item, number>();
  for (const s of f.segs) if (s.label) labelled.set(s.from, (labelled.get(s.from) ?? 0) + 1);
  for (const s of long) {
    const several = (labelled.get(s.from) ?? 0) > 1;
    const key = several ? s : (s.fromPort ?? s.from);
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const tensors = [...groups.values()];
  const lanes = colour(
    tensors.map((g) => [g[0].from.layer, maxOf(g, (s) => s.to.layer - 1, 0)]),
    1,
  );
  tensors.forEach((g, i) => g.forEach((s) => (s.lane = lanes.track[i])));
  const laneC = (s: Seg): number => boxesRight + LANE_GAP + s.lane * LANE_STEP;
  const comesFrom = (s: Seg): number => (s.lane >= 0 ? laneC(s) : outC(s));
  for (const it of items) {
    if (it.kind === 'frame') {
      for (const s of it.ins) s.inC = it.c - it.cross / 2 + (s.toPort as Item).c + (it.frame as Frame).pad.cs;
      continue;
    }
    if (it.kind !== 'node' || it.ins.length === 0) {
      for (const s of it.ins) s.inC = it.c;
      continue;
    }
    // One port per incoming wire, ordered by where the wires come from, so they do not cross here.
    const ins = [...it.ins].sort((a, b) => comesFrom(a) - comesFrom(b));
    const left = it.c - it.cross / 2 + PORT_MARGIN;
    const width = it.cross - 2 * PORT_MARGIN;
    ins.forEach((s, i) => (s.inC = width > 0 ? left + (width * (i + 1)) / (ins.length + 1) : it.c));
    if (ins.length === 1) ins[0].inC = it.c;
  }

  // A port per labelled wire when a box sends out several (spread as the incoming ports are).
  for (const it of items) {
    if (it.kind !== 'node') continue;
    const outs = it.outs.filter((s) => s.label).sort((a, b) => (a.lane >= 0 ? laneC(a) : a.inC) - (b.lane >= 0 ? laneC(b) : b.inC));
    if (outs.length < 2) continue;
    const left = it.c - it.cross / 2 + PORT_MARGIN;
    const width = it.cross - 2 * PORT_MARGIN;
    outs.forEach((s, i) => (s.outAt = width > 0 ? left + (width * (i + 1)) / (outs.length + 1) : it.c));
  }

  // ---- tracks: every horizontal run in a gap gets a track of its own
  const gaps = layers.length - 1;
  const runs: { gap: number; lo: number; hi: number; segs: Seg[]; end: 'out' | 'in' }[] = [];
  for (const g of tensors) {
    // The tensor's one run from its port to its lane.
    const a = outC(g[0]);
    const l = laneC(g[0]);
    runs.push({ gap: g[0].from.layer, lo: Math.min(a, l), hi: Math.max(a, l), segs: g, end: 'out' });
  }
  for (const s of f.segs) {
    const a = outC(s);
    if (s.lane >= 0) runs.push({ gap: s.to.layer - 1, lo: Math.min(s.inC, laneC(s)), hi: Math.max(s.inC, laneC(s)), segs: [s], end: 'in' });
    else if (Math.abs(a - s.inC) > 0.05) runs.push({ gap: s.from.layer, lo: Math.min(a, s.inC), hi: Math.max(a, s.inC), segs: [s], end: 'out' });
  }
  const byGap: (typeof runs)[] = Array.from({ length: Math.max(0, gaps) }, () => []);
  for (const r of runs) byGap[r.gap].push(r);
  const trackOf = new Map<(typeof runs)[number], number>();
  const tracks = byGap.map((rs) => {
    const c = colour(
      rs.map((r) => [r.lo, r.hi]),
      4,
    );
    rs.forEach((r, i) => trackOf.set(r, c.track[i]));
    return c.count;
  });

  // ---- main positions: layers, then each gap's label zone and tracks
  const bottomOf: number[] = [];
  const labelZone: number[] = [];
  let cur = 0;
  layers.forEach((L, li) => {
    const h = maxOf(L, (it) => it.main, 0);
    for (const it of L) it.m = cur;
    cur += h;
    bottomOf.push(cur);
    if (li < gaps) {
      const lz = maxOf(L, (it) => maxOf(it.outs, (s) => (s.label ? s.labelDrop + s.label.main + 2 * LABEL_PAD : 0), 0), 0);
      labelZone.push(cur + lz);
      const t = tracks[li];
      cur += lz + Math.max(lz ? TRACK_MARGIN : GAP, t ? 2 * TRACK_MARGIN + (t - 1) * TRACK_STEP : 0);
    }
  });
  const contentMain = cur;
  const trackM = (r: (typeof runs)[number]): number => labelZone[r.gap] + TRACK_MARGIN + (trackOf.get(r) as number) * TRACK_STEP;
  const runOf = new Map<Seg, { out?: (typeof runs)[number]; in?: (typeof runs)[number] }>();
  for (const r of runs)
    for (const s of r.segs) {
      const x = runOf.get(s) ?? {};
      x[r.end] = r;
      runOf.set(s, x);
    }

  // ---- routes in content coordinates
  const startM = (it: Item): number => (it.kind === 'entry' ? -f.pad.ms : it.m + it.main);
  const endM = (it: Item): number => (it.kind === 'exit' ? contentMain + f.pad.me : it.m);
  for (const s of f.segs) {
    const a = outC(s);
    const r = runOf.get(s) ?? {};
    const pts: Pt[] = [[a, startM(s.from)]];
    if (r.out) {
      const m = trackM(r.out);
      pts.push([a, m], [s.lane >= 0 ? laneC(s) : s.inC, m]);
    }
    if (r.in) {
      const m = trackM(r.in);
      pts.push([laneC(s), m], [s.inC, m]);
    }
    pts.push([s.inC, endM(s.to)]);
    s.route = pts;
    // In the gap's label zone, on the wire just below its source.
    if (s.label) s.labelAt = [a, bottomOf[s.from.layer] + LABEL_PAD + s.labelDrop + s.label.main / 2];
  }

  const width = long.length ? boxesRight + LANE_GAP + (lanes.count - 1) * LANE_STEP + LANE_STEP / 2 : boxesRight;
  f.cross = f.pad.cs + width + f.pad.ce;
  f.main = f.pad.ms + contentMain + f.pad.me;
  if (!isRoot) {
    f.cross = Math.max(f.cross, f.min.cross);
    f.main = Math.max(f.main, f.min.main);
  }
}
