/**
 * graph → tfjs: compiles the validated graph (the same one that is analysed
 * and drawn) to a channels-last `tf.LayersModel` with PyTorch's semantics.
 *
 * Shapes are never worked out here. Every size the model needs (pool output
 * sizes, adaptive pooling targets, flattened widths) comes from `analyze(graph)`,
 * and the padding that makes tfjs's 'valid' windows produce exactly that size
 * is derived from it. After each layer the symbolic tfjs shape and the
 * trainable parameter count are checked against the analysis, so a model that
 * disagrees with the drawing cannot be built.
 */
import * as tf from '@tensorflow/tfjs';
import { analyze, type Analysis, type LayerRecord } from '../analysis/analyze.js';
import { INPUT, type Graph, type Layer, type Shape } from '../graph/types.js';
import { channelsLast } from '../kinds/tfjs-common.js';
import { KIND_TFJS } from '../kinds/tfjs.js';
import type { KindTfjs, TfjsContext } from '../kinds/tfjs-spec.js';

export { channelsLast };

export interface CompileOptions {
  /**
   * Build the auxiliary classifiers as extra outputs (default true). With
   * false only the inference path is built, as in PyTorch's `eval()` graph.
   */
  training?: boolean;
  /** Seed of the weight initialisers; each weight gets its own seed from it. Default: unseeded. */
  seed?: number;
  /**
   * 'torch' (default): PyTorch's default initialisation. 'zeros': every
   * weight 0, much faster for building a model only to inspect it or to load
   * trained weights into it (ImageNet networks have 10⁸ weights to draw).
   */
  init?: 'torch' | 'zeros';
}

export interface CompiledGraph {
  /** Outputs: the graph's output, then each auxiliary head (training only). */
  model: tf.LayersModel;
  /**
   * The inference path alone (the graph's output), sharing every layer and
   * weight with `model`. Dispose `model`, not both: disposing frees shared weights.
   */
  inference: tf.LayersModel;
  /** Graph paths of `model.outputs`, in order. */
  outputs: string[];
  /** Loss weight per output: 1 for the main output, the graph's weight (GoogLeNet: 0.3) for each auxiliary head. */
  lossWeights: number[];
  /** Input of one sample, channels-last: `[H, W, C]`. */
  inputShape: [number, number, number];
  /** The tfjs layers that implement each graph layer, in order; the last produces its output. */
  layers: ReadonlyMap<string, readonly tf.layers.Layer[]>;
  analysis: Analysis;
}

/** The graph does not analyse cleanly, or uses something the trainer cannot express. */
export class CompileError extends Error {
  readonly diagnostics: readonly string[];
  constructor(message: string, diagnostics: readonly string[] = []) {
    super(message);
    this.name = 'CompileError';
    this.diagnostics = diagnostics;
  }
}

type Sym = tf.SymbolicTensor;

