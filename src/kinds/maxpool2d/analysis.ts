import { poolFormula, poolLabel, poolMotif, poolOutputShape, poolWindows } from '../pool.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'MaxPool2d'> = {
  kind: 'MaxPool2d',
  outputShape: (l, [input]) => poolOutputShape('MaxPool2d', l, input),
  weights: () => [],
  buffers: () => [],
  // Comparisons, not multiply-accumulates: no convention counts them.
  macs: () => 0,
  window: (l) => poolWindows(l),
  label: (l) => poolLabel('MaxPool2d', l),
  labelZh: (text) => text,
  motif: (l) => poolMotif('max', l),
  formula: poolFormula,
};
