/** Mean's refusals beyond the fixture's (a repeat written two ways, the batch dimension), and its window. */
import { describe, expect, it } from 'vitest';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';
import { layerSchema } from '../../src/graph/schema.js';

const mean = (dim: number | number[], keepdim?: boolean) => ({ path: 'm', kind: 'Mean', inputs: ['a'], dim, ...(keepdim === undefined ? {} : { keepdim }) }) as const;
const shapeOf = (dim: number | number[], shape: number[], keepdim?: boolean) => KIND_ANALYSES.Mean.outputShape(mean(dim, keepdim) as never, [{ shape, from: 'features.16' }]);

describe('Mean', () => {
  it('the same dimension written as a negative and a positive index is a repeat, as PyTorch says', () => {
    const r = shapeOf([-1, 3], [32, 5, 6]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('dim 3 appears more than once in dim=[-1, 3].');
      expect(r.error.zh.message).toBe('维度 3 在 dim=[-1, 3] 中出现了不止一次。');
    }
  });

  it('refuses the batch dimension (per-sample analysis: it would mix samples), in both languages', () => {
    for (const d of [0, -4]) {
      const r = shapeOf([d, 2], [32, 5, 6]);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toContain('is the batch dimension');
        expect(r.error.zh.message).toContain('批量维');
      }
    }
  });

  it('out of range names the range of the batched tensor', () => {
    const r = shapeOf(2, [10]);
    expect(!r.ok && r.error.message).toBe('dim 2 is out of range for the batched input N×10 (dimensions −2 to 1; the batch is 0).');
  });

  it('an empty list is refused by the schema (PyTorch would average the batch too)', () => {
    expect(layerSchema('Mean').safeParse({ path: 'm', kind: 'Mean', dim: [] }).success).toBe(false);
    expect(layerSchema('Mean').safeParse({ path: 'm', kind: 'Mean', dim: [2, 3], return_indices: true }).success).toBe(false);
  });

  it('averaging height and width sees the whole map (global), one axis does not', () => {
    expect(KIND_ANALYSES.Mean.window(mean([2, 3]) as never, [8, 7, 7])).toBe('global');
    expect(KIND_ANALYSES.Mean.window(mean([3]) as never, [8, 7, 7])).toBe('identity');
    expect(KIND_ANALYSES.Mean.label(mean([2, 3], true) as never)).toBe('Mean dim=[2, 3] keepdim');
  });
});
