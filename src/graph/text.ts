/**
 * User text inside our messages: control characters made visible, and long
 * quotes cut. Pure (no DOM, no Node), so the CLI, parseNetwork and the
 * elements share it.
 */

/** Longest quote of user text in a message, in characters, before it is cut with `…`. */
export const QUOTE_MAX = 80;

/**
 * C0 controls, DEL and C1 controls (U+0080–U+009F: U+009B is a one-byte CSI
 * to many terminals), written as escapes a reader can see: `\x1b`, `\u009b`.
 * With `keepNewlines`, "\n" stays a line break (our own multi-line messages).
 * DEL and C1 use the `\u` form, which also reads the same inside JSON strings.
 */
export function visible(text: string, keepNewlines = false): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    if (c === '\n' && keepNewlines) return c;
    const code = c.charCodeAt(0);
    return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** True when the text holds a character `visible` would escape (other than "\n" with keepNewlines). */
export const hasControl = (text: string, keepNewlines = false): boolean => (keepNewlines ? /[\x00-\x09\x0b-\x1f\x7f-\x9f]/ : /[\x00-\x1f\x7f-\x9f]/).test(text);

/** The text cut to `max` characters with `…` (never inside a surrogate pair). */
export function clip(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
