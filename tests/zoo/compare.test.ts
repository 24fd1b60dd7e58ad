/** The notes' worked examples, recomputed from the two real configurations. */
import { describe, expect, it } from 'vitest';
import { bottleneck, stack } from '../../src/zoo/compare.js';

describe('bottleneck: 28×28×192 → 32 with a 5×5 (000_52091afd6212e377.txt)', () => {
  const c = bottleneck({ input: [192, 28, 28], out: 32, kernel: 5, reduce: 16 });
  it('direct: 5²×28²×192×32 = 120,422,400 MACs, as the notes compute', () => {
    expect(c.variants[0].macs).toBe(120_422_400);
    expect(c.variants[0].macsFormula).toBe('5²×28²×192×32 = 120,422,400');
  });
  it('reduced: 12,443,648 MACs — the notes print 12,433,648, an arithmetic slip', () => {
    expect(c.variants[1].macs).toBe(1 * 28 * 28 * 192 * 16 + 25 * 28 * 28 * 16 * 32);
    expect(c.variants[1].macs).toBe(12_443_648);
    expect(c.variants[1].macsFormula).toBe('1²×28²×192×16 + 5²×28²×16×32 = 12,443,648');
  });
  it('parameters with and without bias', () => {
    expect(c.variants.map((v) => v.params)).toEqual([192 * 32 * 25 + 32, 192 * 16 + 16 + 16 * 32 * 25 + 32]);
    const nb = bottleneck({ input: [192, 28, 28], out: 32, kernel: 5, reduce: 16, bias: false });
    expect(nb.variants.map((v) => v.params)).toEqual([153_600, 15_872]);
    expect(c.ratio.macs).toBeCloseTo(120_422_400 / 12_443_648, 10);
  });
});

describe('bottleneck: 512×8×8 → 64 with a 3×3, reduced to 24 (002_327777453aafdadb.txt)', () => {
  const c = bottleneck({ input: [512, 8, 8], out: 64, kernel: 3, reduce: 24, bias: false });
  it('294,912 versus 26,112 parameters, as the notes compute', () => {
    expect(c.variants[0].params).toBe(294_912);
    expect(c.variants[1].params).toBe(26_112);
    expect(c.variants[1].paramsFormula).toBe('512×24×1×1 + 24×64×3×3 = 26,112');
  });
});

describe('stack: three 3×3 versus one 7×7 (004_f428c92a1f1bda1d.txt, VGG)', () => {
  it.each([1, 16, 64, 512])('27C² versus 49C² weights at C = %i, same 7×7 receptive field', (C) => {
    const c = stack({ channels: C, kernel: 7 });
    expect(c.variants[0].params).toBe(49 * C * C);
    expect(c.variants[1].params).toBe(27 * C * C);
    expect(c.variants[0].receptiveField?.size).toEqual([7, 7]);
    expect(c.variants[1].receptiveField?.size).toEqual([7, 7]);
  });
  it('two 3×3 versus one 5×5: 18C² versus 25C²', () => {
    const c = stack({ channels: 10, kernel: 5 });
    expect([c.variants[0].params, c.variants[1].params]).toEqual([2500, 1800]);
  });
  it('MACs scale with the map: 56×56 by default', () => {
    const c = stack({ channels: 64, kernel: 7 });
    expect(c.variants[0].macs).toBe(49 * 64 * 64 * 56 * 56);
  });
});

describe('a comparison whose configuration cannot work reports it', () => {
  it('a 9×9 kernel on a 4×4 map with no room', () => {
    const c = bottleneck({ input: [8, 4, 4], out: 8, kernel: 9, reduce: 4 });
    expect(c.diagnostics.length).toBe(0); // padding 4 keeps it valid: (4 + 8 − 9)/1 + 1 = 4
    expect(c.variants[0].analysis.output).toEqual([8, 4, 4]);
  });
});
