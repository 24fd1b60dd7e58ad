/**
 * Admission and structural checks. `admitGraph` takes any value a caller may
 * hand to analysis (a Graph from code, a plain object, null…) and returns a
 * graph that analysis can walk without throwing, plus every problem found:
 * wrongly typed fields (checked with the same zod schemas as the JSON
 * format), then structure independent of shapes: unique paths, inputs that
 * exist and come earlier, the right number of inputs, a real output.
 */
import type { core } from 'zod/mini';
import { KIND_CONFIGS } from '../kinds/config.js';
import type { KindConfig } from '../kinds/spec.js';
import { graphSchema, layerSchema, schemaMessageZh } from './schema.js';
import { clip, visible } from './text.js';
import { INPUT, type Graph, type Layer, type LayerKind, type ModuleSpec, type AuxOutput, type ZhText, LAYER_KINDS } from './types.js';

export interface StructureIssue {
  path: string;
  /** The kind of the layer at fault, when it has a known one. */
  kind?: LayerKind;
  code: string;
  message: string;
  fix?: string;
  /** Where in the JSON document, or in the Graph object: `['layers', 3, 'kernel_size']`. */
  jsonPath?: (string | number)[];
  /** The message and fix in Chinese (see `Diagnostic.zh`). */
  zh: ZhText;
}

/**
 * Layers whose config already passed the schema. Layers are immutable values,
 * so re-analysing the same graph (another input size, another convention, the
 * UI after a collapse) does not validate them again.
 */
const validated = new WeakSet<object>();
/** Graph objects whose top-level fields passed the schema (or that our own code built). */
const validatedGraphs = new WeakSet<object>();

/**
 * Mark a graph's layers as already valid. Only for graphs our own code builds
 * and the golden tests check (the zoo): it spares the CLI ~100 ms of cold
 * schema checks on ResNet-152. User graphs are always checked, once: by
 * parseNetwork, which marks the layers it has just checked with the same schemas.
 */
