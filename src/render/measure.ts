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

/**
 * Ideographs, kana, hangul, CJK punctuation and full-width forms (Unicode's East Asian
 * Wide and Fullwidth, UAX #11): each is a full em in every weight of a CJK font
 * (Noto Sans CJK, PingFang, Microsoft YaHei), the fonts a browser falls back to for them.
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
/** Half-width katakana and hangul: half an em. */
const HALF = /[\uff61-\uffdc\uffe8-\uffee]/;

/** East Asian wide: a full em, and a line may break beside it. */
export const isWide = (c: string): boolean => WIDE.test(c);

export function charWidth(c: string): number {
  const w = ARIAL[c];
  if (w !== undefined) return w;
  if (WIDE.test(c)) return 1000;
  if (HALF.test(c)) return 500;
  // Other scripts and symbols the table lacks: a full em, so no box is too narrow for them.
  if ((c.codePointAt(0) ?? 0) >= 0x1100) return 1000;
  return 600;
}

/** Width in pixels of `text` at `size` px. Bold widens Latin letters, not CJK (its glyphs are an em in every weight). */
export function textWidth(text: string, size: number, bold = false): number {
  let latin = 0;
  let wide = 0;
  for (const c of text) {
    if (WIDE.test(c)) wide += 1000;
    else latin += charWidth(c);
  }
  return ((latin * (bold ? BOLD : 1) + wide) / 1000) * size;
}

/** Cut `text` to at most `max` px, ending with `…`. */
export function truncate(text: string, size: number, max: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  // The longest prefix that fits with its `…`, found in one pass (a 5,000-character name
  // took seconds when the prefix was measured again after each character dropped);
  // the same sums textWidth makes, so the same cut.
  const width = (latin: number, wide: number) => ((latin * (bold ? BOLD : 1) + wide) / 1000) * size;
  let latin = charWidth('…');
  let wide = 0;
  let end = 0;
  for (const c of text) {
    if (WIDE.test(c)) wide += 1000;
    else latin += charWidth(c);
    if (width(latin, wide) > max) break;
    end += c.length;
  }
  return text.slice(0, end) + '…';
}

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
    if (![...word].some(isWide)) {
      out.push({ s: word, space: true });
      continue;
    }
    // The word's first unit follows a space; the others follow the unit before them directly.
    let space = true;
    let unit = '';
    let prev = '';
    for (const c of word) {
      // A line may break beside any wide character (UAX #14), not before a closing or after an opening mark.
      const breakable = (isWide(c) || isWide(prev)) && !CLOSING.test(c) && !OPENING.test(prev);
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
