/**
 * ConvTranspose2d beyond the single-layer fixture: the words of its
 * refusals (with the numbers and a fix that works), its MACs under each
 * convention, its label and formula, and the receptive field of a decoder.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { Conv2d, ConvTranspose2d } from '../../src/kinds/constructors.js';
import { analysis } from '../../src/kinds/convtranspose2d/analysis.js';
import type { Layer } from '../../src/graph/types.js';

const layer = (c: ReturnType<typeof ConvTranspose2d>) => ({ path: 'up', inputs: ['input'], ...c }) as Layer<'ConvTranspose2d'>;
const shapeOf = (c: ReturnType<typeof ConvTranspose2d>, shape: number[]) => analysis.outputShape(layer(c), [{ shape, from: 'enc.3 MaxPool2d' }]);

describe('ConvTranspose2d refusals say what and how to fix it', () => {
  it('output_padding not below the stride or the dilation names the axis and the limit', () => {
    const r = shapeOf(ConvTranspose2d(2, 2, 2, { stride: [2, 1], padding: 1, output_padding: 1 }), [2, 4, 5]);
    if (r.ok) throw new Error('accepted');
    expect(r.error.code).toBe('output-padding');
    expect(r.error.message).toBe('output_padding=1 along width must be smaller than the stride (1) or the dilation (1); with both 1 there is only one output size to choose from.');
    expect(r.error.fix).toBe('Remove output_padding (it needs a stride above 1), or set stride=2.');
    expect(r.error.zh.message).toContain('宽方向上的 output_padding=1');
    const two = shapeOf(ConvTranspose2d(2, 2, 3, { stride: 2, output_padding: 2 }), [2, 4, 4]);
    expect(two.ok ? null : two.error.message).toBe('output_padding=2 along height must be smaller than the stride (2) or the dilation (1); it only chooses among the 2 output sizes that a Conv2d with the same arguments maps back to this input size.');
    expect(two.ok ? null : two.error.fix).toBe('Use output_padding below 2.');
  });

  it('a padding that crops everything shows the formula, and its fix is the largest padding that works', () => {
    const r = shapeOf(ConvTranspose2d(3, 3, 3, { padding: 2 }), [3, 2, 9]);
    if (r.ok) throw new Error('accepted');
    expect(r.error.code).toBe('output-size');
    expect(r.error.formula).toBe('H: (2−1)·1 − 2·2 + 1·(3−1) + 0 + 1 = 0');
    expect(r.error.fix).toBe('Use padding of at most 1 along height, a larger kernel or stride, or feed a larger input.');
    expect(r.error.zh.fix).toContain('不超过 1');
    const fixed = shapeOf(ConvTranspose2d(3, 3, 3, { padding: [1, 2] }), [3, 2, 9]);
    expect(fixed).toEqual({ ok: true, shape: [3, 2, 7] });
  });

  it('a channel mismatch names where the input comes from, and groups must divide both channel counts', () => {
    const r = shapeOf(ConvTranspose2d(2, 2, 1), [3, 3, 9]);
    expect(r.ok ? null : r.error.message).toBe('expects 2 input channels, receives 3 (from enc.3 MaxPool2d).');
    const g = shapeOf(ConvTranspose2d(12, 2, 1, { groups: 4 }), [12, 1, 1]);
    expect(g.ok ? null : g.error.fix).toBe('Choose groups among the common divisors of 12 and 2.');
  });
});

describe('ConvTranspose2d counts, label and formula', () => {
  const l = layer(ConvTranspose2d(64, 32, 2, { stride: 2 }));
  it('MACs: every input pixel meets every weight (default, fvcore); torchinfo multiplies the parameters by the output positions', () => {
    expect(analysis.macs(l, [[64, 14, 14]], [32, 28, 28], 'default')).toBe(14 * 14 * 64 * 32 * 4);
    expect(analysis.macs(l, [[64, 14, 14]], [32, 28, 28], 'fvcore')).toBe(14 * 14 * 64 * 32 * 4);
    expect(analysis.macs(l, [[64, 14, 14]], [32, 28, 28], 'torchinfo')).toBe((64 * 32 * 4 + 32) * 28 * 28);
  });

  it('weights are stored input channels first, as PyTorch does', () => {
    expect(analysis.weights(layer(ConvTranspose2d(4, 6, 3, { groups: 2 })))).toEqual([
      { name: 'weight', shape: [4, 3, 3, 3] },
      { name: 'bias', shape: [6] },
    ]);
  });

  it('label and formula in the notes\' notation', () => {
    expect(analysis.label(l)).toBe('ConvTranspose2d 2×2 · 32 · s2 p0');
    expect(analysis.label(layer(ConvTranspose2d(4, 6, 3, { stride: 2, padding: 1, output_padding: 1, groups: 2, dilation: 2 })))).toBe('ConvTranspose2d 3×3 · 6 · s2 p1 op1 g2 d2');
    expect(analysis.formula?.(l, [64, 14, 14], [32, 28, 28])).toEqual(['H, W: (14−1)·2 − 2·0 + 1·(2−1) + 0 + 1 = 28']);
  });

  it('the receptive field of a decoder: a 2×2 stride-2 up-convolution halves the jump and keeps the size', () => {
    const b = new GraphBuilder('dec', [1, 16, 16]);
    const e = b.layer('enc', Conv2d(1, 4, 3, { stride: 2, padding: 1 }), b.input);
    const u = b.layer('up', ConvTranspose2d(4, 4, 2, { stride: 2 }), e);
    const c = b.layer('conv', Conv2d(4, 1, 3, { padding: 1 }), u);
    const a = analyze(b.build(c));
    const rf = (p: string) => a.layers.find((r) => r.path === p)?.receptiveField;
    expect(rf('enc')).toEqual({ size: [3, 3], jump: [2, 2], global: false });
    expect(rf('up')).toEqual({ size: [3, 3], jump: [1, 1], global: false });
    expect(rf('conv')).toEqual({ size: [5, 5], jump: [1, 1], global: false });
  });
});

describe('ConvTranspose2d in the details of a layer', () => {
  it('a jump below one input pixel is written with two decimals, not sixteen', async () => {
    const { details } = await import('../../src/render/details.js');
    const b = new GraphBuilder('up3', [1, 8, 8]);
    const u = b.layer('up', ConvTranspose2d(1, 1, 3, { stride: 3 }), b.input);
    const graph = b.build(b.layer('conv', Conv2d(1, 1, 3, { padding: 1 }), u));
    const analysis = analyze(graph);
    const rows = new Map(details({ graph, analysis }, 'layer', 'conv', 'en').rows);
    // One output of the 3×3 conv reads 3 upsampled pixels, a third of an input pixel apart: 1 + 2·⅓ input pixels.
    expect(rows.get('receptive field')).toBe('1.67×1.67 (jump 0.33×0.33)');
  });
});

describe('ConvTranspose2d refuses for PyTorch\'s reason', () => {
  it('every refusal of kinds.json gets the code of PyTorch\'s message (not merely some refusal)', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = JSON.parse(readFileSync(new URL('../fixtures/pytorch/kinds.json', import.meta.url), 'utf8')) as { cases: { id: string; kind: string; config: object; inputs: number[][]; error?: string }[] };
    const reason = (e: string) => (/output padding must be smaller/.test(e) ? 'output-padding' : /Output size is too small/.test(e) ? 'output-size' : /to have \d+ channels/.test(e) ? 'channels' : /divisible by groups/.test(e) ? 'groups' : e);
    const refused = doc.cases.filter((c) => c.kind === 'ConvTranspose2d' && c.error);
    expect(refused).toHaveLength(29);
    for (const c of refused) {
      const r = analysis.outputShape({ path: 'x', inputs: ['input'], kind: 'ConvTranspose2d', ...c.config } as unknown as Layer<'ConvTranspose2d'>, [{ shape: c.inputs[0], from: 'input' }]);
      expect(r.ok ? 'accepted' : r.error.code, `${c.id}: ${c.error}`).toBe(reason(c.error as string));
    }
  });
});
