/**
 * What a model page says about a network, computed from its analysis: where the parameters
 * and the MACs live, what each Inception branch's 1×1 reduction saves, what global average
 * pooling saves against fully connected heads, the residual blocks and their shortcuts, and
 * where the notes' size formulas (001 §1.5) disagree with PyTorch's.
 *
 * Pure data records, no formatting (the page formats them with src/analysis/format.ts). Every
 * number comes from `analyze()` of the zoo graph or of a small graph built here for the
 * comparison (`compare.ts`'s bottleneck, a Linear head); none is typed in.
 */
import { analyze, type Analysis, type LayerRecord, type ModuleRecord } from '../analysis/analyze.js';
import { pair } from '../analysis/arith.js';
import { bottleneck, stack, type Comparison } from '../zoo/compare.js';
import { GraphBuilder } from '../graph/builder.js';
import { Flatten, Linear, ReLU } from '../kinds/constructors.js';
import type { Graph, Layer, Shape } from '../graph/types.js';
import { INPUT } from '../graph/types.js';
import { zooGraph } from '../zoo/index.js';
import { NOTES_EXAMPLES, type NotesExample } from './models/notes-arithmetic.js';

/** One row of a "where it lives" table: a stage (top-level part) or a layer. */
export interface Share {
  path: string;
  /** Module type (`Inception`, `BasicBlock`, `Sequential`) or layer kind (`Conv2d`). */
  type: string;
  params: number;
  /** MACs of one forward pass; for an auxiliary head, of that head (training only). */
  macs: number;
  /** Fraction of all parameters (auxiliary heads included, as PyTorch counts them). */
  paramShare: number;
  /** Fraction of the inference MACs; null for auxiliary heads, which inference does not run. */
  macShare: number | null;
  aux: boolean;
  outputShape: Shape | null;
}

export type SplitCategory = 'conv' | 'linear' | 'other';

/** Parameters and MACs of all convolutions, all fully connected layers, and the rest (BatchNorm). */
export interface CategorySplit {
  category: SplitCategory;
  layers: number;
  params: number;
  /** Inference path only, so the three rows sum to the total MACs. */
  macs: number;
}

/** The first fully connected layer on the inference path: in AlexNet and VGG, most of the network. */
export interface FirstLinear {
  path: string;
  inFeatures: number;
  outFeatures: number;
  /** The feature map flattened into it (C×H×W), when there is one. */
  featureMap: Shape | null;
  params: number;
  share: number;
  macs: number;
  macShare: number;
}

/** One Inception branch that reduces with a 1×1 convolution before its k×k one. */
export interface BranchSaving {
  /** The branch's own name inside the block (`branch2`, `p3_2`). */
  branch: string;
  reducePath: string;
  convPath: string;
  /** Block input `[C, H, W]`. */
  input: readonly [number, number, number];
  reduce: number;
  out: number;
  kernel: number;
  bias: boolean;
  direct: { params: number; macs: number; paramsFormula: string; macsFormula: string };
  reduced: { params: number; macs: number; paramsFormula: string; macsFormula: string };
  /** 1 − reduced/direct; negative when the "reduction" widens (the lecture's first block). */
  saving: { params: number; macs: number };
}

export interface InceptionBlock {
  path: string;
  inputShape: Shape | null;
  outputShape: Shape | null;
  params: number;
  macs: number;
  branches: BranchSaving[];
  /** Sums over the block's reduced branches. */
  direct: { params: number; macs: number };
  reduced: { params: number; macs: number };
}

/** A classifier head, real or hypothetical. */
export interface Head {
  /** Layer widths after flattening, ending with the classes. */
  widths: number[];
  params: number;
  macs: number;
}

export interface GapSaving {
  /** The global pooling layer. */
  pool: string;
  /** What it averages: the last feature map, `[C, H, W]`. */
  featureMap: readonly [number, number, number];
  classes: number;
  /** Every inference layer after the pool (Flatten, Dropout, the final Linear). */
  actual: { paths: string[]; params: number; macs: number };
  /** One Linear from the flattened feature map to the classes. */
  linear: Head;
  /** A head like the notes' AlexNet (its hidden widths, read from the alexnet-mnist graph). */
  alexnetHead: Head;
  /** NiN: the last block, whose output channels are the classes, is the classifier; compared with a Linear from its input. */
  classifierBlock: { path: string; input: readonly [number, number, number]; params: number; macs: number; linear: Head; alexnetHead: Head } | null;
}

