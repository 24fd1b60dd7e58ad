/**
 * The comparisons the notes work by hand, recomputed by analysing the two
 * real configurations (never from constants):
 * - bottleneck: a k×k convolution C×H×W → N directly, versus a 1×1 reduction to R first;
 * - stack: n stacked 3×3 convolutions versus one (2n+1)×(2n+1) convolution (VGG).
 */
import { GraphBuilder } from '../graph/builder.js';
import { Conv2d } from '../kinds/constructors.js';
import type { Graph } from '../graph/types.js';
import { analyze, type Analysis, type ReceptiveField } from '../analysis/analyze.js';
import { formatInt } from '../analysis/format.js';
import { pair } from '../analysis/arith.js';

export interface Variant {
  name: string;
  graph: Graph;
  analysis: Analysis;
  params: number;
  macs: number;
  /** The arithmetic behind each count, with the real numbers. */
  macsFormula: string;
  paramsFormula: string;
  receptiveField: ReceptiveField | null;
}

export interface Comparison {
  kind: 'bottleneck' | 'stack';
  variants: [Variant, Variant];
  /** How much the second variant saves relative to the first (fractions, 0.9 = 90% less). */
  saving: { params: number; macs: number };
  /** First ÷ second. */
  ratio: { params: number; macs: number };
  /** Any problem in the configurations (kernel too large, …), as in analysis. */
  diagnostics: Analysis['diagnostics'];
}

function variant(name: string, graph: Graph): Variant {
  const a = analyze(graph);
  const convs = a.layers.filter((l) => l.kind === 'Conv2d' && l.outputShape);
  const macTerms = convs.map((l) => {
    const layer = graph.layers.find((g) => g.path === l.path) as import('../graph/types.js').Layer<'Conv2d'>;
    const [kh, kw] = pair(layer.kernel_size);
    const [, h, w] = l.outputShape as number[];
    const k = kh === kw ? `${kh}²` : `${kh}×${kw}`;
    const hw = h === w ? `${h}²` : `${h}×${w}`;
    return `${k}×${hw}×${layer.in_channels}×${layer.out_channels}`;
  });
  const paramTerms = convs.map((l) => {
    const layer = graph.layers.find((g) => g.path === l.path) as import('../graph/types.js').Layer<'Conv2d'>;
    const [kh, kw] = pair(layer.kernel_size);
    return `${layer.in_channels}×${layer.out_channels}×${kh}×${kw}${layer.bias === false ? '' : ` + ${layer.out_channels}`}`;
  });
  const last = a.layers[a.layers.length - 1];
  return {
    name,
    graph,
    analysis: a,
    params: a.totals.params,
    macs: a.totals.macs,
    macsFormula: `${macTerms.join(' + ')} = ${formatInt(a.totals.macs)}`,
    paramsFormula: `${paramTerms.join(' + ')} = ${formatInt(a.totals.params)}`,
    receptiveField: last?.receptiveField ?? null,
  };
}

function compareOf(kind: Comparison['kind'], a: Variant, b: Variant): Comparison {
  const frac = (x: number, y: number) => (x === 0 ? 0 : 1 - y / x);
  return {
    kind,
    variants: [a, b],
    saving: { params: frac(a.params, b.params), macs: frac(a.macs, b.macs) },
    ratio: { params: b.params ? a.params / b.params : Infinity, macs: b.macs ? a.macs / b.macs : Infinity },
    diagnostics: [...a.analysis.diagnostics, ...b.analysis.diagnostics],
  };
}

export interface BottleneckOptions {
  /** `[C, H, W]` of the input. */
  input: readonly [number, number, number];
  /** Output channels N. */
  out: number;
  /** Kernel size k of the main convolution (odd, padded to keep H×W). */
  kernel: number;
  /** Channels R after the 1×1 reduction. */
  reduce: number;
  bias?: boolean;
}

export function bottleneck(o: BottleneckOptions): Comparison {
  const bias = o.bias ?? true;
  const pad = Math.floor((o.kernel - 1) / 2);
  const [c] = o.input;
  const direct = new GraphBuilder('direct', o.input);
  const d = direct.layer('conv', Conv2d(c, o.out, o.kernel, { padding: pad, bias }), direct.input);
  const reduced = new GraphBuilder('reduced', o.input);
  const r1 = reduced.layer('reduce', Conv2d(c, o.reduce, 1, { bias }), reduced.input);
  const r2 = reduced.layer('conv', Conv2d(o.reduce, o.out, o.kernel, { padding: pad, bias }), r1);
  return compareOf(
    'bottleneck',
    variant(`direct ${o.kernel}×${o.kernel}`, direct.build(d)),
    variant(`1×1 → ${o.reduce}, then ${o.kernel}×${o.kernel}`, reduced.build(r2)),
  );
}

export interface StackOptions {
  channels: number;
  /** The large kernel (2n+1); stacked 3×3 convolutions number n = (kernel − 1)/2. */
  kernel: number;
  /** Spatial size for MACs (default 56×56). */
  size?: readonly [number, number];
  bias?: boolean;
}

export function stack(o: StackOptions): Comparison {
  const n = Math.floor((o.kernel - 1) / 2);
  const bias = o.bias ?? false;
  const [h, w] = o.size ?? [56, 56];
  const input = [o.channels, h, w] as const;
  const stacked = new GraphBuilder('stacked', input);
  let x = stacked.input;
  for (let i = 0; i < n; i++) x = stacked.layer(`conv${i + 1}`, Conv2d(o.channels, o.channels, 3, { padding: 1, bias }), x);
  const single = new GraphBuilder('single', input);
  const y = single.layer('conv', Conv2d(o.channels, o.channels, o.kernel, { padding: n, bias }), single.input);
  return compareOf('stack', variant(`one ${o.kernel}×${o.kernel}`, single.build(y)), variant(`${n} stacked 3×3`, stacked.build(x)));
}
