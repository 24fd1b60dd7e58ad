/**
 * Every zoo network against PyTorch itself: per-layer output shapes, parameters
 * and MACs from tests/fixtures/pytorch/<id>.json (made by make_fixtures.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { ZOO } from '../../src/zoo/index.js';

interface FixtureLayer {
  path: string;
  call: number;
  kind: string;
  outputShape: number[];
  params: number;
  macs: number;
  aux: boolean;
}
interface Fixture {
  model: string;
  input: number[];
  output: number[];
  params: number;
  trainableParams: number;
  auxParams: number;
  macs: number;
  auxMacs: number;
  published?: { num_params: number };
  /** Parameters a module owns outside its leaf layers (ConvNeXt's layer_scale). */
  moduleParams?: { path: string; name: string; shape: number[]; params: number }[];
  layers: FixtureLayer[];
}

const fixture = (id: string): Fixture => JSON.parse(readFileSync(new URL(`../fixtures/pytorch/${id}.json`, import.meta.url), 'utf8'));

/** Our path for the k-th call of a PyTorch module: `relu`, then `relu#2`, `relu#3`. */
const ourPath = (l: FixtureLayer) => (l.call === 0 ? l.path : `${l.path}#${l.call + 1}`);

describe.each(ZOO.map((e) => e.id))('%s matches PyTorch', (id) => {
  const f = fixture(id);
  const entry = ZOO.find((e) => e.id === id)!;
  const a = analyze(entry.build());
  const byPath = new Map(a.layers.map((l) => [l.path, l]));

  it('analyses without diagnostics', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.input).toEqual(f.input);
    expect(a.output).toEqual(f.output);
  });

  it('has every PyTorch module call, in order, with the same kind, shape, params and MACs', () => {
    const ours = f.layers.map((l) => {
      const r = byPath.get(ourPath(l));
      return r && { path: ourPath(l), kind: r.kind, outputShape: r.outputShape, params: r.params, macs: r.macs, aux: r.aux };
    });
    const theirs = f.layers.map((l) => ({ path: ourPath(l), kind: l.kind, outputShape: l.outputShape, params: l.params, macs: l.macs, aux: l.aux }));
    expect(ours).toEqual(theirs);
    // Execution order agrees too (our layers are topologically ordered like the forward pass).
    const order = a.layers.filter((l) => !l.functional).map((l) => l.path);
    expect(order).toEqual(theirs.map((t) => t.path));
  });

  it('has every parameter a module owns outside its leaf layers, as a Parameter under its qualified name, with its shape', () => {
    const ours = a.layers.filter((l) => l.kind === 'Parameter').map((l) => ({ path: l.path, shape: l.outputShape, params: l.params }));
    const theirs = (f.moduleParams ?? []).map((p) => ({ path: `${p.path}.${p.name}`, shape: p.shape, params: p.params }));
    expect(ours).toEqual(theirs);
  });

  it('adds no parameters or MACs PyTorch does not have (functional ops are free; a Parameter is checked above)', () => {
    const functional = a.layers.filter((l) => l.functional && l.kind !== 'Parameter');
    expect(functional.every((l) => l.params === 0 && l.macs === 0)).toBe(true);
  });

  it('has the same totals', () => {
    expect(a.totals.params).toBe(f.params);
    expect(a.totals.trainableParams).toBe(f.trainableParams);
    expect(a.totals.macs).toBe(f.macs);
    expect(a.totals.flops).toBe(2 * f.macs);
    expect(a.totals.auxParams).toBe(f.auxParams);
    expect(a.totals.auxMacs).toBe(f.auxMacs);
    if (f.published) expect(a.totals.params).toBe(f.published.num_params);
  });
});

/**
 * torchvision's published GFLOPS: the `_ops` field of each weights enum's meta
 * (torchvision ≥ 0.15, e.g. `ResNet152_Weights.IMAGENET1K_V1.meta["_ops"] == 11.514`),
 * which counts multiply-adds of convolutions and linear layers per image at the network's input size.
 * Debian's torchvision 0.14 predates the field, so the values are written here.
 */
const PUBLISHED_GFLOPS: Record<string, number> = {
  'torchvision-alexnet': 0.714,
  'torchvision-vgg11': 7.609,
  'torchvision-vgg16': 15.47,
  'torchvision-googlenet': 1.498,
  'torchvision-resnet18': 1.814,
  'torchvision-resnet34': 3.664,
  'torchvision-resnet50': 4.089,
  'torchvision-resnet152': 11.514,
  'torchvision-vgg19-bn': 19.63,
  'torchvision-resnext50-32x4d': 4.23,
  'torchvision-wide-resnet50-2': 11.398,
  'torchvision-densenet121': 2.834,
  // Inception-v3's figure is per 299×299 image, its own input size.
  'torchvision-inception-v3': 5.713,
  'torchvision-squeezenet1-0': 0.819,
  'torchvision-regnet-x-400mf': 0.414,
  'torchvision-shufflenet-v2-x1-0': 0.145,
  'torchvision-convnext-tiny': 4.456,
  'torchvision-mobilenet-v2': 0.301,
  'torchvision-mobilenet-v3-small': 0.057,
  'torchvision-mnasnet0-5': 0.104,
  'torchvision-efficientnet-b0': 0.386,
};

describe("torchvision's published GFLOPS are our default-convention MACs", () => {
  it.each(Object.entries(PUBLISHED_GFLOPS))('%s: %f G', (id, gflops) => {
    const a = analyze(ZOO.find((e) => e.id === id)!.build());
    const decimals = String(gflops).split('.')[1].length;
    expect(Number((a.totals.macs / 1e9).toFixed(decimals))).toBe(gflops);
  });
});
