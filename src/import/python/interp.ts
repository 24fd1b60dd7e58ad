/**
 * A small interpreter for the part of Python that builds a network: module
 * classes and their `__init__`, helper functions, loops, lists, dicts and
 * integer arithmetic, then the root module's `forward` traced once with a
 * tensor that is only a shape. Each layer it meets becomes a graph layer
 * under PyTorch's module path. What a layer kind is called and which
 * arguments it takes come from the kinds' PyTorch facets
 * (src/kinds/<kind>/pytorch.ts `reads`); nothing here names a kind.
 *
 * Anything else stops with a Problem naming the construct, its place and
 * what to write instead, never a guess. Loops, sizes, recursion and the
 * total work are bounded, so hostile input ends quickly.
 */
import { KIND_ANALYSES } from '../../kinds/analysis.js';
import { KIND_PYTORCH } from '../../kinds/pytorch.js';
import { isDefault, isRefusal, takesInt, type KindPytorch, type PyArg, type PyArgs, type PyParam, type PyReading } from '../../kinds/pytorch-spec.js';
import { layerSchema } from '../../graph/schema.js';
import { LAYER_KINDS, type Layer, type LayerConfig, type LayerKind, type Shape } from '../../graph/types.js';
import { issueText, issueTextZh, nearestName } from '../../graph/validate.js';
import { commaSplit, meaningful, type Parsed, type PyNode } from './syntax.js';
import {
  BATCH,
  BoundV,
  BuiltinV,
  ClassV,
  FuncV,
  LitTensor,
  ModuleV,
  NsV,
  Poison,
  PyDict,
  PyError,
  PyFloat,
  PyList,
  PyRange,
  PySlice,
  PyTuple,
  SuperV,
  TensorV,
  floatText,
  pyStr,
  typeName,
  type Args,
  type DictKey,
  type Env,
  type Param,
  type Problem,
  type Value,
} from './values.js';

/** The bounds that keep hostile input quick. */
export const LIMITS = {
  /** Statements and calls, all together. */
  steps: 2_000_000,
  /** Nested calls (Python's own default is 1,000). */
  depth: 100,
  /** Iterations of one loop, items of one list, characters of one string. */
  items: 1_000_000,
  layers: 100_000,
} as const;

// ---------------------------------------------------------------- readings

interface Reading {
  kind: LayerKind;
  reading: PyReading;
  form: 'module' | 'call';
  /** The name a functional layer's path takes: `relu` for F.relu, `add` for `a + b`, `view` for x.view. */
  short: string;
}

let READINGS: Map<string, Reading> | null = null;

/** Every qualified name the kinds answer to (`torch.nn.Conv2d`, `torch.Tensor.view`, `operator.add`). */
export function readings(): Map<string, Reading> {
  if (READINGS) return READINGS;
  const map = new Map<string, Reading>();
  for (const kind of LAYER_KINDS) {
    const facet = KIND_PYTORCH[kind] as KindPytorch;
    const r = facet.reads;
    if (!r) continue;
    if (r.module) for (const n of r.module.names) map.set(n, { kind, reading: r.module, form: 'module', short: n.slice(n.lastIndexOf('.') + 1) });
    for (const c of r.calls ?? []) for (const n of c.names) map.set(n, { kind, reading: c, form: 'call', short: n.slice(n.lastIndexOf('.') + 1) });
  }
  READINGS = map;
  return map;
}

/** Methods that change the module or list they are called on. */
const MUTATORS = new Set(['add_module', 'register_module', 'append', 'extend', 'insert', 'pop', 'update', 'register_parameter', 'register_buffer']);

const OPERATOR_NAMES: Record<string, string> = { '+': 'operator.add', '*': 'operator.mul' };

// ---------------------------------------------------------------- control flow

class ReturnSignal {
  constructor(readonly value: Value) {}
}
class BreakSignal {}
class ContinueSignal {}

// ---------------------------------------------------------------- the interpreter

export interface TraceResult {
  layers: Layer[];
  modules: { path: string; type: string }[];
  output: string;
  warnings: Problem[];
}

const CONTAINERS: Record<string, 'Sequential' | 'ModuleList' | 'ModuleDict' | 'Identity' | 'Module'> = {
  'torch.nn.Sequential': 'Sequential',
  'torch.nn.ModuleList': 'ModuleList',
  'torch.nn.ModuleDict': 'ModuleDict',
  'torch.nn.Identity': 'Identity',
  'torch.nn.Module': 'Module',
};

/** Tensor factories: a constant (ones, zeros, full) or random tensor of a shape. */
const FACTORIES = new Set(['torch.ones', 'torch.zeros', 'torch.full', 'torch.rand', 'torch.randn', 'torch.empty']);

export class Interpreter {
  private steps = 0;
  private depth = 0;
  readonly globals: Env = { vars: new Map(), parent: null };
  /** Top-level names in the order the file assigns them, for the default network. */
  readonly assigned: string[] = [];
  /** Classes in the order the file defines them. */
  readonly classes: ClassV[] = [];
  /** The last `torch.rand(1, C, H, W)`-like tensor a top-level statement made: the input the file feeds its network. */
  sampleInput: { shape: readonly number[]; node: PyNode } | null = null;
  /** Module-level statements that failed, with the names they touch (reported if the network needs one). */
  readonly failed: { problem: Problem; receivers: string[] }[] = [];
  private tracer: Tracer | null = null;
  private builtins = new Map<string, Value>();

  constructor(readonly parsed: Parsed) {
    this.installBuiltins();
  }

  // ------------------------------------------------ problems

  fail(node: PyNode, en: string, zh: string, fixEn?: string, fixZh?: string, extra: Partial<Problem> = {}): never {
    throw new PyError({ node, en, zh, ...(fixEn ? { fixEn } : {}), ...(fixZh ? { fixZh } : {}), ...extra });
  }

  text(n: PyNode): string {
    return this.parsed.source.slice(n.from, n.to);
  }

  /** The construct's first line, shortened, for messages. */
  snippet(n: PyNode, max = 60): string {
    const t = this.text(n).split('\n')[0].trim();
    return t.length > max ? t.slice(0, max - 1) + '…' : t;
  }

  private tick(node: PyNode): void {
    if (++this.steps > LIMITS.steps) this.fail(node, `the file takes more than ${LIMITS.steps.toLocaleString('en-US')} steps to build its network; cnn-graph stops there`, `构建网络超过了 ${LIMITS.steps.toLocaleString('en-US')} 步；cnn-graph 在此停止`, 'Check for a loop that runs far longer than the network has layers.', '检查是否有循环次数远多于网络层数的循环。', { limit: true });
  }

  // ------------------------------------------------ module level

