/**
 * graph → tfjs: compiles the validated graph (the same one that is analysed
 * and drawn) to a channels-last `tf.LayersModel` with PyTorch's semantics.
 *
 * Shapes are never worked out here. Every size the model needs (pool output
 * sizes, adaptive pooling targets, Flatten widths) comes from `analyze(graph)`,
 * and the padding that makes tfjs's 'valid' windows produce exactly that size
 * is derived from it. After each layer the symbolic tfjs shape and the
 * trainable parameter count are checked against the analysis, so a model that
 * disagrees with the drawing cannot be built.
 */
import * as tf from '@tensorflow/tfjs';
import { analyze, type Analysis, type LayerRecord } from '../analysis/analyze.js';
import { effectiveKernel } from '../analysis/arith.js';
import { convWindows } from '../analysis/layers/conv2d.js';
import { poolWindows } from '../analysis/layers/pool.js';
import { INPUT, type Graph, type Layer, type Shape } from '../graph/types.js';
import type { Initializer, Padding2D } from './layers/common.js';
import { AdaptiveAvgPool2d, GroupedConv2d, TorchAvgPool2d, TorchBatchNorm2d, TorchLocalResponseNorm, TorchMaxPool2d, avgPoolAxisScale } from './layers/index.js';

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

/** `[C, H, W]` → `[H, W, C]`; vectors stay as they are. */
export function channelsLast(shape: Shape): number[] {
  return shape.length === 3 ? [shape[1], shape[2], shape[0]] : [...shape];
}

type Sym = tf.SymbolicTensor;

interface Ctx {
  layer: Layer;
  rec: LayerRecord;
  zeros: boolean;
  name: (suffix?: string) => string;
  seed: () => number | undefined;
  fail: (message: string) => never;
}

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
    const ctx: Ctx = {
      layer,
      rec,
      zeros,
      name: (suffix) => (suffix ? uniqueName(`${base}.${suffix}`) : base),
      seed,
      fail: (message) => {
        throw new CompileError(`${layer.path} ${layer.kind}: ${message}`);
      },
    };
    const ins = layer.inputs.map((p) => tensors.get(p) as Sym);
    const chain = buildLayer(ctx);
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

/** PyTorch's default for Conv2d and Linear weights: kaiming_uniform(a=√5), i.e. U(±1/√fan_in). */
function torchWeightInit(seed: number | undefined, zeros: boolean): Initializer {
  if (zeros) return tf.initializers.zeros();
  return tf.initializers.varianceScaling({ scale: 1 / 3, mode: 'fanIn', distribution: 'uniform', ...(seed === undefined ? {} : { seed }) });
}

/** PyTorch's default bias: U(±1/√fan_in). */
function torchBiasInit(fanIn: number, seed: number | undefined, zeros: boolean): Initializer {
  if (zeros) return tf.initializers.zeros();
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return tf.initializers.randomUniform({ minval: -bound, maxval: bound, ...(seed === undefined ? {} : { seed }) });
}

/** A dimension of PyTorch's batched tensor (N first, then C, H, W) → the tfjs axis in NHWC. */
function torchDimToAxis(dim: number, sampleRank: number, ctx: Ctx): number {
  const rank = sampleRank + 1;
  const d = dim < 0 ? dim + rank : dim;
  if (d < 1 || d >= rank) ctx.fail(`dim=${dim} is not a feature dimension of a batched ${rank}-D tensor.`);
  if (sampleRank === 3) return [0, 3, 1, 2][d];
  return d;
}

