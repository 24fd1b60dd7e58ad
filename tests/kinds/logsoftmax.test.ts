/** LogSoftmax's dim: required (PyTorch's implicit choice is deprecated), never the batch. */
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/graph/json.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';

const doc = (layer: object) => JSON.stringify({ format: 'cnn-graph/1', name: 'n', input: [1, 4, 4], layers: [{ path: 'f', kind: 'Flatten' }, { path: 'out', kind: 'LogSoftmax', ...layer }] });

describe('LogSoftmax', () => {
  it('without dim the reader says it is required, in both languages (no implicit dim, unlike PyTorch\'s deprecated dim=None)', () => {
    const r = parseNetwork(doc({}));
    expect(r.graph).toBeNull();
    const d = r.diagnostics.find((x) => x.path === 'out');
    expect(d?.message).toBe('out LogSoftmax: dim is required (number) (layers[1]).');
    expect(d?.zh?.message).toContain('dim 是必填项');
    expect(parseNetwork(doc({ dim: 1 })).diagnostics).toEqual([]);
  });

  it('refuses the batch dimension', () => {
    const r = KIND_ANALYSES.LogSoftmax.outputShape({ path: 'x', kind: 'LogSoftmax', inputs: ['a'], dim: 0 }, [{ shape: [10], from: 'fc' }]);
    expect(!r.ok && r.error.message).toBe('dim=0 is the batch dimension of N×10: LogSoftmax would mix the samples of a batch.');
  });
});
