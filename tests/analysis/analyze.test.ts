import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { summaryRows } from '../../src/analysis/summary.js';
import { formatCount, formatInt, parseShape } from '../../src/analysis/format.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { BatchNorm2d, Conv2d, Linear, AdaptiveAvgPool2d } from '../../src/kinds/constructors.js';
import { ZOO, zooGraph } from '../../src/zoo/index.js';

describe('invariants over the whole zoo', () => {
  it.each(ZOO.map((e) => e.id))('%s: layer rows add up to the totals; modules add up to their layers', (id) => {
    const a = analyze(zooGraph(id)!);
    const main = a.layers.filter((l) => !l.aux);
    expect(main.reduce((s, l) => s + (l.macs ?? 0), 0)).toBe(a.totals.macs);
    expect(a.layers.reduce((s, l) => s + l.params, 0)).toBe(a.totals.params);
    for (const m of a.modules) {
      const inside = a.layers.filter((l) => l.path.startsWith(m.path + '.'));
      expect(m.params).toBe(inside.reduce((s, l) => s + l.params, 0));
      expect(m.layers).toEqual(inside.map((l) => l.path));
    }
    // Top-level summary rows (depth 1) cover every parameter exactly once.
    expect(summaryRows(a, 1).reduce((s, r) => s + r.params, 0)).toBe(a.totals.params);
    // Params come from weight shapes.
    for (const l of a.layers) expect(l.params).toBe(l.weights.reduce((s, w) => s + w.shape.reduce((x, y) => x * y, 1), 0));
  });
});

describe('records', () => {
  const a = analyze(zooGraph('lenet5')!);
  it('receptive field of LeNet-5: C1 5, S2 6, C3 14, S4 16, C5 32 (then global)', () => {
    const rf = (p: string) => a.layers.find((l) => l.path === p)!.receptiveField;
    expect(rf('net.0')).toEqual({ size: [5, 5], jump: [1, 1], global: false });
    expect(rf('net.2')!.size).toEqual([6, 6]);
    expect(rf('net.3')!.size).toEqual([14, 14]);
    expect(rf('net.5')).toEqual({ size: [16, 16], jump: [4, 4], global: false });
    expect(rf('net.6')!.size).toEqual([32, 32]);
    expect(rf('net.9')!.global).toBe(true);
  });
  it('formula with the real numbers', () => {
    expect(a.layers[0].formula).toEqual(['H, W: ⌊(28 + 2·2 − (5−1) − 1)/1⌋ + 1 = 28']);
    expect(a.layers[0].label).toBe('Conv2d 5×5 · 6 · s1 p2');
  });
  it('output bytes at float32', () => {
    expect(a.layers[0].outputBytes).toBe(6 * 28 * 28 * 4);
  });
  it('input override', () => {
    const b = analyze(zooGraph('torchvision-resnet18')!, { input: [3, 32, 32] });
    expect(b.output).toEqual([1000]);
    expect(b.layers.find((l) => l.path === 'layer4.1.bn2')!.outputShape).toEqual([512, 1, 1]);
  });
  it('auxiliary heads are marked and counted apart', () => {
    const g = analyze(zooGraph('googlenet-paper')!);
    expect(g.layers.filter((l) => l.aux).map((l) => l.path)).toContain('aux1.fc2');
    expect(g.modules.find((m) => m.path === 'aux2')!.aux).toBe(true);
    expect(g.totals.auxMacs).toBe(2 * (128 * 512 * 16 + 2048 * 1024 + 1024 * 1000) + 128 * (528 - 512) * 16);
  });
});

describe('MAC conventions', () => {
  const b = new GraphBuilder('c', [3, 8, 8]);
  let x = b.layer('conv', Conv2d(3, 4, 3, { padding: 1 }), b.input);
  x = b.layer('bn', BatchNorm2d(4), x);
  x = b.layer('pool', AdaptiveAvgPool2d(1), x);
  const g = b.build(b.layer('fc', Linear(4, 2), b.fn('flat', { kind: 'Flatten' }, x)));
  const macs = (c: 'default' | 'torchinfo' | 'fvcore') => analyze(g, { convention: c }).layers.map((l) => l.macs);
  it('default: conv and linear, bias excluded', () => {
    expect(macs('default')).toEqual([4 * 64 * 27, 0, 0, 0, 8]);
  });
  it('torchinfo: every parameter × output positions for conv; parameters for BatchNorm and Linear', () => {
    expect(macs('torchinfo')).toEqual([(4 * 27 + 4) * 64, 8, 0, 0, 10]);
  });
  it('fvcore: BatchNorm 2 per element with affine, adaptive pooling 1 per input element', () => {
    expect(macs('fvcore')).toEqual([4 * 64 * 27, 2 * 4 * 64, 4 * 64, 0, 8]);
  });
  it('FLOPs are twice the MACs and say which convention', () => {
    const r = analyze(g, { convention: 'torchinfo' });
    expect(r.convention).toBe('torchinfo');
    expect(r.totals.flops).toBe(2 * r.totals.macs);
  });
});

describe('formatting', () => {
  it('thousands separators and units', () => {
    expect(formatInt(61706)).toBe('61,706');
    expect(formatInt(-1234567)).toBe('-1,234,567');
    expect(formatInt(null)).toBe('—');
    expect(formatCount(4_089_184_256)).toBe('4.09 G');
    expect(formatCount(416_520)).toBe('417 K');
    expect(formatCount(999)).toBe('999');
  });
  it('shapes on the command line', () => {
    expect(parseShape('1x28x28')).toEqual([1, 28, 28]);
    expect(parseShape('3×224×224')).toEqual([3, 224, 224]);
    expect(parseShape('[1, 28, 28]')).toEqual([1, 28, 28]);
    expect(parseShape('1x28')).toBeNull();
    expect(parseShape('0x28x28')).toBeNull();
  });
});
