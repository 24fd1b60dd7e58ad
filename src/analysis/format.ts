/** Formatting, kept apart from computing: thousands separators, units, shapes, `—` for none. */
import type { Shape } from '../graph/types.js';

export const NONE = '—';

/** `1234567` → `1,234,567`. */
export function formatInt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NONE;
  // Not toLocaleString: ICU formatting costs ~50 µs a call, which a 500-row table feels.
  const r = Math.round(n);
  const digits = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${digits}` : digits;
}

/** `416520` → `416.5 K`, `4089184256` → `4.09 G` (decimal SI units, as papers quote MACs). */
export function formatCount(n: number | null | undefined, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NONE;
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [v, u] of units) if (Math.abs(n) >= v) return `${trim((n / v).toPrecision(digits))} ${u}`;
  return String(n);
}

const trim = (s: string) => (s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s);

/** Bytes in binary units: `1.5 MiB`. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NONE;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[i]}`;
}

export function formatShape(s: Shape | null | undefined): string {
  return s ? s.join('×') : NONE;
}

export function formatPercent(part: number | null | undefined, whole: number): string {
  if (part === null || part === undefined || !whole) return NONE;
  const p = (100 * part) / whole;
  return p === 0 ? '0%' : p < 0.1 ? '<0.1%' : `${p.toFixed(1)}%`;
}

/** Parse `1x28x28`, `1×28×28`, `1,28,28` or `[1,28,28]`. Null if it is not three positive integers. */
export function parseShape(text: string): [number, number, number] | null {
  const parts = text.replace(/^\[|\]$/g, '').split(/[x×,\s]+/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const nums = parts.map(Number) as [number, number, number];
  return nums.every((n) => n >= 1 && Number.isSafeInteger(n)) ? nums : null;
}
