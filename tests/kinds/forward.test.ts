/**
 * The kinds' tfjs forms compute what PyTorch computes, forward and backward:
 * each case of fixtures/forward.json (make_forward.py, Debian torch 1.13) runs
 * one layer through its kind's tfjs facet on the compiler's channels-last
 * tensors, and compares the output and the gradient of sum(output · r) with
 * respect to every input.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '../../src/graph/types.js';
import { selectBackend } from '../../src/train/backend.js';
import { tfjsChain } from './tfjs-chain.js';

interface Tensor {
  shape: number[];
  data: number[];
}
interface Case {
  id: string;
  kind: string;
  config: Record<string, unknown>;
  inputs: Tensor[];
  r: Tensor;
  output: Tensor;
  grads: Tensor[];
}

const CASES = (JSON.parse(readFileSync(new URL('./fixtures/forward.json', import.meta.url), 'utf8')) as { cases: Case[] }).cases;

/** A batched PyTorch tensor in the compiler's layout: NCHW → NHWC, any other rank as it is. */
const toTfjs = (t: Tensor): tf.Tensor => {
  const x = tf.tensor(t.data, t.shape);
  return t.shape.length === 4 ? tf.transpose(x, [0, 2, 3, 1]) : x;
};
const toTorch = (x: tf.Tensor): tf.Tensor => (x.rank === 4 ? tf.transpose(x, [0, 3, 1, 2]) : x);

function run(chain: tf.layers.Layer[], xs: tf.Tensor[], training = false): tf.Tensor {
  let y: tf.Tensor | tf.Tensor[] = xs.length === 1 ? xs[0] : xs;
  for (const l of chain) y = l.apply(y, { training }) as tf.Tensor;
  return y as tf.Tensor;
}

function maxDiff(got: tf.Tensor, want: Tensor): number {
  expect(got.shape).toEqual(want.shape);
  const g = got.dataSync();
  return want.data.reduce((m, v, i) => Math.max(m, Math.abs(v - g[i]) / Math.max(1, Math.abs(v))), 0);
}

// The CPU backend, and WASM with this project's gradient kernels (what training in Node and on a page without a GPU runs).
describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ prefer: backend });
    expect(tf.getBackend()).toBe(backend);
  });

  describe.each(CASES.map((c) => [c.id, c] as const))('%s: tfjs agrees with PyTorch', (_id, c) => {
    const layer = { path: 'x', inputs: c.inputs.map((_, i) => `in${i}`), ...c.config, kind: c.kind } as unknown as Layer;
    const { chain } = tfjsChain(layer, c.inputs.map((t) => t.shape.slice(1)));

    it('forward (eval)', () => {
      tf.tidy(() => {
        const y = toTorch(run(chain, c.inputs.map(toTfjs)));
        expect(maxDiff(y, c.output)).toBeLessThan(1e-5);
      });
    });

    it('gradient of sum(output · r) with respect to every input', () => {
      tf.tidy(() => {
        const r = toTfjs(c.r);
        const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(run(chain, xs), r)))(c.inputs.map(toTfjs));
        grads.forEach((g, i) => expect(maxDiff(toTorch(g), c.grads[i]), `input ${i}`).toBeLessThan(1e-5));
      });
    });
  });
});
