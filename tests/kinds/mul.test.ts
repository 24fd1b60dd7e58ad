/** Mul's checks beyond the single-layer fixture: its arity, the warning for operands of different ranks, and its words. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Graph } from '../../src/graph/types.js';
import { checkStructure } from '../../src/graph/validate.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';

const net = (layers: object[]): Graph => ({ name: 'n', input: [16, 7, 7], layers, modules: [], output: (layers[layers.length - 1] as { path: string }).path, aux: [] }) as unknown as Graph;

describe('Mul', () => {
  it('takes exactly two inputs, and says so in both languages', () => {
    const one = checkStructure(net([{ path: 'm', kind: 'Mul', inputs: ['input'] }])).find((i) => i.code === 'arity');
    expect(one?.message).toBe("takes exactly two inputs (as Mul's a and b), has 1.");
    expect(one?.zh.message).toBe('只接受两个输入（Mul 的 a 和 b），这里却有 1 个。');
    const three = checkStructure(net([{ path: 'm', kind: 'Mul', inputs: ['input', 'input', 'input'] }])).find((i) => i.code === 'arity');
    expect(three?.fix).toBe('Chain Mul layers, two operands at a time.');
    expect(checkStructure(net([{ path: 'm', kind: 'Mul', inputs: ['input', 'input'] }]))).toEqual([]);
  });

  it('a squeeze-and-excitation scale (C×1×1 times C×H×W) broadcasts without a word', () => {
    const a = analyze(net([{ path: 'pool', kind: 'AdaptiveAvgPool2d', output_size: 1, inputs: ['input'] }, { path: 'm', kind: 'Mul', inputs: ['pool', 'input'] }]));
    expect(a.diagnostics).toEqual([]);
    expect(a.output).toEqual([16, 7, 7]);
  });

  it('names the clashing dimension counting the batch, with the numbers and the fix', () => {
    const r = KIND_ANALYSES.Mul.outputShape({ path: 'm', kind: 'Mul', inputs: ['a', 'b'] }, [{ shape: [16, 7, 7], from: 'conv 16×7×7' }, { shape: [8, 1, 1], from: 'fc2 8×1×1' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('cannot multiply 16×7×7 (conv 16×7×7) by 8×1×1 (fc2 8×1×1): sizes 16 and 8 differ at dimension 1 (the batch is 0), and neither is 1.');
    expect(r.error.fix).toContain('16×1×1');
    expect(r.error.zh.message).toContain('第 1 维');
  });

  it('warns that an operand with fewer dimensions meets the batch in PyTorch', () => {
    const r = KIND_ANALYSES.Mul.outputShape({ path: 'm', kind: 'Mul', inputs: ['a', 'b'] }, [{ shape: [16, 7, 7], from: 'a' }, { shape: [7, 7], from: 'b' }]);
    expect(r.ok && r.shape).toEqual([16, 7, 7]);
    expect(r.ok && r.warnings?.map((w) => w.code)).toEqual(['mul-rank']);
    expect(r.ok && r.warnings?.[0].message).toContain('lines up with dimension 1 of the other (size 16)');
    expect(r.ok && r.warnings?.[0].fix).toContain('reshape 7×7 to 1×7×7');
  });
});
