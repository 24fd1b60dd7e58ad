import { poolFormula, poolLabel, poolOutputShape, poolWindows } from './pool.js';
import type { LayerKindSpec } from './spec.js';

export const avgPool2d: LayerKindSpec<'AvgPool2d'> = {
  kind: 'AvgPool2d',
  category: 'pool',
  arity: 'one',
  outputShape: (l, [input]) => poolOutputShape('AvgPool2d', l, input),
  weights: () => [],
  buffers: () => [],
  // Additions and one division per output; neither torchvision, torchinfo nor fvcore count them.
  macs: () => 0,
  window: (l) => poolWindows(l),
  label: (l) => poolLabel('AvgPool2d', l),
  formula: poolFormula,
};
