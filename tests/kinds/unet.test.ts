/**
 * A U-Net-like encoder/decoder built with the builder, as a student would
 * write it (two down stages of Conv-ReLU and MaxPool, a bottleneck, two up
 * stages of ConvTranspose2d stride 2, concatenation with the skip and a
 * Conv-ReLU, a 1×1 head) on 1×64×64: its analysis equals PyTorch's
 * (fixtures/pytorch/unet-small.json, made by make_unet.py with
 * make_fixtures.py's recorder), and it compiles to tfjs, agreeing with the
 * analysis layer by layer, and trains: one SGD step on a per-pixel loss
 * reaches every weight and lowers the loss.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { Concat, Conv2d, ConvTranspose2d, MaxPool2d, ReLU } from '../../src/kinds/constructors.js';
import { selectBackend } from '../../src/train/backend.js';
import { compileGraph } from '../../src/train/compile.js';
import { trainingLoss } from '../../src/train/train.js';

interface Fixture {
  input: number[];
  output: number[];
  params: number;
  macs: number;
  layers: { path: string; kind: string; outputShape: number[]; params: number; macs: number }[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch/unet-small.json', import.meta.url), 'utf8')) as Fixture;

function unet() {
  const net = new GraphBuilder('unet-small', [1, 64, 64]);
  const convRelu = (cin: number, cout: number) => [Conv2d(cin, cout, 3, { padding: 1 }), ReLU()];
  const s1 = net.seq('down1', convRelu(1, 8), net.input);
  const s2 = net.seq('down2', convRelu(8, 16), net.layer('pool1', MaxPool2d(2), s1));
  const b = net.seq('bottleneck', convRelu(16, 32), net.layer('pool2', MaxPool2d(2), s2));
  const u2 = net.layer('up2', ConvTranspose2d(32, 16, 2, { stride: 2 }), b);
  const d2 = net.seq('dec2', convRelu(32, 16), net.fn('cat2', Concat(1), [u2, s2]));
  const u1 = net.layer('up1', ConvTranspose2d(16, 8, 2, { stride: 2 }), d2);
  const d1 = net.seq('dec1', convRelu(16, 8), net.fn('cat1', Concat(1), [u1, s1]));
  return net.build(net.layer('head', Conv2d(8, 2, 1), d1));
}

describe('a small U-Net', () => {
  const graph = unet();
  const a = analyze(graph);

  it('analyses as PyTorch runs it: every module call with its kind, shape, parameters and MACs, and the totals', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.input).toEqual(fixture.input);
    expect(a.output).toEqual(fixture.output);
    const modules = a.layers.filter((l) => !l.functional).map((l) => ({ path: l.path, kind: l.kind, outputShape: l.outputShape, params: l.params, macs: l.macs }));
    expect(modules).toEqual(fixture.layers.map((l) => ({ path: l.path, kind: l.kind, outputShape: l.outputShape, params: l.params, macs: l.macs })));
    expect(a.totals.params).toBe(fixture.params);
    expect(a.totals.macs).toBe(fixture.macs);
    // torch.cat joins the up-sampled map and the skip: free, and twice the channels.
    const cats = a.layers.filter((l) => l.functional);
    expect(cats.map((l) => [l.path, l.outputShape, l.params, l.macs])).toEqual([
      ['cat2', [32, 32, 32], 0, 0],
      ['cat1', [16, 64, 64], 0, 0],
    ]);
  });

  it('compiles to tfjs agreeing with the analysis and trains one step: every weight gets a gradient and the loss goes down', async () => {
    await selectBackend({ prefer: 'wasm' });
    const before = tf.memory().numTensors;
    // compileGraph checks each layer's tfjs shape and parameter count against the analysis.
    const c = compileGraph(graph, { seed: 1 });
    try {
      expect(c.model.outputs[0].shape).toEqual([null, 64, 64, 2]);
      const x = tf.randomNormal([2, 64, 64, 1], 0, 1, 'float32', 3);
      // A per-pixel target: class 1 where the input is positive.
      const y = tf.tidy(() => tf.oneHot(tf.cast(tf.greater(x.squeeze([3]), 0), 'int32'), 2));
      const vars = c.model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { value: loss0, grads } = tf.variableGrads(() => trainingLoss(c, x, y), vars);
      const zeroGrad = vars.filter((v) => tf.tidy(() => tf.max(tf.abs(grads[v.name])).dataSync()[0]) === 0).map((v) => v.name);
      expect(zeroGrad).toEqual([]);
      const opt = tf.train.sgd(0.05);
      opt.applyGradients(grads);
      const loss1 = tf.tidy(() => trainingLoss(c, x, y));
      expect(Number.isFinite(loss0.dataSync()[0])).toBe(true);
      expect(loss1.dataSync()[0]).toBeLessThan(loss0.dataSync()[0]);
      opt.dispose();
      tf.dispose([x, y, loss0, loss1, ...Object.values(grads)]);
    } finally {
      c.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
