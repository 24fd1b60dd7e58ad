import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Graph, Layer } from '../../src/graph/types.js';
import { ZOO, zooGraph } from '../../src/zoo/index.js';
import { categorySplit, firstLinear, formulaMismatches, gapSaving, inceptionSavings, modelInsights, notesChecks, residualBlocks, stages, topLayers } from '../../src/site/insights.js';

const graph = (id: string): Graph => {
  const g = zooGraph(id);
  if (!g) throw new Error(`no zoo network ${id}`);
  return g;
};
const conv = (g: Graph, path: string) => g.layers.find((l) => l.path === path) as Layer<'Conv2d'>;
/** Parameters of a convolution from its configuration alone: C·N·k² (+ N bias). */
const convParams = (c: Layer<'Conv2d'>) => {
  const k = c.kernel_size as number;
  return c.in_channels * c.out_channels * k * k + (c.bias === false ? 0 : c.out_channels);
};
const linParams = (i: number, o: number) => i * o + o;

describe('stages and shares', () => {
  it('covers every parameter and every inference MAC of each zoo network', () => {
    for (const e of ZOO) {
      const a = analyze(e.build());
      const s = stages(a);
      expect(s.reduce((n, x) => n + x.params, 0), e.id).toBe(a.totals.params);
      expect(s.filter((x) => !x.aux).reduce((n, x) => n + x.macs, 0), e.id).toBe(a.totals.macs);
    }
  });

  it('looks through the notes’ single nn.Sequential wrapper', () => {
    const a = analyze(graph('alexnet-mnist'));
    // The stages of `self.net = nn.Sequential(...)` are its layers with parameters.
    const expected = a.layers.filter((l) => l.parent === 'net' && l.params > 0).map((l) => l.path);
    expect(stages(a).map((s) => s.path)).toEqual(expected);
  });

  it('marks GoogLeNet’s auxiliary heads as training-only (no MAC share)', () => {
    const a = analyze(graph('googlenet-paper'));
    const aux = stages(a).filter((s) => s.aux);
    expect(aux.map((s) => s.path)).toEqual(['aux1', 'aux2']);
    expect(aux.every((s) => s.macShare === null && s.macs > 0)).toBe(true);
  });

  it('ranks layers by parameters', () => {
    const g = graph('torchvision-vgg16');
    const top = topLayers(analyze(g), 3);
    expect(top[0]?.path).toBe('classifier.0');
    expect(top[0]?.params).toBe(linParams(512 * 7 * 7, 4096));
    expect(top[1]?.params).toBe(linParams(4096, 4096));
  });
});

describe('categorySplit', () => {
  it('sums convolutions, linear layers and the rest from the configurations', () => {
    for (const id of ['lenet5', 'torchvision-resnet18', 'googlenet-paper']) {
      const g = graph(id);
      const a = analyze(g);
      const [c, l, o] = categorySplit(a);
      const convs = g.layers.filter((x): x is Layer<'Conv2d'> => x.kind === 'Conv2d');
      const lins = g.layers.filter((x): x is Layer<'Linear'> => x.kind === 'Linear');
      expect(c?.layers).toBe(convs.length);
      expect(c?.params).toBe(convs.reduce((n, x) => n + convParams(x), 0));
      expect(l?.params).toBe(lins.reduce((n, x) => n + linParams(x.in_features, x.out_features), 0));
      expect((c?.params ?? 0) + (l?.params ?? 0) + (o?.params ?? 0)).toBe(a.totals.params);
      expect((c?.macs ?? 0) + (l?.macs ?? 0) + (o?.macs ?? 0)).toBe(a.totals.macs);
    }
  });
});

describe('firstLinear', () => {
  it('finds the layer that holds most of AlexNet and VGG', () => {
    const g = graph('alexnet-mnist');
    const a = analyze(g);
    const fl = firstLinear(g, a);
    expect(fl?.path).toBe('net.14');
    expect(fl?.featureMap).toEqual([256, 5, 5]);
    expect(fl?.params).toBe(linParams(256 * 5 * 5, 4096));
    expect(fl?.share).toBeCloseTo(linParams(6400, 4096) / a.totals.params, 12);
    expect(fl?.share).toBeGreaterThan(0.5);
  });

  it('is null for NiN, which has no fully connected layer', () => {
    const g = graph('nin');
    expect(firstLinear(g, analyze(g))).toBeNull();
  });
});

