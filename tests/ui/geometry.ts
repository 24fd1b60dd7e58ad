/**
 * The geometry checker shared by the layout engines' tests: every promise a
 * layout makes a reader (no overlaps, orthogonal wires from the source's
 * bottom to the target's top that cross no box, labels on their wires, frames
 * around their contents).
 */
import type { Box, Direction, Layout, Prepared } from '../../src/render/index.js';

const EPS = 0.11;

const inside = (p: readonly [number, number], b: Box) => p[0] > b.x + EPS && p[0] < b.x + b.width - EPS && p[1] > b.y + EPS && p[1] < b.y + b.height - EPS;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
const contains = (outer: Box, b: Box) => b.x >= outer.x - EPS && b.y >= outer.y - EPS && b.x + b.width <= outer.x + outer.width + EPS && b.y + b.height <= outer.y + outer.height + EPS;

/** Does the axis-aligned segment a→b pass through the inside of box `bx`? */
function crosses(a: readonly [number, number], b: readonly [number, number], bx: Box): boolean {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  return x0 < bx.x + bx.width - EPS && x1 > bx.x + EPS && y0 < bx.y + bx.height - EPS && y1 > bx.y + EPS;
}

const onSegment = (p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]) =>
  p[0] >= Math.min(a[0], b[0]) - 0.6 && p[0] <= Math.max(a[0], b[0]) + 0.6 && p[1] >= Math.min(a[1], b[1]) - 0.6 && p[1] <= Math.max(a[1], b[1]) + 0.6;

/** Every geometric promise of a layout of `p`; returns the first broken one, or null. */
export function broken(p: Prepared, l: Layout, direction: Direction): string | null {
  const down = direction === 'down';
  const view = p.view;
  const boxOf = (id: string): Box => l.nodes[id];
  for (const n of view.nodes) if (!boxOf(n.id)) return `no box for ${n.id}`;
  for (const c of view.containers) if (!boxOf(c.id)) return `no box for frame ${c.id}`;
  const all = [...view.nodes.map((n) => n.id), ...view.containers.map((c) => c.id)];
  for (const id of all) {
    const b = boxOf(id);
    if (b.x < -EPS || b.y < -EPS || b.x + b.width > l.width + EPS || b.y + b.height > l.height + EPS) return `${id} outside the picture`;
  }
  // Ancestors of every node and frame.
  const parent = new Map<string, string>([...view.nodes.map((n) => [n.id, n.container] as const), ...view.containers.map((c) => [c.id, c.container] as const)]);
  const ancestors = (id: string) => {
    const out: string[] = [];
    for (let c = parent.get(id) ?? ''; c; c = parent.get(c) ?? '') out.push(c);
    return out;
  };
  for (const id of all) for (const a of ancestors(id)) if (!contains(boxOf(a), boxOf(id))) return `${id} sticks out of its frame ${a}`;
  const nodes = view.nodes.map((n) => n.id);
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) if (overlap(boxOf(nodes[i]), boxOf(nodes[j]))) return `${nodes[i]} overlaps ${nodes[j]}`;
  for (const c of view.containers) {
    const mine = new Set(all.filter((id) => ancestors(id).includes(c.id)));
    for (const id of all) if (id !== c.id && !mine.has(id) && !ancestors(c.id).includes(id) && overlap(boxOf(c.id), boxOf(id))) return `frame ${c.id} overlaps ${id}`;
  }
  const labels: Box[] = [];
  for (const e of view.edges) {
    const r = l.edges[e.id];
    if (!r || r.points.length < 2) return `edge ${e.id} has no route`;
    const pts = r.points;
    for (let i = 1; i < pts.length; i++) if (Math.abs(pts[i][0] - pts[i - 1][0]) > EPS && Math.abs(pts[i][1] - pts[i - 1][1]) > EPS) return `edge ${e.id} has a slanted segment`;
    const s = boxOf(e.source);
    const t = boxOf(e.target);
    const [first, last] = [pts[0], pts[pts.length - 1]];
    if (down ? Math.abs(first[1] - (s.y + s.height)) > EPS || first[0] < s.x || first[0] > s.x + s.width : Math.abs(first[0] - (s.x + s.width)) > EPS || first[1] < s.y || first[1] > s.y + s.height)
      return `edge ${e.id} does not leave ${e.source} from its ${down ? 'bottom' : 'right side'}`;
    if (down ? Math.abs(last[1] - t.y) > EPS || last[0] < t.x || last[0] > t.x + t.width : Math.abs(last[0] - t.x) > EPS || last[1] < t.y || last[1] > t.y + t.height)
      return `edge ${e.id} does not enter ${e.target} from its ${down ? 'top' : 'left side'}`;
    for (const n of nodes) {
      if (n === e.source || n === e.target) continue;
      for (let i = 1; i < pts.length; i++) if (crosses(pts[i - 1], pts[i], boxOf(n))) return `edge ${e.id} (${e.source} → ${e.target}) runs through ${n}`;
    }
    if (e.labelled) {
      if (!r.label) return `edge ${e.id} lost its label`;
      const c: [number, number] = [r.label.x + r.label.width / 2, r.label.y + r.label.height / 2];
      if (!pts.some((p, i) => i > 0 && onSegment(c, pts[i - 1], p))) return `the label of ${e.id} is not on its wire`;
      for (const n of nodes) if (overlap(r.label, boxOf(n))) return `the label of ${e.id} covers ${n}`;
      for (const o of labels) if (overlap(r.label, o)) return `the label of ${e.id} covers another label`;
      labels.push(r.label);
    } else if (r.label) return `edge ${e.id} has a label it should not`;
  }
  return null;
}

