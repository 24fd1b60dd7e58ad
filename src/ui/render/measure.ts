/**
 * Text width without a DOM, so Node and the browser compute the same node
 * sizes (the layout, and so the SVG, must not depend on where it runs).
 * Widths are Arial's advance widths in 1/1000 em; the font stack puts
 * Arial-metric fonts first (Helvetica, Arial, Liberation Sans), so the estimate
 * holds on every common system.
 */
const ARIAL: Record<string, number> = {};
const ROWS: [string, number][] = [
  [" !,./:;I[\\]fijlt", 278],
  ['"', 355],
  ["#$0123456789?L_abdeghnopqu", 556],
  ['%', 889],
  ["&ABEKPSVXY", 667],
  ["'", 191],
  ['()-`r', 333],
  ['*', 389],
  ['+<=>~', 584],
  ['@', 1015],
  ['CDHNRUw', 722],
  ['FTZ', 611],
  ['GOQ', 778],
  ['J', 500],
  ['M', 833],
  ['W', 944],
  ['^', 469],
  ['ckszvxy', 500],
  ['m', 833],
  ['{}', 334],
  ['|', 260],
];
for (const [chars, w] of ROWS) for (const c of chars) ARIAL[c] = w;
// The few non-ASCII characters the labels use.
Object.assign(ARIAL, { '×': 584, '·': 278, '→': 1000, '−': 584, '—': 1000, '…': 1000, '⌊': 400, '⌋': 400, '▸': 600, '▾': 600, '⚠': 900, '%': 889 });
ARIAL['i'] = 222;
ARIAL['j'] = 222;
ARIAL['l'] = 222;

/** Bold Arial is about 7% wider on the characters our labels use. */
const BOLD = 1.07;

export function charWidth(c: string): number {
  const w = ARIAL[c];
  if (w !== undefined) return w;
  const code = c.codePointAt(0) ?? 0;
  // CJK and other wide scripts take a full em.
  if (code >= 0x1100) return 1000;
  return 600;
}

/** Width in pixels of `text` at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let sum = 0;
  for (const c of text) sum += charWidth(c);
  return (sum / 1000) * size * (bold ? BOLD : 1);
}

/** Cut `text` to at most `max` px, ending with `…`. */
export function truncate(text: string, size: number, max: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  while (chars.length && textWidth(chars.join('') + '…', size, bold) > max) chars.pop();
  return chars.join('') + '…';
}

/** Ideographs, kana, hangul and full-width forms: a line may break beside any of them (UAX #14). */
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
/** Full-width punctuation that must not start a line (it stays with the character before it). */
const CLOSING = /[，。、；：！？）」』》〉】]/;
/** Full-width punctuation that must not end a line (it stays with the character after it). */
const OPENING = /[（「『《〈【]/;

/**
 * The units a line is broken between, each with whether a space precedes it.
 * Latin text breaks at spaces only; Chinese, which has none, between characters.
 */
function breakUnits(text: string): { s: string; space: boolean }[] {
  const out: { s: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!WIDE.test(word)) {
      out.push({ s: word, space: true });
      continue;
    }
    // The word's first unit follows a space; the others follow the unit before them directly.
    let space = true;
    let unit = '';
    let prev = '';
    for (const c of word) {
      const breakable = (WIDE.test(c) || WIDE.test(prev)) && !CLOSING.test(c) && !OPENING.test(prev);
      if (unit && breakable) {
        out.push({ s: unit, space });
        space = false;
        unit = '';
      }
      unit += c;
      prev = c;
    }
    out.push({ s: unit, space });
  }
  return out;
}

/** Greedy word wrap to `max` px per line, at most `lines` lines (the last one truncated). */
export function wrap(text: string, size: number, max: number, lines: number): string[] {
  const units = breakUnits(text);
  const join = (from: number) => units.slice(from).reduce((s, u, k) => s + (k && u.space ? ' ' : '') + u.s, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < units.length; i++) {
    const next = cur ? `${cur}${units[i].space ? ' ' : ''}${units[i].s}` : units[i].s;
    if (textWidth(next, size) <= max || !cur) cur = next;
    else {
      out.push(cur);
      cur = units[i].s;
      if (out.length === lines - 1) {
        cur = join(i);
        break;
      }
    }
  }
  if (cur) out.push(cur);
  return out.slice(0, lines).map((l) => truncate(l, size, max));
}