export interface ResidualBlock {
  path: string;
  type: string;
  inputShape: Shape | null;
  outputShape: Shape | null;
  params: number;
  macs: number;
  shortcut: 'identity' | 'projection';
  /** The layers of a projection shortcut (a strided 1×1 convolution and its BatchNorm). */
  projection: { paths: string[]; params: number; macs: number } | null;
  /** The residual branch F(x). */
  main: { layers: number; params: number; macs: number };
}

export interface ResidualSummary {
  blocks: ResidualBlock[];
  identity: number;
  projection: number;
  projectionParams: number;
  projectionMacs: number;
  /** Parameters inside residual blocks, as a fraction of all. */
  blockParamShare: number;
}

/** A layer whose output size the notes' formulas (001 §1.5) get wrong, grouped by identical arithmetic. */
export interface FormulaMismatch {
  kind: 'Conv2d' | 'MaxPool2d' | 'AvgPool2d';
  /** The first layer with this arithmetic, and how many layers share it. */
  path: string;
  count: number;
  /** The notes' formula with the numbers: conv `(H + 2P − K)/S + 1`, pooling `H/S`. */
  formula: string;
  notes: number;
  pytorch: number;
  ceilMode: boolean;
}

export interface ModelInsights {
  id: string;
  analysis: Analysis;
  stages: Share[];
  topLayers: Share[];
  split: CategorySplit[];
  firstLinear: FirstLinear | null;
  inception: InceptionBlock[];
  gap: GapSaving | null;
  residual: ResidualSummary | null;
  formulas: FormulaMismatch[];
}

const macsOf = (x: { macs: number | null }) => x.macs ?? 0;

function layerMap(graph: Graph): Map<string, Layer> {
  return new Map(graph.layers.map((l) => [l.path, l]));
}

/** Is `path` inside module `mod` (or equal to it)? */
const inside = (path: string, mod: string) => mod === '' || path === mod || path.startsWith(`${mod}.`);

/**
 * The network's stages: the top-level modules and layers in execution order, looking through a
 * single wrapper (the notes' `self.net = nn.Sequential(...)`), without parts that have neither
 * parameters nor MACs (activations, pools, Flatten).
 */
export function stages(a: Analysis): Share[] {
  const mods = new Map(a.modules.map((m) => [m.path, m]));
  const layers = new Map(a.layers.map((l) => [l.path, l]));
  let parent = '';
  for (;;) {
    const top = childrenOf(a, parent);
    const only = top.length === 1 ? mods.get(top[0] as string) : undefined;
    if (!only) break;
    parent = only.path;
  }
  return childrenOf(a, parent)
    .map((p) => {
      const m = mods.get(p);
      const l = layers.get(p) as LayerRecord | undefined;
      const rec = (m ?? l) as ModuleRecord | LayerRecord;
      return share(a, p, m ? m.type : (l as LayerRecord).kind, rec.params, macsOf(rec), rec.aux, m ? m.outputShape : (l as LayerRecord).outputShape);
    })
    .filter((s) => s.params > 0 || s.macs > 0);
}

