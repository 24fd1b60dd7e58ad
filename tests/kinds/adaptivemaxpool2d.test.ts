/** AdaptiveMaxPool2d: no return_indices in the format, and the adaptive pools' shared words and windows. */
import { describe, expect, it } from 'vitest';
import { layerSchema } from '../../src/graph/schema.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';

const pool = (output_size: number | [number | null, number | null]) => ({ path: 'p', kind: 'AdaptiveMaxPool2d', inputs: ['a'], output_size }) as const;

describe('AdaptiveMaxPool2d', () => {
  it('return_indices is not part of the format: the schema refuses it', () => {
    expect(layerSchema('AdaptiveMaxPool2d').safeParse({ path: 'p', kind: 'AdaptiveMaxPool2d', output_size: 1 }).success).toBe(true);
    expect(layerSchema('AdaptiveMaxPool2d').safeParse({ path: 'p', kind: 'AdaptiveMaxPool2d', output_size: 1, return_indices: true }).success).toBe(false);
  });

  it('global pooling says so in both languages; other sizes get PyTorch\'s adaptive windows', () => {
    const a = KIND_ANALYSES.AdaptiveMaxPool2d;
    expect(a.label(pool(1) as never)).toBe('AdaptiveMaxPool2d → 1×1 (global)');
    expect(a.labelZh('AdaptiveMaxPool2d → 1×1 (global)')).toBe('AdaptiveMaxPool2d → 1×1（全局）');
    expect(a.label(pool([3, null]) as never)).toBe('AdaptiveMaxPool2d → 3×·');
    expect(a.window(pool(1) as never, [8, 7, 5])).toBe('global');
    // 7 rows into 3: windows [0, 3), [2, 5), [4, 7): kernel 3, stride 2.
    expect(a.window(pool([3, null]) as never, [8, 7, 5])).toEqual([
      { kernel: 3, stride: 2, padBefore: 0, dilation: 1 },
      { kernel: 1, stride: 1, padBefore: 0, dilation: 1 },
    ]);
  });

  it('needs a C×H×W map, and says where to move it', () => {
    const r = KIND_ANALYSES.AdaptiveMaxPool2d.outputShape(pool(1) as never, [{ shape: [120], from: 'fc1 120' }]);
    expect(!r.ok && r.error.fix).toBe('Move AdaptiveMaxPool2d before the Flatten, or remove it.');
  });

  it('costs no MACs under any convention (fvcore has no handle for adaptive_max_pool2d), unlike AdaptiveAvgPool2d under fvcore', () => {
    for (const c of ['default', 'torchinfo', 'fvcore'] as const) expect(KIND_ANALYSES.AdaptiveMaxPool2d.macs(pool(1) as never, [[8, 7, 7]], [8, 1, 1], c)).toBe(0);
    expect(KIND_ANALYSES.AdaptiveAvgPool2d.macs({ ...pool(1), kind: 'AdaptiveAvgPool2d' } as never, [[8, 7, 7]], [8, 1, 1], 'fvcore')).toBe(392);
  });
});