  /** Run the file's top level: imports, definitions and assignments; anything that fails taints only the names it sets. */
  runModule(): void {
    for (const stmt of this.statements(this.parsed.root)) {
      try {
        this.exec(stmt, this.globals, true);
      } catch (e) {
        if (e instanceof PyError) {
          if (e.problem.limit) throw e;
          const { targets, receivers } = this.touched(stmt);
          for (const t of targets) this.globals.vars.set(t, new Poison(e.problem));
          this.failed.push({ problem: e.problem, receivers });
          continue;
        }
        if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) continue;
        throw e;
      }
    }
  }

  /** The names a statement assigns, and the names whose methods it calls (`net.add_module(...)` changes `net`). */
  private touched(stmt: PyNode): { targets: string[]; receivers: string[] } {
    const targets: string[] = [];
    const receivers: string[] = [];
    const walk = (n: PyNode, inTarget: boolean) => {
      if (n.name === 'AssignStatement' || n.name === 'UpdateStatement') {
        const op = n.kids.findIndex((k) => k.name === 'AssignOp' || k.name === 'UpdateOp');
        n.kids.forEach((k, i) => walk(k, i < op));
        return;
      }
      if (n.name === 'ForStatement') {
        const inAt = n.kids.findIndex((k) => k.name === 'in');
        n.kids.forEach((k, i) => walk(k, i < inAt && i > 0));
        return;
      }
      if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') {
        const name = n.kids.find((k) => k.name === 'VariableName');
        if (name) targets.push(this.text(name));
        return;
      }
      if (inTarget && n.name === 'VariableName') targets.push(this.text(n));
      if (n.name === 'MemberExpression' && n.kids[0]?.name === 'VariableName') {
        // `net.x = …`, `net[0] = …`, and the methods that change a container (`net.add_module(…)`).
        if (inTarget || (n.kids[1]?.name === '.' && MUTATORS.has(this.text(n.kids[2] ?? n)))) receivers.push(this.text(n.kids[0]));
        if (inTarget) targets.push(this.text(n.kids[0]));
      }
      for (const k of n.kids) walk(k, inTarget && n.name !== 'MemberExpression' && n.name !== 'CallExpression');
    };
    walk(stmt, false);
    return { targets, receivers };
  }

  // ------------------------------------------------ statements

  /** The statements of a Script or Body, with `a; b` groups opened. */
  statements(n: PyNode): PyNode[] {
    const out: PyNode[] = [];
    for (const k of n.kids) {
      if (k.name === 'StatementGroup') out.push(...k.kids.filter((s) => s.name !== ';' && s.name !== 'Comment'));
      else if (k.name !== ':' && k.name !== 'Comment') out.push(k);
    }
    return out;
  }

  private block(body: PyNode, env: Env): void {
    for (const s of this.statements(body)) this.exec(s, env, false);
  }

  exec(s: PyNode, env: Env, top: boolean): void {
    this.tick(s);
    switch (s.name) {
      case 'ExpressionStatement':
        this.eval(s.kids[0], env);
        return;
      case 'AssignStatement':
        return this.assign(s, env, top);
      case 'UpdateStatement':
        return this.update(s, env);
      case 'ReturnStatement': {
        const value = s.kids.length > 1 ? this.valueOf(s.kids.slice(1), env) : null;
        if (value instanceof PyTuple || value instanceof PyList) this.returnedAt.set(value, s);
        throw new ReturnSignal(value);
      }
      case 'PassStatement':
        return;
      case 'BreakStatement':
        throw new BreakSignal();
      case 'ContinueStatement':
        throw new ContinueSignal();
      case 'IfStatement':
        return this.ifStatement(s, env);
      case 'ForStatement':
        return this.forStatement(s, env);
      case 'WhileStatement':
        return this.whileStatement(s, env);
      case 'FunctionDefinition':
        env.vars.set(this.defName(s), this.defineFunction(s, env, null));
        return;
      case 'ClassDefinition':
        return this.defineClass(s, env);
      case 'ImportStatement':
        return this.importStatement(s, env);
      case 'DecoratedStatement': {
        const def = s.kids[s.kids.length - 1];
        const decorators = s.kids.filter((k) => k.name === 'Decorator').map((d) => this.text(d).replace(/^@\s*/, '').trim());
        // Only decorators that leave a method as it is.
        const harmless = decorators.every((d) => d === 'torch.no_grad()' || d === 'staticmethod' || d === 'torch.jit.unused' || d === 'torch.jit.ignore');
        if (!harmless) this.fail(s, `the decorator @${decorators[0]} is not something cnn-graph runs`, `cnn-graph 不执行装饰器 @${decorators[0]}`, 'Remove the decorator, or define the function without it.', '去掉这个装饰器，或者不用它来定义函数。');
        return this.exec(def, env, top);
      }
      case 'AssertStatement': {
        const cond = meaningful(s).filter((k) => k.name !== 'assert');
        if (!this.truthy(this.eval(cond[0], env), cond[0])) this.fail(s, `the assertion ${this.snippet(s)} fails`, `断言 ${this.snippet(s)} 不成立`, 'Check the arguments it tests.', '检查它所检验的参数。');
        return;
      }
      case 'RaiseStatement':
        this.fail(s, `the code raises an error here (${this.snippet(s)})`, `代码在这里抛出错误（${this.snippet(s)}）`, 'Check the arguments that lead here.', '检查导致这里的参数。');
      // falls through: fail never returns
      default:
        this.fail(s, `${this.statementWords(s.name)} is not something cnn-graph runs`, `cnn-graph 不执行${this.statementWords(s.name)}`, 'Build the network with classes, functions, assignments, if and for.', '请用类、函数、赋值、if 和 for 来构建网络。');
    }
  }

  private statementWords(name: string): string {
    const words: Record<string, string> = {
      WithStatement: 'a with statement',
      TryStatement: 'a try statement',
      DeleteStatement: 'del',
      GlobalStatement: 'global',
      NonlocalStatement: 'nonlocal',
      PrintStatement: 'print',
      MatchStatement: 'match',
    };
    return words[name] ?? `"${name}"`;
  }

  private defName(s: PyNode): string {
    const n = s.kids.find((k) => k.name === 'VariableName');
    return n ? this.text(n) : '';
  }

  /** The value of an expression list after `return` or `=`: one expression, or a tuple of several. */
  private valueOf(kids: PyNode[], env: Env): Value {
    const groups = commaSplit(kids, '\0', '\0');
    if (groups.length === 1 && kids.every((k) => k.name !== ',')) return this.eval(groups[0][0], env);
    return new PyTuple(groups.flatMap((g) => this.spread(g, env)));
  }

  /** One item of a display, with `*xs` opened. */
  private spread(g: PyNode[], env: Env): Value[] {
    if (g[0].name === '*') return this.iterate(this.eval(g[1], env), g[1]);
    return [this.eval(g[0], env)];
  }

  private assign(s: PyNode, env: Env, top: boolean): void {
    const parts: PyNode[][] = [[]];
    for (const k of s.kids) {
      if (k.name === 'AssignOp') parts.push([]);
      else if (k.name !== 'TypeDef') parts[parts.length - 1].push(k);
    }
    if (parts.length === 1) return; // an annotation alone: `x: int`
    const value = this.valueOf(parts[parts.length - 1], env);
    for (const target of parts.slice(0, -1)) {
      const groups = commaSplit(target, '\0', '\0');
      if (groups.length === 1 && target.every((k) => k.name !== ',')) this.bind(groups[0][0], value, env);
      else this.unpack(groups.map((g) => g[0]), value, env, s);
      if (top) for (const g of groups) if (g[0].name === 'VariableName') this.assigned.push(this.text(g[0]));
    }
    if (top && value instanceof LitTensor && value.shape.length === 4) this.sampleInput = { shape: value.shape, node: s };
  }

  private unpack(targets: PyNode[], value: Value, env: Env, at: PyNode): void {
    const items = this.iterate(value, at);
    if (items.length !== targets.length) this.fail(at, `${targets.length} names are assigned ${items.length} values`, `${targets.length} 个名字被赋予了 ${items.length} 个值`, value instanceof PyTuple && items.length === 4 ? 'x.size() of an N×C×H×W tensor has four sizes: b, c, h, w = x.size().' : 'Give as many names as there are values.', '名字的个数要和值的个数相同。');
    targets.forEach((t, i) => this.bind(t, items[i], env));
  }

  private bind(target: PyNode, value: Value, env: Env): void {
    switch (target.name) {
      case 'VariableName':
        env.vars.set(this.text(target), value);
        return;
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'ParenthesizedExpression': {
        const open = target.name === 'ArrayExpression' ? '[' : '(';
        const close = target.name === 'ArrayExpression' ? ']' : ')';
        const groups = commaSplit(target.kids, open, close);
        if (target.name === 'ParenthesizedExpression' && groups.length === 1) return this.bind(groups[0][0], value, env);
        return this.unpack(
          groups.map((g) => g[0]),
          value,
          env,
          target,
        );
      }
      case 'MemberExpression': {
        const obj = this.eval(target.kids[0], env);
        if (target.kids[1]?.name === '.') return this.setAttr(obj, this.text(target.kids[2]), value, target);
        const key = this.subscript(target, env);
        return this.setItem(obj, key, value, target);
      }
      default:
        this.fail(target, `cannot assign to ${this.snippet(target)}`, `不能给 ${this.snippet(target)} 赋值`, 'Assign to a name, an attribute (self.x) or an item (xs[i]).', '请给名字、属性（self.x）或元素（xs[i]）赋值。');
    }
  }

  private update(s: PyNode, env: Env): void {
    const [target, opNode, ...rest] = s.kids;
    const op = this.text(opNode).slice(0, -1);
    const current = this.eval(target, env);
    const value = this.eval(rest[0], env);
    // `xs += [a]` extends the list in place, as Python does.
    if (op === '+' && current instanceof PyList) {
      current.items.push(...this.iterate(value, rest[0]));
      this.sizeCheck(current.items.length, s);
      return;
    }
    this.bind(target, this.binary(op, current, value, s), env);
  }

  private ifStatement(s: PyNode, env: Env): void {
    // if cond Body (elif cond Body)* (else Body)?
    const kids = s.kids;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === 'if' || k.name === 'elif') {
        const cond = kids[i + 1];
        const body = kids[i + 2];
        if (this.truthy(this.eval(cond, env), cond)) return this.block(body, env);
        i += 2;
      } else if (k.name === 'else') return this.block(kids[i + 1], env);
    }
  }

  private forStatement(s: PyNode, env: Env): void {
    const inAt = s.kids.findIndex((k) => k.name === 'in');
    const targets = commaSplit(s.kids.slice(1, inAt), '\0', '\0').map((g) => g[0]);
    const bodyAt = s.kids.findIndex((k) => k.name === 'Body');
    const iterNodes = s.kids.slice(inAt + 1, bodyAt);
    const iterable = this.valueOf(iterNodes, env);
    const body = s.kids[bodyAt];
    const elseAt = s.kids.findIndex((k, i) => i > bodyAt && k.name === 'else');
    if (iterable instanceof PyRange && iterable.length > LIMITS.items) this.loopTooLong(iterable.length, s);
    const items = this.iterate(iterable, iterNodes[0]);
    let broke = false;
    for (const item of items) {
      this.tick(s);
      if (targets.length === 1 && s.kids[1].name !== ',' && !s.kids.slice(1, inAt).some((k) => k.name === ',')) this.bind(targets[0], item, env);
      else this.unpack(targets, item, env, s);
      try {
        this.block(body, env);
      } catch (e) {
        if (e instanceof BreakSignal) {
          broke = true;
          break;
        }
        if (e instanceof ContinueSignal) continue;
        throw e;
      }
    }
    if (!broke && elseAt > 0) this.block(s.kids[elseAt + 1], env);
  }

  private loopTooLong(n: number, at: PyNode): never {
    this.fail(at, `a loop of ${n.toLocaleString('en-US')} iterations; cnn-graph runs loops of at most ${LIMITS.items.toLocaleString('en-US')}`, `循环 ${n.toLocaleString('en-US')} 次；cnn-graph 最多执行 ${LIMITS.items.toLocaleString('en-US')} 次的循环`, 'A network has far fewer layers: check the range.', '网络的层数远没有这么多：请检查 range 的范围。', { limit: true });
  }

  private whileStatement(s: PyNode, env: Env): void {
    const cond = s.kids[1];
    const body = s.kids.find((k) => k.name === 'Body') as PyNode;
    let n = 0;
    while (this.truthy(this.eval(cond, env), cond)) {
      if (++n > LIMITS.items) this.loopTooLong(n, s);
      this.tick(s);
      try {
        this.block(body, env);
      } catch (e) {
        if (e instanceof BreakSignal) break;
        if (e instanceof ContinueSignal) continue;
        throw e;
      }
    }
  }

  private importStatement(s: PyNode, env: Env): void {
    const kids = s.kids;
    if (kids[0].name === 'from') {
      const importAt = kids.findIndex((k) => k.name === 'import');
      const from = kids
        .slice(1, importAt)
        .map((k) => this.text(k))
        .join('');
      const rest = kids.slice(importAt + 1).filter((k) => k.name !== '(' && k.name !== ')');
      if (rest.some((k) => k.name === '*')) return; // `from x import *`: its names stay unknown, and using one says so
      for (const g of commaSplit(rest, '\0', '\0')) {
        const name = this.text(g[0]);
        const alias = g.length >= 3 && g[1].name === 'as' ? this.text(g[2]) : name;
        env.vars.set(alias, new NsV(`${from}.${name}`));
      }
      return;
    }
    for (const g of commaSplit(kids.slice(1), '\0', '\0')) {
      const asAt = g.findIndex((k) => k.name === 'as');
      const dotted = (asAt < 0 ? g : g.slice(0, asAt)).map((k) => this.text(k)).join('');
      if (asAt >= 0) env.vars.set(this.text(g[asAt + 1]), new NsV(dotted));
      else env.vars.set(dotted.split('.')[0], new NsV(dotted.split('.')[0]));
    }
  }

  // ------------------------------------------------ definitions

  private params(list: PyNode | undefined, env: Env): Param[] {
    const params: Param[] = [];
    if (!list) return params;
    let keywordOnly = false;
    let star: Param['kind'] = 'plain';
    const kids = list.kids.filter((k) => k.name !== '(' && k.name !== ')');
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === ',') continue;
      if (k.name === '*') {
        star = 'star';
        if (kids[i + 1]?.name !== 'VariableName') keywordOnly = true;
        continue;
      }
      if (k.name === '**') {
        star = 'starstar';
        continue;
      }
      if (k.name === '/') continue;
      if (k.name === 'VariableName') {
        const p: Param = { name: this.text(k), kind: star, keywordOnly };
        if (star === 'star') keywordOnly = true;
        star = 'plain';
        let j = i + 1;
        if (kids[j]?.name === 'TypeDef') j++;
        if (kids[j]?.name === 'AssignOp') {
          p.default = this.eval(kids[j + 1], env);
          j += 1;
        }
        i = j;
        params.push(p);
        continue;
      }
    }
    return params;
  }

  defineFunction(s: PyNode, env: Env, owner: ClassV | null): FuncV {
    const list = s.kids.find((k) => k.name === 'ParamList');
    const body = s.kids.find((k) => k.name === 'Body') ?? null;
    return new FuncV(this.defName(s), s, this.params(list, env), body, env, owner);
  }

  private defineClass(s: PyNode, env: Env): void {
    const name = this.defName(s);
    const argList = s.kids.find((k) => k.name === 'ArgList');
    const bases = argList ? commaSplit(argList.kids).map((g) => this.eval(g[0], env)) : [];
    const ns = new Map<string, Value>();
    const cls = new ClassV(name, s, bases, ns);
    const body = s.kids.find((k) => k.name === 'Body');
    if (body) {
      const classEnv: Env = { vars: ns, parent: env };
      for (const st of this.statements(body)) {
        this.tick(st);
        const def = st.name === 'DecoratedStatement' ? st.kids[st.kids.length - 1] : st;
        if (def.name === 'FunctionDefinition') ns.set(this.defName(def), this.defineFunction(def, env, cls));
        else this.exec(st, classEnv, false);
      }
    }
    env.vars.set(name, cls);
    if (env === this.globals) this.classes.push(cls);
  }

  /** The classes a class inherits from, itself first (depth first, as single inheritance needs). */
  mro(cls: ClassV): (ClassV | NsV)[] {
    const out: (ClassV | NsV)[] = [];
    const visit = (c: Value) => {
      if (c instanceof ClassV) {
        if (out.includes(c)) return;
        out.push(c);
        c.bases.forEach(visit);
      } else if (c instanceof NsV) out.push(c);
    };
    visit(cls);
    return out;
  }

  /** The PyTorch container a user class is built on (nn.Module, nn.Sequential…), or null when it is not a module. */
  baseContainer(cls: ClassV): ModuleV['container'] | null {
    for (const c of this.mro(cls)) if (c instanceof NsV && CONTAINERS[c.qual]) return CONTAINERS[c.qual];
    return null;
  }

  /** Whether `Cls()` needs no arguments (every parameter of its __init__ after self has a default). */
  constructible(cls: ClassV): boolean {
    const init = this.findMethod(cls, '__init__');
    if (!(init instanceof FuncV)) return true;
    return init.params.slice(1).every((p) => p.kind !== 'plain' || p.default !== undefined);
  }

  findMethod(cls: ClassV, name: string, after?: ClassV): Value | undefined {
    const order = this.mro(cls);
    const start = after ? order.indexOf(after) + 1 : 0;
    for (const c of order.slice(start)) {
      if (c instanceof ClassV && c.ns.has(name)) return c.ns.get(name);
      if (c instanceof NsV) return undefined;
    }
    return undefined;
  }

  // ------------------------------------------------ calls

  call(f: Value, args: Args, at: PyNode): Value {
    this.tick(at);
    if (f instanceof Poison) throw new PyError(this.poisoned(f, at));
    if (f instanceof BuiltinV) return f.call(args, at);
    if (f instanceof BoundV) return f.fn instanceof BuiltinV ? f.fn.call({ pos: [f.self, ...args.pos], kw: args.kw }, at) : this.callFunction(f.fn, { pos: [f.self, ...args.pos], kw: args.kw }, at);
    if (f instanceof FuncV) return this.callFunction(f, args, at);
    if (f instanceof ClassV) return this.instantiate(f, args, at);
    if (f instanceof NsV) return this.callQualified(f.qual, args, at);
    if (f instanceof ModuleV) return this.callModule(f, args, at);
    this.fail(at, `${this.snippet(at)}: a ${typeName(f)} cannot be called`, `${this.snippet(at)}：${typeName(f)} 不能被调用`, 'Check the name before the parentheses.', '检查括号前面的名字。');
  }

  private poisoned(p: Poison, at: PyNode): Problem {
    const where = this.parsed.at(p.reason.node.from);
    return {
      ...p.reason,
      node: at,
      en: `${this.snippet(at, 40)} uses a value that line ${where.line} could not compute: ${p.reason.en}`,
      zh: `${this.snippet(at, 40)} 用到的值在第 ${where.line} 行没能算出：${p.reason.zh}`,
    };
  }

  callFunction(f: FuncV, args: Args, at: PyNode): Value {
    if (++this.depth > LIMITS.depth) {
      this.depth = 0;
      this.fail(at, `calls nest more than ${LIMITS.depth} deep (is ${f.name} recursive?)`, `调用嵌套超过 ${LIMITS.depth} 层（${f.name} 是不是递归了？）`, 'Build repeated blocks with a loop instead of recursion.', '请用循环而不是递归来构建重复的块。', { limit: true });
    }
    try {
      return this.withClass(f.owner, () => this.runFunction(f, args, at));
    } finally {
      this.depth--;
    }
  }

  private runFunction(f: FuncV, args: Args, at: PyNode): Value {
    {
      const env: Env = { vars: new Map(), parent: f.closure };
      this.bindParams(f, args, env, at);
      if (f.expr) return this.eval(f.expr, env);
      try {
        if (f.body) this.block(f.body, env);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.value;
        throw e;
      }
      return null;
    }
  }

  private bindParams(f: FuncV, args: Args, env: Env, at: PyNode): void {
    const plain = f.params.filter((p) => p.kind === 'plain' && !p.keywordOnly);
    const star = f.params.find((p) => p.kind === 'star');
    const starstar = f.params.find((p) => p.kind === 'starstar');
    const set = new Set<string>();
    args.pos.forEach((v, i) => {
      if (i < plain.length) {
        env.vars.set(plain[i].name, v);
        set.add(plain[i].name);
      }
    });
    if (args.pos.length > plain.length) {
      if (!star) this.fail(at, `${f.name}() takes ${plain.length} positional argument${plain.length === 1 ? '' : 's'} but ${args.pos.length} were given`, `${f.name}() 接受 ${plain.length} 个位置参数，却给了 ${args.pos.length} 个`, `Check the call against def ${f.name}(${f.params.map((p) => p.name).join(', ')}).`, `请对照 def ${f.name}(…) 检查调用。`);
      env.vars.set(star.name, new PyTuple(args.pos.slice(plain.length)));
    } else if (star) env.vars.set(star.name, new PyTuple([]));
    const extra = new PyDict();
    for (const [k, v] of args.kw) {
      const p = f.params.find((q) => q.name === k && q.kind === 'plain');
      if (!p) {
        if (starstar) {
          extra.map.set(k, v);
          continue;
        }
        const near = nearestName(k, f.params.map((q) => q.name));
        this.fail(at, `${f.name}() has no argument "${k}"${near ? `; did you mean "${near}"?` : ''}`, `${f.name}() 没有参数 "${k}"${near ? `；是不是 "${near}"？` : ''}`, `Its arguments are ${f.params.map((q) => q.name).join(', ') || 'none'}.`, `它的参数是 ${f.params.map((q) => q.name).join('、') || '（无）'}。`);
      }
      if (set.has(k)) this.fail(at, `${f.name}() gets "${k}" twice`, `${f.name}() 的参数 "${k}" 给了两次`, 'Give each argument once.', '每个参数只给一次。');
      env.vars.set(k, v);
      set.add(k);
    }
    if (starstar) env.vars.set(starstar.name, extra);
    for (const p of f.params) {
      if (p.kind !== 'plain' || set.has(p.name)) continue;
      if (p.default === undefined) this.fail(at, `${f.name}() needs the argument "${p.name}"`, `${f.name}() 缺少参数 "${p.name}"`, `Pass ${p.name}, or give it a default in def ${f.name}(…).`, `请传入 ${p.name}，或者在 def ${f.name}(…) 里给它默认值。`);
      env.vars.set(p.name, p.default);
    }
  }

  /** `Net(...)`: a module whose `__init__` runs now. */
  instantiate(cls: ClassV, args: Args, at: PyNode): Value {
    const container = this.baseContainer(cls);
    if (!container) this.fail(at, `${cls.name} is not an nn.Module subclass, and cnn-graph builds only modules`, `${cls.name} 不是 nn.Module 的子类，cnn-graph 只构建模块`, `Write class ${cls.name}(nn.Module).`, `请写 class ${cls.name}(nn.Module)。`);
    const m = new ModuleV(cls.name, at, undefined, container === 'Module' ? undefined : container, cls);
    const init = this.findMethod(cls, '__init__');
    if (init instanceof FuncV) this.callFunction(init, { pos: [m, ...args.pos], kw: args.kw }, at);
    else this.initContainer(m, container, args, at);
    return m;
  }

  /** nn.Sequential(a, b), nn.Sequential(OrderedDict(...)), nn.ModuleList([a, b]), nn.ModuleDict({...}). */
  private initContainer(m: ModuleV, container: ModuleV['container'], args: Args, at: PyNode): void {
    if (args.kw.length) this.fail(at, `${m.cls}() takes no keyword arguments here`, `${m.cls}() 在这里不接受关键字参数`, 'Pass the modules in order.', '请按顺序传入模块。');
    if (container === 'Sequential') {
      const first = args.pos[0];
      if (args.pos.length === 1 && first instanceof PyDict) {
        for (const [k, v] of first.map) this.addChild(m, String(k), v, at);
        return;
      }
      args.pos.forEach((v, i) => this.addChild(m, String(i), v, at));
      return;
    }
    if (container === 'ModuleList') {
      if (args.pos.length > 1) this.fail(at, 'nn.ModuleList() takes one list of modules', 'nn.ModuleList() 只接受一个模块列表', 'Write nn.ModuleList([a, b, c]).', '请写 nn.ModuleList([a, b, c])。');
      if (args.pos.length) this.iterate(args.pos[0], at).forEach((v, i) => this.addChild(m, String(i), v, at));
      return;
    }
    if (container === 'ModuleDict') {
      const d = args.pos[0];
      if (d instanceof PyDict) for (const [k, v] of d.map) this.addChild(m, String(k), v, at);
      else if (d !== undefined) for (const pair of this.iterate(d, at)) {
        const [k, v] = this.iterate(pair, at);
        this.addChild(m, String(k), v, at);
      }
      return;
    }
    if (container === 'Identity' || container === undefined) return;
  }

  addChild(m: ModuleV, name: string, v: Value, at: PyNode): void {
    if (!(v instanceof ModuleV)) this.fail(at, `${m.cls} holds modules, and ${this.snippet(at, 40)} gives it a ${typeName(v)}`, `${m.cls} 只能包含模块，${this.snippet(at, 40)} 给它的却是 ${typeName(v)}`, v instanceof PyList || v instanceof PyTuple ? 'Unpack the list: nn.Sequential(*layers).' : 'Pass nn.Module instances (layers or blocks).', v instanceof PyList || v instanceof PyTuple ? '请展开列表：nn.Sequential(*layers)。' : '请传入 nn.Module 实例（层或块）。');
    if (name === '' || name.includes('.')) this.fail(at, `a module name cannot be empty or contain a dot, got "${name}"`, `模块名不能为空或含有点号，收到的是 "${name}"`, 'Name it with letters, digits and underscores.', '请用字母、数字和下划线命名。');
    m.attrs.delete(name);
    m.children.set(name, v);
  }

  /** A qualified name called: a container, a tensor factory, a layer of a kind, or a builtin of a library. */
  private callQualified(qual: string, args: Args, at: PyNode): Value {
    const container = CONTAINERS[qual];
    if (container && container !== 'Module') {
      const m = new ModuleV(qual.slice(qual.lastIndexOf('.') + 1), at, undefined, container);
      this.initContainer(m, container, args, at);
      return m;
    }
    if (qual === 'collections.OrderedDict' || qual === 'typing.OrderedDict') return this.dictFrom(args, at, true);
    if (FACTORIES.has(qual)) return this.factory(qual, args, at);
    if (qual === 'math.ceil' || qual === 'math.floor' || qual === 'math.sqrt') {
      const x = this.num(args.pos[0], at);
      return qual === 'math.sqrt' ? new PyFloat(Math.sqrt(x)) : qual === 'math.ceil' ? Math.ceil(x) : Math.floor(x);
    }
    const r = readings().get(qual);
    if (r) return r.form === 'module' ? this.makeLeaf(qual, r, args, at) : this.applyCall(qual, r, args, at, null);
    return this.unknownCallable(qual, at);
  }

  private unknownCallable(qual: string, at: PyNode): never {
    const known = [...readings().keys()];
    const prefix = qual.slice(0, qual.lastIndexOf('.') + 1);
    const near = nearestName(qual, known.filter((k) => k.startsWith(prefix)));
    const written = this.snippet(at, 40).replace(/\(.*$/, '');
    const modelled = known.filter((k) => k.startsWith('torch.nn.') && !k.startsWith('torch.nn.functional.')).map((k) => `nn.${k.slice(9)}`);
    if (/^torch(\.|$)|^torchvision(\.|$)/.test(qual)) {
      this.fail(at, `${written} (${qual}) is not a layer cnn-graph models${near ? `; did you mean ${near.replace(/^torch\.nn\.functional\./, 'F.').replace(/^torch\.nn\./, 'nn.')}?` : ''}`, `${written}（${qual}）不是 cnn-graph 能建模的层${near ? `；是不是 ${near}？` : ''}`, `The modules it knows: ${modelled.join(', ')}; and the functions and tensor methods in docs/python.md.`, `它认识的模块：${modelled.join('、')}；以及 docs/python.md 里列出的函数和张量方法。`);
    }
    this.fail(at, `${written} comes from ${qual.split('.')[0]}, which cnn-graph does not run`, `${written} 来自 ${qual.split('.')[0]}，cnn-graph 不执行它`, 'Build the network from torch.nn modules and plain Python.', '请只用 torch.nn 的模块和普通 Python 来构建网络。');
  }

  private factory(qual: string, args: Args, at: PyNode): Value {
    const kw = new Map(args.kw);
    const fill = qual === 'torch.ones' ? 1 : qual === 'torch.zeros' ? 0 : qual === 'torch.full' ? null : null;
    let sizes: Value[] = args.pos;
    if (kw.has('size')) sizes = [kw.get('size') as Value];
    let value: number | null = fill;
    if (qual === 'torch.full') {
      sizes = args.pos.slice(0, 1).length ? [args.pos[0]] : sizes;
      const f = args.pos[1] ?? kw.get('fill_value');
      value = this.num(f ?? null, at);
    }
    if (sizes.length === 1 && (sizes[0] instanceof PyTuple || sizes[0] instanceof PyList)) sizes = this.iterate(sizes[0], at);
    const shape = sizes.map((s) => {
      const n = this.num(s, at);
      if (!Number.isInteger(n) || n < 1) this.fail(at, `${qual}: a size must be a positive integer, got ${pyStr(s)}`, `${qual}：尺寸必须是正整数，收到的是 ${pyStr(s)}`, 'Give the shape as positive integers.', '请用正整数给出形状。');
      return n;
    });
    if (qual === 'torch.rand' || qual === 'torch.randn' || qual === 'torch.empty') value = null;
    return new LitTensor(shape, value);
  }

  private dictFrom(args: Args, at: PyNode, ordered: boolean): PyDict {
    const d = new PyDict(new Map(), ordered);
    const src = args.pos[0];
    if (src instanceof PyDict) for (const [k, v] of src.map) d.map.set(k, v);
    else if (src !== undefined)
      for (const pair of this.iterate(src, at)) {
        const kv = this.iterate(pair, at);
        if (kv.length !== 2) this.fail(at, 'OrderedDict takes (name, module) pairs', 'OrderedDict 需要 (名字, 模块) 对', "Write OrderedDict([('conv', nn.Conv2d(...)), ('relu', nn.ReLU())]).", "请写 OrderedDict([('conv', nn.Conv2d(...)), ('relu', nn.ReLU())])。");
        d.map.set(this.key(kv[0], at), kv[1]);
      }
    for (const [k, v] of args.kw) d.map.set(k, v);
    return d;
  }

  // ------------------------------------------------ layers

  /** What a call gives, by the reading's parameters: tensors, and arguments as the kinds take them. */
  private bindReading(qual: string, r: Reading, args: Args, at: PyNode): { tensors: TensorV[]; pyargs: Record<string, PyArg | undefined> } {
    const params = r.reading.params;
    const byName = new Map<string, Value>();
    const written = this.written(qual);
    let rest: Value[] | null = null;
    let i = 0;
    for (const p of params) {
      if (i >= args.pos.length || p.keyword) break;
      if (p.rest) {
        rest = args.pos.slice(i);
        i = args.pos.length;
        byName.set(p.name, new PyTuple(rest));
        break;
      }
      byName.set(p.name, args.pos[i++]);
    }
    if (i < args.pos.length) {
      const n = params.filter((p) => !p.ignored && !p.keyword).length;
      this.fail(at, `${written} takes at most ${n} positional arguments (${params.map((p) => p.name).join(', ')}), got ${args.pos.length}`, `${written} 最多接受 ${n} 个位置参数（${params.map((p) => p.name).join('、')}），却给了 ${args.pos.length} 个`, 'Check the call against PyTorch\'s signature.', '请对照 PyTorch 的函数签名检查调用。');
    }
    for (const [k, v] of args.kw) {
      const p = params.find((q) => q.name === k && !q.rest);
      if (!p) {
        const near = nearestName(k, params.map((q) => q.name));
        this.fail(at, `${written} has no argument "${k}"${near ? `; did you mean "${near}"?` : ''}`, `${written} 没有参数 "${k}"${near ? `；是不是 "${near}"？` : ''}`, near ? `Write ${near}=${pyStr(v, true)}.` : `Its arguments are ${params.map((q) => q.name).join(', ')}.`, near ? `请写 ${near}=${pyStr(v, true)}。` : `它的参数是 ${params.map((q) => q.name).join('、')}。`);
      }
      if (byName.has(k)) this.fail(at, `${written} gets "${k}" twice`, `${written} 的参数 "${k}" 给了两次`, 'Give each argument once.', '每个参数只给一次。');
      byName.set(k, v);
    }
    const tensors: TensorV[] = [];
    const pyargs: Record<string, PyArg | undefined> = {};
    for (const p of params) {
      const v = byName.get(p.name);
      if (v === undefined) {
        if (p.default === undefined && !p.rest) this.fail(at, `${written} needs the argument "${p.name}"`, `${written} 缺少参数 "${p.name}"`, `Give ${p.name} as PyTorch's signature asks: ${this.signature(written, params)}.`, `请按 PyTorch 的签名给出 ${p.name}：${this.signature(written, params)}。`);
        continue;
      }
      if (v instanceof Poison) throw new PyError(this.poisoned(v, at));
      if (p.tensor) {
        const list = p.tensor === 'list' ? this.iterate(v, at) : [v];
        for (const t of list) {
          if (!(t instanceof TensorV)) this.fail(at, `${written}: "${p.name}" must be a tensor of the forward, got ${typeName(t)}`, `${written}：“${p.name}” 必须是 forward 里的张量，收到的是 ${typeName(t)}`, 'Pass the tensor the forward computed.', '请传入 forward 中算出的张量。');
          tensors.push(t);
        }
        continue;
      }
      if (p.ignored) continue;
      const arg = this.toArg(v, p, written, at);
      if (p.fixed && !isDefault(arg as never, p.default as never)) this.fail(at, `${written}: ${p.name}=${pyStr(v, true)} is not something cnn-graph models`, `${written}：cnn-graph 不建模 ${p.name}=${pyStr(v, true)}`, `Leave ${p.name} at its default (${pyStr(p.default as Value, true)}).`, `请让 ${p.name} 保持默认值（${pyStr(p.default as Value, true)}）。`);
      if (p.fixed) continue;
      pyargs[p.name] = arg;
    }
    return { tensors, pyargs };
  }

  private signature(written: string, params: readonly PyParam[]): string {
    return `${written}(${params
      .filter((p) => !p.ignored)
      .flatMap((p, i, all) => [...(p.keyword && !all[i - 1]?.keyword ? ['*'] : []), p.rest ? `*${p.name}` : p.default === undefined ? p.name : `${p.name}=${pyStr(p.default as Value, true)}`])
      .join(', ')})`;
  }

  /** How the file wrote a qualified name: nn.Conv2d for torch.nn.Conv2d, F.relu, x.view. */
  private written(qual: string): string {
    return qual.replace(/^torch\.nn\.functional\./, 'F.').replace(/^torch\.nn\./, 'nn.').replace(/^torch\.Tensor\./, 'x.').replace(/^operator\.add$/, '+').replace(/^operator\.mul$/, '*');
  }

  private toArg(v: Value, p: PyParam, written: string, at: PyNode): PyArg {
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v === BATCH) return v;
    // PyTorch refuses a float where it takes ints (stride=4 / 2 is 2.0): an integer default says so.
    if (v instanceof PyFloat && takesInt(p)) this.fail(at, `${written}: ${p.name} is the float ${floatText(v.v)}, and PyTorch takes an int there`, `${written}：${p.name} 是浮点数 ${floatText(v.v)}，PyTorch 在这里需要整数`, `Use integer division: // instead of /, or int(...).`, '请用整数除法 // 代替 /，或者写 int(...)。');
    if (v instanceof PyFloat) return v.v;
    if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => this.toArg(x, p, written, at));
    if (v instanceof LitTensor) return { tensor: { shape: v.shape, fill: v.fill } };
    this.fail(at, `${written}: "${p.name}" is a ${typeName(v)}, not a number, string or tuple`, `${written}：“${p.name}” 是 ${typeName(v)}，不是数字、字符串或元组`, `Give ${p.name} as PyTorch takes it.`, `请按 PyTorch 的要求给出 ${p.name}。`);
  }

  /** The config a reading makes of its arguments; a refusal becomes a Problem at the call. */
  private configOf(qual: string, r: Reading, pyargs: PyArgs, shapes: readonly (Shape | null)[], at: PyNode): Record<string, unknown> {
    const written = this.written(qual);
    let config: Record<string, unknown>;
    if (r.reading.config) {
      const c = r.reading.config(pyargs, shapes);
      if (isRefusal(c)) this.fail(at, `${written}: ${c.refused.en}`, `${written}：${c.refused.zh}`, c.fix.en, c.fix.zh);
      config = { ...(c as Record<string, unknown>) };
    } else {
      config = {};
      for (const p of r.reading.params) {
        const v = pyargs[p.name];
        if (v !== undefined && !p.tensor && !p.ignored && !(p.default !== undefined && isDefault(v as never, p.default as never))) config[p.name] = v;
      }
    }
    if (JSON.stringify(config, (_k, v: unknown) => (v === BATCH ? '\0batch' : v)).includes('\\u0000batch')) {
      this.fail(at, `${written}: an argument is the batch size (x.size(0)), which no layer's configuration can depend on`, `${written}：有参数是批量大小（x.size(0)），层的配置不能依赖它`, 'Use the channel or feature sizes, e.g. x.size(1).', '请使用通道数或特征数，例如 x.size(1)。');
    }
    return config;
  }

  /** The layer checked against its kind's schema, as JSON layers are: a wrong type names the argument. */
  private checkLayer(layer: Record<string, unknown>, kind: LayerKind, written: string, at: PyNode): Layer {
    const parsed = layerSchema(kind).safeParse(layer);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      const field = i.path.length ? `${i.path.join('.')} ` : '';
      let v: unknown = layer;
      for (const k of i.path) v = (v as Record<PropertyKey, unknown>)?.[k as PropertyKey];
      this.fail(at, `${written}: ${field}${issueText(i, v)}`, `${written}：${field}${issueTextZh(i, v)}`, "Check the arguments against PyTorch's signature.", '请对照 PyTorch 的函数签名检查参数。');
    }
    return parsed.data as unknown as Layer;
  }

  /** `nn.Conv2d(3, 64, 3)`: a module of a kind, checked now so a wrong argument is named where it is written. */
  private makeLeaf(qual: string, r: Reading, args: Args, at: PyNode): ModuleV {
    const { pyargs } = this.bindReading(qual, r, args, at);
    const config = this.configOf(qual, r, pyargs, [], at);
    const written = this.written(qual);
    const layer = this.checkLayer({ ...config, kind: r.kind, path: 'x' }, r.kind, written, at);
    const { path: _p, inputs: _i, ...rest } = layer as Layer & { inputs?: unknown };
    const facet = KIND_PYTORCH[r.kind] as KindPytorch;
    return new ModuleV(qual.slice(qual.lastIndexOf('.') + 1), at, { kind: r.kind, config: rest as unknown as LayerConfig, read: !!facet.read });
  }

  /** A function, tensor method or operator of a kind, applied in a forward. */
  applyCall(qual: string, r: Reading, args: Args, at: PyNode, self: TensorV | null): Value {
    const tracer = this.tracer;
    const written = this.written(qual);
    if (!tracer) this.fail(at, `${written} runs on tensors, and only a forward has them`, `${written} 作用于张量，只有 forward 里才有张量`, 'Call it inside forward.', '请在 forward 里调用它。');
    const bound = this.bindReading(qual, r, self ? { pos: [self, ...args.pos], kw: args.kw } : args, at);
    const shapes = bound.tensors.map((t) => t.shape);
    const config = this.configOf(qual, r, bound.pyargs, shapes, at);
    const pieces = r.reading.pieces ? r.reading.pieces(config as never, shapes[0] ?? null) : 1;
    if (isRefusal(pieces)) this.fail(at, `${written}: ${pieces.refused.en}`, `${written}：${pieces.refused.zh}`, pieces.fix.en, pieces.fix.zh);
    const name = r.short === 'add' || r.short === 'mul' ? r.short : r.short;
    if (!r.reading.pieces) return tracer.functional(name, r.kind, config, bound.tensors, written, at);
    const out: Value[] = [];
    for (let k = 0; k < (pieces as number); k++) out.push(tracer.functional(name, r.kind, { ...config, index: k }, bound.tensors, written, at));
    return new PyTuple(out);
  }

  // ------------------------------------------------ modules in a forward

  callModule(m: ModuleV, args: Args, at: PyNode): Value {
    const tracer = this.tracer;
    if (!tracer) this.fail(at, `${m.cls} is called outside a forward, where cnn-graph has no tensors`, `${m.cls} 在 forward 之外被调用，那里没有张量`, 'Call modules inside forward; cnn-graph runs the forward itself.', '请在 forward 里调用模块；cnn-graph 会自己运行 forward。');
    if (m.path === undefined) this.fail(at, `${m.cls} is made inside forward (or is not an attribute of the network), so PyTorch gives it no name and no registered parameters`, `${m.cls} 在 forward 里创建（或不是网络的属性），PyTorch 不会给它名字，也不会登记它的参数`, `Create it in __init__ as an attribute, e.g. self.act = nn.${m.cls}(...).`, `请在 __init__ 里把它创建为属性，例如 self.act = nn.${m.cls}(...)。`);
    if (m.leaf) {
      if (m.leaf.read) this.fail(at, `${m.path} is a parameter, not a module: it is read, not called`, `${m.path} 是参数，不是模块：应当读取它，而不是调用它`, `Use it in an expression, e.g. x * self.${m.path.split('.').pop()}.`, `请在表达式里使用它，例如 x * self.${m.path.split('.').pop()}。`);
      const xs = args.pos;
      if (xs.length !== 1 || args.kw.length || !(xs[0] instanceof TensorV)) this.fail(at, `${m.path} (${m.cls}) takes one tensor, got ${xs.length} argument${xs.length === 1 ? '' : 's'}${xs[0] !== undefined && !(xs[0] instanceof TensorV) ? ` (a ${typeName(xs[0])})` : ''}`, `${m.path}（${m.cls}）只接受一个张量`, 'Call it on the tensor of the forward: self.conv(x).', '请对 forward 里的张量调用它：self.conv(x)。');
      return tracer.moduleLayer(m, xs[0] as TensorV, at);
    }
    if (m.container === 'Identity') return args.pos[0] ?? null;
    const forward = m.userClass ? this.findMethod(m.userClass, 'forward') : undefined;
    if (forward instanceof FuncV) {
      return tracer.inside(m, () => this.callFunction(forward, { pos: [m, ...args.pos], kw: args.kw }, at));
    }
    if (m.container === 'Sequential') {
      if (args.pos.length !== 1 || args.kw.length) this.fail(at, `${m.path || 'the network'} (nn.Sequential) takes one input, got ${args.pos.length}`, `${m.path || '网络'}（nn.Sequential）只接受一个输入`, 'Call it on one tensor.', '请对一个张量调用它。');
      let x = args.pos[0];
      for (const child of m.children.values()) x = this.callModule(child, { pos: [x], kw: [] }, at);
      return x;
    }
    this.fail(at, `${m.path || m.cls} (${m.container ?? m.cls}) has no forward to run`, `${m.path || m.cls}（${m.container ?? m.cls}）没有可以运行的 forward`, m.container === 'ModuleList' || m.container === 'ModuleDict' ? 'Loop over it in forward: for layer in self.layers: x = layer(x).' : 'Define forward(self, x).', m.container === 'ModuleList' || m.container === 'ModuleDict' ? '请在 forward 里遍历它：for layer in self.layers: x = layer(x)。' : '请定义 forward(self, x)。');
  }

  /** The `return` that made a tuple or list, so a forward returning several values is reported there. */
  private readonly returnedAt = new WeakMap<object, PyNode>();

  /** Run the root's forward on the input, with module paths from the root. */
  trace(root: ModuleV, input: readonly [number, number, number], at: PyNode): TraceResult {
    assignPaths(root);
    const tracer = new Tracer(this, root);
    this.tracer = tracer;
    try {
      const out = this.callModule(root, { pos: [new TensorV('input', input)], kw: [] }, at);
      if (out instanceof PyTuple || out instanceof PyList) this.fail(this.returnedAt.get(out) ?? at, `the forward returns ${this.iterate(out, at).length} values; cnn-graph reads the network in eval mode (self.training is False) and takes one output`, `forward 返回了 ${this.iterate(out, at).length} 个值；cnn-graph 按评估模式读取网络（self.training 为 False），只接受一个输出`, 'Return the main output only. Training-only outputs (auxiliary classifiers) can stay behind if self.training: return x, aux1, aux2, then return x, as torchvision\'s GoogLeNet does in eval mode.', '请只返回主输出。只在训练时用的输出（辅助分类器）可以放在 if self.training: return x, aux1, aux2 之下，再写 return x，就像 torchvision 的 GoogLeNet 在评估模式下那样。');
      if (!(out instanceof TensorV)) this.fail(at, `the forward returns ${typeName(out)}, not a tensor`, `forward 返回的是 ${typeName(out)}，不是张量`, 'End the forward with return x.', '请在 forward 末尾写 return x。');
      if (out.ref === 'input') this.fail(at, 'the forward returns its input unchanged: there is no layer', 'forward 原样返回输入：网络里没有层', 'Call the layers in forward.', '请在 forward 里调用各层。');
      return { layers: tracer.layers, modules: tracer.declared(), output: out.ref, warnings: tracer.unused() };
    } finally {
      this.tracer = null;
    }
  }

  // ------------------------------------------------ expressions

  eval(n: PyNode, env: Env): Value {
    switch (n.name) {
      case 'Number':
        return this.number(n);
      case 'String':
      case 'ContinuedString':
      case 'FormatString':
        return this.string(n, env);
      case 'Boolean':
        return this.text(n) === 'True';
      case 'None':
        return null;
      case 'Ellipsis':
        return null;
      case 'VariableName':
        return this.lookup(this.text(n), env, n);
      case 'ParenthesizedExpression': {
        const inner = meaningful(n);
        if (inner.length !== 1) this.fail(n, `${this.snippet(n)} is not an expression cnn-graph reads`, `${this.snippet(n)} 不是 cnn-graph 能读的表达式`, 'Simplify the expression.', '请简化这个表达式。');
        return this.eval(inner[0], env);
      }
      case 'TupleExpression':
        return new PyTuple(commaSplit(n.kids).flatMap((g) => this.spread(g, env)));
      case 'ArrayExpression': {
        const items = commaSplit(n.kids, '[', ']').flatMap((g) => this.spread(g, env));
        this.sizeCheck(items.length, n);
        return new PyList(items);
      }
      case 'DictionaryExpression':
        return this.dict(n, env);
      case 'ArrayComprehensionExpression':
        return new PyList(this.comprehension(n, env));
      case 'CallExpression':
        return this.callExpression(n, env);
      case 'MemberExpression':
        return this.member(n, env);
      case 'BinaryExpression':
        return this.binaryExpression(n, env);
      case 'UnaryExpression':
        return this.unary(n, env);
      case 'ConditionalExpression': {
        const [a, , cond, , b] = n.kids;
        return this.truthy(this.eval(cond, env), cond) ? this.eval(a, env) : this.eval(b, env);
      }
      case 'LambdaExpression': {
        const list = n.kids.find((k) => k.name === 'ParamList');
        return new FuncV('<lambda>', n, this.params(list, env), null, env, null, n.kids[n.kids.length - 1]);
      }
      default:
        this.fail(n, `${this.snippet(n)}: ${n.name.replace(/Expression$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} expressions are not something cnn-graph evaluates`, `${this.snippet(n)}：cnn-graph 不计算这种表达式`, 'Use numbers, strings, tuples, lists, dicts and calls.', '请使用数字、字符串、元组、列表、字典和函数调用。');
    }
  }

  private lookup(name: string, env: Env, at: PyNode): Value {
    for (let e: Env | null = env; e; e = e.parent) {
      const v = e.vars.get(name);
      if (v !== undefined || e.vars.has(name)) {
        if (v instanceof Poison) throw new PyError(this.poisoned(v, at));
        return v as Value;
      }
    }
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    const known = new Set<string>();
    for (let e: Env | null = env; e; e = e.parent) for (const k of e.vars.keys()) known.add(k);
    const near = nearestName(name, [...known]);
    const d2l = /^(FlattenLayer|GlobalAvgPool2d|Residual|d2l)$/.test(name);
    this.fail(
      at,
      `name "${name}" is not defined in this file${near ? `; did you mean "${near}"?` : ''}`,
      `这个文件没有定义名字 "${name}"${near ? `；是不是 "${near}"？` : ''}`,
      d2l ? `${name} comes from the d2l (d2lzh_pytorch) package, which cnn-graph does not read: define it in the file, as the book does.` : 'Define it in the file or import it (torch, torch.nn as nn, torch.nn.functional as F).',
      d2l ? `${name} 来自 d2l（d2lzh_pytorch）包，cnn-graph 不读取它：请像书里那样在文件中定义它。` : '请在文件里定义它，或导入它（torch、torch.nn as nn、torch.nn.functional as F）。',
    );
  }

  private number(n: PyNode): Value {
    const t = this.text(n).replace(/_/g, '');
    if (/[jJ]$/.test(t)) this.fail(n, `${t} is a complex number`, `${t} 是复数`, 'Use an int or a float.', '请使用整数或浮点数。');
    if (/^0[xob]/i.test(t)) return this.safeInt(Number(t), n);
    if (/[.eE]/.test(t) || /inf|nan/i.test(t)) return new PyFloat(Number(t));
    return this.safeInt(Number(t), n);
  }

  private safeInt(x: number, at: PyNode): number {
    if (!Number.isSafeInteger(x)) this.fail(at, `the integer ${this.snippet(at, 30)} is larger than cnn-graph counts exactly (2^53)`, `整数 ${this.snippet(at, 30)} 超出了 cnn-graph 能精确计数的范围（2^53）`, 'No layer has sizes anywhere near this: check the arithmetic.', '没有哪一层的尺寸会这么大：请检查算式。', { limit: true });
    return x === 0 ? 0 : x;
  }

  private string(n: PyNode, env: Env): string {
    if (n.name === 'ContinuedString') return n.kids.map((k) => this.string(k, env)).join('');
    const raw = this.text(n);
    const m = /^([rRbBuUfF]*)('''|"""|'|")/.exec(raw);
    if (!m) this.fail(n, `cannot read the string ${this.snippet(n, 30)}`, `无法读取字符串 ${this.snippet(n, 30)}`, 'Close the string with its quote.', '请用引号结束字符串。');
    const prefix = m[1].toLowerCase();
    const q = m[2];
    const unescape = (s: string) =>
      prefix.includes('r')
        ? s
        : s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.|\n)/g, (_all, e: string) => {
            const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };
            if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
            return simple[e] ?? `\\${e}`;
          });
    if (n.name !== 'FormatString') {
      const body = raw.slice(m[0].length, raw.length - q.length);
      return unescape(body);
    }
    // An f-string: the text between replacements, and each replacement's value.
    let out = '';
    let pos = n.from + m[0].length;
    const end = n.to - q.length;
    for (const r of n.kids.filter((k) => k.name === 'FormatReplacement')) {
      out += unescape(this.parsed.source.slice(pos, r.from)).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      const expr = r.kids.find((k) => k.name !== '{' && k.name !== '}' && k.name !== 'FormatConversion' && k.name !== 'FormatSpec' && k.name !== ':');
      if (expr) {
        const conv = r.kids.find((k) => k.name === 'FormatConversion');
        out += pyStr(this.eval(expr, env), !!conv && this.text(conv) === '!r');
      }
      pos = r.to;
    }
    out += unescape(this.parsed.source.slice(pos, end)).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    return out;
  }

  private dict(n: PyNode, env: Env): PyDict {
    const d = new PyDict();
    for (const g of commaSplit(n.kids.filter((k) => k.name !== ':'), '{', '}')) {
      if (g[0].name === '**') {
        const other = this.eval(g[1], env);
        if (!(other instanceof PyDict)) this.fail(g[1], `** needs a dict, got ${typeName(other)}`, `** 需要字典，收到的是 ${typeName(other)}`, 'Unpack a dict.', '请展开一个字典。');
        for (const [k, v] of other.map) d.map.set(k, v);
        continue;
      }
      if (g.length < 2) this.fail(n, `${this.snippet(n)} is a set, not a dict`, `${this.snippet(n)} 是集合，不是字典`, 'Write {key: value}.', '请写 {键: 值}。');
      d.map.set(this.key(this.eval(g[0], env), g[0]), this.eval(g[1], env));
    }
    return d;
  }

  key(v: Value, at: PyNode): DictKey {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof PyFloat) return v.v;
    this.fail(at, `a ${typeName(v)} cannot be a dict key here`, `${typeName(v)} 不能在这里作为字典的键`, 'Use strings or numbers as keys.', '请用字符串或数字作为键。');
  }

  private comprehension(n: PyNode, env: Env): Value[] {
    // [expr for targets in iter (if cond)* (for …)*]
    const kids = n.kids.filter((k) => k.name !== '[' && k.name !== ']');
    const expr = kids[0];
    const clauses: { kind: 'for' | 'if'; nodes: PyNode[] }[] = [];
    for (const k of kids.slice(1)) {
      if (k.name === 'for' || k.name === 'if') clauses.push({ kind: k.name, nodes: [] });
      else if (clauses.length) clauses[clauses.length - 1].nodes.push(k);
    }
    const scope: Env = { vars: new Map(), parent: env };
    const out: Value[] = [];
    const run = (i: number) => {
      this.tick(n);
      if (i === clauses.length) {
        out.push(this.eval(expr, scope));
        this.sizeCheck(out.length, n);
        return;
      }
      const c = clauses[i];
      if (c.kind === 'if') {
        if (this.truthy(this.eval(c.nodes[0], scope), c.nodes[0])) run(i + 1);
        return;
      }
      const inAt = c.nodes.findIndex((k) => k.name === 'in');
      const targets = commaSplit(c.nodes.slice(0, inAt), '\0', '\0').map((g) => g[0]);
      const iterable = this.eval(c.nodes[inAt + 1], scope);
      if (iterable instanceof PyRange && iterable.length > LIMITS.items) this.loopTooLong(iterable.length, n);
      for (const item of this.iterate(iterable, c.nodes[inAt + 1])) {
        if (targets.length === 1) this.bind(targets[0], item, scope);
        else this.unpack(targets, item, scope, n);
        run(i + 1);
      }
    };
    run(0);
    return out;
  }

  private args(list: PyNode, env: Env): Args {
    const pos: Value[] = [];
    const kw: [string, Value][] = [];
    for (const g of commaSplit(list.kids)) {
      if (g[0].name === '*') pos.push(...this.iterate(this.eval(g[1], env), g[1]));
      else if (g[0].name === '**') {
        const d = this.eval(g[1], env);
        if (!(d instanceof PyDict)) this.fail(g[1], `** needs a dict, got ${typeName(d)}`, `** 需要字典，收到的是 ${typeName(d)}`, 'Unpack a dict of keyword arguments.', '请展开关键字参数的字典。');
        for (const [k, v] of d.map) kw.push([String(k), v]);
      } else if (g.length >= 3 && g[1].name === 'AssignOp') kw.push([this.text(g[0]), this.eval(g[2], env)]);
      else if (g.length === 1) pos.push(this.eval(g[0], env));
      else this.fail(g[0], `${this.snippet(list)}: a generator argument is not something cnn-graph evaluates`, `${this.snippet(list)}：cnn-graph 不计算生成器参数`, 'Build a list first: [f(x) for x in xs].', '请先构造列表：[f(x) for x in xs]。');
    }
    return { pos, kw };
  }

  private callExpression(n: PyNode, env: Env): Value {
    const [calleeNode, argList] = n.kids;
    // `super().__init__()` and `super(Net, self).__init__()`.
    if (calleeNode.name === 'VariableName' && this.text(calleeNode) === 'super') return this.superOf(n, env);
    const callee = this.eval(calleeNode, env);
    if (callee instanceof BuiltinV && callee.lazy) return callee.call({ pos: [], kw: [] }, n);
    if (callee instanceof BoundV && callee.fn instanceof BuiltinV && callee.fn.lazy) return callee.fn.call({ pos: [callee.self], kw: [] }, n);
    return this.call(callee, this.args(argList, env), n);
  }

  private superOf(n: PyNode, env: Env): Value {
    let self: Value | undefined;
    let cls: Value | undefined;
    const args = this.args(n.kids[1], env);
    if (args.pos.length === 2) [cls, self] = args.pos;
    else {
      self = this.lookup('self', env, n);
      cls = this.currentClass ?? undefined;
    }
    if (!(cls instanceof ClassV) || !(self instanceof ModuleV)) this.fail(n, 'super() is used outside a method of a module class', 'super() 用在了模块类的方法之外', 'Call super().__init__() in __init__.', '请在 __init__ 里调用 super().__init__()。');
    return new SuperV(cls, self);
  }

  /** The class of the method running now, for `super()` without arguments. */
  private currentClass: ClassV | null = null;

  private member(n: PyNode, env: Env): Value {
    const obj = this.eval(n.kids[0], env);
    if (n.kids[1]?.name === '.') return this.getAttr(obj, this.text(n.kids[2]), n);
    const key = this.subscript(n, env);
    return this.getItem(obj, key, n);
  }

  private subscript(n: PyNode, env: Env): Value {
    const inner = n.kids.slice(2, n.kids.length - 1);
    const groups: PyNode[][] = [[]];
    for (const k of inner) {
      if (k.name === ',') groups.push([]);
      else groups[groups.length - 1].push(k);
    }
    const one = (g: PyNode[]): Value => {
      if (!g.some((k) => k.name === ':')) return this.eval(g[0], env);
      const parts: (PyNode | null)[] = [null];
      for (const k of g) {
        if (k.name === ':') parts.push(null);
        else parts[parts.length - 1] = k;
      }
      const [a, b, c] = parts.map((p) => (p ? this.eval(p, env) : null));
      return new PySlice(a ?? null, b ?? null, c ?? null);
    };
    if (groups.length === 1) return one(groups[0]);
    return new PyTuple(groups.filter((g) => g.length).map(one));
  }

  // ------------------------------------------------ attributes and items

  getAttr(obj: Value, name: string, at: PyNode): Value {
    if (obj instanceof Poison) throw new PyError(this.poisoned(obj, at));
    if (obj instanceof NsV) return new NsV(`${obj.qual}.${name}`);
    if (obj instanceof ModuleV) return this.moduleAttr(obj, name, at);
    if (obj instanceof SuperV) {
      const method = this.findMethod(obj.self.userClass as ClassV, name, obj.cls);
      if (method instanceof FuncV) return new BoundV(method, obj.self);
      if (name === '__init__') {
        const container = this.baseContainer(obj.cls);
        return new BuiltinV('__init__', (args, at2) => {
          this.initContainer(obj.self, container === 'Module' ? undefined : (container ?? undefined), args, at2);
          return null;
        });
      }
      this.fail(at, `super() has no method ${name} cnn-graph runs`, `super() 没有 cnn-graph 能执行的方法 ${name}`, 'Call super().__init__() only.', '请只调用 super().__init__()。');
    }
    if (obj instanceof TensorV) return this.tensorAttr(obj, name, at);
    if (obj instanceof ClassV) {
      const v = this.findMethod(obj, name);
      if (v !== undefined) return v;
    }
    if (obj instanceof PyList) {
      const list = obj;
      const methods: Record<string, (a: Args, at2: PyNode) => Value> = {
        append: (a) => {
          list.items.push(a.pos[0]);
          this.sizeCheck(list.items.length, at);
          return null;
        },
        extend: (a, at2) => {
          list.items.push(...this.iterate(a.pos[0], at2));
          this.sizeCheck(list.items.length, at);
          return null;
        },
        insert: (a, at2) => {
          list.items.splice(this.num(a.pos[0], at2), 0, a.pos[1]);
          return null;
        },
        pop: (a, at2) => {
          if (!list.items.length) this.fail(at2, 'pop from an empty list', '从空列表里 pop', 'Check the list.', '请检查这个列表。');
          const i = a.pos.length ? this.index(this.num(a.pos[0], at2), list.items.length, at2) : list.items.length - 1;
          return list.items.splice(i, 1)[0];
        },
        index: (a) => list.items.findIndex((x) => this.equal(x, a.pos[0])),
        count: (a) => list.items.filter((x) => this.equal(x, a.pos[0])).length,
        copy: () => new PyList([...list.items]),
        reverse: () => {
          list.items.reverse();
          return null;
        },
      };
      if (methods[name]) return new BuiltinV(name, methods[name]);
    }
    if (obj instanceof PyDict) {
      const d = obj;
      const methods: Record<string, (a: Args, at2: PyNode) => Value> = {
        items: () => new PyList([...d.map].map(([k, v]) => new PyTuple([k, v]))),
        keys: () => new PyList([...d.map.keys()]),
        values: () => new PyList([...d.map.values()]),
        get: (a, at2) => d.map.get(this.key(a.pos[0], at2)) ?? a.pos[1] ?? null,
        update: (a, at2) => {
          const src = this.dictFrom(a, at2, false);
          for (const [k, v] of src.map) d.map.set(k, v);
          return null;
        },
      };
      if (methods[name]) return new BuiltinV(name, methods[name]);
    }
    if (typeof obj === 'string') {
      const s = obj;
      const methods: Record<string, (a: Args, at2: PyNode) => Value> = {
        format: (a) => {
          let k = 0;
          return s.replace(/\{(\w*)\}/g, (_m, key: string) => pyStr(key === '' ? (a.pos[k++] ?? null) : /^\d+$/.test(key) ? (a.pos[Number(key)] ?? null) : (a.kw.find(([n2]) => n2 === key)?.[1] ?? null)));
        },
        join: (a, at2) => this.iterate(a.pos[0], at2).map((x) => pyStr(x)).join(s),
        upper: () => s.toUpperCase(),
        lower: () => s.toLowerCase(),
      };
      if (methods[name]) return new BuiltinV(name, methods[name]);
    }
    this.fail(at, `${this.snippet(at, 50)}: a ${typeName(obj)} has no attribute "${name}" that cnn-graph knows`, `${this.snippet(at, 50)}：${typeName(obj)} 没有 cnn-graph 认识的属性 "${name}"`, 'Check the name.', '请检查这个名字。');
  }

  private moduleAttr(m: ModuleV, name: string, at: PyNode): Value {
    const child = m.children.get(name);
    if (child) {
      // A parameter read in a forward is a layer (made at its first read).
      if (child.leaf?.read && this.tracer) return this.tracer.readParameter(child, at);
      return child;
    }
    if (m.attrs.has(name)) return m.attrs.get(name) as Value;
    if (m.userClass) {
      const v = this.findMethod(m.userClass, name);
      if (v instanceof FuncV) return new BoundV(v, m);
      if (v !== undefined) return v;
    }
    const self = m;
    const methods: Record<string, (a: Args, at2: PyNode) => Value> = {
      add_module: (a, at2) => {
        this.addChild(self, String(a.pos[0] ?? a.kw.find(([k]) => k === 'name')?.[1]), (a.pos[1] ?? a.kw.find(([k]) => k === 'module')?.[1]) as Value, at2);
        return null;
      },
      register_module: (a, at2) => {
        this.addChild(self, String(a.pos[0]), a.pos[1], at2);
        return null;
      },
      append: (a, at2) => {
        this.addChild(self, String(self.children.size), a.pos[0], at2);
        return self;
      },
      extend: (a, at2) => {
        for (const v of this.iterate(a.pos[0], at2)) this.addChild(self, String(self.children.size), v, at2);
        return self;
      },
      children: () => new PyList([...self.children.values()]),
      named_children: () => new PyList([...self.children].map(([k, v]) => new PyTuple([k, v]))),
      items: () => new PyList([...self.children].map(([k, v]) => new PyTuple([k, v]))),
      keys: () => new PyList([...self.children.keys()]),
      values: () => new PyList([...self.children.values()]),
      forward: (a, at2) => this.callModule(self, a, at2),
    };
    if (name === 'training') return false;
    if (methods[name]) return new BuiltinV(name, methods[name]);
    // Moving or switching modes changes nothing a summary counts; their arguments (a device) are not evaluated.
    if (['to', 'cuda', 'cpu', 'eval', 'train', 'float', 'double', 'half', 'requires_grad_', 'zero_grad', 'apply'].includes(name)) return new BuiltinV(name, () => self, true);
    this.fail(at, `${this.snippet(at, 50)}: ${m.path !== undefined ? `${m.path || 'the network'} (${m.cls})` : m.cls} has no attribute "${name}"`, `${this.snippet(at, 50)}：${m.cls} 没有属性 "${name}"`, m.leaf ? 'Set it in __init__ before reading it.' : `Assign self.${name} in __init__ before forward reads it.`, m.leaf ? '请先在 __init__ 里设置它。' : `请先在 __init__ 里给 self.${name} 赋值，forward 才能读取它。`);
  }

  private tensorAttr(t: TensorV, name: string, at: PyNode): Value {
    if (name === 'shape') return this.sizes(t, at);
    if (name === 'size') return new BuiltinV('size', (a, at2) => (a.pos.length ? this.getItem(this.sizes(t, at2), a.pos[0], at2) : this.sizes(t, at2)));
    if (name === 'dim' || name === 'ndimension') return new BuiltinV(name, (_a, at2) => this.sizes(t, at2).items.length);
    if (name === 'ndim') return this.sizes(t, at).items.length;
    // These change nothing a summary counts: the same values, in memory laid out another way, or broadcast.
    if (['contiguous', 'expand_as', 'clone', 'detach', 'float', 'to', 'type_as'].includes(name)) return new BuiltinV(name, () => t);
    const qual = `torch.Tensor.${name}`;
    const r = readings().get(qual);
    if (r) return new BuiltinV(name, (a, at2) => this.applyCall(qual, r, a, at2, t));
    const near = nearestName(name, [...readings().keys()].filter((k) => k.startsWith('torch.Tensor.')).map((k) => k.slice(13)));
    this.fail(at, `${this.snippet(at, 50)}: the tensor method .${name}() is not one cnn-graph models${near ? `; did you mean .${near}()?` : ''}`, `${this.snippet(at, 50)}：cnn-graph 不建模张量方法 .${name}()${near ? `；是不是 .${near}()？` : ''}`, 'See docs/python.md for the tensor methods it reads (view, reshape, flatten, size, mean, permute, chunk…).', '它能读的张量方法见 docs/python.md（view、reshape、flatten、size、mean、permute、chunk…）。');
  }

  /** `x.size()`: the batch, then the sample's sizes. */
  private sizes(t: TensorV, at: PyNode): PyTuple {
    if (!t.shape) this.fail(at, `the shape of this tensor is unknown${t.lost ? ` because ${t.lost}` : ''}`, `这个张量的形状未知${t.lost ? `，因为 ${t.lost}` : ''}`, 'Fix the layer named first; the rest follows from it.', '先修正最先提到的那一层；后面的会随之确定。');
    return new PyTuple([BATCH, ...t.shape]);
  }

  private setAttr(obj: Value, name: string, value: Value, at: PyNode): void {
    if (obj instanceof ModuleV) {
      if (value instanceof ModuleV) return this.addChild(obj, name, value, at);
      obj.children.delete(name);
      obj.attrs.set(name, value);
      return;
    }
    this.fail(at, `cannot set the attribute "${name}" of a ${typeName(obj)}`, `不能设置 ${typeName(obj)} 的属性 "${name}"`, 'Set attributes on self in a module class.', '请在模块类中给 self 设置属性。');
  }

  private setItem(obj: Value, key: Value, value: Value, at: PyNode): void {
    if (obj instanceof PyList && typeof key === 'number') {
      obj.items[this.index(key, obj.items.length, at)] = value;
      return;
    }
    if (obj instanceof PyDict) {
      obj.map.set(this.key(key, at), value);
      return;
    }
    if (obj instanceof ModuleV && obj.container === 'ModuleDict') return this.addChild(obj, String(key), value, at);
    this.fail(at, `cannot set an item of a ${typeName(obj)}`, `不能设置 ${typeName(obj)} 的元素`, 'Set items of lists and dicts.', '请设置列表或字典的元素。');
  }

  private index(i: number, length: number, at: PyNode): number {
    const k = i < 0 ? i + length : i;
    if (!Number.isInteger(k) || k < 0 || k >= length) this.fail(at, `index ${i} is out of range (length ${length})`, `下标 ${i} 越界（长度为 ${length}）`, 'Check the index.', '请检查下标。');
    return k;
  }

  private sliceOf<T>(items: readonly T[], s: PySlice, at: PyNode): T[] {
    const step = s.step === null ? 1 : this.num(s.step, at);
    if (step === 0) this.fail(at, 'a slice step cannot be zero', '切片的步长不能为 0', 'Use a step of 1 or more.', '请使用不小于 1 的步长。');
    const n = items.length;
    const clamp = (v: Value, dflt: number) => {
      if (v === null) return dflt;
      const x = this.num(v, at);
      const k = x < 0 ? x + n : x;
      return step > 0 ? Math.min(Math.max(k, 0), n) : Math.min(Math.max(k, -1), n - 1);
    };
    const start = clamp(s.start, step > 0 ? 0 : n - 1);
    const stop = clamp(s.stop, step > 0 ? n : -1);
    const out: T[] = [];
    for (let k = start; step > 0 ? k < stop : k > stop; k += step) out.push(items[k]);
    return out;
  }

  getItem(obj: Value, key: Value, at: PyNode): Value {
    if (obj instanceof Poison) throw new PyError(this.poisoned(obj, at));
    if (obj instanceof PyTuple || obj instanceof PyList) {
      if (key instanceof PySlice) {
        const items = this.sliceOf(obj.items, key, at);
        return obj instanceof PyTuple ? new PyTuple(items) : new PyList(items);
      }
      return obj.items[this.index(this.num(key, at), obj.items.length, at)];
    }
    if (obj instanceof PyDict) {
      const k = this.key(key, at);
      if (!obj.map.has(k)) this.fail(at, `the dict has no key ${pyStr(key, true)}`, `字典里没有键 ${pyStr(key, true)}`, 'Check the key.', '请检查这个键。');
      return obj.map.get(k) as Value;
    }
    if (obj instanceof ModuleV && obj.container !== undefined && obj.container !== 'Identity') {
      const entries = [...obj.children];
      if (obj.container === 'ModuleDict') {
        const child = obj.children.get(String(key));
        if (!child) this.fail(at, `${obj.path || 'the ModuleDict'} has no module ${pyStr(key, true)}`, `${obj.path || 'ModuleDict'} 没有模块 ${pyStr(key, true)}`, `Its keys are ${[...obj.children.keys()].join(', ')}.`, `它的键是 ${[...obj.children.keys()].join('、')}。`);
        return child;
      }
      if (key instanceof PySlice) {
        const part = new ModuleV(obj.cls, at, undefined, obj.container);
        this.sliceOf(entries, key, at).forEach(([k, v]) => part.children.set(k, v));
        return part;
      }
      return entries[this.index(this.num(key, at), entries.length, at)][1];
    }
    if (typeof obj === 'string') {
      if (key instanceof PySlice) return this.sliceOf([...obj], key, at).join('');
      return obj[this.index(this.num(key, at), obj.length, at)];
    }
    if (obj instanceof PyRange) return this.getItem(new PyTuple(this.iterate(obj, at)), key, at);
    if (obj instanceof TensorV) this.fail(at, `${this.snippet(at, 50)}: indexing a tensor is not something cnn-graph models`, `${this.snippet(at, 50)}：cnn-graph 不建模张量的下标访问`, 'Split the channels with x.split(...) or x.chunk(...), which it reads.', '请用 x.split(...) 或 x.chunk(...) 来切分通道，cnn-graph 能读它们。');
    this.fail(at, `a ${typeName(obj)} cannot be indexed`, `${typeName(obj)} 不能用下标访问`, 'Index lists, tuples, dicts and nn.Sequential.', '请对列表、元组、字典和 nn.Sequential 使用下标。');
  }

  // ------------------------------------------------ operators

  private binaryExpression(n: PyNode, env: Env): Value {
    const [a, op, ...rest] = n.kids;
    const opText = rest.length === 2 ? `${this.text(op)} ${this.text(rest[0])}` : this.text(op);
    const bNode = rest[rest.length - 1];
    if (opText === 'and') {
      const x = this.eval(a, env);
      return this.truthy(x, a) ? this.eval(bNode, env) : x;
    }
    if (opText === 'or') {
      const x = this.eval(a, env);
      return this.truthy(x, a) ? x : this.eval(bNode, env);
    }
    const left = this.eval(a, env);
    // `a < b < c` chains: the left is a comparison whose right operand is compared again.
    if (op.name === 'CompareOp' && a.name === 'BinaryExpression' && a.kids[1]?.name === 'CompareOp') {
      if (left === false) return false;
      const middle = this.eval(a.kids[a.kids.length - 1], env);
      return this.compare(this.text(op), middle, this.eval(bNode, env), n);
    }
    const right = this.eval(bNode, env);
    return this.binary(opText, left, right, n);
  }

  binary(op: string, a: Value, b: Value, at: PyNode): Value {
    if (a instanceof Poison) throw new PyError(this.poisoned(a, at));
    if (b instanceof Poison) throw new PyError(this.poisoned(b, at));
    if (['<', '>', '<=', '>=', '==', '!=', 'in', 'not in', 'is', 'is not'].includes(op)) return this.compare(op, a, b, at);
    // Tensors: a layer of the kind that answers to the operator.
    if (a instanceof TensorV || b instanceof TensorV) {
      const qual = OPERATOR_NAMES[op];
      const r = qual ? readings().get(qual) : undefined;
      if (!r || !(a instanceof TensorV) || !(b instanceof TensorV)) {
        this.fail(at, `${this.snippet(at, 50)}: ${a instanceof TensorV && b instanceof TensorV ? `the operator ${op} on two tensors` : `${op} between a tensor and a ${typeName(a instanceof TensorV ? b : a)}`} is not a layer cnn-graph models`, `${this.snippet(at, 50)}：cnn-graph 不建模${a instanceof TensorV && b instanceof TensorV ? `两个张量之间的 ${op}` : `张量与 ${typeName(a instanceof TensorV ? b : a)} 之间的 ${op}`}`, 'It reads a + b and a * b of two tensors (a residual sum, a gate); a constant scale is a Parameter (nn.Parameter(torch.full(...))).', '它能读两个张量的 a + b 和 a * b（残差相加、门控）；常数缩放请写成参数（nn.Parameter(torch.full(...))）。');
      }
      return this.applyCall(qual, r, { pos: [a, b], kw: [] }, at, null);
    }
    if (a instanceof LitTensor || b instanceof LitTensor) {
      // `torch.ones(96, 1, 1) * 1e-6`: a constant tensor scaled, for nn.Parameter.
      const t = (a instanceof LitTensor ? a : b) as LitTensor;
      const s = a instanceof LitTensor ? b : a;
      if ((op === '*' || (op === '/' && a instanceof LitTensor)) && (typeof s === 'number' || s instanceof PyFloat)) {
        const x = this.num(s, at);
        return new LitTensor(t.shape, t.fill === null ? null : op === '*' ? t.fill * x : t.fill / x);
      }
      this.fail(at, `${this.snippet(at, 50)}: arithmetic on a constant tensor other than scaling it`, `${this.snippet(at, 50)}：对常数张量做了缩放以外的运算`, 'Write nn.Parameter(torch.ones(shape) * value).', '请写 nn.Parameter(torch.ones(形状) * 值)。');
    }
    if (a === BATCH || b === BATCH) this.fail(at, `${this.snippet(at, 50)}: arithmetic on the batch size (x.size(0)), which cnn-graph leaves open`, `${this.snippet(at, 50)}：对批量大小（x.size(0)）做运算，cnn-graph 不固定批量大小`, 'Pass the batch size on as it is: x.view(b, -1).', '请原样传递批量大小：x.view(b, -1)。');
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return this.sized(a + b, at);
    if (op === '+' && a instanceof PyList && b instanceof PyList) return new PyList([...a.items, ...b.items]);
    if (op === '+' && a instanceof PyTuple && b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
    if (op === '*' && (a instanceof PyList || a instanceof PyTuple || typeof a === 'string') && typeof b === 'number') return this.repeat(a, b, at);
    if (op === '*' && (b instanceof PyList || b instanceof PyTuple || typeof b === 'string') && typeof a === 'number') return this.repeat(b, a, at);
    if (op === '%' && typeof a === 'string') return a.replace(/%[sd]/, pyStr(b));
    const x = this.num(a, at);
    const y = this.num(b, at);
    const isFloat = a instanceof PyFloat || b instanceof PyFloat;
    const result = (v: number) => (isFloat ? new PyFloat(v) : this.safeInt(v, at));
    const zero = () => this.fail(at, `${this.snippet(at, 50)} divides by zero`, `${this.snippet(at, 50)} 除以了零`, 'Check the divisor.', '请检查除数。');
    switch (op) {
      case '+':
        return result(x + y);
      case '-':
        return result(x - y);
      case '*':
        return result(x * y);
      case '/':
        if (y === 0) zero();
        return new PyFloat(x / y);
      case '//':
        if (y === 0) zero();
        return result(Math.floor(x / y));
      case '%':
        if (y === 0) zero();
        return result(x - y * Math.floor(x / y));
      case '**': {
        if (!isFloat && y < 0) return new PyFloat(x ** y);
        const v = x ** y;
        if (!isFloat && !Number.isSafeInteger(v)) this.safeInt(v, at);
        return result(v);
      }
      case '<<':
        return this.safeInt(x * 2 ** y, at);
      case '>>':
        return Math.floor(x / 2 ** y);
      case '&':
        return x & y;
      case '|':
        return x | y;
      case '^':
        return x ^ y;
      default:
        this.fail(at, `the operator ${op} is not something cnn-graph evaluates`, `cnn-graph 不计算运算符 ${op}`, 'Use + - * / // % **.', '请使用 + - * / // % **。');
    }
  }

  private repeat(seq: PyList | PyTuple | string, n: number, at: PyNode): Value {
    const len = (typeof seq === 'string' ? seq.length : seq.items.length) * Math.max(0, n);
    this.sizeCheck(len, at);
    if (typeof seq === 'string') return seq.repeat(Math.max(0, n));
    const items = Array.from({ length: Math.max(0, n) }, () => seq.items).flat();
    return seq instanceof PyList ? new PyList(items) : new PyTuple(items);
  }

  private sized(s: string, at: PyNode): string {
    this.sizeCheck(s.length, at);
    return s;
  }

  private sizeCheck(n: number, at: PyNode): void {
    if (n > LIMITS.items) this.fail(at, `${this.snippet(at, 50)} makes ${n.toLocaleString('en-US')} items; cnn-graph stops at ${LIMITS.items.toLocaleString('en-US')}`, `${this.snippet(at, 50)} 产生了 ${n.toLocaleString('en-US')} 个元素；cnn-graph 最多处理 ${LIMITS.items.toLocaleString('en-US')} 个`, 'A network has far fewer layers: check the sizes.', '网络的层数远没有这么多：请检查大小。', { limit: true });
  }

  private compare(op: string, a: Value, b: Value, at: PyNode): boolean {
    switch (op) {
      case '==':
        return this.equal(a, b);
      case '!=':
        return !this.equal(a, b);
      case 'is':
        return a === b || (a === null && b === null);
      case 'is not':
        return !(a === b || (a === null && b === null));
      case 'in':
      case 'not in': {
        let found: boolean;
        if (typeof b === 'string') found = typeof a === 'string' && b.includes(a);
        else if (b instanceof PyDict) found = b.map.has(this.key(a, at));
        else if (b instanceof ModuleV) found = b.children.has(String(a));
        else found = this.iterate(b, at).some((x) => this.equal(x, a));
        return op === 'in' ? found : !found;
      }
    }
    if (typeof a === 'string' && typeof b === 'string') return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
    const x = this.num(a, at);
    const y = this.num(b, at);
    return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
  }

  equal(a: Value, b: Value): boolean {
    if ((typeof a === 'number' || a instanceof PyFloat || typeof a === 'boolean') && (typeof b === 'number' || b instanceof PyFloat || typeof b === 'boolean')) return Number(a instanceof PyFloat ? a.v : a) === Number(b instanceof PyFloat ? b.v : b);
    if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) return a.items.length === b.items.length && a.items.every((x, i) => this.equal(x, b.items[i]));
    return a === b;
  }

  private unary(n: PyNode, env: Env): Value {
    const [op, x] = n.kids;
    const v = this.eval(x, env);
    const t = this.text(op);
    if (t === 'not') return !this.truthy(v, x);
    if (v instanceof TensorV) this.fail(n, `${this.snippet(n)}: ${t} on a tensor is not a layer cnn-graph models`, `${this.snippet(n)}：cnn-graph 不建模张量上的 ${t}`, 'Write the operation as a layer it reads.', '请写成它能读的层。');
    const num = this.num(v, x);
    if (t === '-') return v instanceof PyFloat ? new PyFloat(-num) : num === 0 ? 0 : -num;
    if (t === '+') return v;
    if (t === '~') return ~num;
    this.fail(n, `the operator ${t} is not something cnn-graph evaluates`, `cnn-graph 不计算运算符 ${t}`, 'Use - or not.', '请使用 - 或 not。');
  }

  num(v: Value, at: PyNode): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof PyFloat) return v.v;
    if (v instanceof Poison) throw new PyError(this.poisoned(v, at));
    this.fail(at, `${this.snippet(at, 50)}: expected a number, got ${typeName(v)}${v instanceof PyTuple ? ` ${pyStr(v)}` : ''}`, `${this.snippet(at, 50)}：需要数字，收到的是 ${typeName(v)}`, v === BATCH ? 'The batch size is left open: use the other sizes, x.size(1) and after.' : 'Check the value.', v === BATCH ? '批量大小是不确定的：请使用其他尺寸，即 x.size(1) 及之后的。' : '请检查这个值。');
  }

  truthy(v: Value, at: PyNode): boolean {
    if (v === null || v === false || v === 0 || v === '') return false;
    if (v instanceof PyFloat) return v.v !== 0;
    if (v instanceof PyTuple || v instanceof PyList) return v.items.length > 0;
    if (v instanceof PyDict) return v.map.size > 0;
    if (v instanceof PyRange) return v.length > 0;
    if (v instanceof TensorV) this.fail(at, `${this.snippet(at, 50)}: the truth of a tensor depends on its values, which cnn-graph does not compute`, `${this.snippet(at, 50)}：张量的真假取决于它的数值，cnn-graph 不计算数值`, 'Decide on sizes or settings instead: if x.size(1) == 64.', '请改用尺寸或设置来判断：if x.size(1) == 64。');
    if (v instanceof Poison) throw new PyError(this.poisoned(v, at));
    return true;
  }

  iterate(v: Value, at: PyNode): Value[] {
    if (v instanceof PyTuple || v instanceof PyList) return [...v.items];
    if (v instanceof PyRange) {
      if (v.length > LIMITS.items) this.loopTooLong(v.length, at);
      return Array.from({ length: v.length }, (_, i) => v.start + i * v.step);
    }
    if (v instanceof PyDict) return [...v.map.keys()];
    if (typeof v === 'string') return [...v];
    if (v instanceof ModuleV && v.container && v.container !== 'Identity') return v.container === 'ModuleDict' ? [...v.children.keys()] : [...v.children.values()];
    if (v instanceof Poison) throw new PyError(this.poisoned(v, at));
    this.fail(at, `${this.snippet(at, 50)}: a ${typeName(v)} cannot be iterated`, `${this.snippet(at, 50)}：${typeName(v)} 不能被遍历`, 'Loop over a list, a tuple, a range or an nn.Sequential / nn.ModuleList.', '请遍历列表、元组、range 或 nn.Sequential / nn.ModuleList。');
  }

  // ------------------------------------------------ builtins

  private installBuiltins(): void {
    const b = (name: string, fn: (a: Args, at: PyNode) => Value) => this.builtins.set(name, new BuiltinV(name, fn));
    b('range', (a, at) => {
      const xs = a.pos.map((x) => this.num(x, at));
      if (xs.some((x) => !Number.isInteger(x))) this.fail(at, 'range() takes integers', 'range() 需要整数', 'Use // for integer division.', '整数除法请用 //。');
      const [start, stop, step] = xs.length === 1 ? [0, xs[0], 1] : [xs[0], xs[1], xs[2] ?? 1];
      if (step === 0) this.fail(at, 'range() step cannot be zero', 'range() 的步长不能为 0', 'Use a step of 1 or more.', '请使用不小于 1 的步长。');
      return new PyRange(start, stop, step);
    });
    b('len', (a, at) => {
      const v = a.pos[0];
      if (v instanceof TensorV) return BATCH;
      if (v instanceof ModuleV) return v.children.size;
      if (v instanceof PyDict) return v.map.size;
      if (v instanceof PyRange) return v.length;
      return this.iterate(v, at).length;
    });
    b('enumerate', (a, at) => {
      const start = a.pos[1] !== undefined ? this.num(a.pos[1], at) : 0;
      return new PyList(this.iterate(a.pos[0], at).map((x, i) => new PyTuple([i + start, x])));
    });
    b('zip', (a, at) => {
      const lists = a.pos.map((x) => this.iterate(x, at));
      const n = Math.min(...lists.map((l) => l.length));
      return new PyList(Array.from({ length: lists.length ? n : 0 }, (_, i) => new PyTuple(lists.map((l) => l[i]))));
    });
    b('reversed', (a, at) => new PyList(this.iterate(a.pos[0], at).reverse()));
    b('sorted', (a, at) => new PyList(this.iterate(a.pos[0], at).sort((x, y) => this.num(x, at) - this.num(y, at))));
    b('list', (a, at) => new PyList(a.pos.length ? this.iterate(a.pos[0], at) : []));
    b('tuple', (a, at) => new PyTuple(a.pos.length ? this.iterate(a.pos[0], at) : []));
    b('dict', (a, at) => this.dictFrom(a, at, false));
    b('int', (a, at) => {
      const v = a.pos[0] ?? 0;
      if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
      return this.safeInt(Math.trunc(this.num(v, at)), at);
    });
    b('float', (a, at) => new PyFloat(typeof a.pos[0] === 'string' ? Number(a.pos[0]) : this.num(a.pos[0] ?? 0, at)));
    b('str', (a) => (a.pos.length ? pyStr(a.pos[0]) : ''));
    b('bool', (a, at) => (a.pos.length ? this.truthy(a.pos[0], at) : false));
    b('abs', (a, at) => (a.pos[0] instanceof PyFloat ? new PyFloat(Math.abs(a.pos[0].v)) : Math.abs(this.num(a.pos[0], at))));
    b('round', (a, at) => {
      const x = this.num(a.pos[0], at);
      // Python rounds half to even.
      const r = Math.round(x);
      return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
    });
    const minmax = (pick: (x: number, y: number) => boolean) => (a: Args, at: PyNode) => {
      const items = a.pos.length === 1 ? this.iterate(a.pos[0], at) : a.pos;
      if (!items.length) this.fail(at, 'min() or max() of nothing', '对空序列求 min() 或 max()', 'Give at least one value.', '请至少给出一个值。');
      return items.reduce((best, x) => (pick(this.num(x, at), this.num(best, at)) ? x : best));
    };
    b('min', minmax((x, y) => x < y));
    b('max', minmax((x, y) => x > y));
    b('sum', (a, at) => {
      const items = this.iterate(a.pos[0], at);
      return items.reduce((s: Value, x) => this.binary('+', s, x, at), a.pos[1] ?? 0);
    });
    b('isinstance', (a) => {
      const [v, cls] = a.pos;
      const classes = cls instanceof PyTuple ? cls.items : [cls];
      return classes.some((c) => (c instanceof ClassV && v instanceof ModuleV && v.userClass ? this.mro(v.userClass).includes(c) : c instanceof NsV && v instanceof ModuleV ? c.qual.endsWith(`.${v.cls}`) : false));
    });
    b('getattr', (a, at) => {
      try {
        return this.getAttr(a.pos[0], String(a.pos[1]), at);
      } catch (e) {
        if (a.pos.length > 2 && e instanceof PyError && !e.problem.limit) return a.pos[2];
        throw e;
      }
    });
    b('setattr', (a, at) => {
      this.setAttr(a.pos[0], String(a.pos[1]), a.pos[2], at);
      return null;
    });
    b('hasattr', (a) => a.pos[0] instanceof ModuleV && (a.pos[0].children.has(String(a.pos[1])) || a.pos[0].attrs.has(String(a.pos[1]))));
    b('print', () => null);
    b('super', (_a, at) => this.fail(at, 'super() is used outside a method', 'super() 用在了方法之外', 'Call super().__init__() in __init__.', '请在 __init__ 里调用 super().__init__()。'));
  }

  /** Run a method with `super()` knowing its class. */
  withClass<T>(cls: ClassV | null, fn: () => T): T {
    const before = this.currentClass;
    this.currentClass = cls;
    try {
      return fn();
    } finally {
      this.currentClass = before;
    }
  }
}

// ---------------------------------------------------------------- module paths

/** PyTorch's named_modules: depth first from the root, a module shared by two parents keeps its first name. */
function assignPaths(root: ModuleV): void {
  const stack: [ModuleV, string][] = [[root, '']];
  const seen = new Set<ModuleV>();
  while (stack.length) {
    const [m, path] = stack.pop() as [ModuleV, string];
    if (seen.has(m)) continue;
    seen.add(m);
    m.path = path;
    const kids = [...m.children].reverse();
    for (const [name, c] of kids) if (!seen.has(c)) stack.push([c, path ? `${path}.${name}` : name]);
  }
}

// ---------------------------------------------------------------- the trace

class Tracer {
  readonly layers: Layer[] = [];
  private readonly used = new Set<string>();
  private owner: ModuleV;
  private readonly touched = new Set<ModuleV>();

  constructor(
    private readonly py: Interpreter,
    private readonly root: ModuleV,
  ) {
    this.owner = root;
  }

  inside<T>(m: ModuleV, fn: () => T): T {
    const before = this.owner;
    this.owner = m;
    this.touched.add(m);
    try {
      return fn();
    } finally {
      this.owner = before;
    }
  }

  private add(layer: Layer, xs: readonly TensorV[], at: PyNode, written: string): TensorV {
    if (this.layers.length >= LIMITS.layers) this.py.fail(at, `the network has more than ${LIMITS.layers.toLocaleString('en-US')} layers`, `网络超过了 ${LIMITS.layers.toLocaleString('en-US')} 层`, 'Check the loops that build it.', '请检查构建它的循环。', { limit: true });
    this.used.add(layer.path);
    this.layers.push(layer);
    const lostBefore = xs.find((x) => !x.shape);
    if (lostBefore) return new TensorV(layer.path, null, lostBefore.lost);
    const analysis = KIND_ANALYSES[layer.kind] as unknown as { outputShape(l: Layer, i: { shape: Shape; from: string }[]): { ok: true; shape: Shape } | { ok: false; error: { message: string } } };
    const r = analysis.outputShape(layer, xs.map((x) => ({ shape: x.shape as Shape, from: x.ref })));
    if (r.ok) return new TensorV(layer.path, r.shape);
    return new TensorV(layer.path, null, `${layer.path} (${written}) cannot run: ${r.error.message}`);
  }

  moduleLayer(m: ModuleV, x: TensorV, at: PyNode): TensorV {
    const leaf = m.leaf as NonNullable<ModuleV['leaf']>;
    if (m.calls > 0 && this.paramsOf(m) > 0) {
      this.py.fail(at, `${m.path} (${m.cls}) runs a second time here, sharing its weights; a cnn-graph network gives every layer its own weights, so its counts would differ from PyTorch's`, `${m.path}（${m.cls}）在这里第二次运行，共享它的权重；cnn-graph 的网络里每层有自己的权重，计数会与 PyTorch 不同`, `Give each use its own module in __init__ (e.g. self.${(m.path as string).split('.').pop()}_2 = nn.${m.cls}(...)), as most networks mean.`, `请在 __init__ 里为每次使用各建一个模块（例如 self.${(m.path as string).split('.').pop()}_2 = nn.${m.cls}(...)），多数网络本意如此。`, { path: m.path });
    }
    m.calls++;
    const path = m.calls === 1 ? (m.path as string) : `${m.path}#${m.calls}`;
    if (path === '') this.py.fail(at, 'the network is a single layer, which has no name of its own in PyTorch', '网络只有一层，它在 PyTorch 里没有自己的名字', 'Wrap it: nn.Sequential(layer).', '请包一层：nn.Sequential(layer)。');
    return this.add({ ...leaf.config, path, inputs: [x.ref] } as Layer, [x], at, m.cls);
  }

  readParameter(m: ModuleV, at: PyNode): TensorV {
    if (m.read) return m.read;
    const leaf = m.leaf as NonNullable<ModuleV['leaf']>;
    m.calls++;
    m.read = this.add({ ...leaf.config, path: m.path as string, inputs: [] } as Layer, [], at, m.cls);
    return m.read;
  }

  /**
   * A function, method or operator of the forward: a layer named after the
   * function in the module whose forward runs it (`layer1.0.add`, `relu`
   * at the top); a second call of the same name there is `relu#2`, and a
   * name a child module already has becomes `relu_fn`.
   */
  functional(name: string, kind: LayerKind, config: Record<string, unknown>, xs: readonly TensorV[], written: string, at: PyNode): TensorV {
    const base = this.owner.path ?? '';
    const clash = this.owner.children.has(name);
    const stem = clash ? `${name}_fn` : name;
    const full = (s: string) => (base ? `${base}.${s}` : s);
    let path = full(stem);
    for (let k = 2; this.used.has(path); k++) path = full(`${stem}#${k}`);
    const layer = { ...config, kind, path, inputs: xs.map((x) => x.ref), functional: true } as Record<string, unknown>;
    const parsed = layerSchema(kind).safeParse(layer);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      let v: unknown = layer;
      for (const k of i.path) v = (v as Record<PropertyKey, unknown>)?.[k as PropertyKey];
      this.py.fail(at, `${written}: ${i.path.join('.')} ${issueText(i, v)}`, `${written}：${i.path.join('.')} ${issueTextZh(i, v)}`, "Check the arguments against PyTorch's signature.", '请对照 PyTorch 的函数签名检查参数。');
    }
    return this.add(parsed.data as unknown as Layer, xs, at, written);
  }

  /** Containers that hold layers, with their class names. */
  declared(): { path: string; type: string }[] {
    const out: { path: string; type: string }[] = [];
    const seen = new Set<ModuleV>();
    const paths = this.layers.map((l) => l.path);
    const visit = (m: ModuleV) => {
      if (seen.has(m)) return;
      seen.add(m);
      if (!m.leaf && m.path) {
        const prefix = `${m.path}.`;
        if (paths.some((p) => p.startsWith(prefix))) out.push({ path: m.path, type: m.cls });
      }
      for (const c of m.children.values()) visit(c);
    };
    visit(this.root);
    return out;
  }

  private paramsOf(m: ModuleV): number {
    const leaf = m.leaf as NonNullable<ModuleV['leaf']>;
    const layer = { ...leaf.config, path: m.path ?? 'x', inputs: [] } as Layer;
    return (KIND_ANALYSES[leaf.kind].weights as (l: Layer) => { shape: readonly number[] }[])(layer).reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  }

  /** Layers `__init__` made that the forward never ran: PyTorch counts their parameters, the graph has no place for them. */
  unused(): Problem[] {
    const out: { path: string; cls: string; params: number; node: PyNode }[] = [];
    const seen = new Set<ModuleV>();
    const visit = (m: ModuleV) => {
      if (seen.has(m)) return;
      seen.add(m);
      if (m.leaf && m.calls === 0 && m.path !== undefined) {
        const params = this.paramsOf(m);
        if (params > 0) out.push({ path: m.path, cls: m.cls, params, node: m.node });
      }
      for (const c of m.children.values()) visit(c);
    };
    visit(this.root);
    if (!out.length) return [];
    const total = out.reduce((s, u) => s + u.params, 0);
    const names = out
      .slice(0, 8)
      .map((u) => `${u.path} (${u.cls})`)
      .join(', ');
    const more = out.length > 8 ? ` and ${out.length - 8} more` : '';
    return [
      {
        node: out[0].node,
        en: `${names}${more}: made in __init__ but never run by forward; PyTorch still counts ${total.toLocaleString('en-US')} parameters of them, which the graph leaves out`,
        zh: `${names}${more}：在 __init__ 里创建，forward 却从未运行它们；PyTorch 仍然计入它们的 ${total.toLocaleString('en-US')} 个参数，图里没有这些`,
        fixEn: 'Call them in forward, or remove them from __init__.',
        fixZh: '请在 forward 里调用它们，或者从 __init__ 里删掉。',
        path: out[0].path,
      },
    ];
  }
}
