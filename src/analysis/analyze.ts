/**
 * graph → per-layer records, per-module records, totals and diagnostics.
 * Never throws on a broken network: layers after a failure are `skipped`,
 * everything before it is computed, and every problem becomes a diagnostic.
 */
import { MAX_COUNT, MAX_DIM } from '../graph/limits.js';
import { clip } from '../graph/text.js';
import { admitGraph, show, showZh } from '../graph/validate.js';
import { depthOf, lastSegment, parentPath } from '../graph/paths.js';
import { INPUT, type Diagnostic, type Graph, type LayerKind, type Shape } from '../graph/types.js';
import { effectiveKernel, product } from './arith.js';
import { formatInt } from './format.js';
import { analysisOf } from '../kinds/analysis.js';
import { dims } from '../kinds/common.js';
import { configOf } from '../kinds/config.js';
import type { Category, Convention, InputInfo, Layout, WeightSpec, Window, ZhText } from '../kinds/spec.js';

export { MAX_COUNT, MAX_DIM };
export type { Diagnostic };

export interface ReceptiveField {
  /** Input pixels one output position sees, per axis (height, width). */
  size: readonly [number, number];
  /** Input pixels between neighbouring output positions ("jump"). */
  jump: readonly [number, number];
  /** True once a layer sees the whole input (global pooling, flattening, a fully connected layer). */
  global: boolean;
}

export type Status = 'ok' | 'error' | 'skipped';

export interface LayerRecord {
  path: string;
  kind: LayerKind;
  name: string;
  label: string;
  category: Category;
  depth: number;
  parent: string;
  inputs: readonly string[];
  inputShapes: readonly (Shape | null)[];
  outputShape: Shape | null;
  weights: readonly WeightSpec[];
  params: number;
  trainableParams: number;
  bufferCount: number;
  /** Under the analysis's convention; null when the shape is unknown. */
  macs: number | null;
  outputBytes: number | null;
  receptiveField: ReceptiveField | null;
  /** Part of an auxiliary head (training only), not the inference path. */
  aux: boolean;
  functional: boolean;
  status: Status;
  /** Output-size formula with the real numbers. */
  formula: readonly string[];
}

export interface ModuleRecord {
  path: string;
  type: string;
  name: string;
  depth: number;
  parent: string;
  /** Direct children (module or layer paths), in execution order. */
  children: readonly string[];
  /** Every leaf layer inside, in execution order. */
  layers: readonly string[];
  params: number;
  trainableParams: number;
  macs: number | null;
  /** Shapes entering and leaving the module (null if several or unknown). */
  inputShape: Shape | null;
  outputShape: Shape | null;
  aux: boolean;
  status: Status;
}

export interface Totals {
  /** Every parameter, auxiliary heads included (PyTorch's `sum(p.numel())`). */
  params: number;
  trainableParams: number;
  /** Inference path only. */
  macs: number;
  flops: number;
  auxParams: number;
  auxMacs: number;
  buffers: number;
  /** Sum of every inference-path layer's output at float32. */
  activationBytes: number;
  paramBytes: number;
}

export interface Analysis {
  model: string;
  input: readonly [number, number, number];
  convention: Convention;
  output: Shape | null;
  layers: LayerRecord[];
  modules: ModuleRecord[];
  totals: Totals;
  diagnostics: Diagnostic[];
  ok: boolean;
}

export interface AnalyzeOptions {
  /** Override the graph's input `[C, H, W]`. */
  input?: readonly [number, number, number];
  convention?: Convention;
}

const BYTES_F32 = 4;

const CONVENTIONS: readonly string[] = ['default', 'torchinfo', 'fvcore'] satisfies Convention[];

/**
 * Analyse a network. Total over any value: a graph object with wrongly typed
 * fields (as JavaScript may hand over), or no graph at all, gives an analysis
 * whose diagnostics say what is wrong and where, never an exception.
 */