export function trustLayers(graph: Graph): Graph {
  for (const l of graph.layers) validated.add(l);
  validatedGraphs.add(graph);
  return graph;
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(LAYER_KINDS);

/** The kinds that take several inputs (torch.cat, `x + y`), for the fix of a layer given several. */
const MERGING = LAYER_KINDS.filter((k) => KIND_CONFIGS[k].arity === 'many');
const orList = (items: readonly string[], comma: string, or: string): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(comma)}${or}${items[items.length - 1]}`);

/** A value for a message: JSON where it has one, never a throw (cycles, BigInt, symbols). */
export function show(value: unknown, max = 60): string {
  if (typeof value === 'bigint') return `${value}n`;
  // JSON would write them as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  } catch {
    text = Array.isArray(value) ? 'a list that contains itself' : 'an object that contains itself';
  }
  if (text === undefined) text = typeof value === 'symbol' ? value.toString() : typeof value === 'function' ? 'a function' : String(value);
  return visible(clip(text, max + 1));
}

const SHOWN_ZH: Readonly<Record<string, string>> = { 'a list that contains itself': '一个包含自身的列表', 'an object that contains itself': '一个包含自身的对象', 'a function': '一个函数' };

/** `show` for a Chinese message. */
export function showZh(value: unknown, max = 60): string {
  const text = show(value, max);
  return SHOWN_ZH[text] ?? text;
}

/** `layers[3].kernel_size`, from a zod issue path. */
export const jsonPathText = (p: readonly PropertyKey[]): string =>
  p.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || '(top level)';
/** `jsonPathText` for a Chinese message. */
export const jsonPathTextZh = (p: readonly PropertyKey[]): string => (p.length ? jsonPathText(p) : '（顶层）');

/** The value at a zod issue path, or undefined. */
export const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), root);

/**
 * What is wrong, after the field's name: `must be a number, got "3"`.
 * `written` is the value's own text in the JSON source, where it has one
 * (`1e999`, which JSON.parse reads as Infinity).
 */
export function issueText(i: core.$ZodIssue, value: unknown, written?: string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return `is ${written ? clip(written) : show(value)}, not a finite number`;
  if (i.code === 'unrecognized_keys') {
    const names = i.keys.map((k) => `"${clip(k)}"`).join(', ');
    return `unknown field${i.keys.length > 1 ? 's' : ''} ${names}`;
  }
  if (value === undefined && i.code === 'invalid_type') return `is required (${i.expected})`;
  if (value === undefined && i.code === 'invalid_union') return `is required: it ${i.message}`;
  const got = value === undefined ? '' : `, got ${show(value)}`;
  if (i.code === 'invalid_type') return `must be ${i.expected === 'tuple' || i.expected === 'array' ? 'a list' : `${/^[aeiou]/.test(i.expected) ? 'an' : 'a'} ${i.expected}`}${got}`;
  return `${i.message}${got}`;
}

const TYPE_ZH: Readonly<Record<string, string>> = { string: '字符串', number: '数字', boolean: '布尔值（true 或 false）', array: '列表', tuple: '列表', object: '对象', null: 'null' };
const typeZh = (t: string): string => TYPE_ZH[t] ?? t;

/**
 * `issueText` in Chinese. The schema's own sentences come from its table
 * (schemaMessageZh); zod's built-in ones are rebuilt from the issue's fields,
 * so the numbers are the issue's own. Anything else keeps zod's English,
 * which still carries the numbers.
 */
export function issueTextZh(i: core.$ZodIssue, value: unknown, written?: string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return `是 ${written ? clip(written) : show(value)}，不是有限的数`;
  if (i.code === 'unrecognized_keys') return `有未知字段 ${i.keys.map((k) => `"${clip(k)}"`).join('、')}`;
  if (value === undefined && i.code === 'invalid_type') return `是必填项（${typeZh(i.expected)}）`;
  const said = schemaMessageZh(i.message);
  if (value === undefined && i.code === 'invalid_union') return `是必填项：${said ?? i.message}`;
  const got = value === undefined ? '' : `，收到的却是 ${showZh(value)}`;
  if (i.code === 'invalid_type') return `必须是${typeZh(i.expected)}${got}`;
  if (said !== undefined) return `${said}${got}`;
  const bound = (n: number | bigint, more: boolean): string => {
    const origin = 'origin' in i ? i.origin : '';
    if (origin === 'string') return `长度${more ? '至少' : '最多'}为 ${n} 个字符`;
    if (origin === 'array' || origin === 'set') return `${more ? '至少' : '最多'}要有 ${n} 项`;
    return `必须${more ? '不小于' : '不大于'} ${n}`;
  };
  if (i.code === 'too_small') return `${bound(i.minimum, true)}${got}`;
  if (i.code === 'too_big') return `${bound(i.maximum, false)}${got}`;
  if (i.code === 'invalid_value') return `必须是 ${i.values.map((v) => show(v)).join(' 或 ')}${got}`;
  if (i.code === 'invalid_union') return `不符合任何一种允许的写法${got}`;
  return `${i.message}${got}`;
}

/** Admitted graph: safe to walk. */
export interface Admitted {
  /** The value itself when it is well formed; otherwise a copy in which broken parts have stand-ins. */
  graph: Graph;
  issues: StructureIssue[];
  /**
   * 1 for layers whose configuration is unusable (a stand-in with only path,
   * kind and inputs): analysis must not read their arguments. Null when none.
   */
  unsound: Uint8Array | null;
  /** False when the value was not an object at all (its stand-in has no input to check either). */
  isGraph: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const optionalText = (v: unknown): boolean => v === undefined || typeof v === 'string';
// The names a picture prints (label, title) must be text too: a module with a number there is dropped (the schema says why).
const isModule = (m: unknown): m is ModuleSpec => isObject(m) && typeof m.path === 'string' && typeof m.type === 'string' && optionalText(m.label) && optionalText(m.title) && optionalText(m.titleZh);
const isAux = (a: unknown): a is AuxOutput => isObject(a) && typeof a.path === 'string' && typeof a.weight === 'number';

/**
 * What analysis itself reads of a graph's top level has the right types.
 * Cheap (runs on every analysis, trusted graphs included); the messages for
 * a graph that fails it come from the schema.
 */
function walkable(g: Record<string, unknown>): boolean {
  if (typeof g.name !== 'string' || typeof g.output !== 'string' || !Array.isArray(g.layers) || !Array.isArray(g.modules) || !Array.isArray(g.aux)) return false;
  for (const m of g.modules as unknown[]) if (!isModule(m)) return false;
  for (const a of g.aux as unknown[]) if (!isAux(a)) return false;
  return true;
}

/**
 * Take any value as a network. Graphs built by our own code or parsed from
 * JSON (see trustLayers) cost a type test of the top level and a WeakSet
 * lookup per layer; anything else is checked with the format's schemas.
 */
export function admitGraph(value: unknown): Admitted {
  const issues: StructureIssue[] = [];
  if (!isObject(value)) {
    issues.push({
      path: '',
      code: 'graph',
      message: `a network must be an object with "name", "input" and "layers", got ${Array.isArray(value) ? 'a list' : show(value, 40)}.`,
      fix: 'Build it with GraphBuilder or a zoo builder, or load JSON with parseNetwork.',
      jsonPath: [],
      zh: {
        message: `网络必须是带有 "name"、"input" 和 "layers" 的对象，收到的却是${Array.isArray(value) ? '一个列表' : ` ${showZh(value, 40)}`}。`,
        fix: '用 GraphBuilder 或模型库（zoo）的构建函数来创建它，或者用 parseNetwork 读入 JSON。',
      },
    });
    return { graph: { name: '', input: [0, 0, 0], layers: [], modules: [], output: '', aux: [] }, issues, unsound: null, isGraph: false };
  }
  let graph = value as unknown as Graph;
  const fine = walkable(value);
  if (!fine || !validatedGraphs.has(value)) {
    const top = graphSchema().safeParse(value);
    if (top.success) {
      if (fine) validatedGraphs.add(value);
    } else {
      for (const i of top.error.issues) {
        const v = valueAt(value, i.path);
        issues.push({ path: '', code: 'graph', message: `${jsonPathText(i.path)}: ${issueText(i, v)}.`, jsonPath: i.path as (string | number)[], zh: { message: `${jsonPathTextZh(i.path)}：${issueTextZh(i, v)}。` } });
      }
    }
    // Stand-ins for what cannot be walked; the schema has said what is wrong.
    if (!fine) {
      const layers = Array.isArray(value.layers) ? (value.layers as Layer[]) : [];
      graph = {
        ...graph,
        name: typeof value.name === 'string' ? value.name : '',
        layers,
        modules: Array.isArray(value.modules) ? value.modules.filter(isModule) : [],
        aux: Array.isArray(value.aux) ? value.aux.filter(isAux) : [],
        // Left out, it is the last layer, as in the JSON format.
        output: typeof value.output === 'string' ? value.output : lastPath(layers),
      };
    }
  }
  const admitted = admitLayers(graph.layers, issues);
  if (admitted.layers !== graph.layers) graph = { ...graph, layers: admitted.layers };
  checkLayers(graph, admitted.unsound, issues);
  return { graph, issues, unsound: admitted.unsound, isGraph: true };
}

function lastPath(layers: readonly unknown[]): string {
  const l = layers[layers.length - 1];
  return isObject(l) && typeof l.path === 'string' ? l.path : '';
}

/**
 * Layers that analysis can read: each untrusted one is checked against its
 * kind's schema; one that fails is replaced by a stand-in (path, kind,
 * inputs) marked unsound. The array is copied only when something changes.
 */
function admitLayers(layers: readonly Layer[], issues: StructureIssue[]): { layers: readonly Layer[]; unsound: Uint8Array | null } {
  let out: Layer[] | null = null;
  let unsound: Uint8Array | null = null;
  const n = layers.length;
  for (let index = 0; index < n; index++) {
    const raw: unknown = layers[index];
    if (validated.has(raw as object)) {
      if (out) out.push(raw as Layer);
      continue;
    }
    const prev = index === 0 ? INPUT : (out ? out[index - 1] : layers[index - 1]).path;
    const { layer, sound } = admitLayer(raw, index, prev, issues);
    if (!sound) (unsound ??= new Uint8Array(n))[index] = 1;
    if (layer !== raw && !out) out = layers.slice(0, index) as Layer[];
    if (out) out.push(layer);
  }
  return { layers: out ?? layers, unsound };
}

function admitLayer(raw: unknown, index: number, prev: string, issues: StructureIssue[]): { layer: Layer; sound: boolean } {
  const where = `layers[${index}]`;
  const standIn = (path: string, kind: string, inputs: unknown): { layer: Layer; sound: boolean } => ({
    layer: { path, kind, inputs: Array.isArray(inputs) && inputs.every((i) => typeof i === 'string') ? inputs : [] } as unknown as Layer,
    sound: false,
  });
  if (!isObject(raw)) {
    issues.push({
      path: where,
      code: 'layer',
      message: `a layer must be an object with "path" and "kind", got ${Array.isArray(raw) ? 'a list' : show(raw, 40)}.`,
      fix: 'Write it like { path: "features.0", kind: "Conv2d", in_channels: 3, … }.',
      jsonPath: ['layers', index],
      zh: {
        message: `一层必须是带有 "path" 和 "kind" 的对象，收到的却是${Array.isArray(raw) ? '一个列表' : ` ${showZh(raw, 40)}`}。`,
        fix: '写成 { path: "features.0", kind: "Conv2d", in_channels: 3, … } 这样。',
      },
    });
    return standIn(where, '', undefined);
  }
  const path = typeof raw.path === 'string' && raw.path !== '' ? raw.path : where;
  const kind = raw.kind;
  if (typeof kind !== 'string' || !KNOWN_KINDS.has(kind)) {
    const named = typeof kind === 'string' ? kind : '';
    const near = named ? nearestName(named, LAYER_KINDS) : '';
    const what = kind === undefined ? 'has no "kind"' : `unknown layer kind ${show(kind)}`;
    const whatZh = kind === undefined ? '缺少 "kind"' : `未知的层类型 ${showZh(kind)}`;
    issues.push({
      path,
      ...(named ? { kind: named as LayerKind } : {}),
      code: 'kind',
      message: `${what}.${didYouMean(near)}`,
      fix: `Use one of ${LAYER_KINDS.join(', ')}.`,
      jsonPath: ['layers', index, 'kind'],
      zh: { message: `${whatZh}。${didYouMeanZh(near)}`, fix: `请使用以下类型之一：${LAYER_KINDS.join('、')}。` },
    });
    return standIn(path, named, raw.inputs);
  }
  const schema = layerSchema(kind as LayerKind);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = i.path.length ? jsonPathText(i.path) + ' ' : '';
      const v = valueAt(raw, i.path);
      const fixes = i.code === 'unrecognized_keys' ? unknownFieldFix(kind, Object.keys(schema.shape), i.keys) : { en: "Check the layer's arguments against PyTorch's signature.", zh: '请对照 PyTorch 的函数签名检查这一层的参数。' };
      issues.push({
        path,
        kind: kind as LayerKind,
        code: 'config',
        message: `${field}${issueText(i, v)}.`,
        fix: fixes.en,
        jsonPath: ['layers', index, ...(i.path as (string | number)[])],
        zh: { message: `${field}${issueTextZh(i, v)}。`, fix: fixes.zh },
      });
    }
    return standIn(path, kind, raw.inputs);
  }
  // Left out, `inputs` is the layer listed before, as in the JSON format.
  if (raw.inputs === undefined) return { layer: { ...raw, inputs: [prev] } as unknown as Layer, sound: true };
  validated.add(raw);
  return { layer: raw as unknown as Layer, sound: true };
}

/** Structural issues of every graph, on layers already admitted. */
export function checkStructure(graph: Graph): StructureIssue[] {
  return admitGraph(graph).issues;
}

function checkLayers(graph: Graph, unsound: Uint8Array | null, issues: StructureIssue[]): void {
  const seen = new Map<string, number>();
  const layers = graph.layers;
  const layerPaths = new Set<string>();
  for (const l of layers) layerPaths.add(l.path);
  // Earlier layers, for "did you mean": indexed by length, so thousands of dangling inputs stay linear.
  const earlier = new NameIndex();
  let suggestions = 0;
  // Where an input names the layer itself or a later one, a cycle is possible.
  let backward = false;
  const orderIssues: { issue: StructureIssue; from: number; to: string }[] = [];
  // A layer is suggested to those after it, never to itself.
  let named: string | null = null;
  // Plain loops: this runs on every analysis (ResNet-152: 515 layers).
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index];
    const path = layer.path;
    if (named !== null) earlier.add(named);
    named = null;
    if (!KNOWN_KINDS.has(layer.kind)) {
      // Reported on admission. It still exists: the layers reading it are not "listed before" it.
      if (!seen.has(path)) {
        seen.set(path, index);
        named = path;
      }
      continue;
    }
    const kind = layer.kind;
    if (path === INPUT || path === '') {
      issues.push({
        path,
        kind,
        code: 'path',
        message: `"${clip(path)}" cannot name a layer; it is reserved for the network input.`,
        fix: 'Rename the layer.',
        jsonPath: ['layers', index, 'path'],
        zh: { message: `"${clip(path)}" 不能用作层的路径；它留给网络的输入。`, fix: '给这一层换一个路径。' },
      });
    }
    const prev = seen.get(path);
    if (prev !== undefined) {
      issues.push({
        path,
        kind,
        code: 'duplicate',
        message: `the path "${clip(path)}" is used by layers ${prev} and ${index}.`,
        fix: 'Give every layer its own path (a module called twice gets a suffix, e.g. relu#2).',
        jsonPath: ['layers', index, 'path'],
        zh: { message: `路径 "${clip(path)}" 同时被 layers[${prev}] 和 layers[${index}] 使用。`, fix: '每一层都要有自己的路径（调用两次的模块加后缀，例如 relu#2）。' },
      });
    }
    for (let dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
      const a = path.slice(0, dot);
      if (layerPaths.has(a)) {
        issues.push({
          path,
          kind,
          code: 'path-nesting',
          message: `"${clip(a)}" is a layer, so it cannot also contain "${clip(path)}".`,
          fix: `Rename one of them; only modules contain other paths.`,
          jsonPath: ['layers', index, 'path'],
          zh: { message: `"${clip(a)}" 是一个层，不能再包含 "${clip(path)}"。`, fix: '重命名其中一个；只有模块才能包含别的路径。' },
        });
      }
    }
    if (prev === undefined) {
      seen.set(path, index);
      named = path;
    }
    // Its arguments were reported on admission; its inputs may be anything.
    if (unsound && unsound[index]) continue;
    const spec: KindConfig = KIND_CONFIGS[kind];
    const inputs = layer.inputs;
    const n = inputs.length;
    if (spec.arity === 'one' && n !== 1) {
      issues.push({
        path,
        kind,
        code: 'arity',
        message: `takes exactly one input, has ${n}.`,
        fix: n === 0 ? 'Name the layer it reads in "inputs".' : `Join the inputs first with a ${orList(MERGING, ', ', ' or ')} layer.`,
        jsonPath: ['layers', index, 'inputs'],
        zh: { message: `只接受一个输入，这里却有 ${n} 个。`, fix: n === 0 ? '在 "inputs" 里写出它读取的那一层。' : `先用 ${orList(MERGING, '、', ' 或 ')} 层把这些输入合并起来。` },
      });
    }
    if (spec.arity === 'none' && n !== 0) {
      issues.push({
        path,
        kind,
        code: 'arity',
        message: `reads no input (it is a learnable tensor of its own), has ${n}.`,
        fix: 'Leave "inputs" empty, and combine it with the features in a Mul or Add that reads both.',
        jsonPath: ['layers', index, 'inputs'],
        zh: { message: `不读取任何输入（它本身就是一个可学习的张量），这里却有 ${n} 个。`, fix: '让 "inputs" 为空，再用同时读取它和特征的 Mul 或 Add 把两者结合起来。' },
      });
    }
    if (spec.arity === 'two' && n !== 2) {
      issues.push({
        path,
        kind,
        code: 'arity',
        message: `takes exactly two inputs (as ${kind}'s a and b), has ${n}.`,
        fix: n < 2 ? 'List both operands in "inputs".' : `Chain ${kind} layers, two operands at a time.`,
        jsonPath: ['layers', index, 'inputs'],
        zh: { message: `只接受两个输入（${kind} 的 a 和 b），这里却有 ${n} 个。`, fix: n < 2 ? '在 "inputs" 里写出两个操作数。' : `把几个 ${kind} 层串起来，每层两个操作数。` },
      });
    }
    const fewest = spec.minInputs ?? 2;
    if (spec.arity === 'many' && n < fewest) {
      issues.push({
        path,
        kind,
        code: 'arity',
        message: `joins ${fewest === 1 ? 'one' : 'two'} or more inputs, has ${n}.`,
        fix: 'List every branch it joins in "inputs".',
        jsonPath: ['layers', index, 'inputs'],
        zh: { message: `要合并${fewest === 1 ? '一个' : '两个'}或更多输入，这里只有 ${n} 个。`, fix: '在 "inputs" 里列出它要合并的每个分支。' },
      });
    }
    for (let j = 0; j < n; j++) {
      const src = inputs[j];
      if (src === path) backward = true;
      if (src === INPUT || seen.has(src)) continue;
      const later = layerPaths.has(src);
      if (later) backward = true;
      // A file of thousands of dangling inputs gets suggestions for the first ones only.
      const near = later || suggestions >= MAX_SUGGESTIONS ? '' : earlier.nearest(src);
      if (!later) suggestions++;
      const issue: StructureIssue = {
        path,
        kind,
        code: later ? 'order' : 'unknown-input',
        message: later ? `reads "${clip(src)}", which is listed after it.` : `reads "${clip(src)}", which is not a layer of this network.`,
        fix: later ? 'List layers in the order they run (the graph must have no cycles).' : `Use "input" for the network input, or the path of an earlier layer.${didYouMean(near)}`,
        jsonPath: ['layers', index, 'inputs', j],
        zh: {
          message: later ? `读取的 "${clip(src)}" 排在它后面。` : `读取的 "${clip(src)}" 不是这个网络里的层。`,
          fix: later ? '按运行的顺序列出各层（图里不能有环）。' : `网络的输入写 "input"，否则写它前面某一层的路径。${didYouMeanZh(near)}`,
        },
      };
      issues.push(issue);
      if (later) orderIssues.push({ issue, from: index, to: src });
    }
  }
  if (backward) reportCycles(layers, orderIssues, issues);
  if (layers.length === 0) {
    // A graph whose `layers` failed the schema has that message already.
    if (!issues.some((i) => i.jsonPath?.[0] === 'layers')) {
      issues.push({ path: '', code: 'empty', message: 'the network has no layers.', fix: 'Add at least one layer.', jsonPath: ['layers'], zh: { message: '这个网络一层也没有。', fix: '至少添加一层。' } });
    }
  } else if (!layerPaths.has(graph.output)) {
    issues.push({
      path: graph.output,
      code: 'output',
      message: `the output "${clip(graph.output)}" is not a layer of this network.`,
      fix: 'Set "output" to the path of the final layer, or leave it out to use the last layer.',
      jsonPath: ['output'],
      zh: { message: `输出 "${clip(graph.output)}" 不是这个网络里的层。`, fix: '把 "output" 设为最后那一层的路径，或者省略它（默认用最后一层）。' },
    });
  }
  graph.aux.forEach((a, i) => {
    if (!layerPaths.has(a.path)) {
      issues.push({
        path: a.path,
        code: 'aux',
        message: `the auxiliary output "${clip(a.path)}" is not a layer of this network.`,
        fix: 'Name the last layer of the auxiliary head.',
        jsonPath: ['aux', i, 'path'],
        zh: { message: `辅助输出 "${clip(a.path)}" 不是这个网络里的层。`, fix: '写辅助分类器最后一层的路径。' },
      });
    }
  });
}

