/** Dropout2d drops whole channels in training (one draw per sample and channel), and warns off a C×H×W map. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../../src/graph/types.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';
import { tfjsChain } from './tfjs-chain.js';

const layer = (p: number) => ({ path: 'x', inputs: ['input'], kind: 'Dropout2d', p }) as unknown as Layer;

describe('Dropout2d', () => {
  it('in training each channel of each sample is zeroed or scaled by 1/(1 − p) as a whole', () => {
    const { chain } = tfjsChain(layer(0.5), [[64, 3, 3]]);
    const v = tf.tidy(() => (chain[0].apply(tf.ones([4, 3, 3, 64]), { training: true }) as tf.Tensor).arraySync() as number[][][][]);
    const seen = new Set<number>();
    for (const sample of v) {
      for (let c = 0; c < 64; c++) {
        const values = new Set(sample.flatMap((row) => row.map((px) => px[c])));
        expect(values.size, 'one value per channel').toBe(1);
        seen.add([...values][0]);
      }
    }
    // 256 fair coins: both outcomes occur.
    expect([...seen].sort()).toEqual([0, 2]);
  });

  it('warns on a vector, where PyTorch drops single features', () => {
    const r = KIND_ANALYSES.Dropout2d.outputShape(layer(0.5) as never, [{ shape: [120], from: 'fc1 120' }]);
    expect(r.ok && r.warnings?.[0].code).toBe('dropout2d-rank');
    expect(r.ok && r.warnings?.[0].fix).toBe('Use Dropout on a vector.');
    const map = KIND_ANALYSES.Dropout2d.outputShape(layer(0.5) as never, [{ shape: [8, 4, 4], from: 'conv' }]);
    expect(map.ok && map.warnings).toBeFalsy();
  });

  it('p = 1 is refused for training with the reason', () => {
    expect(() => tfjsChain(layer(1), [[8, 4, 4]])).toThrow(/p=1 zeroes every channel/);
  });
});