describe('inceptionSavings', () => {
  it('compares every 1×1 → k×k branch of the paper’s GoogLeNet with a direct k×k convolution', () => {
    const g = graph('googlenet-paper');
    const a = analyze(g);
    const blocks = inceptionSavings(g, a);
    expect(blocks.map((b) => b.path)).toEqual(['inception3a', 'inception3b', 'inception4a', 'inception4b', 'inception4c', 'inception4d', 'inception4e', 'inception5a', 'inception5b']);
    expect(blocks.every((b) => b.branches.length === 2)).toBe(true);
    const b3 = blocks[0]?.branches.find((b) => b.branch === 'branch3');
    // inception3a: 192×28×28, 1×1 → 16, 5×5 → 32 (the paper's table).
    expect(b3).toMatchObject({ input: [192, 28, 28], reduce: 16, out: 32, kernel: 5 });
    expect(b3?.direct.params).toBe(192 * 32 * 25 + 32);
    expect(b3?.direct.macs).toBe(28 * 28 * 192 * 32 * 25);
    expect(b3?.reduced.macs).toBe(28 * 28 * 192 * 16 + 28 * 28 * 16 * 32 * 25);
    // The reduced variant is exactly the network's own two convolutions.
    const real = a.layers.filter((l) => l.path === 'inception3a.branch3.0.conv' || l.path === 'inception3a.branch3.1.conv');
    expect(b3?.reduced.params).toBe(real.reduce((n, l) => n + l.params, 0));
    expect(b3?.reduced.macs).toBe(real.reduce((n, l) => n + (l.macs ?? 0), 0));
    expect(b3?.saving.macs).toBeCloseTo(1 - (28 * 28 * 192 * 16 + 28 * 28 * 16 * 32 * 25) / (28 * 28 * 192 * 32 * 25), 12);
  });

  it('uses torchvision’s 3×3 kernel in its “5×5” branch, without bias', () => {
    const g = graph('torchvision-googlenet');
    const b3 = inceptionSavings(g, analyze(g))[0]?.branches.find((b) => b.branch === 'branch3');
    expect(b3).toMatchObject({ kernel: 3, bias: false });
    expect(b3?.direct.params).toBe(192 * 32 * 9);
  });

  it('finds the d2l block’s branches without branch modules (p2_2, p3_2)', () => {
    const g = graph('googlenet');
    const blocks = inceptionSavings(g, analyze(g));
    expect(blocks).toHaveLength(9);
    expect(blocks[0]?.branches.map((b) => b.branch)).toEqual(['p2_2', 'p3_2']);
  });

  it('shows the lecture’s first block widening: the 1×1 “reduction” from 10 to 16 channels costs more', () => {
    const g = graph('googlenet-mini');
    const [first, second] = inceptionSavings(g, analyze(g));
    // branch2: 1×1 → 16, 3×3 → 24 (its second 3×3 has no 1×1 before it).
    const b2 = first?.branches.find((b) => b.branch === 'branch2');
    expect(b2).toMatchObject({ input: [10, 12, 12], reduce: 16, out: 24, kernel: 3 });
    expect(b2?.direct.macs).toBe(12 * 12 * 10 * 24 * 9);
    expect(b2?.reduced.macs).toBe(12 * 12 * 10 * 16 + 12 * 12 * 16 * 24 * 9);
    expect(b2?.saving.macs).toBeLessThan(0);
    expect(second?.branches.every((b) => b.saving.macs > 0)).toBe(true);
  });

  it('is empty for networks without Inception blocks', () => {
    const g = graph('torchvision-resnet50');
    expect(inceptionSavings(g, analyze(g))).toEqual([]);
  });
});

describe('gapSaving', () => {
  it('compares ResNet-18’s head with fully connected ones on the 512×7×7 map', () => {
    const g = gapSaving(analyze(graph('torchvision-resnet18')));
    expect(g?.featureMap).toEqual([512, 7, 7]);
    expect(g?.actual.params).toBe(linParams(512, 1000));
    expect(g?.linear.params).toBe(linParams(512 * 49, 1000));
    expect(g?.alexnetHead.widths).toEqual([4096, 4096, 1000]);
    expect(g?.alexnetHead.params).toBe(linParams(512 * 49, 4096) + linParams(4096, 4096) + linParams(4096, 1000));
    expect(g?.alexnetHead.macs).toBe(512 * 49 * 4096 + 4096 * 4096 + 4096 * 1000);
    expect(g?.classifierBlock).toBeNull();
  });

  it('treats NiN’s last block as its classifier', () => {
    const gr = graph('nin');
    const a = analyze(gr);
    const g = gapSaving(a);
    expect(g?.featureMap).toEqual([10, 5, 5]);
    expect(g?.actual.params).toBe(0);
    expect(g?.classifierBlock?.path).toBe('7');
    expect(g?.classifierBlock?.input).toEqual([384, 5, 5]);
    const blockParams = gr.layers.filter((l): l is Layer<'Conv2d'> => l.kind === 'Conv2d' && l.path.startsWith('7.')).reduce((n, c) => n + convParams(c), 0);
    expect(g?.classifierBlock?.params).toBe(blockParams);
    expect(g?.classifierBlock?.linear.params).toBe(linParams(384 * 25, 10));
  });

  it('measures the d2l GoogLeNet on its 1024×3×3 map (96×96 input)', () => {
    const g = gapSaving(analyze(graph('googlenet')));
    expect(g?.featureMap).toEqual([1024, 3, 3]);
    expect(g?.linear.params).toBe(linParams(1024 * 9, 10));
  });

  it('is null without global pooling (LeNet, AlexNet, VGG, the lecture networks)', () => {
    for (const id of ['lenet5', 'alexnet-mnist', 'torchvision-vgg16', 'googlenet-mini', 'resnet-mini']) expect(gapSaving(analyze(graph(id))), id).toBeNull();
  });
});