/** Cycles longer than this are named by their first layers and a count. */
const CYCLE_NAMES = 8;

/**
 * Report every cycle among the layers (a layer that reads itself, or a loop
 * through forward references) as one error naming its layers, on the cycle's
 * first listed layer; the "listed after it" errors of the edges inside a
 * cycle are replaced by it. Strongly connected components (Tarjan, iterative),
 * so a long chain costs linear time.
 */
function reportCycles(layers: readonly Layer[], orderIssues: { issue: StructureIssue; from: number; to: string }[], issues: StructureIssue[]): void {
  const n = layers.length;
  const at = new Map<string, number>();
  for (let k = 0; k < n; k++) if (!at.has(layers[k].path)) at.set(layers[k].path, k);
  const reads = (k: number): number[] => {
    const out: number[] = [];
    const inputs: unknown = layers[k].inputs;
    if (!Array.isArray(inputs)) return out;
    for (const p of inputs) {
      const j = typeof p === 'string' ? at.get(p) : undefined;
      if (j !== undefined) out.push(j);
    }
    return out;
  };
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  const cyclic: number[][] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const work: { k: number; next: number[]; i: number }[] = [{ k: root, next: reads(root), i: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      if (top.i < top.next.length) {
        const j = top.next[top.i++];
        if (index[j] < 0) {
          index[j] = low[j] = counter++;
          stack.push(j);
          onStack[j] = 1;
          work.push({ k: j, next: reads(j), i: 0 });
        } else if (onStack[j]) low[top.k] = Math.min(low[top.k], index[j]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1].k] = Math.min(low[work[work.length - 1].k], low[top.k]);
      if (low[top.k] !== index[top.k]) continue;
      const members: number[] = [];
      let j: number;
      do {
        j = stack.pop() as number;
        onStack[j] = 0;
        comp[j] = comps;
        members.push(j);
      } while (j !== top.k);
      if (members.length > 1 || top.next.includes(top.k)) cyclic.push(members);
      comps++;
    }
  }
  if (!cyclic.length) return;
  const replaced = new Set<StructureIssue>();
  for (const o of orderIssues) {
    const j = at.get(o.to);
    if (j !== undefined && comp[j] === comp[o.from] && cyclic.some((c) => c.includes(o.from))) replaced.add(o.issue);
  }
  for (const members of cyclic.sort((a, b) => Math.min(...a) - Math.min(...b))) {
    const first = Math.min(...members);
    const ring = cycleThrough(first, new Set(members), reads);
    const layer = layers[first];
    const names = ring.map((k) => layers[k].path);
    const shown = names.length > CYCLE_NAMES ? [...names.slice(0, CYCLE_NAMES), `… ${names.length - CYCLE_NAMES} more`] : names;
    const self = names.length === 1;
    const chain = [...shown, names[0]].map((p) => `"${clip(p)}"`).join(' → ');
    issues.push({
      path: layer.path,
      ...(KNOWN_KINDS.has(layer.kind) ? { kind: layer.kind } : {}),
      code: 'cycle',
      message: self ? `reads its own output ("inputs" names "${clip(layer.path)}"): a layer cannot read itself.` : `is part of a cycle: ${chain} (each layer reads the next), so none of them can run first.`,
      fix: self ? 'Make it read the layer before it, or "input" for the network input.' : `Make one of these ${names.length} layers read an earlier layer (or "input") instead; a network must have no cycles.`,
      jsonPath: ['layers', first, 'inputs'],
      zh: {
        message: self ? `读取了自己的输出（"inputs" 里写了 "${clip(layer.path)}"）：一层不能读取它自己。` : `处在一个环里：${chain}（每一层读取下一层），所以其中哪一层都无法先运行。`,
        fix: self ? '让它读取前面那一层，或者用 "input" 表示网络的输入。' : `让这 ${names.length} 层中的某一层改为读取更前面的层（或 "input"）；网络里不能有环。`,
      },
    });
  }
  if (replaced.size) {
    const kept = issues.filter((i) => !replaced.has(i));
    issues.length = 0;
    issues.push(...kept);
  }
}

