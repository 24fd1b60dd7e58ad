/**
 * The find box's search: layers and modules of an analysis whose path, kind (PyTorch's
 * class name: `Conv2d`, a module's `Inception`) or name contains the query, ignoring case.
 * Pure, so it is tested in Node; the element lists the matches and selects the chosen one.
 */
import type { Analysis } from '../../analysis/analyze.js';
import { transparentModules } from '../../render/view.js';

export interface FindMatch {
  path: string;
  type: 'layer' | 'module';
  /** The PyTorch class name: a layer's kind, a module's type. */
  kind: string;
  name: string;
}

/**
 * Matches in this order: the path itself, paths that start with the query, names equal to
 * it, then the rest; in the network's order within each. At most `limit`; `total` counts all.
 */
export function findMatches(a: Analysis, query: string, limit = 50): { matches: FindMatch[]; total: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { matches: [], total: 0 };
  const hidden = transparentModules(a);
  const all: FindMatch[] = [
    ...a.modules.filter((m) => !hidden.has(m.path)).map((m): FindMatch => ({ path: m.path, type: 'module', kind: m.type, name: m.name })),
    ...a.layers.map((l): FindMatch => ({ path: l.path, type: 'layer', kind: l.kind, name: l.name })),
  ];
  // The network's order: layers as they run, a module just before its first layer (an outer one first).
  const at = new Map(a.layers.map((l, i) => [l.path, i]));
  const order = new Map<string, number>([...at, ...a.modules.map((m): [string, number] => [m.path, (at.get(m.layers[0] ?? '') ?? 0) - 1 + m.depth / 1000])]);
  const rank = (m: FindMatch): number => {
    const path = m.path.toLowerCase();
    if (path === q) return 0;
    if (path.startsWith(q)) return 1;
    if (m.name.toLowerCase() === q) return 2;
    if (path.includes(q) || m.name.toLowerCase().includes(q) || m.kind.toLowerCase().includes(q)) return 3;
    return -1;
  };
  const hits = all
    .map((m) => ({ m, r: rank(m) }))
    .filter((x) => x.r >= 0)
    .sort((x, y) => x.r - y.r || (order.get(x.m.path) ?? 0) - (order.get(y.m.path) ?? 0));
  return { matches: hits.slice(0, limit).map((x) => x.m), total: hits.length };
}