describe('residualBlocks', () => {
  it('finds ResNet-50’s 16 bottlenecks and the projection opening each stage', () => {
    const g = graph('torchvision-resnet50');
    const r = residualBlocks(analyze(g));
    expect(r?.blocks).toHaveLength(3 + 4 + 6 + 3);
    expect(r?.blocks.filter((b) => b.shortcut === 'projection').map((b) => b.path)).toEqual(['layer1.0', 'layer2.0', 'layer3.0', 'layer4.0']);
    const down = g.layers.filter((l): l is Layer<'Conv2d'> => l.kind === 'Conv2d' && l.path.includes('downsample'));
    // Each projection: a bias-free 1×1 convolution and a BatchNorm (weight and bias per channel).
    expect(r?.projectionParams).toBe(down.reduce((n, c) => n + c.in_channels * c.out_channels + 2 * c.out_channels, 0));
    expect(r?.blocks[0]?.projection?.paths).toEqual(['layer1.0.downsample.0', 'layer1.0.downsample.1']);
  });

  it('sees the lecture’s two identity shortcuts', () => {
    const r = residualBlocks(analyze(graph('resnet-mini')));
    expect(r?.blocks.map((b) => [b.path, b.shortcut])).toEqual([
      ['net.3', 'identity'],
      ['net.7', 'identity'],
    ]);
    expect(r?.blocks[0]?.main.params).toBe(2 * (16 * 16 * 9 + 16));
  });

  it('is null for networks without additions', () => {
    expect(residualBlocks(analyze(graph('torchvision-vgg11')))).toBeNull();
  });
});

describe('formulaMismatches', () => {
  it('finds where 001’s formulas give fractions for the lecture AlexNet', () => {
    const g = graph('alexnet-mnist');
    const f = formulaMismatches(g, analyze(g));
    expect(f.map((x) => x.path)).toEqual(['net.0', 'net.2', 'net.5', 'net.12']);
    expect(f[0]).toMatchObject({ notes: (224 + 2 - 11) / 4 + 1, pytorch: Math.floor((224 + 2 - 11) / 4) + 1 });
    expect(f[1]).toMatchObject({ notes: 54 / 2, pytorch: Math.floor((54 - 3) / 2) + 1 });
  });

  it('is empty for LeNet-5, where every division is whole', () => {
    const g = graph('lenet5');
    expect(formulaMismatches(g, analyze(g))).toEqual([]);
  });

  it('groups identical arithmetic (ResNet-152’s stride-2 blocks)', () => {
    const g = graph('torchvision-resnet152');
    const f = formulaMismatches(g, analyze(g));
    expect(f.reduce((n, x) => n + x.count, 0)).toBe(1 + 3 * 2);
  });
});

describe('notesChecks', () => {
  it('recomputes 000’s 1×1 example and finds the notes’ addition 10,000 short', () => {
    const [c] = notesChecks('googlenet-mini');
    expect(c?.computed.a).toBe(5 ** 2 * 28 ** 2 * 192 * 32);
    expect(c?.computed.b).toBe(28 ** 2 * 192 * 16 + 5 ** 2 * 28 ** 2 * 16 * 32);
    expect(c?.agree).toBe(false);
    expect((c?.computed.b ?? 0) - (c?.printed.b ?? 0)).toBe(10_000);
  });

  it('agrees with 002’s parameter example and 004’s 27C² against 49C²', () => {
    const [p] = notesChecks('googlenet-paper');
    expect(p?.computed).toEqual({ a: 512 * 64 * 9, b: 512 * 24 + 24 * 64 * 9 });
    expect(p?.agree).toBe(true);
    const [s] = notesChecks('vgg11');
    expect(s?.computed).toEqual({ a: 49, b: 27 });
    expect(s?.agree).toBe(true);
  });

  it('has nothing for networks the examples are not about', () => {
    expect(notesChecks('lenet5')).toEqual([]);
  });
});

describe('modelInsights', () => {
  it('runs for every zoo network', () => {
    for (const e of ZOO) {
      const i = modelInsights(e.id, e.build());
      expect(i.analysis.ok, e.id).toBe(true);
      expect(i.stages.length, e.id).toBeGreaterThan(0);
    }
  });
});
