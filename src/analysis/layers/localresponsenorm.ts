import { fail, ok } from './common.js';
import type { LayerKindSpec } from './spec.js';

export const localResponseNorm: LayerKindSpec<'LocalResponseNorm'> = {
  kind: 'LocalResponseNorm',
  category: 'norm',
  arity: 'one',
  outputShape(l, [input]) {
    if (input.shape.length < 2) return fail('rank', `needs a channel axis and at least one more dimension, receives ${input.shape.join('×')} (from ${input.from}).`, 'Apply it to feature maps, before Flatten.');
    return ok(input.shape);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => `LocalResponseNorm n=${l.size}`,
};
