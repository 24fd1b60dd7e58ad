import { dims, fail, ok } from './common.js';
import type { LayerKindSpec } from './spec.js';

/** Resolve a batched-tensor dim (PyTorch numbering, batch = 0) to an index into our unbatched shape. */
export function unbatchedDim(dim: number, rank: number): number | null {
  const batchedRank = rank + 1;
  const d = dim < 0 ? dim + batchedRank : dim;
  if (d < 0 || d >= batchedRank) return null;
  return d - 1; // -1 means the batch axis itself
}

export const flatten: LayerKindSpec<'Flatten'> = {
  kind: 'Flatten',
  category: 'reshape',
  arity: 'one',
  outputShape(l, [input]) {
    const rank = input.shape.length;
    const s = unbatchedDim(l.start_dim ?? 1, rank);
    const e = unbatchedDim(l.end_dim ?? -1, rank);
    if (s === null || e === null) {
      return fail('dim', `start_dim=${l.start_dim ?? 1}, end_dim=${l.end_dim ?? -1} are out of range for a batched ${rank + 1}-D tensor (N×${dims(input.shape)}).`, `Use dimensions between ${-(rank + 1)} and ${rank}.`);
    }
    if (s < 0) return fail('dim', 'flattening into the batch dimension changes the batch size; cnn-graph analyses one sample.', 'Use start_dim=1.');
    if (s > e) return fail('dim', `start_dim (${l.start_dim}) comes after end_dim (${l.end_dim}).`, 'Swap them.');
    const merged = input.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
    return ok([...input.shape.slice(0, s), merged, ...input.shape.slice(e + 1)]);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'global',
  label: () => 'Flatten',
};
