/**
 * graph → per-layer records, per-module records, totals and diagnostics.
 * Never throws on a broken network: layers after a failure are `skipped`,
 * everything before it is computed, and every problem becomes a diagnostic.
 */
import { MAX_COUNT, MAX_DIM } from '../graph/limits.js';
import { checkStructure } from '../graph/validate.js';
import { ancestors, depthOf, lastSegment, parentPath } from '../graph/paths.js';
import { INPUT, type Graph, type Layer, type LayerKind, type Shape } from '../graph/types.js';
import { effectiveKernel, product } from './arith.js';
import { dims } from './layers/common.js';
import { LAYER_SPECS } from './layers/index.js';
import type { Category, Convention, InputInfo, WeightSpec } from './layers/spec.js';

export { MAX_COUNT, MAX_DIM };

export interface ReceptiveField {
  /** Input pixels one output position sees, per axis (height, width). */
  size: readonly [number, number];
  /** Input pixels between neighbouring output positions ("jump"). */
  jump: readonly [number, number];
  /** True once a layer sees the whole input (global pooling, Flatten, Linear). */
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

export interface Diagnostic {
  severity: 'error' | 'warning';
  path: string;
  kind?: LayerKind;
  code: string;
  /** Full sentence, prefixed with the layer: `features.3 Conv2d: expects …`. */
  message: string;
  formula?: string;
  fix?: string;
  jsonPath?: (string | number)[];
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

export function analyze(graph: Graph, options: AnalyzeOptions = {}): Analysis {
  const convention = options.convention ?? 'default';
  const input = options.input ?? graph.input;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], layer: { path: string; kind?: LayerKind } | null, d: Omit<Diagnostic, 'severity' | 'path' | 'kind'>) => {
    const prefix = layer ? `${layer.path}${layer.kind ? ' ' + layer.kind : ''}: ` : '';
    diagnostics.push({ severity, path: layer?.path ?? '', ...(layer?.kind ? { kind: layer.kind } : {}), ...d, message: prefix + d.message });
  };

  for (const s of checkStructure(graph)) report('error', graph.layers.find((l) => l.path === s.path) ?? { path: s.path }, s);
  const structBroken = new Set(diagnostics.map((d) => d.path));

  const inputOk = input.length === 3 && input.every((x) => Number.isInteger(x) && x >= 1 && x <= MAX_DIM);
  if (!inputOk) {
    report('error', null, { code: 'input', message: `input: the input shape must be three positive integers C×H×W, got ${JSON.stringify(input)}.`, fix: 'Write it like 1x28x28 or [1, 28, 28].', jsonPath: ['input'] });
  }

  const aux = auxLayers(graph);
  const byPath = new Map<string, LayerRecord>();
  const records: LayerRecord[] = [];
  const rf = new Map<string, ReceptiveField>();
  const inputRf: ReceptiveField = { size: [1, 1], jump: [1, 1], global: false };