export function analyze(graph: Graph, options: AnalyzeOptions = {}): Analysis {
  try {
    return analyzeGraph(graph, options);
  } catch (e) {
    // Only a value that throws when read (a getter, a Proxy) gets here; the
    // property tests check that no plain value does.
    const error = e instanceof Error ? e.message : show(e);
    const errorZh = e instanceof Error ? e.message : showZh(e);
    return {
      model: '',
      input: [0, 0, 0],
      convention: 'default',
      output: null,
      layers: [],
      modules: [],
      totals: { params: 0, trainableParams: 0, macs: 0, flops: 0, auxParams: 0, auxMacs: 0, buffers: 0, activationBytes: 0, paramBytes: 0 },
      diagnostics: [
        {
          severity: 'error',
          path: '',
          code: 'internal',
          message: `the network could not be read: ${error}.`,
          fix: 'Pass plain data (no getters or proxies); if it is plain data, this is a bug in cnn-graph: please report it with the network.',
          zh: { message: `无法读取这个网络：${errorZh}。`, fix: '请传入普通数据（不含 getter 或 Proxy）；如果已经是普通数据，那就是 cnn-graph 的缺陷，请附上这个网络报告给我们。' },
        },
      ],
      ok: false,
    };
  }
}

function analyzeGraph(value: unknown, rawOptions: unknown): Analysis {
  const diagnostics: Diagnostic[] = [];
  // Every diagnostic made here has its Chinese (`zh` is required of what is reported).
  const report = (severity: Diagnostic['severity'], layer: { path: string; kind?: LayerKind } | null, d: Omit<Diagnostic, 'severity' | 'path' | 'kind' | 'zh'> & { zh: ZhText }) => {
    // A path of a million characters is named by its start (clip), not quoted whole.
    const name = layer ? `${clip(layer.path)}${layer.kind ? ' ' + clip(layer.kind) : ''}` : '';
    const zh: ZhText = { message: (name ? `${name}：` : '') + d.zh.message, ...(d.zh.fix ? { fix: d.zh.fix } : {}) };
    diagnostics.push({ severity, path: layer?.path ?? '', ...(layer?.kind ? { kind: layer.kind } : {}), ...d, message: (name ? `${name}: ` : '') + d.message, zh });
  };
  const options: AnalyzeOptions = rawOptions !== null && typeof rawOptions === 'object' ? (rawOptions as AnalyzeOptions) : {};
  let convention: Convention = options.convention ?? 'default';
  if (!CONVENTIONS.includes(convention)) {
    report('error', null, {
      code: 'convention',
      message: `convention: unknown MAC-counting convention ${show(convention)}; counted with "default".`,
      fix: `Use one of ${CONVENTIONS.join(', ')}.`,
      zh: { message: `convention：未知的 MACs 计数约定 ${showZh(convention)}；已按 "default" 计数。`, fix: `请使用 ${CONVENTIONS.join('、')} 之一。` },
    });
    convention = 'default';
  }

  const { graph, issues, unsound, isGraph } = admitGraph(value);
  if (issues.length) {
    // A message names the first layer with its path, as a path-keyed lookup would.
    const kindOf = new Map<string, LayerKind>();
    for (const l of graph.layers) if (!kindOf.has(l.path)) kindOf.set(l.path, l.kind);
    for (const s of issues) report('error', s.path ? { path: s.path, kind: kindOf.get(s.path) ?? s.kind } : null, s);
  }
  const structBroken = new Set(diagnostics.map((d) => d.path));

  const input: unknown = options.input ?? graph.input;
  const inputOk = Array.isArray(input) && input.length === 3 && input.every((x) => Number.isInteger(x) && x >= 1 && x <= MAX_DIM);
  if (!inputOk && (isGraph || options.input !== undefined)) {
    report('error', null, {
      code: 'input',
      message: `input: the input shape must be three positive integers C×H×W, got ${show(input)}.`,
      fix: 'Write it like 1x28x28 or [1, 28, 28].',
      jsonPath: ['input'],
      zh: { message: `input：输入形状必须是三个正整数 C×H×W，收到的却是 ${showZh(input)}。`, fix: '写成 1x28x28 或 [1, 28, 28] 这样。' },
    });
  }

  const wiring = wire(graph);
  const aux = reach(graph, wiring);
  const records: LayerRecord[] = [];
  // Each record's layout (see Layout): kept apart, as only the analysis of the next layers reads it.
  const layouts: Layout[] = [];
  const inputRf: ReceptiveField = { size: [1, 1], jump: [1, 1], global: false };
  const inputShape = inputOk ? (input as Shape) : null;

  // Hot loop (ResNet-152: 515 layers in well under 2 ms): plain loops, one
  // record literal per layer, no intermediate objects or array callbacks.
  const { start, src: srcIndex } = wiring;
  for (let k = 0; k < graph.layers.length; k++) {
    const layer = graph.layers[k];
    const spec = analysisOf(layer.kind);
    const kind = configOf(layer.kind);
    const path = layer.path;
    const isAux = aux[k] === AUX;
    const functional = layer.functional ?? kind?.functional ?? false;
    if (!spec || !kind || (unsound && unsound[k])) {
      // Unknown kind, or arguments that cannot be read: nothing to compute.
      const rec: LayerRecord = { path, kind: layer.kind, name: lastSegment(path), depth: depthOf(path) - 1, parent: parentPath(path), inputs: layer.inputs, aux: isAux, functional: functional === true, label: layer.kind || '?', category: 'reshape', inputShapes: [], outputShape: null, weights: [], params: 0, trainableParams: 0, bufferCount: 0, macs: null, outputBytes: null, receptiveField: null, status: 'error', formula: [] };
      records.push(rec);
      layouts.push('channels-first');
      continue;
    }
    const weights = spec.weights(layer);
    let params = 0;
    for (const w of weights) params += product(w.shape);
    let bufferCount = 0;
    for (const b of spec.buffers(layer)) bufferCount += product(b.shape);
    const nIn = layer.inputs.length;
    const sources: Source[] = new Array(nIn);
    const inputShapes: (Shape | null)[] = new Array(nIn);
    // A layer that reads nothing (a Parameter) is complete without inputs.
    let missing = nIn === 0 && kind.arity !== 'none';
    for (let j = 0; j < nIn; j++) {
      // Only layers before this one have records yet (a later one is an order error).
      const at = srcIndex[start[k] + j];
      const from = at >= 0 && at < k ? records[at] : null;
      const s = from ? new Source(from.outputShape, from, from.receptiveField, layouts[at]) : at === INPUT_INDEX ? new Source(inputShape, null, inputRf, 'channels-first') : new Source(null, null, null, 'channels-first');
      sources[j] = s;
      inputShapes[j] = s.shape;
      if (s.shape === null) missing = true;
    }
    let status: Status = 'ok';
    let outputShape: Shape | null = null;
    let numel = 0;
    let formula: string[] = [];
    if (structBroken.size && structBroken.has(path)) status = 'error';
    else if (missing) status = 'skipped';
    else {
      const infos = sources as InputInfo[];
      const result = spec.outputShape(layer, infos);
      if (!result.ok) {
        status = 'error';
        report('error', layer, result.error);
      } else {
        const shape = result.shape;
        let tooBig = false;
        numel = 1;
        for (const x of shape) {
          numel *= x;
          if (!(x <= MAX_DIM)) tooBig = true; // NaN and ±∞ included
        }
        if (tooBig || numel > MAX_COUNT) {
          status = 'error';
          report('error', layer, {
            code: 'too-large',
            message: `the output ${dims(shape)} is too large to analyse exactly (${numel.toExponential(2)} values).`,
            fix: 'Use a smaller input or fewer channels.',
            zh: { message: `输出 ${dims(shape)} 太大，无法精确分析（${numel.toExponential(2)} 个值）。`, fix: '使用更小的输入或更少的通道。' },
          });
        } else {
          outputShape = shape;
          if (result.warnings) for (const w of result.warnings) report('warning', layer, w);
          if (spec.formula) formula = spec.formula(layer, infos[0].shape, shape);
        }
      }
    }
    let macs: number | null = null;
    if (outputShape) {
      macs = spec.macs(layer, inputShapes as Shape[], outputShape, convention);
      if (!(macs <= MAX_COUNT)) {
        report('error', layer, {
          code: 'too-large',
          message: `its ${macs.toExponential(2)} multiply-accumulates exceed exact integer range.`,
          fix: 'Use a smaller input or fewer channels.',
          zh: { message: `它的 ${macs.toExponential(2)} 次乘加超出了能精确表示的整数范围。`, fix: '使用更小的输入或更少的通道。' },
        });
        status = 'error';
        macs = null;
        outputShape = null;
      }
    }
    if (params > MAX_COUNT) {
      report('error', layer, {
        code: 'too-large',
        message: `its ${params.toExponential(2)} parameters exceed exact integer range.`,
        fix: 'Use fewer channels or features.',
        zh: { message: `它的 ${params.toExponential(2)} 个参数超出了能精确表示的整数范围。`, fix: '减少通道数或特征数。' },
      });
    }
    let receptiveField: ReceptiveField | null = null;
    if (outputShape) receptiveField = receptive(spec.window(layer, inputShapes[0] as Shape), sources, input as Shape);
    const rec: LayerRecord = {
      path,
      kind: layer.kind,
      name: lastSegment(path),
      label: spec.label(layer),
      category: kind.category,
      depth: depthOf(path) - 1,
      parent: parentPath(path),
      inputs: layer.inputs,
      inputShapes,
      outputShape,
      weights,
      params,
      trainableParams: params,
      bufferCount,
      macs,
      outputBytes: outputShape ? numel * BYTES_F32 : null,
      receptiveField,
      aux: isAux,
      functional,
      status,
      formula,
    };
    records.push(rec);
    layouts.push(spec.layout?.(layer) ?? sources[0]?.layout ?? 'channels-first');
  }

  // In a miswired network a branch cut off by the wiring error is that error's consequence, not news.
  if (!issues.length) danglingWarnings(graph, records, wiring, aux, report);
  const modules = moduleRecords(graph, records, wiring, inputShape);
  const main = records.filter((r) => !r.aux);
  const auxRecs = records.filter((r) => r.aux);
  const sum = (rs: LayerRecord[], f: (r: LayerRecord) => number | null) => rs.reduce((a, r) => a + (f(r) ?? 0), 0);
  const macs = sum(main, (r) => r.macs);
  const params = sum(records, (r) => r.params);
  const totals: Totals = {
    params,
    trainableParams: sum(records, (r) => r.trainableParams),
    macs,
    flops: 2 * macs,
    auxParams: sum(auxRecs, (r) => r.params),
    auxMacs: sum(auxRecs, (r) => r.macs),
    buffers: sum(records, (r) => r.bufferCount),
    activationBytes: sum(main, (r) => r.outputBytes),
    paramBytes: params * BYTES_F32,
  };
  const outAt = wiring.first.get(graph.output);
  const out = outAt === undefined ? undefined : records[outAt];
  return {
    model: graph.name,
    input: Array.isArray(input) ? [num(input[0]), num(input[1]), num(input[2])] : [0, 0, 0],
    convention,
    output: out?.outputShape ?? null,
    layers: records,
    modules,
    totals,
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}

/** A number for `Analysis.input`, which a broken input may not have. */
const num = (x: unknown): number => (typeof x === 'number' ? x : 0);

/** An input of a layer; `from` (for messages only) is built when a message needs it. */
class Source {
  constructor(
    readonly shape: Shape | null,
    readonly rec: LayerRecord | null,
    readonly rf: ReceptiveField | null,
    readonly layout: Layout,
  ) {}
  get from(): string {
    if (!this.rec) return `input ${this.shape ? dims(this.shape) : '?'}`;
    return `${this.rec.path} ${this.rec.kind}${this.rec.outputShape ? ' ' + dims(this.rec.outputShape) : ''}`;
  }
  get fromZh(): string {
    return this.rec ? this.from : `输入 ${this.shape ? dims(this.shape) : '?'}`;
  }
}

/** Receptive field: `r_out = r_in + (D(K−1)+1 − 1)·j_in`, `j_out = j_in·S` (per axis); merges take the largest. */
function receptive(win: Window, sources: readonly Source[], input: readonly number[]): ReceptiveField | null {
  // A parameter sees no pixel: it adds nothing to the field of what it is combined with.
  if (sources.length === 0) return { size: [0, 0], jump: [0, 0], global: false };
  let s0 = 0;
  let s1 = 0;
  let j0 = 0;
  let j1 = 0;
  let global = false;
  for (const { rf } of sources) {
    if (rf === null) return null;
    if (rf.size[0] > s0) s0 = rf.size[0];
    if (rf.size[1] > s1) s1 = rf.size[1];
    if (rf.jump[0] > j0) j0 = rf.jump[0];
    if (rf.jump[1] > j1) j1 = rf.jump[1];
    if (rf.global) global = true;
  }
  if (win === 'identity' || global) return { size: [s0, s1], jump: [j0, j1], global };
  if (win === 'global') return { size: [input[1], input[2]], jump: [j0, j1], global: true };
  const [h, w] = win;
  return { size: [s0 + (effectiveKernel(h.kernel, h.dilation) - 1) * j0, s1 + (effectiveKernel(w.kernel, w.dilation) - 1) * j1], jump: [j0 * h.stride, j1 * w.stride], global: false };
}

/** `src` value of an edge from the network input; −1 is an edge from no layer. */
const INPUT_INDEX = -2;

/**
 * The graph's edges as layer indices, resolved once per analysis so the
 * record loop, the auxiliary-head walk and the module records do no string
 * lookups of their own.
 */
interface Wiring {
  /** The first layer with each path. */
  first: Map<string, number>;
  /** Layer k's inputs are edges `start[k]` to `start[k + 1] − 1`. */
  start: Int32Array;
  /** Producer of each edge: the first layer with that path, `INPUT_INDEX`, or −1. */
  src: Int32Array;
  /**
   * Where paths repeat (a broken graph), the last layer with layer k's path:
   * what a path-keyed map gives, and so what the auxiliary walk and module
   * shapes use. Null when every path is unique.
   */
  last: Int32Array | null;
}

function wire(graph: Graph): Wiring {
  const layers = graph.layers;
  const n = layers.length;
  const first = new Map<string, number>();
  let repeats = false;
  let edges = 0;
  for (let k = 0; k < n; k++) {
    const p = layers[k].path;
    if (first.has(p)) repeats = true;
    else first.set(p, k);
    edges += layers[k].inputs.length;
  }
  const start = new Int32Array(n + 1);
  const src = new Int32Array(edges);
  let e = 0;
  for (let k = 0; k < n; k++) {
    start[k] = e;
    for (const i of layers[k].inputs) src[e++] = i === INPUT ? INPUT_INDEX : (first.get(i) ?? -1);
  }
  start[n] = e;
  let last: Int32Array | null = null;
  if (repeats) {
    const lastByPath = new Map<string, number>();
    for (let k = 0; k < n; k++) lastByPath.set(layers[k].path, k);
    last = new Int32Array(n);
    for (let k = 0; k < n; k++) last[k] = lastByPath.get(layers[k].path) as number;
  }
  return { first, start, src, last };
}

/** What a layer feeds: the inference output (MAIN), only auxiliary heads (AUX), or nothing at all (DANGLING). */
const MAIN = 0;
const AUX = 1;
const DANGLING = 2;

/**
 * For each layer, MAIN, AUX or DANGLING. A layer that feeds neither the
 * output nor an auxiliary head is not taken for a head: PyTorch's forward
 * still runs it, so it counts on the inference path, and it is warned about.
 */
function reach(graph: Graph, { first, start, src, last }: Wiring): Uint8Array {
  const n = graph.layers.length;
  const flags = new Uint8Array(n);
  const outAt = first.get(graph.output);
  if (outAt === undefined) return flags;
  // A path names its last layer here (as a path-keyed map would); `canon` maps any layer to it.
  const canon = (k: number) => (last ? last[k] : k);
  const walk = (from: readonly number[]) => {
    const seen = new Uint8Array(n);
    const stack = from.map(canon);
    while (stack.length) {
      const k = stack.pop() as number;
      if (seen[k]) continue;
      seen[k] = 1;
      for (let e = start[k]; e < start[k + 1]; e++) if (src[e] >= 0) stack.push(canon(src[e]));
    }
    return seen;
  };
  const live = walk([outAt]);
  const heads = walk(graph.aux.map((a) => first.get(a.path)).filter((k): k is number => k !== undefined));
  for (let k = 0; k < n; k++) flags[k] = live[canon(k)] ? MAIN : heads[canon(k)] ? AUX : DANGLING;
  return flags;
}

type Report = (severity: Diagnostic['severity'], layer: { path: string; kind?: LayerKind } | null, d: Omit<Diagnostic, 'severity' | 'path' | 'kind' | 'zh'> & { zh: ZhText }) => void;

/**
 * A warning for each layer whose output nobody reads and that is neither the
 * output nor an auxiliary head (an SE branch whose multiply is missing): it
 * names the branch that ends there and its MACs, which count in the totals.
 */
function danglingWarnings(graph: Graph, records: readonly LayerRecord[], { start, src }: Wiring, flags: Uint8Array, report: Report): void {
  const n = records.length;
  const read = new Uint8Array(n);
  for (let e = 0; e < src.length; e++) if (src[e] >= 0) read[src[e]] = 1;
  for (let k = 0; k < n; k++) {
    if (flags[k] !== DANGLING || read[k]) continue;
    // The branch: this layer and the dangling layers it reads, back to where it leaves the network.
    const branch = new Set<number>();
    const stack = [k];
    while (stack.length) {
      const j = stack.pop() as number;
      if (branch.has(j) || flags[j] !== DANGLING) continue;
      branch.add(j);
      for (let e = start[j]; e < start[j + 1]; e++) if (src[e] >= 0) stack.push(src[e]);
    }
    const layers = [...branch].sort((a, b) => a - b).map((j) => records[j]);
    const macs = layers.reduce((a, r) => a + (r.macs ?? 0), 0);
    const names = layers.map((r) => r.path);
    const list = names.length > 6 ? [...names.slice(0, 3), '…', ...names.slice(-2)] : names;
    const r = records[k];
    report('warning', { path: r.path, kind: r.kind }, {
      code: 'dangling',
      message: `no layer reads its output, and it is neither the output ("${graph.output}") nor an auxiliary head; the branch ending here (${list.join(', ')}: ${names.length} layer${names.length === 1 ? '' : 's'}, ${formatInt(macs)} MACs) counts in the totals, as PyTorch's forward still runs it.`,
      fix: 'Feed it to the layer that uses it (a squeeze-and-excitation branch ends in a Mul with the features), list it in "aux" if it is an auxiliary classifier, or remove it.',
      zh: {
        message: `没有任何层读取它的输出，它既不是输出（"${graph.output}"），也不是辅助分类器；到这里为止的分支（${list.join('、')}：${names.length} 层，${formatInt(macs)} 次乘加）照样计入总数，因为 PyTorch 的前向传播仍会执行它。`,
        fix: '把它接到使用它的那一层（挤压激励分支最后要用 Mul 与特征相乘），如果它是辅助分类器就列进 "aux"，否则删掉它。',
      },
    });
  }
}

interface ModuleAcc {
  path: string;
  depth: number;
  children: string[];
  /** Only for modules with many direct children, to keep adding them linear. */
  childSet: Set<string> | null;
  layers: string[];
  params: number;
  trainableParams: number;
  macs: number | null;
  aux: boolean;
  errors: boolean;
  skipped: boolean;
  /** The one path entering the module from outside, if only one does. */
  entering: string | null;
  severalEntering: boolean;
  leaving: LayerRecord | null;
  leavingCount: number;
}

const NO_MODULES: readonly ModuleAcc[] = [];

function addChild(acc: ModuleAcc, child: string): void {
  const kids = acc.children;
  // Layers of a block come one after another, so the last child is the usual repeat.
  if (kids.length && kids[kids.length - 1] === child) return;
  if (acc.childSet) {
    if (acc.childSet.has(child)) return;
    acc.childSet.add(child);
  } else if (kids.includes(child)) return;
  else if (kids.length >= 16) acc.childSet = new Set(kids).add(child);
  kids.push(child);
}

/**
 * Module records from the layer records. Every layer's chain of enclosing
 * modules is found once (consecutive layers usually share it); an edge from
 * layer i to layer r enters the modules of r's chain that i is not in, and
 * makes i leave the modules of its own chain that r is not in.
 */
function moduleRecords(graph: Graph, records: LayerRecord[], { first, start, src, last }: Wiring, inputShape: Shape | null): ModuleRecord[] {
  const declared = new Map<string, string>();
  for (const m of graph.modules) declared.set(m.path, m.type);
  const accs = new Map<string, ModuleAcc>();
  const order: ModuleAcc[] = [];
  const n = records.length;
  const chains: (readonly ModuleAcc[])[] = new Array(n);
  let chain: readonly ModuleAcc[] = NO_MODULES;
  let chainParent: string | null = null;
  for (let k = 0; k < n; k++) {
    const r = records[k];
    if (r.parent !== chainParent) {
      const found: ModuleAcc[] = [];
      // The ancestors `a`, `a.b` of `a.b.c`, outermost first.
      for (let dot = r.path.indexOf('.'); dot >= 0; dot = r.path.indexOf('.', dot + 1)) {
        const m = r.path.slice(0, dot);
        let acc = accs.get(m);
        if (!acc) {
          acc = { path: m, depth: found.length, children: [], childSet: null, layers: [], params: 0, trainableParams: 0, macs: 0, aux: true, errors: false, skipped: false, entering: null, severalEntering: false, leaving: null, leavingCount: 0 };
          accs.set(m, acc);
          order.push(acc);
        }
        if (found.length) addChild(found[found.length - 1], m);
        found.push(acc);
      }
      chain = found.length ? found : NO_MODULES;
      chainParent = r.parent;
    }
    chains[k] = chain;
    if (chain.length) addChild(chain[chain.length - 1], r.path);
    for (const acc of chain) {
      acc.layers.push(r.path);
      acc.params += r.params;
      acc.trainableParams += r.trainableParams;
      acc.macs = acc.macs === null || r.macs === null ? null : acc.macs + r.macs;
      if (!r.aux) acc.aux = false;
      if (r.status === 'error') acc.errors = true;
      else if (r.status === 'skipped') acc.skipped = true;
    }
  }
  if (order.length === 0) return [];

  // leaveFrom[p]: the outermost depth at which layer p's output is read from
  // outside its module (n: nowhere). Keyed by the first layer of each path.
  const leaveFrom = new Int32Array(n).fill(n);
  const common = (a: readonly ModuleAcc[], b: readonly ModuleAcc[]) => {
    let d = 0;
    while (d < a.length && d < b.length && a[d] === b[d]) d++;
    return d;
  };
  for (let k = 0; k < n; k++) {
    const cr = chains[k];
    const inputs = records[k].inputs;
    for (let e = start[k]; e < start[k + 1]; e++) {
      const p = src[e];
      const ci = p >= 0 ? chains[p] : NO_MODULES;
      const d0 = cr === ci ? cr.length : common(cr, ci);
      const i = inputs[e - start[k]];
      for (let d = d0; d < cr.length; d++) {
        const acc = cr[d];
        if (acc.entering === null) acc.entering = i;
        else if (acc.entering !== i) acc.severalEntering = true;
      }
      if (p >= 0 && d0 < leaveFrom[p]) leaveFrom[p] = d0;
    }
  }
  for (const o of [graph.output, ...graph.aux.map((a) => a.path)]) {
    const p = first.get(o);
    if (p !== undefined) leaveFrom[p] = 0;
  }
  for (let k = 0; k < n; k++) {
    const cr = chains[k];
    const from = leaveFrom[last ? (first.get(records[k].path) as number) : k];
    for (let d = from; d < cr.length; d++) {
      cr[d].leaving = records[k];
      cr[d].leavingCount++;
    }
  }
  const shapeOf = (path: string): Shape | null => {
    // The input analysed (an override, or null if it is unusable), not necessarily graph.input.
    if (path === INPUT) return inputShape;
    const at = first.get(path);
    return at === undefined ? null : records[last ? last[at] : at].outputShape;
  };
  return order.map((m) => ({
    path: m.path,
    type: declared.get(m.path) ?? 'Module',
    name: lastSegment(m.path),
    depth: m.depth,
    parent: parentPath(m.path),
    children: m.children,
    layers: m.layers,
    params: m.params,
    trainableParams: m.trainableParams,
    macs: m.macs,
    inputShape: m.entering !== null && !m.severalEntering ? shapeOf(m.entering) : null,
    outputShape: m.leavingCount === 1 ? (m.leaving as LayerRecord).outputShape : null,
    aux: m.aux,
    status: m.errors ? 'error' : m.skipped ? 'skipped' : 'ok',
  }));
}

/**
 * What a reader in `locale` sees of a diagnostic: its Chinese message and fix
 * for `zh` (where it has them; a diagnostic made by other code may not), the
 * English otherwise. The English `message` and `fix` are never changed.
 */
export function diagnosticText(d: Pick<Diagnostic, 'message' | 'fix' | 'zh'>, locale: 'en' | 'zh'): { message: string; fix?: string } {
  if (locale === 'zh' && d.zh) return d.zh;
  return d.fix ? { message: d.message, fix: d.fix } : { message: d.message };
}

export type { Convention, ZhText } from '../kinds/spec.js';
