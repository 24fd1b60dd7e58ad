/** Concat beyond its PyTorch fixture: `torch.cat([x])`, one input, is valid in PyTorch and here, and trains. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Graph } from '../../src/graph/types.js';
import { compileGraph } from '../../src/train/compile.js';

const graph = { name: 'one-cat', input: [2, 3, 3], layers: [{ path: 'relu', kind: 'ReLU', inputs: ['input'] }, { path: 'cat', kind: 'Concat', inputs: ['relu'] }], modules: [], output: 'cat', aux: [] } as unknown as Graph;

describe('a one-input Concat', () => {
  it('analyses to its input\'s shape, without a diagnostic', () => {
    const a = analyze(graph);
    expect(a.diagnostics).toEqual([]);
    expect(a.output).toEqual([2, 3, 3]);
  });

  it('compiles to tfjs as a copy of its input', () => {
    const c = compileGraph(graph);
    try {
      const x = tf.tensor4d(Array.from({ length: 18 }, (_, i) => i - 9), [1, 3, 3, 2]);
      const y = c.model.predict(x) as tf.Tensor;
      expect(Array.from(y.dataSync())).toEqual(Array.from(x.relu().dataSync()));
      tf.dispose([x, y]);
    } finally {
      c.model.dispose();
    }
  });
});