/** One cycle from `first` back to itself inside its component: the shortest, by breadth-first search. */
function cycleThrough(first: number, members: ReadonlySet<number>, reads: (k: number) => number[]): number[] {
  const from = new Map<number, number>();
  const queue = [first];
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q];
    for (const j of reads(k)) {
      if (!members.has(j)) continue;
      if (j === first) {
        const ring = [k];
        for (let c = k; c !== first; ) ring.push((c = from.get(c) as number));
        return ring.reverse();
      }
      if (!from.has(j)) {
        from.set(j, k);
        queue.push(j);
      }
    }
  }
  return [first];
}

/** Suggestions ("did you mean") computed per network for dangling inputs; the rest get none. */
const MAX_SUGGESTIONS = 100;
/** Names compared per suggestion, nearest lengths first. */
const MAX_CANDIDATES = 2000;

/**
 * Names bucketed by length, for "did you mean": a word is compared only with
 * names whose length is within the distance it accepts, with a distance that
 * stops as soon as it exceeds that bound, and with at most MAX_CANDIDATES of them.
 */
class NameIndex {
  private readonly byLength = new Map<number, { name: string; lower: string; order: number }[]>();
  private count = 0;
  add(name: string): void {
    let bucket = this.byLength.get(name.length);
    if (!bucket) this.byLength.set(name.length, (bucket = []));
    bucket.push({ name, lower: name.toLowerCase(), order: this.count++ });
  }
  nearest(word: string): string {
    const limit = Math.max(2, Math.floor(word.length / 3));
    const lower = word.toLowerCase();
    let best = '';
    let bestD = limit + 1;
    let bestOrder = Infinity;
    let tried = 0;
    for (let delta = 0; delta <= limit && tried < MAX_CANDIDATES; delta++) {
      for (const len of delta ? [word.length - delta, word.length + delta] : [word.length]) {
        // Unreachable lengths cannot beat what is found: the distance is at least the length difference.
        if (delta > bestD) break;
        for (const c of this.byLength.get(len) ?? []) {
          if (tried++ >= MAX_CANDIDATES) break;
          const d = boundedDistance(lower, c.lower, Math.min(limit, bestD));
          if (d < bestD || (d === bestD && c.order < bestOrder)) [best, bestD, bestOrder] = [c.name, d, c.order];
        }
      }
    }
    return bestD <= limit ? best : '';
  }
}

