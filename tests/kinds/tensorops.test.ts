/**
 * The kinds that move data between layouts (Permute, Reshape, Chunk, Split,
 * ChannelShuffle) and those that work along a dimension (LayerNorm,
 * LayerNorm2d, GELU, and Linear on a channels-last map) compute in tfjs, whose tensors are channels-last, what
 * PyTorch computes, element for element, forward and backward: two tiny
 * networks against PyTorch's own run (fixtures/make_tensorops.py).
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/types.js';
import { selectBackend } from '../../src/train/backend.js';
import { compileGraph } from '../../src/train/compile.js';
import { loadTorchState, toTorchLayout, torchBindings, type TorchTensor } from '../../src/train/weights.js';

interface Case {
  input: TorchTensor;
  state: Record<string, TorchTensor>;
  output: TorchTensor;
  input_grad: number[];
  grads: Record<string, TorchTensor>;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensorops.json', import.meta.url), 'utf8')) as { norms: Case; moves: Case };

const L = (path: string, inputs: string[], config: object) => ({ path, inputs, ...config }) as unknown as Graph['layers'][number];
const net = (name: string, input: [number, number, number], layers: Graph['layers']): Graph => ({ name, input, layers, modules: [], output: layers[layers.length - 1].path, aux: [] });

const GRAPHS = {
  norms: net('norms', [4, 3, 5], [
    L('p1', ['input'], { kind: 'Permute', dims: [0, 2, 3, 1] }),
    L('ln', ['p1'], { kind: 'LayerNorm', normalized_shape: 4, eps: 1e-6 }),
    L('fc', ['ln'], { kind: 'Linear', in_features: 4, out_features: 4 }),
    L('g', ['fc'], { kind: 'GELU' }),
    L('ln2', ['g'], { kind: 'LayerNorm', normalized_shape: [5, 4] }),
    L('p2', ['ln2'], { kind: 'Permute', dims: [0, 3, 1, 2] }),
    L('ln2d', ['p2'], { kind: 'LayerNorm2d', num_channels: 4, eps: 1e-6 }),
    L('ln3', ['ln2d'], { kind: 'LayerNorm', normalized_shape: [4, 3, 5] }),
    L('gt', ['ln3'], { kind: 'GELU', approximate: 'tanh' }),
    L('flat', ['gt'], { kind: 'Reshape', shape: [-1] }),
  ]),
  moves: net('moves', [6, 3, 4], [
    L('cs', ['input'], { kind: 'ChannelShuffle', groups: 3 }),
    L('ch', ['cs'], { kind: 'Chunk', chunks: 2, dim: 1, index: 1 }),
    L('sp', ['ch'], { kind: 'Split', split_size_or_sections: [1, 2], dim: 2, index: 1 }),
    L('view', ['sp'], { kind: 'Reshape', shape: [2, 3, 4] }),
    L('sp2', ['view'], { kind: 'Split', split_size_or_sections: 3, dim: 3, index: 0 }),
    L('perm', ['sp2'], { kind: 'Permute', dims: [0, 3, 1, 2] }),
    L('flat', ['perm'], { kind: 'Reshape', shape: [-1] }),
  ]),
};

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe.each(['cpu', 'wasm'] as const)('tfjs agrees with PyTorch on %s', (backend) => {
  it.each(['norms', 'moves'] as const)("%s: the output, in PyTorch's element order, and the gradient of the input and every parameter", async (id) => {
    await selectBackend({ prefer: backend });
    const f = fixture[id];
    const c = compileGraph(GRAPHS[id], { init: 'zeros' });
    try {
      loadTorchState(c, f.state);
      const x = tf.tidy(() => tf.tensor(Float32Array.from(f.input.data), [...f.input.shape]).transpose([0, 2, 3, 1]));
      const y = tf.tidy(() => (c.inference.predict(x) as tf.Tensor).dataSync());
      expect(maxDiff(y, f.output.data)).toBeLessThan(1e-4);
      const bindings = torchBindings(c);
      expect(bindings.map((b) => b.key).sort()).toEqual(Object.keys(f.grads).sort());
      const loss = (input: tf.Tensor) => tf.sum(tf.square(c.inference.apply(input, { training: true }) as tf.Tensor)) as tf.Scalar;
      // The input's gradient goes back through every data move (channels-last → PyTorch's NCHW to compare).
      const dx = tf.tidy(() => tf.grad(loss)(x).transpose([0, 3, 1, 2]).dataSync());
      expect(maxDiff(dx, f.input_grad) / Math.max(...f.input_grad.map(Math.abs), 1e-3)).toBeLessThan(1e-3);
      if (bindings.length) {
        const { value, grads } = tf.variableGrads(() => loss(x), bindings.map((b) => b.variable.read() as tf.Variable));
        for (const b of bindings) {
          const g = tf.tidy(() => toTorchLayout(grads[(b.variable.read() as tf.Variable).name], b).dataSync());
          const w = f.grads[b.key].data;
          expect(maxDiff(g, w) / Math.max(...Array.from(w, Math.abs), 1e-3), b.key).toBeLessThan(1e-3);
        }
        tf.dispose([value, ...Object.values(grads)]);
      }
      x.dispose();
    } finally {
      c.model.dispose();
    }
  }, 60_000);
});