function buildLayer(ctx: Ctx): tf.layers.Layer[] {
  const { layer, rec } = ctx;
  const inShape = rec.inputShapes[0] as Shape;
  const outShape = rec.outputShape as Shape;
  switch (layer.kind) {
    case 'Conv2d': {
      const [[h, padBottom], [w, padRight]] = convWindows(layer);
      const padding: Padding2D = [[h.padBefore, padBottom], [w.padBefore, padRight]];
      const groups = layer.groups ?? 1;
      const kernel: [number, number] = [h.kernel, w.kernel];
      const stride: [number, number] = [h.stride, w.stride];
      const dilation: [number, number] = [h.dilation, w.dilation];
      const useBias = layer.bias !== false;
      const fanIn = (layer.in_channels / groups) * h.kernel * w.kernel;
      const kernelInitializer = torchWeightInit(ctx.seed(), ctx.zeros);
      const biasInitializer = torchBiasInit(fanIn, ctx.seed(), ctx.zeros);
      // tfjs's conv2d layer has no gradient for dilation and no groups.
      if (groups > 1 || dilation.some((d) => d > 1)) {
        return [new GroupedConv2d({ name: ctx.name(), filters: layer.out_channels, kernel, stride, dilation, groups, padding, useBias, kernelInitializer, biasInitializer })];
      }
      const pad = padding.flat().some((p) => p > 0) ? [tf.layers.zeroPadding2d({ name: ctx.name('pad'), padding: padding })] : [];
      return [
        ...pad,
        tf.layers.conv2d({ name: ctx.name(), filters: layer.out_channels, kernelSize: kernel, strides: stride, padding: 'valid', useBias, kernelInitializer, biasInitializer }),
      ];
    }
    case 'MaxPool2d':
    case 'AvgPool2d': {
      const [h, w] = poolWindows(layer);
      // PyTorch's output size is the analysis's; the ceil_mode overhang is the extra padding at the end
      // that lets a 'valid' window produce it.
      const overhang = (axis: typeof h, length: number, out: number) => Math.max(0, (out - 1) * axis.stride + effectiveKernel(axis.kernel, axis.dilation) - (length + 2 * axis.padBefore));
      const extraH = overhang(h, inShape[1], outShape[1]);
      const extraW = overhang(w, inShape[2], outShape[2]);
      const padding: Padding2D = [[h.padBefore, h.padBefore + extraH], [w.padBefore, w.padBefore + extraW]];
      const kernel: [number, number] = [h.kernel, w.kernel];
      const stride: [number, number] = [h.stride, w.stride];
      const plain = padding.flat().every((p) => p === 0) && h.dilation === 1 && w.dilation === 1;
      if (layer.kind === 'MaxPool2d') {
        if (plain) return [tf.layers.maxPooling2d({ name: ctx.name(), poolSize: kernel, strides: stride, padding: 'valid' })];
        return [new TorchMaxPool2d({ name: ctx.name(), kernel, stride, padding, dilation: [h.dilation, w.dilation] })];
      }
      const countIncludePad = layer.count_include_pad ?? true;
      const rowScale = avgPoolAxisScale(inShape[1], h.kernel, h.stride, h.padBefore, outShape[1], countIncludePad);
      const colScale = avgPoolAxisScale(inShape[2], w.kernel, w.stride, w.padBefore, outShape[2], countIncludePad);
      if (plain) return [tf.layers.averagePooling2d({ name: ctx.name(), poolSize: kernel, strides: stride, padding: 'valid' })];
      return [new TorchAvgPool2d({ name: ctx.name(), kernel, stride, padding, rowScale, colScale })];
    }
    case 'AdaptiveAvgPool2d':
      return [new AdaptiveAvgPool2d({ name: ctx.name(), outputSize: [outShape[1], outShape[2]] })];
    case 'Linear': {
      if (inShape.length !== 1) ctx.fail(`PyTorch applies Linear to the last dimension of ${inShape.join('×')}; the trainer supports Linear on vectors only. Add a Flatten before it.`);
      return [
        tf.layers.dense({ name: ctx.name(), units: layer.out_features, useBias: layer.bias !== false, kernelInitializer: torchWeightInit(ctx.seed(), ctx.zeros), biasInitializer: torchBiasInit(layer.in_features, ctx.seed(), ctx.zeros) }),
      ];
    }
    case 'Flatten': {
      if (outShape.length === inShape.length) return [tf.layers.reshape({ name: ctx.name(), targetShape: channelsLast(outShape) })];
      if (inShape.length !== 3 || outShape.length !== 1) ctx.fail(`only a full flatten of a C×H×W map is supported (here ${inShape.join('×')} → ${outShape.join('×')}).`);
      // PyTorch flattens C, H, W in that order: go back to channels-first so Linear weights line up with PyTorch's.
      return [tf.layers.permute({ name: ctx.name('chw'), dims: [3, 1, 2] }), tf.layers.flatten({ name: ctx.name() })];
    }
    case 'ReLU':
      return [tf.layers.activation({ name: ctx.name(), activation: 'relu' })];
    case 'Tanh':
      return [tf.layers.activation({ name: ctx.name(), activation: 'tanh' })];
    case 'Sigmoid':
      return [tf.layers.activation({ name: ctx.name(), activation: 'sigmoid' })];
    case 'Softmax':
      return [tf.layers.softmax({ name: ctx.name(), axis: torchDimToAxis(layer.dim ?? 1, inShape.length, ctx) })];
    case 'Dropout':
      return [tf.layers.dropout({ name: ctx.name(), rate: layer.p ?? 0.5 })];
    case 'BatchNorm2d':
      return [
        new TorchBatchNorm2d({
          name: ctx.name(),
          eps: layer.eps ?? 1e-5,
          momentum: layer.momentum === undefined ? 0.1 : layer.momentum,
          affine: layer.affine ?? true,
          trackRunningStats: layer.track_running_stats ?? true,
        }),
      ];
    case 'LocalResponseNorm':
      if (inShape.length !== 3) ctx.fail(`the trainer supports LocalResponseNorm on C×H×W maps only (here ${inShape.join('×')}).`);
      return [new TorchLocalResponseNorm({ name: ctx.name(), size: layer.size, alpha: layer.alpha ?? 1e-4, beta: layer.beta ?? 0.75, k: layer.k ?? 1 })];
    case 'Concat':
      return [tf.layers.concatenate({ name: ctx.name(), axis: torchDimToAxis(layer.dim ?? 1, inShape.length, ctx) })];
    case 'Add':
      return [tf.layers.add({ name: ctx.name() })];
    default: {
      const kind: never = layer;
      return ctx.fail(`unsupported layer kind ${String((kind as Layer).kind)}.`);
    }
  }
}
