/**
 * ConvTranspose2d and Upsample compute what PyTorch computes: each layer of
 * fixtures/make_resample.py (stride, padding, output_padding, groups and
 * dilation together; output_padding past the scatter; nearest, bilinear with
 * and without align_corners, bicubic, nearest-exact and area, at scale 2, at
 * sizes that are no multiple of the input, and at a non-integer scale_factor,
 * where PyTorch's kernels use 1/scale rather than output/input; area and
 * recompute_scale_factor, which interpolate with output/input; sizes that do
 * not change) is compiled
 * to tfjs, loaded with PyTorch's weights, and checked against PyTorch's
 * output and its gradients of sum(output · r) for the input and every
 * parameter. On tfjs's CPU backend and on WASM with this project's kernels.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph, Layer } from '../../src/graph/types.js';
import { selectBackend } from '../../src/train/backend.js';
import { compileGraph } from '../../src/train/compile.js';
import { loadTorchState, toTorchLayout, torchBindings, type TorchTensor } from '../../src/train/weights.js';
import { interpolationMatrix } from '../../src/kinds/upsample/interp.js';

interface Case {
  id: string;
  kind: 'ConvTranspose2d' | 'Upsample';
  config: Record<string, unknown>;
  input: TorchTensor;
  state: Record<string, TorchTensor>;
  output: TorchTensor;
  r: TorchTensor;
  grad_input: TorchTensor;
  grads: Record<string, TorchTensor>;
}
const { cases } = JSON.parse(readFileSync(new URL('./fixtures/resample.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Cases whose PyTorch backward is not the gradient of its forward (see below). */
const BACKWARD_COPIES = new Set(['up-bicubic-same']);

const graphOf = (c: Case): Graph => ({
  name: c.id,
  input: c.input.shape.slice(1) as [number, number, number],
  layers: [{ path: 'x', kind: c.kind, inputs: ['input'], ...c.config } as unknown as Layer],
  modules: [],
  output: 'x',
  aux: [],
});

const nhwc = (t: TorchTensor) => tf.tidy(() => tf.tensor(Float32Array.from(t.data), [...t.shape]).transpose([0, 2, 3, 1]));

/** Largest difference relative to the largest reference value (at least 1). */
function relErr(got: ArrayLike<number>, want: ArrayLike<number>): number {
  expect(got.length).toBe(want.length);
  let worst = 0;
  let scale = 1;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  return worst / scale;
}

