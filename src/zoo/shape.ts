/**
 * Shapes while a zoo network is being built, from the analysis: so a Linear
 * after a Flatten can take its in_features from the input size. Here, above
 * analysis, because the graph (and its builder) must not depend on it.
 */
import { analyze } from '../analysis/analyze.js';
import type { GraphBuilder, Tensor } from '../graph/builder.js';
import { INPUT, type Shape } from '../graph/types.js';

/** The shape of a tensor built so far, or null if unknown. */
export function shapeOf(net: GraphBuilder, t: Tensor): Shape | null {
  if (t.path === INPUT) return net.inputShape;
  const a = analyze(net.build(t));
  return a.layers.find((l) => l.path === t.path)?.outputShape ?? null;
}

/** Number of features a Flatten of `t` produces, or `fallback` if the shape is unknown. */
export function flatSize(net: GraphBuilder, t: Tensor, fallback: number): number {
  const s = shapeOf(net, t);
  return s ? s.reduce((a, b) => a * b, 1) : fallback;
}
