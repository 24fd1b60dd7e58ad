/**
 * A strict XML 1.0 well-formedness check, small enough to read, for what the
 * SVG writer emits (elements, attributes, text, comments, CDATA, processing
 * instructions): every character allowed by the `Char` production, names
 * well formed, attributes quoted and unique, no raw `<` or stray `&`, entity
 * references only to the five predefined ones or to allowed characters, tags
 * balanced, one root. Returns the first problem with its offset, or null.
 */
const NAME = /^[A-Za-z_:][\w.:-]*/;
const REF = /^&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/;

function allowedChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export function xmlProblem(xml: string): string | null {
  // Characters: code points, so a lone surrogate is seen as one.
  for (let i = 0; i < xml.length; i++) {
    const cp = xml.codePointAt(i) as number;
    if (!allowedChar(cp)) return `character U+${cp.toString(16).toUpperCase()} at ${i} is not allowed in XML`;
    if (cp > 0xffff) i++;
  }
  /** Text or an attribute value: `&` only in references, `<` never. */
  const checkText = (s: string, at: number): string | null => {
    for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', k + 1)) {
      const m = REF.exec(s.slice(k, k + 12));
      if (!m) return `a bare "&" at ${at + k}`;
      const code = m[2] ? parseInt(m[2], 10) : m[3] ? parseInt(m[3], 16) : 0x20;
      if (!allowedChar(code)) return `a reference to a character XML does not allow at ${at + k}`;
    }
    return s.includes('<') ? `a raw "<" at ${at + s.indexOf('<')}` : null;
  };
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return 'an unterminated XML declaration';
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (open.length === 0 && text.trim()) return `text outside the root element at ${i}`;
    const bad = checkText(text, i);
    if (bad) return bad;
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return `an unterminated comment at ${i}`;
      if (xml.slice(i + 4, end).includes('--')) return `"--" inside a comment at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (!open.length) return `CDATA outside the root at ${i}`;
      const end = xml.indexOf(']]>', i);
      if (end < 0) return `an unterminated CDATA section at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return `an unterminated processing instruction at ${i}`;
      i = end + 2;
    } else if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2, i + 200));
      if (!m) return `a bad closing tag at ${i}`;
      const j = i + 2 + m[0].length;
      const gt = /^\s*>/.exec(xml.slice(j, j + 100));
      if (!gt) return `a bad closing tag at ${i}`;
      if (open.pop() !== m[0]) return `</${m[0]}> at ${i} closes nothing open`;
      i = j + gt[0].length;
    } else {
      const m = NAME.exec(xml.slice(i + 1, i + 200));
      if (!m) return `a bad tag name at ${i}`;
      if (open.length === 0 && roots++ > 0) return `a second root element at ${i}`;
      let j = i + 1 + m[0].length;
      const names = new Set<string>();
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j))![0].length;
        j += ws;
        if (xml.startsWith('/>', j)) {
          j += 2;
          break;
        }
        if (xml[j] === '>') {
          open.push(m[0]);
          j += 1;
          break;
        }
        if (!ws) return `no space before an attribute at ${j}`;
        const a = NAME.exec(xml.slice(j, j + 200));
        if (!a) return `a bad attribute name at ${j}`;
        if (names.has(a[0])) return `attribute ${a[0]} twice at ${j}`;
        names.add(a[0]);
        j += a[0].length;
        const eq = /^\s*=\s*(["'])/.exec(xml.slice(j, j + 50));
        if (!eq) return `attribute ${a[0]} without a quoted value at ${j}`;
        j += eq[0].length;
        const close = xml.indexOf(eq[1], j);
        if (close < 0) return `an unterminated attribute value at ${j}`;
        const badValue = checkText(xml.slice(j, close), j);
        if (badValue) return badValue;
        j = close + 1;
      }
      i = j;
    }
  }
  if (open.length) return `<${open[open.length - 1]}> is never closed`;
  return roots === 1 ? null : 'no root element';
}
