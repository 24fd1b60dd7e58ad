import { dims, fail, ok } from './common.js';
import { unbatchedDim } from './flatten.js';
import type { LayerKindSpec } from './spec.js';

export const concat: LayerKindSpec<'Concat'> = {
  kind: 'Concat',
  category: 'merge',
  arity: 'many',
  outputShape(l, inputs) {
    const first = inputs[0].shape;
    const d = unbatchedDim(l.dim ?? 1, first.length);
    if (d === null || d < 0) return fail('dim', `dim=${l.dim ?? 1} is not a feature dimension of N×${dims(first)}.`, 'Use dim=1 to join channels.');
    for (const other of inputs.slice(1)) {
      const same = other.shape.length === first.length && other.shape.every((x, i) => i === d || x === first[i]);
      if (!same) {
        const what = first.length === 3 && d === 0 ? 'spatial sizes' : 'shapes outside the joined axis';
        return fail(
          'concat-mismatch',
          `cannot join ${inputs.map((i) => `${dims(i.shape)} (${i.from})`).join(', ')}: ${what} differ.`,
          d === 0 && first.length === 3 ? 'Give every branch the same stride and padding so height and width agree (a k×k convolution needs padding (k−1)/2).' : 'Make the inputs agree except along the joined axis.',
        );
      }
    }
    const out = [...first];
    out[d] = inputs.reduce((a, i) => a + i.shape[d], 0);
    return ok(out);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => ((l.dim ?? 1) === 1 ? 'Concat (channels)' : `Concat dim=${l.dim}`),
  formula: (_l, _input, output) => [`channels add up to ${output[0]}`],
};
