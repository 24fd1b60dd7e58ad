/**
 * Upsample beyond the single-layer fixture: the output size in double
 * precision, its refusals' words, the fvcore counts, label, formula and the
 * receptive field after it.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import type { Layer } from '../../src/graph/types.js';
import { Conv2d, Upsample } from '../../src/kinds/constructors.js';
import { analysis } from '../../src/kinds/upsample/analysis.js';

const layer = (c: ReturnType<typeof Upsample>) => ({ path: 'up', inputs: ['input'], ...c }) as Layer<'Upsample'>;
const shapeOf = (c: ReturnType<typeof Upsample>, shape: number[]) => analysis.outputShape(layer(c), [{ shape, from: 'dec.0 Conv2d' }]);

describe('Upsample output size', () => {
  it('is ⌊H·scale⌋ in double precision, as F.interpolate computes it (checked with PyTorch 1.13)', () => {
    // 45·2.8 is 125.99999999999999 in double, so 125 (not the 126 of decimal arithmetic nor of float32);
    // 30·2.1 is exactly 63 in double, where float32 would give 62.
    expect(shapeOf(Upsample({ scale_factor: 2.8 }), [1, 45, 30])).toEqual({ ok: true, shape: [1, 125, 84] });
    expect(shapeOf(Upsample({ scale_factor: 2.1 }), [1, 30, 45])).toEqual({ ok: true, shape: [1, 63, 94] });
    expect(shapeOf(Upsample({ scale_factor: [2, 1.5], mode: 'bilinear' }), [3, 5, 5])).toEqual({ ok: true, shape: [3, 10, 7] });
    expect(shapeOf(Upsample({ size: [9, 4] }), [3, 5, 5])).toEqual({ ok: true, shape: [3, 9, 4] });
  });
});

describe('Upsample refusals say what and how to fix it', () => {
  const error = (opts: Parameters<typeof Upsample>[0], shape = [2, 4, 4]) => {
    const r = shapeOf(Upsample(opts), shape);
    if (r.ok) throw new Error('accepted');
    return r.error;
  };
  it('neither or both of size and scale_factor', () => {
    expect(error({}).fix).toBe('Give scale_factor=2 to double height and width, or size=[H, W].');
    expect(error({ size: 8, scale_factor: 2 }).message).toBe('only one of size or scale_factor should be given; this layer has both.');
  });
  it('an output of zero pixels shows the floor and the least scale that works', () => {
    const e = error({ scale_factor: 0.3 }, [4, 3, 7]);
    expect(e.formula).toBe('H: ⌊3·0.3⌋ = 0, W: ⌊7·0.3⌋ = 2');
    expect(e.fix).toBe('Use a scale_factor of at least 0.3333, or give size.');
    expect(shapeOf({ kind: 'Upsample', scale_factor: 0.3334 }, [4, 3, 7]).ok).toBe(true);
  });
  it('a mode for another rank, and align_corners on a mode that does not interpolate', () => {
    expect(error({ scale_factor: 2, mode: 'linear' }).fix).toBe("Use mode='bilinear' for a C×H×W map.");
    expect(error({ scale_factor: 2, mode: 'trilinear' }).zh.message).toContain('5 维');
    expect(error({ scale_factor: 2, align_corners: false }).code).toBe('align-corners');
    expect(error({ size: 8, recompute_scale_factor: true }).code).toBe('recompute-with-size');
  });
});

describe('Upsample counts, label, formula and receptive field', () => {
  it('MACs: none under default and torchinfo; fvcore 1 (nearest) or 4 (bilinear) per output element', () => {
    const near = layer(Upsample({ scale_factor: 2 }));
    const bil = layer(Upsample({ scale_factor: 2, mode: 'bilinear' }));
    expect(analysis.macs(near, [[8, 4, 4]], [8, 8, 8], 'default')).toBe(0);
    expect(analysis.macs(bil, [[8, 4, 4]], [8, 8, 8], 'torchinfo')).toBe(0);
    expect(analysis.macs(near, [[8, 4, 4]], [8, 8, 8], 'fvcore')).toBe(512);
    expect(analysis.macs(bil, [[8, 4, 4]], [8, 8, 8], 'fvcore')).toBe(2048);
    expect(analysis.macs(layer(Upsample({ scale_factor: 2, mode: 'bicubic' })), [[8, 4, 4]], [8, 8, 8], 'fvcore')).toBe(0);
  });

  it('label and formula', () => {
    expect(analysis.label(layer(Upsample({ scale_factor: 2 })))).toBe('Upsample ×2 · nearest');
    expect(analysis.label(layer(Upsample({ size: 17, mode: 'bilinear', align_corners: true })))).toBe('Upsample → 17×17 · bilinear · align_corners');
    expect(analysis.formula?.(layer(Upsample({ scale_factor: [2, 1.5] })), [3, 5, 5], [3, 10, 7])).toEqual(['H: ⌊5·2⌋ = 10', 'W: ⌊5·1.5⌋ = 7']);
  });

  it('after a stride-2 convolution, nearest ×2 brings the jump back to 1; bilinear reads 2 cells', () => {
    const b = new GraphBuilder('up', [1, 16, 16]);
    const e = b.layer('enc', Conv2d(1, 4, 3, { stride: 2, padding: 1 }), b.input);
    const n = b.layer('near', Upsample({ scale_factor: 2 }), e);
    const a = analyze(b.build(b.layer('c', Conv2d(4, 1, 1), [n])));
    expect(a.layers.find((r) => r.path === 'near')?.receptiveField).toEqual({ size: [3, 3], jump: [1, 1], global: false });
    const b2 = new GraphBuilder('up2', [1, 16, 16]);
    const e2 = b2.layer('enc', Conv2d(1, 4, 3, { stride: 2, padding: 1 }), b2.input);
    const a2 = analyze(b2.build(b2.layer('lin', Upsample({ scale_factor: 2, mode: 'bilinear' }), e2)));
    expect(a2.layers.find((r) => r.path === 'lin')?.receptiveField).toEqual({ size: [5, 5], jump: [1, 1], global: false });
  });
});

describe('Upsample refuses for PyTorch\'s reason', () => {
  it('every refusal of kinds.json gets the code of PyTorch\'s message', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = JSON.parse(readFileSync(new URL('../fixtures/pytorch/kinds.json', import.meta.url), 'utf8')) as { cases: { id: string; kind: string; config: object; inputs: number[][]; error?: string }[] };
    const reason = (e: string) => (/only one of size or scale_factor/.test(e) ? 'size-and-scale' : /either size or scale_factor/.test(e) ? 'no-size' : /sizes should be greater than 0/.test(e) ? 'output-size' : /mode needs \dD input/.test(e) ? 'mode-rank' : e);
    const refused = doc.cases.filter((c) => c.kind === 'Upsample' && c.error);
    expect(refused.length).toBeGreaterThan(3);
    for (const c of refused) {
      const r = analysis.outputShape({ path: 'x', inputs: ['input'], kind: 'Upsample', ...c.config } as unknown as Layer<'Upsample'>, [{ shape: c.inputs[0], from: 'input' }]);
      expect(r.ok ? 'accepted' : r.error.code, `${c.id}: ${c.error}`).toBe(reason(c.error as string));
    }
  });
});
