import { dims, fail, ok } from './common.js';
import type { LayerKindSpec } from './spec.js';

export const add: LayerKindSpec<'Add'> = {
  kind: 'Add',
  category: 'merge',
  arity: 'many',
  outputShape(_l, inputs) {
    const first = inputs[0];
    for (const other of inputs.slice(1)) {
      if (other.shape.length !== first.shape.length || other.shape.some((x, i) => x !== first.shape[i])) {
        const [a, b] = [first.shape, other.shape];
        const fix =
          a.length === 3 && b.length === 3 && a[0] !== b[0]
            ? `Project the shortcut with a 1×1 convolution (${b[0]}→${a[0]} channels${a[1] !== b[1] ? `, stride ${Math.round(b[1] / a[1]) || 1}` : ''}) so both paths agree.`
            : 'Both paths of a residual connection must keep the same channels, height and width.';
        return fail('add-mismatch', `cannot add ${dims(a)} (${first.from}) and ${dims(b)} (${other.from}): shapes differ.`, fix);
      }
    }
    return ok(first.shape);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: () => 'Add (+)',
};
