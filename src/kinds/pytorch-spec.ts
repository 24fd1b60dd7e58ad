/**
 * The contract of a kind's PyTorch facet (`<kind>/pytorch.ts`): how a layer
 * of that kind is written in PyTorch code, as a module its owner constructs
 * (`nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)`) or as
 * the expression a forward computes (`torch.cat([a, b], 1)`). The exporter
 * (src/export/pytorch.ts) puts them together; only non-default arguments are
 * written, under PyTorch's names. Pure text, no DOM and no PyTorch here.
 */
import type { Layer, LayerKind } from '../graph/types.js';

export interface KindPytorch<K extends LayerKind = LayerKind> {
  kind: K;
  /**
   * The module a layer run as a module is (`nn.ReLU(inplace=True)`), assigned
   * to its path in its owner's `__init__`; absent where PyTorch has no module
   * for it (`torch.cat`, `x.mean([2, 3])`).
   */
  module?(layer: Layer<K>): string;
  /**
   * The expression a layer run as a function computes from its inputs'
   * Python expressions (`F.relu(x3)`); absent where PyTorch has only the
   * module (a convolution owns its weights). A layer marked `functional`
   * uses it when there is one, its module otherwise; and the other way round.
   */
  call?(layer: Layer<K>, inputs: readonly string[]): string;
  /**
   * The module form is an attribute the forward reads rather than calls
   * (`nn.Parameter`): the layer is always the attribute, whatever `functional` says.
   */
  read?: true;
}

/**
 * Text made safe inside a Python string, docstring or comment: backslashes
 * doubled and control characters as `\xNN` (a path or name from a file may
 * hold a newline, which would end a comment and start code).
 */
export const pyEscape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => (c.charCodeAt(0) < 256 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16)}`));

/** A value as Python writes it: ints as ints, pairs as tuples, lists as lists, true as True, strings quoted. */
export type PyValue = number | boolean | string | null | undefined | readonly PyValue[];

/** A number where PyTorch expects a float: `1.0`, not `1` (torch.full with an int fill makes an integer tensor). */
export function pyFloat(x: number): string {
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/**
 * A Python literal. A two-element array is a tuple, as PyTorch's `_pair`
 * arguments are written (`kernel_size=(1, 7)`); `list` writes any array as a
 * list (`[2, 3]`, a shape or dims).
 */
export function py(v: PyValue, list = false): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${pyEscape(v).replace(/'/g, "\\'")}'`;
  const items = v.map((x) => py(x, list));
  return list || items.length !== 2 ? `[${items.join(', ')}]` : `(${items.join(', ')})`;
}

/** Whether a value equals PyTorch's default: `(1, 1)` is the default 1 of a pair argument. */
function isDefault(v: PyValue, d: PyValue): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.every((x) => isDefault(x, d));
  return v === d;
}

/**
 * A keyword argument, or nothing when it is PyTorch's default (or not set):
 * `kw('stride', 2, 1)` is `stride=2`, `kw('stride', [1, 1], 1)` is omitted.
 * `text` writes the value (`pyFloat` for a float argument).
 */
export function kw(name: string, v: PyValue, d: PyValue, text: (v: PyValue) => string = (x) => py(x)): string[] {
  return isDefault(v, d) ? [] : [`${name}=${text(v)}`];
}

/** A float keyword argument, or nothing at its default. */
export const kwFloat = (name: string, v: number | undefined, d: number): string[] => kw(name, v, d, (x) => pyFloat(x as number));

/** `name(a, b, c=1)` from positional and keyword pieces. */
export const callText = (name: string, ...parts: (string | string[])[]): string => `${name}(${parts.flat().join(', ')})`;
