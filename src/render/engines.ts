/**
 * Which engine lays a view out, in one place for the CLI, the element's
 * page thread, its worker and its main-thread fallback. `auto`: the
 * structural engine when the view is series–parallel (every zoo network);
 * otherwise elk while elk stays quick, and the fast layered engine above
 * that, where elk's layered algorithm explodes (the 302-layer DAG of issue 13:
 * 60–84 s and 1.45 GB). The budget is measured (`bench/layout.mjs`, figures in
 * docs/benchmarks.md): elk's time grows with the wires beyond a tree (each a
 * cross-link its crossing minimisation must place) far more than with boxes.
 */
import type { ElkGraph, Layout } from './layout.js';
import { layeredLayout } from './layered.js';
import { structuralLayout } from './structural.js';

/** The engine that made a layout. */
export type EngineUsed = 'structural' | 'fast' | 'elk';

/**
 * Above either, a view that is not series–parallel goes to the fast engine
 * under `auto`. elk in Node on the 2-core machine (`bench/layout.mjs --engine
 * elk`, median of 3): the issue-13 DAG with 9 cross-links 0.12 s, 17
 * cross-links 0.65 s, 37 cross-links 2.1 s; a wide random DAG of 152 boxes
 * and 105 cross-links 2.3 s; a 1,600-box chain 1.8 s. The fast engine does
 * each of these in under 50 ms.
 */
export const ELK_MAX_CROSS_LINKS = 16;
export const ELK_MAX_BOXES = 1000;

export interface Density {
  /** Boxes (layers, collapsed modules, input, outputs), frames not counted. */
  boxes: number;
  wires: number;
  /** Wires beyond a tree's: wires − boxes + 1 (0 for a chain). */
  crossLinks: number;
}

export function density(g: ElkGraph): Density {
  let boxes = 0;
  let wires = 0;
  const stack = [g];
  while (stack.length) {
    const n = stack.pop() as ElkGraph;
    wires += n.edges?.length ?? 0;
    for (const c of n.children ?? []) {
      if (c.children?.length) stack.push(c);
      else boxes++;
    }
  }
  return { boxes, wires, crossLinks: Math.max(0, wires - boxes + 1) };
}

/** Would elk take too long on this view (which is not series–parallel)? */
export const elkTooSlow = (d: Density): boolean => d.crossLinks > ELK_MAX_CROSS_LINKS || d.boxes > ELK_MAX_BOXES;

/** The engine that made `layout`, read from its key (structural keys end in -s<n>, fast ones in -f<n>). */
export function engineOf(layout: Pick<Layout, 'key'>): EngineUsed {
  return /-s\d+$/.test(layout.key) ? 'structural' : /-f\d+$/.test(layout.key) ? 'fast' : 'elk';
}

/** `auto` without elk: structurally, or fast when elk would be too slow; null when the view is for elk. */
export function autoLayout(g: ElkGraph): Layout | null {
  return structuralLayout(g) ?? (elkTooSlow(density(g)) ? layeredLayout(g) : null);
}

/**
 * The sentence that says the picture gave up on elk's beauty, or null when it
 * did not (a structural or elk layout, or the fast engine asked for by name).
 */
export function fastNote(d: Density, locale: 'en' | 'zh' = 'en'): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return locale === 'zh'
    ? `${n(d.boxes)} 个框、${n(d.crossLinks)} 条交叉连接，不是串并联结构：用快速分层布局绘制（elk 会很慢，可能要几分钟）`
    : `${n(d.boxes)} boxes with ${n(d.crossLinks)} cross-links, not series–parallel: drawn with the fast layered layout (elk would be slow, up to minutes)`;
}
