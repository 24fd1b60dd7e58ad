/**
 * StochasticDepth in training, as torchvision's stochastic_depth: every
 * sample (`row`) or the whole batch (`batch`) is either zeroed or scaled by
 * 1/(1 − p); at inference the input passes unchanged (forward.test.ts checks
 * that against PyTorch).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../../src/graph/types.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';
import { tfjsChain } from './tfjs-chain.js';

const layer = (p: number, mode: 'row' | 'batch') => ({ path: 'x', inputs: ['input'], kind: 'StochasticDepth', p, mode }) as unknown as Layer;

/** Per sample: 0 if dropped, 1/(1 − p) if kept; anything else is wrong. */
function factors(p: number, mode: 'row' | 'batch', n: number): number[] {
  const { chain } = tfjsChain(layer(p, mode), [[3, 2, 2]]);
  return tf.tidy(() => {
    const x = tf.ones([n, 2, 2, 3]);
    const y = chain[0].apply(x, { training: true }) as tf.Tensor;
    const v = y.arraySync() as number[][][][];
    return v.map((s) => {
      const flat = s.flat(2);
      expect(new Set(flat).size, 'one factor per sample').toBe(1);
      return flat[0];
    });
  });
}

describe('StochasticDepth in training', () => {
  it('row: each sample is dropped or kept on its own, kept ones scaled by 1/(1 − p)', () => {
    const f = factors(0.5, 'row', 256);
    for (const v of f) expect([0, 2]).toContain(v);
    // 256 fair coins: both outcomes occur (the chance that one does not is 2⁻²⁵⁵).
    expect(f).toContain(0);
    expect(f).toContain(2);
  });

  it('batch: the whole batch shares one draw', () => {
    for (let i = 0; i < 4; i++) {
      const f = factors(0.25, 'batch', 32);
      expect(new Set(f).size).toBe(1);
      expect([0, 4 / 3].some((v) => Math.abs(v - f[0]) < 1e-6)).toBe(true);
    }
  });

  it('p = 1 zeroes the branch (survival 0: no division), p = 0 keeps it', () => {
    expect(factors(1, 'row', 8)).toEqual(Array(8).fill(0));
    expect(factors(0, 'row', 8)).toEqual(Array(8).fill(1));
  });

  it('at inference the input passes unchanged whatever p', () => {
    const { chain } = tfjsChain(layer(0.9, 'row'), [[3, 2, 2]]);
    tf.tidy(() => {
      const x = tf.range(0, 24).reshape([2, 2, 2, 3]);
      expect((chain[0].apply(x, { training: false }) as tf.Tensor).arraySync()).toEqual(x.arraySync());
    });
  });

  it('its label rounds torchvision\'s per-block p for reading (0.2 · 3 / 16 is 0.037500000000000006 in floating point)', () => {
    expect(KIND_ANALYSES.StochasticDepth.label(layer((0.2 * 3) / 16, 'row') as never)).toBe('StochasticDepth p=0.0375 row');
    expect(KIND_ANALYSES.StochasticDepth.label(layer(0.5, 'batch') as never)).toBe('StochasticDepth p=0.5 batch');
  });
});