  for (const layer of graph.layers) {
    const spec = LAYER_SPECS[layer.kind] as (typeof LAYER_SPECS)[LayerKind] | undefined;
    const base = {
      path: layer.path,
      kind: layer.kind,
      name: lastSegment(layer.path),
      depth: depthOf(layer.path) - 1,
      parent: parentPath(layer.path),
      inputs: layer.inputs,
      aux: aux.has(layer.path),
      functional: layer.functional ?? (layer.kind === 'Concat' || layer.kind === 'Add'),
    };
    if (!spec) {
      const rec: LayerRecord = { ...base, label: String(layer.kind), category: 'reshape', inputShapes: [], outputShape: null, weights: [], params: 0, trainableParams: 0, bufferCount: 0, macs: null, outputBytes: null, receptiveField: null, status: 'error', formula: [] };
      records.push(rec);
      if (!byPath.has(layer.path)) byPath.set(layer.path, rec);
      continue;
    }
    const anySpec = spec as unknown as import('./layers/spec.js').LayerKindSpec;
    const weights = anySpec.weights(layer);
    const params = weights.reduce((a, w) => a + product(w.shape), 0);
    const bufferCount = anySpec.buffers(layer).reduce((a, w) => a + product(w.shape), 0);
    const sources: Source[] = [];
    for (const src of layer.inputs) sources.push(src === INPUT ? new Source(inputOk ? input : null, null, inputRf) : new Source(byPath.get(src)?.outputShape ?? null, byPath.get(src) ?? null, rf.get(src) ?? null));
    const inputShapes = sources.map((s) => s.shape);
    let status: Status = 'ok';
    let outputShape: Shape | null = null;
    let formula: string[] = [];
    if (structBroken.has(layer.path)) status = 'error';
    else if (inputShapes.some((s) => s === null) || inputShapes.length === 0) status = 'skipped';
    else {
      const infos = sources as InputInfo[];
      const result = anySpec.outputShape(layer, infos);
      if (!result.ok) {
        status = 'error';
        report('error', layer, result.error);
      } else {
        const big = result.shape.find((x) => x > MAX_DIM);
        const numel = product(result.shape);
        if (big !== undefined || numel > MAX_COUNT || result.shape.some((x) => !Number.isFinite(x))) {
          status = 'error';
          report('error', layer, { code: 'too-large', message: `the output ${dims(result.shape)} is too large to analyse exactly (${numel.toExponential(2)} values).`, fix: 'Use a smaller input or fewer channels.' });
        } else {
          outputShape = result.shape;
          for (const w of result.warnings ?? []) report('warning', layer, w);
          formula = anySpec.formula ? anySpec.formula(layer, infos[0].shape, outputShape) : [];
        }
      }
    }
    let macs: number | null = null;
    if (outputShape) {
      macs = anySpec.macs(layer, inputShapes as Shape[], outputShape, convention);
      if (!(macs <= MAX_COUNT)) {
        report('error', layer, { code: 'too-large', message: `its ${macs.toExponential(2)} multiply-accumulates exceed exact integer range.`, fix: 'Use a smaller input or fewer channels.' });
        status = 'error';
        macs = null;
        outputShape = null;
      }
    }
    if (params > MAX_COUNT) report('error', layer, { code: 'too-large', message: `its ${params.toExponential(2)} parameters exceed exact integer range.`, fix: 'Use fewer channels or features.' });
    let receptiveField: ReceptiveField | null = null;
    if (outputShape) {
      receptiveField = receptive(anySpec.window(layer, inputShapes[0] as Shape), sources.map((s) => s.rf), input);
      if (receptiveField) rf.set(layer.path, receptiveField);
    }
    const rec: LayerRecord = {
      path: base.path,
      kind: base.kind,
      name: base.name,
      label: anySpec.label(layer),
      category: anySpec.category,
      depth: base.depth,
      parent: base.parent,
      inputs: base.inputs,
      inputShapes,
      outputShape,
      weights,
      params,
      trainableParams: params,
      bufferCount,
      macs,
      outputBytes: outputShape ? product(outputShape) * BYTES_F32 : null,
      receptiveField,
      aux: base.aux,
      functional: base.functional,
      status,
      formula,
    };
    records.push(rec);
    if (!byPath.has(layer.path)) byPath.set(layer.path, rec);
  }

  const modules = moduleRecords(graph, records);
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
  const out = byPath.get(graph.output);
  return {
    model: graph.name,
    input: [input[0], input[1], input[2]],
    convention,
    output: out?.outputShape ?? null,
    layers: records,
    modules,
    totals,
    diagnostics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
  };
}

/** An input of a layer; `from` (for messages only) is built when a message needs it. */
class Source {
  constructor(
    readonly shape: Shape | null,
    readonly rec: LayerRecord | null,
    readonly rf: ReceptiveField | null,
  ) {}
  get from(): string {
    if (!this.rec) return `input ${this.shape ? dims(this.shape) : '?'}`;
    return `${this.rec.path} ${this.rec.kind}${this.rec.outputShape ? ' ' + dims(this.rec.outputShape) : ''}`;
  }
}

/** Receptive field: `r_out = r_in + (D(K−1)+1 − 1)·j_in`, `j_out = j_in·S` (per axis); merges take the largest. */
function receptive(win: import('./layers/spec.js').Window, ins: (ReceptiveField | null)[], input: readonly number[]): ReceptiveField | null {
  if (ins.some((r) => r === null) || ins.length === 0) return null;
  const fields = ins as ReceptiveField[];
  const merged: ReceptiveField = {
    size: [Math.max(...fields.map((f) => f.size[0])), Math.max(...fields.map((f) => f.size[1]))],
    jump: [Math.max(...fields.map((f) => f.jump[0])), Math.max(...fields.map((f) => f.jump[1]))],
    global: fields.some((f) => f.global),
  };
  if (win === 'identity' || merged.global) return merged;
  if (win === 'global') return { size: [input[1], input[2]], jump: merged.jump, global: true };
  const size = [0, 1].map((i) => merged.size[i] + (effectiveKernel(win[i].kernel, win[i].dilation) - 1) * merged.jump[i]) as [number, number];
  const jump = [0, 1].map((i) => merged.jump[i] * win[i].stride) as [number, number];
  return { size, jump, global: false };
}

