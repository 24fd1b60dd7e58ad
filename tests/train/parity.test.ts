/**
 * The model that trains is the model that is drawn: for every zoo network the
 * compiled tfjs model has the analysis's trainable parameters, and every graph
 * layer's tfjs output has the analysed shape in channels-last order. Networks
 * small enough to run on the CPU backend are also run, so the shapes checked
 * are those of real tensors, not only tfjs's symbolic shape inference.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOO, zooGraph } from '../../src/zoo/index.js';
import { channelsLast, compileGraph } from '../../src/train/compile.js';

const count = (shape: readonly (number | null)[]) => shape.reduce<number>((a, b) => a * (b ?? 1), 1);

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  baseline = tf.memory().numTensors;
});
afterAll(() => {
  // Every model was disposed: no weight may survive its test.
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('compiled tfjs model agrees with the analysis', () => {
  it.each(ZOO.map((e) => e.id))('%s', (id) => {
    const graph = zooGraph(id);
    if (!graph) throw new Error(id);
    // Drawing 10⁸ random weights on the CPU backend takes seconds; shapes and counts do not depend on them.
    const c = compileGraph(graph, { seed: 1, init: 'zeros' });
    try {
      const { analysis, model } = c;
      const trainable = model.trainableWeights.reduce((a, w) => a + count(w.shape), 0);
      expect(trainable).toBe(analysis.totals.trainableParams);
      expect(model.inputs[0].shape).toEqual([null, ...channelsLast(analysis.input)]);

      const mismatches: string[] = [];
      for (const rec of analysis.layers) {
        const chain = c.layers.get(rec.path);
        if (!chain) {
          mismatches.push(`${rec.path}: not compiled`);
          continue;
        }
        const last = chain[chain.length - 1];
        const got = (last.output as tf.SymbolicTensor).shape;
        const want = [null, ...channelsLast(rec.outputShape ?? [])];
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${rec.path} ${rec.kind}: tfjs ${JSON.stringify(got)}, analysis ${JSON.stringify(want)}`);
        const params = chain.reduce((a, l) => a + l.trainableWeights.reduce((b, w) => b + count(w.shape), 0), 0);
        if (params !== rec.trainableParams) mismatches.push(`${rec.path} ${rec.kind}: tfjs ${params} params, analysis ${rec.trainableParams}`);
      }
      expect(mismatches).toEqual([]);

      // Outputs: the inference output first, then one per auxiliary head with its loss weight.
      expect(c.outputs).toEqual([graph.output, ...graph.aux.map((a) => a.path)]);
      expect(c.lossWeights).toEqual([1, ...graph.aux.map((a) => a.weight)]);
      expect(model.outputs.map((o) => o.shape)).toEqual(c.outputs.map((p) => [null, ...channelsLast(analysis.layers.find((r) => r.path === p)?.outputShape ?? [])]));
      expect(c.inference.outputs).toHaveLength(1);

      // Small enough for the CPU backend: run it and compare the real tensors of every layer.
      if (analysis.totals.macs + analysis.totals.auxMacs < 3e8) {
        const probes = analysis.layers.map((r) => {
          const chain = c.layers.get(r.path) ?? [];
          return chain[chain.length - 1].output as tf.SymbolicTensor;
        });
        const probe = tf.model({ inputs: model.inputs, outputs: probes });
        const shapes = tf.tidy(() => {
          const ys = probe.predict(tf.zeros([1, ...channelsLast(analysis.input)])) as tf.Tensor[];
          return ys.map((y) => y.shape);
        });
        expect(shapes).toEqual(analysis.layers.map((r) => [1, ...channelsLast(r.outputShape ?? [])]));
      }
    } finally {
      c.model.dispose();
    }
  }, 120_000);

  it('without training, the auxiliary heads are left out', () => {
    const graph = zooGraph('googlenet-paper');
    if (!graph) throw new Error('googlenet-paper');
    const c = compileGraph(graph, { training: false, init: 'zeros' });
    try {
      const trainable = c.model.trainableWeights.reduce((a, w) => a + count(w.shape), 0);
      expect(c.analysis.totals.auxParams).toBeGreaterThan(0);
      expect(trainable).toBe(c.analysis.totals.trainableParams - c.analysis.totals.auxParams);
      expect(c.outputs).toEqual([graph.output]);
      expect(c.lossWeights).toEqual([1]);
    } finally {
      c.model.dispose();
    }
  }, 60_000);

  it('a network that does not fit together is refused with the analysis diagnostic', () => {
    const graph = zooGraph('lenet5');
    if (!graph) throw new Error('lenet5');
    // 32×32 leaves C5 with 120×2×2 = 480 features for Linear(120, 84).
    const broken = { ...graph, input: [1, 32, 32] as const };
    expect(() => compileGraph(broken)).toThrow(/does not fit together.*Linear: expects in_features=120/);
  });
});
