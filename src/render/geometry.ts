/**
 * What the structural and the fast layered engines share: points on the
 * flow's axes, reading the elk graph's layout options, rounding and the
 * simplification of wire routes.
 */

/** [cross, main]: x and y when the flow goes down, y and x when it goes right. */
export type Pt = [number, number];

/** A coordinate from elk's graph, 0 where it is missing or not a number. */
export const num = (x: number | undefined): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Rounded to a tenth of a pixel, as every layout writes its boxes and routes. */
export const r1 = (x: number): number => Math.round(x * 10) / 10;

/** elk's `elk.padding` option, `[top=…,left=…,bottom=…,right=…]`, with `d` for what it leaves out. */
export function parsePadding(s: string | undefined, d: number): { top: number; left: number; bottom: number; right: number } {
  const out = { top: d, left: d, bottom: d, right: d };
  for (const m of (s ?? '').matchAll(/(top|left|bottom|right)=(-?[\d.]+)/g)) out[m[1] as keyof typeof out] = Number(m[2]);
  return out;
}

/** elk's `elk.nodeSize.minimum` option, `(w, h)`. */
export function parseMin(s: string | undefined): [number, number] {
  const m = /\(\s*([\d.]+)\s*,\s*([\d.]+)\s*\)/.exec(s ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Drop repeated points and the middle of straight runs. */
export function simplify(pts: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 0.05 && Math.abs(last[1] - p[1]) < 0.05) continue;
    if (out.length >= 2) {
      const a = out[out.length - 2];
      const b = out[out.length - 1];
      const straight = (Math.abs(a[0] - b[0]) < 0.05 && Math.abs(b[0] - p[0]) < 0.05) || (Math.abs(a[1] - b[1]) < 0.05 && Math.abs(b[1] - p[1]) < 0.05);
      if (straight) out.pop();
    }
    out.push(p);
  }
  return out;
}
