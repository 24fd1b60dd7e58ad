import { poolFormula, poolLabel, poolOutputShape, poolWindows } from './pool.js';
import type { LayerKindSpec } from './spec.js';

export const maxPool2d: LayerKindSpec<'MaxPool2d'> = {
  kind: 'MaxPool2d',
  category: 'pool',
  arity: 'one',
  outputShape: (l, [input]) => poolOutputShape('MaxPool2d', l, input),
  weights: () => [],
  buffers: () => [],
  // Comparisons, not multiply-accumulates: no convention counts them.
  macs: () => 0,
  window: (l) => poolWindows(l),
  label: (l) => poolLabel('MaxPool2d', l),
  formula: poolFormula,
};
