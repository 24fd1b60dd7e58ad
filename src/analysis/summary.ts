/**
 * Rows of the torchinfo-like summary, shared by the CLI table and the
 * `<cnn-summary>` element: modules down to a depth, then their layers.
 */
import { depthOf } from '../graph/paths.js';
import type { Shape } from '../graph/types.js';
import type { Analysis } from './analyze.js';

export interface SummaryRow {
  path: string;
  /** PyTorch class name: the layer kind or the module type. */
  type: string;
  depth: number;
  isModule: boolean;
  outputShape: Shape | null;
  params: number;
  macs: number | null;
  /** Share of the inference-path MACs (0 for auxiliary rows). */
  macsShare: number | null;
  paramsShare: number;
  aux: boolean;
  status: 'ok' | 'error' | 'skipped';
}

/**
 * Rows in execution order. A module deeper than `maxDepth` is folded into its
 * ancestor at that depth, which then shows its totals. `maxDepth` counts path
 * segments: `net.0` has depth 2.
 */
export function summaryRows(a: Analysis, maxDepth = Infinity): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const seen = new Set<string>();
  const modules = new Map(a.modules.map((m) => [m.path, m]));
  const totalMacs = a.totals.macs;
  const totalParams = a.totals.params;
  for (const l of a.layers) {
    // The prefixes `a`, `a.b`, `a.b.c` of the path, without split/join.
    const segments = l.path === '' ? 1 : depthOf(l.path);
    for (let d = 1, dot = l.path.indexOf('.'); d <= segments; d++, dot = l.path.indexOf('.', dot + 1)) {
      const p = dot < 0 ? l.path : l.path.slice(0, dot);
      if (seen.has(p)) continue;
      if (d > maxDepth) break;
      seen.add(p);
      const m = d < segments ? modules.get(p) : undefined;
      if (m) {
        rows.push({
          path: p,
          type: m.type,
          depth: d,
          isModule: true,
          outputShape: m.outputShape,
          params: m.params,
          macs: m.macs,
          macsShare: m.aux || m.macs === null ? null : totalMacs ? m.macs / totalMacs : 0,
          paramsShare: totalParams ? m.params / totalParams : 0,
          aux: m.aux,
          status: m.status,
        });
      } else if (d === segments) {
        rows.push({
          path: l.path,
          type: l.kind,
          depth: d,
          isModule: false,
          outputShape: l.outputShape,
          params: l.params,
          macs: l.macs,
          macsShare: l.aux || l.macs === null ? null : totalMacs ? l.macs / totalMacs : 0,
          paramsShare: totalParams ? l.params / totalParams : 0,
          aux: l.aux,
          status: l.status,
        });
      }
    }
  }
  return rows;
}
