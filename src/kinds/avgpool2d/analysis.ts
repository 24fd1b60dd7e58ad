import { poolFormula, poolLabel, poolMotif, poolOutputShape, poolWindows } from '../pool.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'AvgPool2d'> = {
  kind: 'AvgPool2d',
  outputShape: (l, [input]) => poolOutputShape('AvgPool2d', l, input),
  weights: () => [],
  buffers: () => [],
  // Additions and one division per output; neither torchvision, torchinfo nor fvcore count them.
  macs: () => 0,
  window: (l) => poolWindows(l),
  label: (l) => poolLabel('AvgPool2d', l),
  labelZh: (text) => text,
  motif: (l) => poolMotif('avg', l),
  formula: poolFormula,
};
