/**
 * A small JSON scanner (RFC 8259) of our own, for what JSON.parse does not
 * say in a portable way: where the first offending token is (engines' error
 * messages differ, and some give no position at all), and the source text of
 * numbers that overflow to ±Infinity (`1e999`), which JSON.parse turns into
 * a value that prints as `null`. Iterative: deep nesting cannot overflow the
 * stack. A leading byte-order mark counts as whitespace.
 */

export interface ScanError {
  /** Character offset of the offending token. */
  offset: number;
  reason: string;
  reasonZh: string;
}

export interface ScanResult {
  error: ScanError | null;
  /** Numbers written in the text that are not finite as doubles, by JSON path (JSON.stringify of the path). */
  nonFinite: Map<string, string>;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;

/** The character at `i` for a message: quoted, control characters escaped. */
function tokenAt(text: string, i: number): string {
  const cp = text.codePointAt(i) as number;
  const c = String.fromCodePoint(cp);
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `"${c}"`;
}

export function scanJson(text: string): ScanResult {
  const nonFinite = new Map<string, string>();
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // One frame per open container: the key (or index) of the value being read in it.
  const stack: { array: boolean; key: string | number }[] = [];
  const fail = (offset: number, reason: string, reasonZh: string): ScanResult => ({ error: { offset, reason, reasonZh }, nonFinite });
  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const end = (): ScanResult => fail(n, 'Unexpected end of JSON input', 'JSON 意外结束');
  const unexpected = (): ScanResult => {
    const rest = text.slice(i, i + 9);
    const word = /^-?(NaN|Infinity|undefined)/.exec(rest);
    if (word) return fail(i, `${word[0]} is not valid JSON (JSON numbers are finite)`, `${word[0]} 不是合法的 JSON（JSON 里的数都是有限的）`);
    if (rest.startsWith('//') || rest.startsWith('/*')) return fail(i, 'JSON allows no comments', 'JSON 不允许注释');
    if (rest[0] === "'") return fail(i, 'Unexpected token "\'": JSON strings take double quotes', '意外的符号 "\'"：JSON 的字符串要用双引号');
    return fail(i, `Unexpected token ${tokenAt(text, i)}`, `意外的符号 ${tokenAt(text, i)}`);
  };
  /** Reads a string at i (on its opening quote); returns its value, or a ScanResult on error. */
  const string = (): string | ScanResult => {
    const start = i++;
    let value = '';
    let from = i;
    for (;;) {
      if (i >= n) return fail(start, 'Unterminated string (it starts here)', '字符串没有结束引号（从这里开始）');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        value += text.slice(from, i++);
        return value;
      }
      if (c < 0x20) return fail(i, c === 0x0a ? 'Unterminated string (a line break inside it)' : 'Bad control character in string literal', c === 0x0a ? '字符串没有结束引号（中间换行了）' : '字符串里有不允许的控制字符');
      if (c === 0x5c) {
        value += text.slice(from, i);
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX.test(text.slice(i + 2, i + 6))) return fail(i, 'Bad Unicode escape', '错误的 Unicode 转义');
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) {
          value += JSON.parse(`"\\${e}"`) as string;
          i += 2;
        } else return i + 1 >= n ? end() : fail(i, 'Bad escaped character', '字符串里有错误的转义字符');
        from = i;
        continue;
      }
      i++;
    }
  };  /** A member's name and its colon, after the opening quote is due; `expected` says what a non-string is. */
  const memberName = (expected: string, expectedZh: string): string | ScanResult => {
    if (i >= n) return end();
    if (text[i] !== '"') return text[i] === "'" ? unexpected() : fail(i, expected, expectedZh);
    const key = string();
    if (typeof key !== 'string') return key;
    skip();
    if (i >= n) return end();
    if (text[i] !== ':') return fail(i, "Expected ':' after property name", "属性名后面应是 ':'");
    i++;
    return key;
  };

  const digits = () => {
    const s = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i > s;
  };
  for (;;) {
    // A value is expected at i.
    skip();
    if (i >= n) return end();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skip();
      if (i < n && text[i] === (c === '{' ? '}' : ']')) i++;
      else if (c === '[') {
        stack.push({ array: true, key: 0 });
        continue;
      } else {
        const key = memberName("Expected property name or '}'", "这里应是属性名（带双引号）或 '}'");
        if (typeof key !== 'string') return key;
        stack.push({ array: false, key });
        continue;
      }
    } else if (c === '"') {
      const s = string();
      if (typeof s !== 'string') return s;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const start = i;
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else if (!digits()) return i >= n ? end() : text.startsWith('Infinity', i) ? unexpected() : fail(i, 'No number after minus sign', '负号后面没有数字');
      if (text[i] === '.') {
        i++;
        if (!digits()) return i >= n ? end() : fail(i, 'Unterminated fractional number', '小数点后面缺少数字');
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        if (!digits()) return i >= n ? end() : fail(i, 'Exponent part is missing a number', '指数部分缺少数字');
      }
      const raw = text.slice(start, i);
      if (!Number.isFinite(Number(raw))) nonFinite.set(JSON.stringify(stack.map((f) => f.key)), raw);
    } else {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : '';
      if (!word || !text.startsWith(word, i)) return word && text.length - i < word.length && word.startsWith(text.slice(i)) ? end() : unexpected();
      i += word.length;
    }
    // After a value: close containers, or move to the next member.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < n) return fail(i, 'Unexpected non-whitespace character after JSON', 'JSON 结束后还有多余的字符');
        return { error: null, nonFinite };
      }
      if (i >= n) return end();
      const d = text[i];
      if (d === (top.array ? ']' : '}')) {
        i++;
        stack.pop();
        continue;
      }
      if (d !== ',') return top.array ? fail(i, "Expected ',' or ']' after array element", "数组元素后面应是 ',' 或 ']'") : fail(i, "Expected ',' or '}' after property value", "属性值后面应是 ',' 或 '}'");
      const comma = i++;
      skip();
      if (i < n && text[i] === (top.array ? ']' : '}')) return fail(comma, `Trailing comma before '${text[i]}' (JSON allows none)`, `'${text[i]}' 前面多了一个逗号（JSON 不允许）`);
      if (top.array) {
        top.key = (top.key as number) + 1;
        break;
      }
      const key = memberName('Expected double-quoted property name', '属性名必须用双引号括起来');
      if (typeof key !== 'string') return key;
      top.key = key;
      break;
    }
  }
}
