/**
 * Python source as a tree: `@lezer/python` parses it (a real grammar, with
 * Python's indentation rules), and this copies the parse into plain nodes
 * once, so the interpreter walks stable objects with their children at hand.
 * Pure: no DOM and no Node, so the playground can run it in the page.
 */
import { parser } from '@lezer/python';

export interface PyNode {
  /** The grammar's node name: `CallExpression`, `VariableName`, `(`. */
  name: string;
  from: number;
  to: number;
  kids: PyNode[];
}

/** Where a syntax error is, and the text there. */
export interface SyntaxProblem {
  offset: number;
  text: string;
}

export interface Parsed {
  root: PyNode;
  source: string;
  /** The first syntax error, if any (lezer recovers and goes on; we stop there). */
  error: SyntaxProblem | null;
  /** Line and column (1-based) of an offset. */
  at(offset: number): { line: number; column: number };
}

export function parsePython(source: string): Parsed {
  const tree = parser.parse(source);
  const cursor = tree.cursor();
  const root: PyNode = { name: cursor.name, from: cursor.from, to: cursor.to, kids: [] };
  const stack: PyNode[] = [root];
  let error: SyntaxProblem | null = null;
  // Depth-first, iteratively: a file nested thousands deep must not overflow the stack here.
  if (cursor.firstChild()) {
    for (;;) {
      const node: PyNode = { name: cursor.name, from: cursor.from, to: cursor.to, kids: [] };
      if (cursor.type.isError && !error) error = { offset: cursor.from, text: source.slice(cursor.from, Math.max(cursor.to, cursor.from + 1)).split('\n')[0] };
      stack[stack.length - 1].kids.push(node);
      if (cursor.firstChild()) {
        stack.push(node);
        continue;
      }
      while (!cursor.nextSibling()) {
        if (!cursor.parent() || stack.length === 1) {
          stack.length = 1;
          break;
        }
        stack.pop();
      }
      if (stack.length === 1 && cursor.from === root.from && cursor.to === root.to && cursor.name === root.name) break;
    }
  }
  const starts = [0];
  for (let k = source.indexOf('\n'); k >= 0; k = source.indexOf('\n', k + 1)) starts.push(k + 1);
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
  return { root, source, error, at };
}

/** Punctuation and keywords that carry no value of their own. */
const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', ';', 'Comment']);

/** A node's children without punctuation. */
export const meaningful = (n: PyNode): PyNode[] => n.kids.filter((k) => !PUNCT.has(k.name));

/** Split children on commas (an argument list, a tuple), dropping the brackets. */
export function commaSplit(kids: readonly PyNode[], open = '(', close = ')'): PyNode[][] {
  const groups: PyNode[][] = [[]];
  for (const k of kids) {
    if (k.name === open || k.name === close || k.name === 'Comment') continue;
    if (k.name === ',') groups.push([]);
    else groups[groups.length - 1].push(k);
  }
  return groups.filter((g) => g.length);
}