/** Direct children of a module (`''`: the network), in execution order. */
function childrenOf(a: Analysis, parent: string): string[] {
  if (parent !== '') return [...(a.modules.find((m) => m.path === parent)?.children ?? [])];
  const out: string[] = [];
  const seen = new Set<string>();
  const parentOf = new Map<string, string>([...a.modules.map((m) => [m.path, m.parent] as const), ...a.layers.map((l) => [l.path, l.parent] as const)]);
  for (const l of a.layers) {
    let p = l.path;
    while ((parentOf.get(p) ?? '') !== '') p = parentOf.get(p) as string;
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

function share(a: Analysis, path: string, type: string, params: number, macs: number, aux: boolean, outputShape: Shape | null): Share {
  return {
    path,
    type,
    params,
    macs,
    paramShare: a.totals.params ? params / a.totals.params : 0,
    macShare: aux ? null : a.totals.macs ? macs / a.totals.macs : 0,
    aux,
    outputShape,
  };
}

/** The `n` layers with the most parameters, largest first (ties in execution order). */
export function topLayers(a: Analysis, n = 5): Share[] {
  return a.layers
    .filter((l) => l.params > 0)
    .map((l, i) => ({ l, i }))
    .sort((x, y) => y.l.params - x.l.params || x.i - y.i)
    .slice(0, n)
    .map(({ l }) => share(a, l.path, l.kind, l.params, macsOf(l), l.aux, l.outputShape));
}

export function categorySplit(a: Analysis): CategorySplit[] {
  const rows: Record<SplitCategory, CategorySplit> = {
    conv: { category: 'conv', layers: 0, params: 0, macs: 0 },
    linear: { category: 'linear', layers: 0, params: 0, macs: 0 },
    other: { category: 'other', layers: 0, params: 0, macs: 0 },
  };
  for (const l of a.layers) {
    const c: SplitCategory = l.category === 'conv' || l.category === 'linear' ? l.category : 'other';
    const r = rows[c];
    if (c !== 'other' || l.params > 0) r.layers++;
    r.params += l.params;
    if (!l.aux) r.macs += macsOf(l);
  }
  return [rows.conv, rows.linear, rows.other];
}

/** What a layer's input was before any Flatten/Dropout/ReLU: the feature map a Linear reads. */
function featureMapBefore(a: Analysis, l: LayerRecord): Shape | null {
  const byPath = new Map(a.layers.map((x) => [x.path, x]));
  let cur: LayerRecord | undefined = l;
  for (let guard = 0; cur && guard < 8; guard++) {
    const src: string | undefined = cur.inputs[0];
    const prev: LayerRecord | undefined = src && src !== INPUT ? byPath.get(src) : undefined;
    const shape = cur.inputShapes[0] ?? null;
    if (shape && shape.length === 3) return shape;
    if (!prev || !['Flatten', 'Dropout', 'ReLU'].includes(prev.kind)) return prev?.outputShape && prev.outputShape.length === 3 ? prev.outputShape : null;
    cur = prev;
  }
  return null;
}

export function firstLinear(graph: Graph, a: Analysis): FirstLinear | null {
  const rec = a.layers.find((l) => l.kind === 'Linear' && !l.aux);
  if (!rec) return null;
  const layer = layerMap(graph).get(rec.path) as Layer<'Linear'>;
  return {
    path: rec.path,
    inFeatures: layer.in_features,
    outFeatures: layer.out_features,
    featureMap: featureMapBefore(a, rec),
    params: rec.params,
    share: a.totals.params ? rec.params / a.totals.params : 0,
    macs: macsOf(rec),
    macShare: a.totals.macs ? macsOf(rec) / a.totals.macs : 0,
  };
}

/** Walk back from a layer through shape-keeping companions (ReLU, BatchNorm2d) to the convolution that feeds it. */
function producingConv(byPath: Map<string, LayerRecord>, path: string | undefined): LayerRecord | null {
  let p = path;
  for (let guard = 0; p && p !== INPUT && guard < 8; guard++) {
    const l = byPath.get(p);
    if (!l) return null;
    if (l.kind === 'Conv2d') return l;
    if (l.kind !== 'ReLU' && l.kind !== 'BatchNorm2d') return null;
    p = l.inputs[0];
  }
  return null;
}

/** Is `path` (a producer of a layer in `block`) the block's input, i.e. produced outside the block? */
const fromOutside = (path: string | undefined, block: string) => path === INPUT || (path !== undefined && !inside(path, block));

/**
 * Every Inception block's branches of the form 1×1 → k×k (k > 1), each compared with one
 * direct k×k convolution from the block input to the same channels, by `compare.ts`'s
 * `bottleneck` on the block's real channel counts and size.
 */
export function inceptionSavings(graph: Graph, a: Analysis): InceptionBlock[] {
  const byPath = new Map(a.layers.map((l) => [l.path, l]));
  const cfg = layerMap(graph);
  const blocks: InceptionBlock[] = [];
  for (const m of a.modules.filter((x) => x.type === 'Inception')) {
    const branches: BranchSaving[] = [];
    for (const lp of m.layers) {
      const l = byPath.get(lp) as LayerRecord;
      if (l.kind !== 'Conv2d') continue;
      const conv = cfg.get(l.path) as Layer<'Conv2d'>;
      const [kh, kw] = pair(conv.kernel_size);
      if (kh !== kw || kh === 1) continue;
      const red = producingConv(byPath, l.inputs[0]);
      if (!red) continue;
      const redCfg = cfg.get(red.path) as Layer<'Conv2d'>;
      const [rh, rw] = pair(redCfg.kernel_size);
      if (rh !== 1 || rw !== 1 || !fromOutside(red.inputs[0], m.path)) continue;
      const input = red.inputShapes[0];
      if (!input || input.length !== 3) continue;
      const inShape = [input[0], input[1], input[2]] as const;
      const bias = conv.bias !== false;
      const c = bottleneck({ input: inShape, out: conv.out_channels, kernel: kh, reduce: redCfg.out_channels, bias });
      const [d, r] = c.variants;
      const rel = l.path.slice(m.path.length + 1);
      branches.push({
        branch: rel.split('.')[0] as string,
        reducePath: red.path,
        convPath: l.path,
        input: inShape,
        reduce: redCfg.out_channels,
        out: conv.out_channels,
        kernel: kh,
        bias,
        direct: { params: d.params, macs: d.macs, paramsFormula: d.paramsFormula, macsFormula: d.macsFormula },
        reduced: { params: r.params, macs: r.macs, paramsFormula: r.paramsFormula, macsFormula: r.macsFormula },
        saving: c.saving,
      });
    }
    if (!branches.length) continue;
    const sum = (f: (b: BranchSaving) => number) => branches.reduce((s, b) => s + f(b), 0);
    blocks.push({
      path: m.path,
      inputShape: m.inputShape,
      outputShape: m.outputShape,
      params: m.params,
      macs: macsOf(m),
      branches,
      direct: { params: sum((b) => b.direct.params), macs: sum((b) => b.direct.macs) },
      reduced: { params: sum((b) => b.reduced.params), macs: sum((b) => b.reduced.macs) },
    });
  }
  return blocks;
}

/** Analyse a hypothetical head: Flatten, then Linear layers of these widths (ReLU between), on a `[C, H, W]` input. */
export function headCost(input: readonly [number, number, number], widths: readonly number[]): Head {
  const g = new GraphBuilder('head', input);
  let x = g.layer('flatten', Flatten(), g.input);
  let inF = input[0] * input[1] * input[2];
  widths.forEach((w, i) => {
    if (i > 0) x = g.layer(`relu${i}`, ReLU(), x);
    x = g.layer(`fc${i + 1}`, Linear(inF, w), x);
    inF = w;
  });
  const a = analyze(g.build(x));
  return { widths: [...widths], params: a.totals.params, macs: a.totals.macs };
}

/** The hidden widths of the notes' AlexNet head (001), read from its graph. */
export function alexnetHiddenWidths(): number[] {
  const g = zooGraph('alexnet-mnist');
  if (!g) throw new Error('insights: the zoo has no alexnet-mnist to take the head widths from.');
  const linears = g.layers.filter((l): l is Layer<'Linear'> => l.kind === 'Linear');
  return linears.slice(0, -1).map((l) => l.out_features);
}

/** What global average pooling saves against fully connected heads on the same feature map. */
export function gapSaving(a: Analysis): GapSaving | null {
  const inference = a.layers.filter((l) => !l.aux);
  const isGlobalPool = (l: LayerRecord) => {
    const inS = l.inputShapes[0];
    const out = l.outputShape;
    return (l.kind === 'AdaptiveAvgPool2d' || l.kind === 'AvgPool2d') && !!inS && inS.length === 3 && !!out && out.length === 3 && out[1] === 1 && out[2] === 1 && (inS[1] as number) * (inS[2] as number) > 1;
  };
  let i = inference.length - 1;
  while (i >= 0 && !isGlobalPool(inference[i] as LayerRecord)) i--;
  if (i < 0 || !a.output || a.output.length !== 1) return null;
  const pool = inference[i] as LayerRecord;
  const s = pool.inputShapes[0] as Shape;
  const featureMap = [s[0], s[1], s[2]] as [number, number, number];
  const classes = a.output[0] as number;
  const after = inference.slice(i + 1);
  const hidden = alexnetHiddenWidths();
  let classifierBlock: GapSaving['classifierBlock'] = null;
  if (featureMap[0] === classes) {
    // NiN: the block before the pool already has one channel per class; it is the classifier.
    const producer = pool.inputs[0];
    const block = a.modules.filter((m) => producer && inside(producer, m.path) && m.depth === 0)[0];
    const bin = block?.inputShape;
    if (block && bin && bin.length === 3) {
      const input = [bin[0], bin[1], bin[2]] as [number, number, number];
      classifierBlock = { path: block.path, input, params: block.params, macs: macsOf(block), linear: headCost(input, [classes]), alexnetHead: headCost(input, [...hidden, classes]) };
    }
  }
  return {
    pool: pool.path,
    featureMap,
    classes,
    actual: { paths: after.map((l) => l.path), params: after.reduce((n, l) => n + l.params, 0), macs: after.reduce((n, l) => n + macsOf(l), 0) },
    linear: headCost(featureMap, [classes]),
    alexnetHead: headCost(featureMap, [...hidden, classes]),
    classifierBlock,
  };
}

/** Layers of `block` reached walking back from `from` until the block's input. */
function branchLayers(byPath: Map<string, LayerRecord>, from: string, block: string): LayerRecord[] {
  const out: LayerRecord[] = [];
  const stack = [from];
  const seen = new Set<string>();
  while (stack.length) {
    const p = stack.pop() as string;
    if (seen.has(p) || fromOutside(p, block)) continue;
    seen.add(p);
    const l = byPath.get(p);
    if (!l) continue;
    out.push(l);
    stack.push(...l.inputs);
  }
  return out;
}

/** Residual blocks (modules with an addition of their own), with their shortcut: identity or projection. */
export function residualBlocks(a: Analysis): ResidualSummary | null {
  const byPath = new Map(a.layers.map((l) => [l.path, l]));
  const blocks: ResidualBlock[] = [];
  for (const m of a.modules) {
    const add = a.layers.find((l) => l.kind === 'Add' && l.parent === m.path);
    if (!add || add.inputs.length !== 2) continue;
    const sides = add.inputs.map((p) => branchLayers(byPath, p, m.path));
    const [short, main] = sides[0]!.length <= sides[1]!.length ? [sides[0]!, sides[1]!] : [sides[1]!, sides[0]!];
    const sum = (ls: LayerRecord[], f: (l: LayerRecord) => number) => ls.reduce((n, l) => n + f(l), 0);
    blocks.push({
      path: m.path,
      type: m.type,
      inputShape: m.inputShape,
      outputShape: m.outputShape,
      params: m.params,
      macs: macsOf(m),
      shortcut: short.length === 0 ? 'identity' : 'projection',
      projection: short.length === 0 ? null : { paths: short.map((l) => l.path).reverse(), params: sum(short, (l) => l.params), macs: sum(short, macsOf) },
      main: { layers: main.length, params: sum(main, (l) => l.params), macs: sum(main, macsOf) },
    });
  }
  if (!blocks.length) return null;
  const proj = blocks.filter((b) => b.projection);
  return {
    blocks,
    identity: blocks.length - proj.length,
    projection: proj.length,
    projectionParams: proj.reduce((n, b) => n + (b.projection?.params ?? 0), 0),
    projectionMacs: proj.reduce((n, b) => n + (b.projection?.macs ?? 0), 0),
    blockParamShare: a.totals.params ? blocks.reduce((n, b) => n + b.params, 0) / a.totals.params : 0,
  };
}

/**
 * Layers whose output size the notes' formulas get wrong: 001 §1.5 writes
 * `OH = (H + 2P − FH)/S + 1` for convolutions and `OH = H/S` for pooling, exact only when the
 * division comes out whole; PyTorch floors (or, with ceil_mode, rounds up).
 */
export function formulaMismatches(graph: Graph, a: Analysis): FormulaMismatch[] {
  const cfg = layerMap(graph);
  const groups = new Map<string, FormulaMismatch>();
  for (const l of a.layers) {
    if (l.kind !== 'Conv2d' && l.kind !== 'MaxPool2d' && l.kind !== 'AvgPool2d') continue;
    const inS = l.inputShapes[0];
    const out = l.outputShape;
    if (!inS || inS.length !== 3 || !out || out.length !== 3) continue;
    const c = cfg.get(l.path) as Layer<'Conv2d' | 'MaxPool2d' | 'AvgPool2d'>;
    const [kh, kw] = pair(c.kernel_size);
    const stride = pair(c.kind === 'Conv2d' ? (c.stride ?? 1) : (c.stride ?? c.kernel_size));
    const padding = c.padding;
    if (typeof padding === 'string') continue;
    const [ph, pw] = pair(padding ?? 0);
    const ceilMode = c.kind !== 'Conv2d' && c.ceil_mode === true;
    for (const axis of [0, 1] as const) {
      const h = inS[axis + 1] as number;
      const k = axis === 0 ? kh : kw;
      const p = axis === 0 ? ph : pw;
      const s = stride[axis];
      const actual = out[axis + 1] as number;
      const notes = c.kind === 'Conv2d' ? (h + 2 * p - k) / s + 1 : h / s;
      if (notes === actual) continue;
      const formula = c.kind === 'Conv2d' ? `(${h} + 2×${p} − ${k})/${s} + 1` : `${h}/${s}`;
      const key = `${c.kind}|${formula}|${actual}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { kind: c.kind, path: l.path, count: 1, formula, notes, pytorch: actual, ceilMode });
      break;
    }
  }
  return [...groups.values()];
}

export function modelInsights(id: string, graph: Graph): ModelInsights {
  const a = analyze(graph);
  return {
    id,
    analysis: a,
    stages: stages(a),
    topLayers: topLayers(a),
    split: categorySplit(a),
    firstLinear: firstLinear(graph, a),
    inception: inceptionSavings(graph, a),
    gap: gapSaving(a),
    residual: residualBlocks(a),
    formulas: formulaMismatches(graph, a),
  };
}

/** One of the notes' worked examples recomputed: the printed numbers beside the analysis's. */
export interface NotesCheck {
  example: NotesExample;
  /** What the notes' two numbers become when computed (same units as `printed`). */
  computed: { a: number; b: number };
  printed: { a: number; b: number };
  agree: boolean;
  comparison: Comparison;
}

/** The notes' worked examples that belong on this network's page, each recomputed. */
export function notesChecks(id: string): NotesCheck[] {
  return NOTES_EXAMPLES.filter((e) => e.ids.includes(id)).map((example) => {
    if (example.kind === 'bottleneck') {
      const c = bottleneck(example.config);
      const [d, r] = c.variants;
      const computed = example.quantity === 'macs' ? { a: d.macs, b: r.macs } : { a: d.params, b: r.params };
      const printed = { a: example.printed.direct, b: example.printed.reduced };
      return { example, computed, printed, agree: computed.a === printed.a && computed.b === printed.b, comparison: c };
    }
    const c = stack(example.config);
    const c2 = example.config.channels * example.config.channels;
    const [single, stacked] = c.variants;
    const computed = { a: single.params / c2, b: stacked.params / c2 };
    const printed = { a: example.printed.singlePerC2, b: example.printed.stackedPerC2 };
    return { example, computed, printed, agree: computed.a === printed.a && computed.b === printed.b, comparison: c };
  });
}