export function compileGraph(graph: Graph, options: CompileOptions = {}): CompiledGraph {
  const analysis = analyze(graph);
  if (!analysis.ok) {
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw new CompileError(`${graph.name}: the network does not fit together, so it cannot be trained. ${errors[0] ?? ''}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, errors);
  }
  const training = options.training ?? true;
  const aux = training ? graph.aux : [];
  const outputs = [graph.output, ...aux.map((a) => a.path)];
  const live = liveLayers(graph, outputs);
  const records = new Map(analysis.layers.map((r) => [r.path, r]));

  const zeros = options.init === 'zeros';
  let seedCounter = 0;
  const seed = () => (options.seed === undefined ? undefined : options.seed + seedCounter++);
  const names = new Set<string>(['input']);
  const uniqueName = (base: string) => {
    let name = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[^A-Za-z0-9]/, 'l');
    for (let i = 2; names.has(name); i++) name = `${base}_${i}`.replace(/[^A-Za-z0-9._-]/g, '_');
    names.add(name);
    return name;
  };

  const inputShape = channelsLast(analysis.input) as [number, number, number];
  const input = tf.input({ shape: inputShape, name: 'input' });
  const tensors = new Map<string, Sym>([[INPUT, input]]);
  const built = new Map<string, tf.layers.Layer[]>();

  for (const layer of graph.layers) {
    if (!live.has(layer.path)) continue;
    const rec = records.get(layer.path) as LayerRecord;
    const base = uniqueName(layer.path);
    const ctx: TfjsContext = {
      rec,
      inShape: rec.inputShapes[0] as Shape,
      outShape: rec.outputShape as Shape,
      zeros,
      name: (suffix) => (suffix ? uniqueName(`${base}.${suffix}`) : base),
      seed,
      fail: (message) => {
        throw new CompileError(`${layer.path} ${layer.kind}: ${message}`);
      },
    };
    // A layer that reads nothing (a Parameter) is applied to the network input, for the batch size.
    const ins = layer.inputs.length ? layer.inputs.map((p) => tensors.get(p) as Sym) : [input];
    const chain = buildLayer(layer, ctx);
    let y: Sym | Sym[] = ins.length === 1 ? ins[0] : ins;
    for (const l of chain) y = l.apply(y) as Sym;
    const out = y as Sym;
    checkAgainstAnalysis(layer, rec, out, chain);
    tensors.set(layer.path, out);
    built.set(layer.path, chain);
  }

  const outs = outputs.map((p) => tensors.get(p) as Sym);
  const model = tf.model({ inputs: input, outputs: outs, name: graph.name.replace(/[^A-Za-z0-9._-]/g, '_') });
  const inference = outs.length === 1 ? model : tf.model({ inputs: input, outputs: outs[0], name: `${model.name}.inference` });
  return { model, inference, outputs, lossWeights: [1, ...aux.map((a) => a.weight)], inputShape, layers: built, analysis };
}

/** Layers that feed one of the outputs; anything else would be dead weight in tfjs. */
function liveLayers(graph: Graph, outputs: readonly string[]): Set<string> {
  const inputsOf = new Map(graph.layers.map((l) => [l.path, l.inputs]));
  const live = new Set<string>();
  const stack = [...outputs];
  while (stack.length) {
    const p = stack.pop() as string;
    if (live.has(p) || !inputsOf.has(p)) continue;
    live.add(p);
    stack.push(...(inputsOf.get(p) as readonly string[]));
  }
  return live;
}

function checkAgainstAnalysis(layer: Layer, rec: LayerRecord, out: Sym, chain: readonly tf.layers.Layer[]): void {
  const want = channelsLast(rec.outputShape as Shape);
  const got = out.shape.slice(1);
  if (got.length !== want.length || got.some((v, i) => v !== want[i])) {
    throw new CompileError(`${layer.path} ${layer.kind}: tfjs produces [${got.join(', ')}] but the analysis says [${want.join(', ')}] (channels-last). This is a bug in the compiler.`);
  }
  const params = chain.reduce((a, l) => a + l.trainableWeights.reduce((b, w) => b + (w.shape as number[]).reduce((x, y) => x * y, 1), 0), 0);
  if (params !== rec.trainableParams) {
    throw new CompileError(`${layer.path} ${layer.kind}: tfjs has ${params} trainable parameters, the analysis ${rec.trainableParams}. This is a bug in the compiler.`);
  }
}

/** The kind's tfjs layers for one graph layer (its tfjs facet), or the reason it has none. */
function buildLayer(layer: Layer, ctx: TfjsContext): tf.layers.Layer[] {
  const facet = KIND_TFJS[layer.kind] as KindTfjs | undefined;
  if (!facet) return ctx.fail(`unsupported layer kind ${String(layer.kind)}.`);
  if ('notTrainable' in facet) return ctx.fail(`cannot be trained: ${facet.notTrainable}`);
  return (facet.compile as (layer: Layer, ctx: TfjsContext) => tf.layers.Layer[])(layer, ctx);
}
