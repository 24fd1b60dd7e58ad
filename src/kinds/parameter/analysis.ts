import { lastSegment } from '../../graph/paths.js';
import { ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'Parameter'> = {
  kind: 'Parameter',
  // Its value, whatever the input: the shape PyTorch gave it, which a Mul broadcasts against each sample.
  outputShape: (l) => ok(l.shape),
  weights: (l) => [{ name: lastSegment(l.path), shape: l.shape }],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => `Parameter ${l.shape.length ? l.shape.join('×') : 'scalar'}`,
  labelZh: (text) => text.replace(/ scalar$/, ' 标量'),
};
