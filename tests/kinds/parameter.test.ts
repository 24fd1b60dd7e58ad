/**
 * Parameter beyond its PyTorch fixture: a learnable tensor a module owns
 * (ConvNeXt's layer scale) reads nothing, counts in the totals, survives the
 * JSON round trip without inputs, refuses inputs, and in tfjs is a weight
 * under its own path that a Mul broadcasts over every sample and that learns.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { networkToJSON, parseNetwork } from '../../src/graph/json.js';
import { Mul, Parameter } from '../../src/kinds/constructors.js';
import type { Graph } from '../../src/graph/types.js';
import { compileGraph } from '../../src/train/compile.js';
import { loadTorchState, torchBindings } from '../../src/train/weights.js';

function layerScale(): Graph {
  const b = new GraphBuilder('scale', [2, 2, 3]);
  const gamma = b.module('block', 'CNBlock', (m) => m.fn('layer_scale', Parameter([2, 1, 1], 1e-6), []));
  return b.build(b.fn('mul', Mul(), [gamma, b.input]));
}

describe('a Parameter', () => {
  it('reads nothing, gives its own shape, and counts in the totals and its owner\'s parameters', () => {
    const a = analyze(layerScale());
    expect(a.diagnostics).toEqual([]);
    const p = a.layers.find((r) => r.path === 'block.layer_scale')!;
    expect([p.status, p.outputShape, p.params, p.macs, p.inputs]).toEqual(['ok', [2, 1, 1], 2, 0, []]);
    expect(a.totals.params).toBe(2);
    expect(a.modules.find((m) => m.path === 'block')?.params).toBe(2);
    expect(a.output).toEqual([2, 2, 3]);
  });

  it('round-trips through JSON with no inputs written, and one given inputs is told to have none, in both languages', () => {
    const doc = networkToJSON(layerScale()) as { layers: Record<string, unknown>[] };
    expect(doc.layers[0]).toEqual({ path: 'block.layer_scale', kind: 'Parameter', shape: [2, 1, 1], fill: 1e-6, functional: true });
    const back = parseNetwork(JSON.stringify(doc));
    expect(back.graph?.layers[0].inputs).toEqual([]);
    const bad = { ...doc, layers: [{ ...doc.layers[0], inputs: ['input'] }, doc.layers[1]] };
    const d = analyze(parseNetwork(JSON.stringify(bad)).graph!).diagnostics.find((x) => x.code === 'arity');
    expect(d?.message).toBe('block.layer_scale Parameter: reads no input (it is a learnable tensor of its own), has 1.');
    expect(d?.zh?.message).toBe('block.layer_scale Parameter：不读取任何输入（它本身就是一个可学习的张量），这里却有 1 个。');
  });

  it('in tfjs, is the weight under its own path, filled as its owner fills it, broadcast by Mul over every sample, and learns', () => {
    const c = compileGraph(layerScale());
    try {
      const bindings = torchBindings(c);
      expect(bindings.map((b) => [b.key, b.variable.shape])).toEqual([['block.layer_scale', [2, 1, 1]]]);
      expect(Array.from(bindings[0].variable.read().dataSync())).toEqual([Math.fround(1e-6), Math.fround(1e-6)]);
      loadTorchState(c, { 'block.layer_scale': { shape: [2, 1, 1], data: [2, -3] } });
      // Two samples, channels-last: channel 0 is 1, channel 1 is 10 everywhere.
      const x = tf.tidy(() => tf.stack([0, 1].map(() => tf.concat([tf.ones([2, 3, 1]), tf.fill([2, 3, 1], 10)], 2))));
      const y = c.model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([2, 2, 3, 2]);
      expect(Array.from(y.dataSync()).slice(0, 2)).toEqual([2, -30]);
      const { grads } = tf.variableGrads(() => tf.sum(c.model.apply(x) as tf.Tensor) as tf.Scalar, [bindings[0].variable.read() as tf.Variable]);
      // d sum(γ·x)/dγ_c = the sum of channel c over both samples: 12·1 and 12·10.
      expect(Array.from(Object.values(grads)[0].dataSync())).toEqual([12, 120]);
      tf.dispose([x, y, ...Object.values(grads)]);
    } finally {
      c.model.dispose();
    }
  });
});