describe.each(['cpu', 'wasm'] as const)('ConvTranspose2d and Upsample against PyTorch on %s', (backend) => {
  it.each(cases.map((c) => [c.id, c] as const))('%s: output, input gradient and parameter gradients agree', async (_id, c) => {
    await selectBackend({ prefer: backend });
    const before = tf.memory().numTensors;
    const compiled = compileGraph(graphOf(c), { init: 'zeros' });
    try {
      loadTorchState(compiled, Object.fromEntries(Object.entries(c.state).map(([k, v]) => [`x.${k}`, v])));
      const x0 = nhwc(c.input);
      const x = tf.variable(x0, true, `input_${backend}_${c.id}`);
      x0.dispose();
      const r = nhwc(c.r);
      const out = tf.tidy(() => (compiled.model.predict(x) as tf.Tensor).transpose([0, 3, 1, 2]));
      expect(out.shape, c.id).toEqual(c.output.shape);
      expect(relErr(out.dataSync(), c.output.data), `${c.id} output`).toBeLessThan(1e-5);

      const bindings = torchBindings(compiled).filter((b) => b.variable.trainable);
      const params = bindings.map((b) => b.variable.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(compiled.model.apply(x) as tf.Tensor, r)) as tf.Scalar, [x, ...params]);
      const gx = tf.tidy(() => grads[x.name].transpose([0, 3, 1, 2]).dataSync());
      if (BACKWARD_COPIES.has(c.id)) {
        // PyTorch 1.13's bicubic backward copies the gradient when no size changes, while its forward
        // interpolated with the given scale: not the forward's gradient. Ours is the forward's (the adjoint).
        expect(relErr(c.grad_input.data, c.r.data), `${c.id}: PyTorch's gradient is r itself`).toBe(0);
      } else {
        expect(relErr(gx, c.grad_input.data), `${c.id} input gradient`).toBeLessThan(1e-5);
      }
      expect(bindings.map((b) => b.key).sort()).toEqual(Object.keys(c.grads).map((k) => `x.${k}`).sort());
      for (const b of bindings) {
        const g = tf.tidy(() => toTorchLayout(grads[(b.variable.read() as tf.Variable).name], b).dataSync());
        expect(relErr(g, c.grads[b.key.slice(2)].data), `${c.id} ${b.key} gradient`).toBeLessThan(1e-5);
      }
      tf.dispose([x, r, out, value, ...Object.values(grads)]);
    } finally {
      compiled.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe("why Upsample does not use tf.image's resize ops", () => {
  it('at scale 2 their forward pass is PyTorch\'s, but their gradient is not (so the layer multiplies by matrices both ways)', async () => {
    await selectBackend({ prefer: 'cpu' });
    for (const id of ['up-nearest-x2', 'up-bilinear-x2']) {
      const c = cases.find((k) => k.id === id) as Case;
      const [oh, ow] = c.output.shape.slice(2) as [number, number];
      const resize = (t: tf.Tensor4D) => (id === 'up-nearest-x2' ? tf.image.resizeNearestNeighbor(t, [oh, ow]) : tf.image.resizeBilinear(t, [oh, ow], false, true));
      const out = tf.tidy(() => resize(nhwc(c.input) as tf.Tensor4D).transpose([0, 3, 1, 2]).dataSync());
      expect(relErr(out, c.output.data), `${id} forward`).toBeLessThan(1e-5);
      // tfjs 4.22's gradient kernels: wrong numbers, or (bilinear, H ≠ W on CPU) a gradient of the wrong shape.
      let gradient: string;
      try {
        const g = tf.tidy(() => {
          const r = nhwc(c.r);
          return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(resize(t as tf.Tensor4D), r)))(nhwc(c.input)).transpose([0, 3, 1, 2]).dataSync();
        });
        gradient = relErr(g, c.grad_input.data) < 1e-5 ? "PyTorch's" : 'other numbers';
      } catch (e) {
        gradient = `an error: ${(e as Error).message.slice(0, 40)}`;
      }
      expect(gradient, id).not.toBe("PyTorch's");
    }
  });
});

describe('interpolation matrices', () => {
  it('every row of every mode sums to 1 (interpolation keeps a constant map constant)', () => {
    for (const mode of ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'] as const) {
      for (const [input, out, corners, scale] of [[4, 8, false, 2], [4, 10, true, undefined], [5, 7, false, 1.5], [7, 3, false, undefined], [1, 5, false, 5]] as const) {
        if (corners && !['bilinear', 'bicubic'].includes(mode)) continue;
        const m = interpolationMatrix(mode, input, out, corners, scale);
        for (let o = 0; o < out; o++) {
          const sum = m.slice(o * input, (o + 1) * input).reduce((a, b) => a + b, 0);
          expect(sum, `${mode} ${input}→${out} row ${o}`).toBeCloseTo(1, 6);
        }
      }
    }
  });

  it('a non-integer scale_factor reads other pixels than the output/input ratio would (PyTorch nearest, 4 → 10 at 2.7)', () => {
    const rows = (m: Float64Array, input: number) => Array.from({ length: m.length / input }, (_, o) => m.subarray(o * input, (o + 1) * input).indexOf(1));
    expect(rows(interpolationMatrix('nearest', 4, 10, false, 2.7), 4)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    expect(rows(interpolationMatrix('nearest', 4, 10, false, undefined), 4)).toEqual([0, 0, 0, 1, 1, 2, 2, 2, 3, 3]);
  });
});