/** The candidate nearest to a misspelt word, if it is near enough; else "". */
export function nearestName(word: string, candidates: readonly string[]): string {
  const index = new NameIndex();
  for (const c of candidates) index.add(c);
  return index.nearest(word);
}

/** Levenshtein distance, or `bound + 1` as soon as it must exceed `bound` (each row's minimum only grows). */
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > bound) return bound + 1;
    prev = cur;
  }
  return prev[b.length];
}

const didYouMean = (name: string): string => (name ? ` Did you mean "${clip(name)}"?` : '');
const didYouMeanZh = (name: string): string => (name ? `是不是 "${clip(name)}"？` : '');

/** " Did you mean "x"?" for a near miss, else "". */
export const nearest = (word: string, candidates: readonly string[]): string => didYouMean(nearestName(word, candidates));

/** The fix for unknown fields of a `kind` layer: the right spelling of each, or the fields it accepts. */
export function unknownFieldFix(kind: string, known: readonly string[], keys: readonly string[]): { en: string; zh: string } {
  const names = keys.map((k) => nearestName(k, known)).filter(Boolean);
  if (names.length) return { en: names.map((n) => didYouMean(n).trim()).join(' '), zh: names.map(didYouMeanZh).join('') };
  return { en: `${kind} accepts: ${known.join(', ')}.`, zh: `${kind} 接受的字段：${known.join('、')}。` };
}
