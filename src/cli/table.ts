/** Plain-text tables for the terminal: columns padded by their widest cell. */

export interface Column {
  title: string;
  align?: 'left' | 'right';
}

// Code points, not UTF-16 units; only astral characters (surrogate pairs) differ, so
// the common case skips building an array of every character of every cell.
const ASTRAL = /[\uD800-\uDBFF]/;
const width = (s: string) => (ASTRAL.test(s) ? [...s].length : s.length);

export function table(columns: Column[], rows: string[][], opts: { rule?: string } = {}): string {
  const widths = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const cell = (s: string, i: number) => (columns[i].align === 'right' ? s.padStart(widths[i] + s.length - width(s)) : s.padEnd(widths[i] + s.length - width(s)));
  const line = (cells: string[]) => cells.map(cell).join('  ').trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const rule = (opts.rule ?? '─').repeat(total);
  return [rule, line(columns.map((c) => c.title)), rule, ...rows.map(line), rule].join('\n');
}
