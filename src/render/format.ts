/**
 * Number and shape text for pictures. Formatting lives apart from the
 * analysis records (torchinfo: `calculate_*` vs `*_to_str`): the records hold
 * exact integers, these functions only decide how they read.
 */
import { formatInt, formatShape } from '../analysis/format.js';
import type { Shape } from '../graph/types.js';

/** `61706` → `61,706`; `null` → `—`; pictures use the typographic minus. */
export function fmtInt(n: number | null | undefined): string {
  return formatInt(n).replace(/^-/, '−');
}

const UNITS = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'K'],
] as const;

/** `117600` → `117.6K`, `1823000000` → `1.82G`: about four significant digits, trailing zeros dropped. */
export function fmtCompact(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  for (const [v, u] of UNITS) {
    if (a >= v) {
      const x = a / v;
      const digits = x >= 100 ? 1 : 2;
      return `${n < 0 ? '−' : ''}${trimZeros(x.toFixed(digits))}${u}`;
    }
  }
  return String(n);
}

const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** `[6, 28, 28]` → `6×28×28`; unknown → `?`. */
export function fmtShape(shape: Shape | null | undefined): string {
  if (!shape) return '?';
  return shape.length === 0 ? 'scalar' : formatShape(shape);
}

/** A fraction of a total as a percentage: `0.282` → `28.2%`, tiny non-zero → `<0.1%`. */
export function fmtShare(part: number | null | undefined, total: number): string {
  if (part === null || part === undefined || !(total > 0)) return '—';
  const f = (100 * part) / total;
  if (part > 0 && f < 0.1) return '<0.1%';
  return `${f >= 10 ? f.toFixed(0) : trimZeros(f.toFixed(f >= 1 ? 1 : 2))}%`;
}