/** Layers that do not feed the inference output: the auxiliary heads. */
function auxLayers(graph: Graph): Set<string> {
  const producers = new Map(graph.layers.map((l) => [l.path, l.inputs]));
  const live = new Set<string>();
  const stack = [graph.output];
  while (stack.length) {
    const p = stack.pop() as string;
    if (live.has(p) || !producers.has(p)) continue;
    live.add(p);
    stack.push(...(producers.get(p) ?? []));
  }
  if (!producers.has(graph.output)) return new Set();
  return new Set(graph.layers.filter((l) => !live.has(l.path)).map((l) => l.path));
}

function moduleRecords(graph: Graph, records: LayerRecord[]): ModuleRecord[] {
  const declared = new Map(graph.modules.map((m) => [m.path, m.type]));
  const order: string[] = [];
  const children = new Map<string, string[]>();
  const inside = new Map<string, LayerRecord[]>();
  const addChild = (parent: string, child: string) => {
    const list = children.get(parent) ?? [];
    if (!list.includes(child)) list.push(child);
    children.set(parent, list);
  };
  for (const r of records) {
    const chain = ancestors(r.path);
    for (const m of chain) {
      if (!inside.has(m)) {
        inside.set(m, []);
        order.push(m);
      }
      (inside.get(m) as LayerRecord[]).push(r);
    }
    [...chain, r.path].forEach((p, i, all) => i > 0 && addChild(all[i - 1], p));
  }
  const byPath = new Map(records.map((r) => [r.path, r]));
  const consumers = new Map<string, string[]>();
  for (const r of records) for (const i of r.inputs) consumers.set(i, [...(consumers.get(i) ?? []), r.path]);
  const external = new Set([graph.output, ...graph.aux.map((a) => a.path)]);
  return order.map((path) => {
    const rs = inside.get(path) as LayerRecord[];
    const members = new Set(rs.map((r) => r.path));
    const entering = new Set<string>();
    const leaving: LayerRecord[] = [];
    for (const r of rs) for (const i of r.inputs) if (!members.has(i)) entering.add(i);
    for (const r of rs) {
      const usedOutside = external.has(r.path) || (consumers.get(r.path) ?? []).some((c) => !members.has(c));
      if (usedOutside) leaving.push(r);
    }
    const inShape = entering.size === 1 ? shapeOf([...entering][0], byPath, graph) : null;
    const macsKnown = rs.every((r) => r.macs !== null);
    return {
      path,
      type: declared.get(path) ?? 'Module',
      name: lastSegment(path),
      depth: depthOf(path) - 1,
      parent: parentPath(path),
      children: children.get(path) ?? [],
      layers: rs.map((r) => r.path),
      params: rs.reduce((a, r) => a + r.params, 0),
      trainableParams: rs.reduce((a, r) => a + r.trainableParams, 0),
      macs: macsKnown ? rs.reduce((a, r) => a + (r.macs as number), 0) : null,
      inputShape: inShape,
      outputShape: leaving.length === 1 ? leaving[0].outputShape : null,
      aux: rs.every((r) => r.aux),
      status: rs.some((r) => r.status === 'error') ? 'error' : rs.some((r) => r.status === 'skipped') ? 'skipped' : 'ok',
    };
  });
}

function shapeOf(path: string, byPath: Map<string, LayerRecord>, graph: Graph): Shape | null {
  if (path === INPUT) return graph.input;
  return byPath.get(path)?.outputShape ?? null;
}

/** Records of the top-level children of the network (modules and layers), for depth-limited tables. */
export function topLevel(a: Analysis): string[] {
  const seen: string[] = [];
  for (const r of a.layers) {
    const top = r.path.split('.')[0];
    if (!seen.includes(top)) seen.push(top);
  }
  return seen;
}

export type { Convention } from './layers/spec.js';
export type LayerOf<K extends LayerKind> = Layer<K>;
