/**
 * The values the Python importer computes with: Python's own (ints, floats,
 * strings, tuples, lists, dicts, functions, classes) and PyTorch's as far as
 * a network's structure needs them (modules, and tensors that are only a
 * shape and the layer that made them).
 */
import type { LayerConfig, LayerKind, Shape } from '../../graph/types.js';
import { BATCH } from '../../kinds/pytorch-spec.js';
import type { PyNode } from './syntax.js';

/** A Python float (an int is a plain JS number). */
export class PyFloat {
  constructor(readonly v: number) {}
}

export class PyTuple {
  constructor(readonly items: readonly Value[]) {}
}

export class PyList {
  constructor(public items: Value[]) {}
}

export type DictKey = string | number | boolean | null;

export class PyDict {
  constructor(
    readonly map: Map<DictKey, Value> = new Map(),
    /** An OrderedDict (nn.Sequential takes its names). */
    readonly ordered = false,
  ) {}
}

export class PyRange {
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {}
  get length(): number {
    return Math.max(0, Math.ceil((this.stop - this.start) / this.step));
  }
}

export class PySlice {
  constructor(
    readonly start: Value,
    readonly stop: Value,
    readonly step: Value,
  ) {}
}

/** A tensor while tracing a forward: the layer that produced it (or "input") and its per-sample shape. */
export class TensorV {
  constructor(
    readonly ref: string,
    readonly shape: Shape | null,
    /** Where its shape got lost (a layer analysis refuses), for the message when code asks for it. */
    readonly lost?: string,
  ) {}
}

/** A constant tensor made outside a forward (`torch.ones(96, 1, 1) * 1e-6`, `torch.rand(1, 1, 28, 28)`). */
export class LitTensor {
  constructor(
    readonly shape: readonly number[],
    /** null: random (torch.rand, torch.randn). */
    readonly fill: number | null,
  ) {}
}

/** A module instance: a layer of a kind, a container (Sequential, ModuleList, ModuleDict, Identity), or a user class. */
export class ModuleV {
  readonly children = new Map<string, ModuleV>();
  readonly attrs = new Map<string, Value>();
  /** Its name in the network, set from the root once the network is chosen (PyTorch's named_modules). */
  path?: string;
  /** How often the forward has run it (a second call is `path#2`). */
  calls = 0;
  /** A parameter's layer, made at its first read. */
  read?: TensorV;
  constructor(
    /** PyTorch's class name: `Conv2d`, `Sequential`, the user's class. */
    readonly cls: string,
    readonly node: PyNode,
    readonly leaf?: { kind: LayerKind; config: LayerConfig; read: boolean },
    readonly container?: 'Sequential' | 'ModuleList' | 'ModuleDict' | 'Identity' | 'Module',
    readonly userClass?: ClassV,
  ) {}
}

export type Env = { vars: Map<string, Value>; parent: Env | null };

export class FuncV {
  constructor(
    readonly name: string,
    readonly node: PyNode,
    readonly params: readonly Param[],
    readonly body: PyNode | null,
    readonly closure: Env,
    /** The class whose body defined it, for `super()`. */
    readonly owner: ClassV | null,
    /** A lambda's expression. */
    readonly expr: PyNode | null = null,
  ) {}
}

export interface Param {
  name: string;
  default?: Value;
  kind: 'plain' | 'star' | 'starstar';
  /** After `*` or `*args`: only by keyword. */
  keywordOnly: boolean;
}

export class ClassV {
  constructor(
    readonly name: string,
    readonly node: PyNode,
    readonly bases: readonly Value[],
    readonly ns: Map<string, Value>,
  ) {}
}

export class BoundV {
  constructor(
    readonly fn: FuncV | BuiltinV,
    readonly self: Value,
  ) {}
}

export type Args = { pos: Value[]; kw: [string, Value][] };

export class BuiltinV {
  constructor(
    readonly name: string,
    readonly call: (args: Args, at: PyNode) => Value,
    /** Called without evaluating its arguments (`model.to(device)` with `device` unknown). */
    readonly lazy = false,
  ) {}
}

/** A dotted name from an import (`torch.nn`, `torch.nn.functional.relu`, `numpy`): what it is is decided where it is used. */
export class NsV {
  constructor(readonly qual: string) {}
}

export class SuperV {
  constructor(
    readonly cls: ClassV,
    readonly self: ModuleV,
  ) {}
}

/** A name whose module-level statement could not run: using it reports why. */
export class Poison {
  constructor(readonly reason: Problem) {}
}

/** What went wrong, where, in both languages, and what to write instead. */
export interface Problem {
  node: PyNode;
  en: string;
  zh: string;
  fixEn?: string;
  fixZh?: string;
  /** A limit (steps, depth, sizes): always reported, even from a module-level statement. */
  limit?: boolean;
  /** The file's layer path it concerns, when there is one. */
  path?: string;
}

export class PyError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.en);
  }
}

export type Value = number | boolean | string | null | typeof BATCH | PyFloat | PyTuple | PyList | PyDict | PyRange | PySlice | TensorV | LitTensor | ModuleV | FuncV | ClassV | BoundV | BuiltinV | NsV | SuperV | Poison;

export { BATCH };

/** Python's name for a value's type, for messages. */
export function typeName(v: Value): string {
  if (v === null) return 'None';
  if (v === BATCH) return 'the batch size';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyList) return 'list';
  if (v instanceof PyDict) return v.ordered ? 'OrderedDict' : 'dict';
  if (v instanceof PyRange) return 'range';
  if (v instanceof PySlice) return 'slice';
  if (v instanceof TensorV || v instanceof LitTensor) return 'Tensor';
  if (v instanceof ModuleV) return v.cls;
  if (v instanceof FuncV || v instanceof BuiltinV || v instanceof BoundV) return 'function';
  if (v instanceof ClassV) return 'class';
  if (v instanceof NsV) return v.qual;
  if (v instanceof SuperV) return 'super';
  return 'unknown';
}

/** A float as Python prints it: `1.0`, `0.5`, `1e-06`. */
export function floatText(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  const s = String(x);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** `str(v)` and `repr(v)` for the values a network's code prints or names modules with. */
export function pyStr(v: Value, repr = false): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return repr ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : v;
  if (v instanceof PyFloat) return floatText(v.v);
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyStr(v.items[0], true)},)` : `(${v.items.map((x) => pyStr(x, true)).join(', ')})`;
  if (v instanceof PyList) return `[${v.items.map((x) => pyStr(x, true)).join(', ')}]`;
  if (v instanceof ClassV) return `<class '${v.name}'>`;
  if (v instanceof ModuleV) return `${v.cls}()`;
  return `<${typeName(v)}>`;
}
