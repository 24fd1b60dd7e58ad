/**
 * The contract of a kind's PyTorch facet (`<kind>/pytorch.ts`): how a layer
 * of that kind is written in PyTorch code, as a module its owner constructs
 * (`nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)`) or as
 * the expression a forward computes (`torch.cat([a, b], 1)`). The exporter
 * (src/export/pytorch.ts) puts them together; only non-default arguments are
 * written, under PyTorch's names. Pure text, no DOM and no PyTorch here.
 */
import type { ConfigOf, Layer, LayerKind, Shape } from '../graph/types.js';

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
  /**
   * How the Python importer (src/import/python) reads this kind from source:
   * the inverse of `module` and `call`. `module`: the constructor a class's
   * `__init__` calls (`torch.nn.Conv2d`); `calls`: the functions, tensor
   * methods and operators a forward runs (`torch.nn.functional.relu`,
   * `torch.Tensor.relu`, `operator.add` for `a + b`).
   */
  reads?: { module?: PyReading<K>; calls?: readonly PyReading<K>[] };
}

/** The batch dimension as Python code sees it (`x.size(0)`, `x.shape[0]`); shapes here leave it out. */
export const BATCH: { readonly batch: true } = Object.freeze({ batch: true });

/** A Python value handed to a kind: ints and floats are numbers, tuples and lists arrays, `None` null. */
export type PyArg = number | boolean | string | null | typeof BATCH | PyTensor | readonly PyArg[];

/** A constant tensor built in `__init__` (`torch.ones(96, 1, 1) * 1e-6`): its shape and fill (null: random, as torch.randn). */
export interface PyTensor {
  readonly tensor: { readonly shape: readonly number[]; readonly fill: number | null };
}

/** One parameter of a PyTorch signature, in positional order. */
export interface PyParam {
  name: string;
  /** PyTorch's default; without one the argument is required. */
  default?: PyArg;
  /** A tensor the layer reads (`'list'`: a list of them, as `torch.cat` takes). */
  tensor?: 'one' | 'list';
  /** `*shape`: this and every later positional argument, as a list. */
  rest?: true;
  /** Accepted and not part of the layer (`training=self.training`, `device`, `dtype`). */
  ignored?: true;
  /** Accepted only at its default (`padding_mode='zeros'`): cnn-graph does not model the others. */
  fixed?: true;
  /** A float whose default happens to be whole (`k=1.0`): an int-valued default otherwise means PyTorch takes only ints. */
  float?: true;
  /** PyTorch takes only ints here (also inside a tuple or list), where the default does not say so (none, or None). */
  int?: true;
  /** Keyword-only in PyTorch (after `*` in its signature: `F.gelu(x, approximate='tanh')`). */
  keyword?: true;
}

/**
 * Whether PyTorch refuses a float for this parameter (PyTorch 1.13 raises a
 * TypeError for `nn.Conv2d(3, 8 / 2, 3)` and `stride=2.0` alike): marked
 * `int`, or an int default not marked `float`.
 * tests/kinds/contract.test.ts checks it against PyTorch's annotations.
 */
export const takesInt = (p: PyParam): boolean => p.int === true || (typeof p.default === 'number' && Number.isInteger(p.default) && !p.float);

/** Arguments by name, as the call gave them (a parameter left out is absent). */
export type PyArgs = Readonly<Record<string, PyArg | undefined>>;

/** Why a call cannot become a layer, and what to write instead, in both languages. */
export interface PyRefusal {
  refused: { en: string; zh: string };
  fix: { en: string; zh: string };
}

export const refuse = (en: string, zh: string, fixEn: string, fixZh: string): PyRefusal => ({ refused: { en, zh }, fix: { en: fixEn, zh: fixZh } });
export const isRefusal = (x: unknown): x is PyRefusal => typeof x === 'object' && x !== null && 'refused' in x;

/** One way PyTorch code writes a kind, read back. */
export interface PyReading<K extends LayerKind = LayerKind> {
  /** Qualified names it answers to: `torch.nn.Conv2d`, `torch.nn.functional.relu`, `torch.Tensor.relu`, `operator.add`. */
  names: readonly string[];
  params: readonly PyParam[];
  /**
   * The layer's config from the arguments given (defaults left out) and the
   * shapes of the tensors it reads (null where unknown); default: the
   * arguments under their own names, those at PyTorch's default dropped.
   */
  config?(args: PyArgs, inputs: readonly (Shape | null)[]): Omit<ConfigOf<K>, 'kind'> | PyRefusal;
  /** A call that returns several tensors (`x.chunk(2, 1)`): how many, from the config and the input; each becomes a layer with its `index`. */
  pieces?(config: Omit<ConfigOf<K>, 'kind'>, input: Shape | null): number | PyRefusal;
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
export function isDefault(v: PyValue, d: PyValue): boolean {
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

/** The tensor a function or method reads first (`F.relu(input)`, `x.relu()`). */
export const INPUT_PARAM: PyParam = { name: 'input', tensor: 'one' };

/** What every module constructor also takes and cnn-graph leaves out (`device=`, `dtype=`). */
export const DEVICE_PARAMS: readonly PyParam[] = [
  { name: 'device', default: null, ignored: true },
  { name: 'dtype', default: null, ignored: true },
];

/**
 * The readings of an activation that has `inplace`: `nn.ReLU(inplace=True)`,
 * `F.relu(x, inplace=True)`, and (without `inplace`) `torch.relu(x)` and `x.relu()`.
 */
export function activationReads<K extends LayerKind>(cls: string, fn: string, torchFn: string | null, method: string | null): NonNullable<KindPytorch<K>['reads']> {
  const inplace: PyParam = { name: 'inplace', default: false };
  return {
    module: { names: [`torch.nn.${cls}`], params: [inplace] },
    calls: [
      { names: [`torch.nn.functional.${fn}`], params: [INPUT_PARAM, inplace] },
      ...(torchFn || method ? [{ names: [...(torchFn ? [`torch.${torchFn}`] : []), ...(method ? [`torch.Tensor.${method}`] : [])], params: [INPUT_PARAM] }] : []),
    ],
  };
}
