/**
 * ONNX in: torch's exports of torchvision networks (tests/fixtures/onnx, made
 * by make_onnx.py) open with PyTorch's totals, output and every leaf module's
 * output shape under its module path, and equal the zoo's networks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { readOnnx } from '../../src/import/onnx/read.js';
import { functionalName, parameterModule, scopeOf, scopePath } from '../../src/import/onnx/names.js';
import { formatOfBytes, formatOfName } from '../../src/import/index.js';
import { zooEntry } from '../../src/zoo/index.js';
import type { Layer } from '../../src/graph/types.js';

const DIR = join(import.meta.dirname, '../fixtures/onnx');
interface Fixture {
  zoo: string | null;
  weights: boolean;
  input: number[];
  output: number[];
  params: number;
  macs: number;
  /** MACs of the aux heads the file carries as extra outputs (PyTorch train-mode total minus eval-mode). */
  auxMacs?: number;
  layers: { path: string; outputShape: number[] }[];
}
const FIXTURES = JSON.parse(readFileSync(join(DIR, 'onnx.json'), 'utf8')) as Record<string, Fixture>;
const open = (name: string) => readOnnx(new Uint8Array(readFileSync(join(DIR, `${name}.onnx`))), { name });

describe('ONNX exports of torchvision networks equal PyTorch and the zoo', () => {
  it('the fixtures hold the four networks of the issue and the later families', () => {
    expect(Object.keys(FIXTURES)).toEqual(expect.arrayContaining(['resnet18', 'googlenet', 'mobilenet_v2', 'densenet121', 'resnet152', 'lenet5', 'small_ops', 'shufflenet_v2_x1_0', 'efficientnet_b0', 'mobilenet_v3_small', 'convnext_tiny', 'convnext_tiny_opset17', 'googlenet_paper', 'lrn']));
  });

  it.each(Object.keys(FIXTURES))('%s', (name) => {
    const fx = FIXTURES[name];
    const { graph, diagnostics } = open(name);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!graph) throw new Error('no graph');
    const a = analyze(graph);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...a.input]).toEqual(fx.input);
    expect([...(a.output ?? [])]).toEqual(fx.output);
    expect(a.totals.params).toBe(fx.params);
    // Aux heads (googlenet_paper, exported in training mode) are extra outputs: branches that feed nothing, counted too.
    expect(a.totals.macs).toBe(fx.macs + (fx.auxMacs ?? 0));
    // Every leaf module PyTorch ran, under its path (a second call as `relu#2`), with PyTorch's output shape.
    const ours = new Map(a.layers.map((l) => [l.path, [...(l.outputShape ?? [])]]));
    const calls = new Map<string, number>();
    for (const l of fx.layers) {
      const c = (calls.get(l.path) ?? 0) + 1;
      calls.set(l.path, c);
      const path = c > 1 ? `${l.path}#${c}` : l.path;
      expect(ours.get(path), path).toEqual(l.outputShape);
    }
    if (fx.zoo) {
      const zoo = analyze(zooEntry(fx.zoo)!.build());
      expect(a.totals.params).toBe(zoo.totals.params);
      expect(a.totals.macs).toBe(zoo.totals.macs + (fx.auxMacs ? zoo.totals.auxMacs : 0));
      expect([...(a.output ?? [])]).toEqual([...(zoo.output ?? [])]);
    }
  });

  it('resnet18, googlenet and mobilenet_v2 read back with exactly the zoo network\'s layer paths, kinds and inputs', () => {
    for (const [name, id] of [['resnet18', 'torchvision-resnet18'], ['googlenet', 'torchvision-googlenet'], ['mobilenet_v2', 'torchvision-mobilenet-v2']]) {
      const graph = open(name).graph!;
      const zoo = zooEntry(id)!.build();
      const shape = (ls: readonly Layer[]) => ls.filter((l) => l.kind !== 'Dropout' || name !== 'googlenet').map((l) => `${l.path} ${l.kind} ${l.inputs.join(',')}`);
      expect(shape(graph.layers), name).toEqual(shape(zoo.layers));
    }
  });

  it('lrn: each LocalResponseNorm torch writes as arithmetic and an If reads back as one layer, with its size, alpha, beta and k', () => {
    const graph = open('lrn').graph!;
    expect(graph.layers.map((l) => `${l.path} ${l.kind} ${l.inputs.join(',')}`)).toEqual([
      'conv1 Conv2d input',
      'relu1 ReLU conv1',
      'norm1 LocalResponseNorm relu1',
      'pool MaxPool2d norm1',
      'conv2 Conv2d pool',
      'norm2 LocalResponseNorm conv2',
      'flatten Flatten norm2',
      'fc Linear flatten',
    ]);
    expect(graph.layers[2]).toMatchObject({ kind: 'LocalResponseNorm', size: 5, k: 2 });
    expect(graph.layers[2]).not.toHaveProperty('alpha');
    expect(graph.layers[5]).toMatchObject({ kind: 'LocalResponseNorm', size: 4 });
    expect(graph.layers[5]).not.toHaveProperty('k');
  });

  it('convnext_tiny, at opset 13 (LayerNorm as arithmetic) and 17 (LayerNormalization), reads back as the zoo network: LayerNorm2d, LayerNorm, layer_scale as Parameter and Mul', () => {
    const zoo = zooEntry('torchvision-convnext-tiny')!.build();
    // Exported in eval mode, where StochasticDepth is the identity and torch writes nothing for it: the block's Add reads the Mul.
    const dropped = new Map(zoo.layers.filter((l) => l.kind === 'StochasticDepth').map((l) => [l.path, l.inputs[0]]));
    const expected = zoo.layers
      .filter((l) => !dropped.has(l.path))
      .map((l) => `${l.path} ${l.kind} ${l.inputs.map((i) => dropped.get(i) ?? i).join(',')}`);
    for (const name of ['convnext_tiny', 'convnext_tiny_opset17']) {
      const graph = open(name).graph!;
      expect(graph.layers.map((l) => `${l.path} ${l.kind} ${l.inputs.join(',')}`), name).toEqual(expected);
      expect(graph.layers.find((l) => l.path === 'features.0.1'), name).toMatchObject({ kind: 'LayerNorm2d', num_channels: 96, eps: 1e-6 });
      expect(graph.layers.find((l) => l.path === 'features.5.8.block.2'), name).toMatchObject({ kind: 'LayerNorm', normalized_shape: 384, eps: 1e-6 });
      // features.5.8's layer_scale reaches the Mul through an Identity (torch shares parameters of equal value).
      expect(graph.layers.find((l) => l.path === 'features.5.8.layer_scale'), name).toMatchObject({ kind: 'Parameter', shape: [384, 1, 1] });
    }
  });

  it('the file without weights takes its parameters from the graph inputs, the one with weights from initializers: both count the same way', () => {
    const lenet = open('lenet5').graph!;
    expect(lenet.layers.map((l) => l.path)).toEqual(['net.0', 'net.1', 'net.2', 'net.3', 'net.4', 'net.5', 'net.6', 'net.7', 'net.8', 'net.9', 'net.10', 'net.11']);
    // torch writes AvgPool2d(2, 2) as a zero Pad and an AveragePool: one layer again.
    expect(lenet.layers[2]).toMatchObject({ kind: 'AvgPool2d', kernel_size: 2, stride: 2 });
    expect(lenet.layers[2]).not.toHaveProperty('padding');
  });

  it('reads what the small network writes: ReLU6 from Clip(0, 6), x.view(x.size(0), -1) from its shape subgraph, count_include_pad=False, a gate', () => {
    const layers = Object.fromEntries(open('small_ops').graph!.layers.map((l) => [l.path, l]));
    expect(layers.act1).toMatchObject({ kind: 'ReLU6' });
    expect(layers.view).toMatchObject({ kind: 'Reshape', shape: [-1], inputs: ['tanh'] });
    expect(layers.pool2).toMatchObject({ kind: 'AvgPool2d', kernel_size: 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false });
    expect(layers.pool1).toMatchObject({ kind: 'MaxPool2d', kernel_size: 3, stride: 2, ceil_mode: true });
    expect(layers.mul).toMatchObject({ kind: 'Mul', inputs: ['pool1', 'gate.2'] });
    expect(layers.conv2).toMatchObject({ kind: 'Conv2d', in_channels: 4, out_channels: 16, groups: 2, dilation: 2, bias: false });
    expect(layers.up).toMatchObject({ kind: 'ConvTranspose2d', in_channels: 8, out_channels: 4, kernel_size: 2, stride: 2 });
  });
});

describe('node names become paths', () => {
  it('rebuilds module paths from torch\'s scope segments', () => {
    expect(scopeOf('/layer1/layer1.0/conv1/Conv')).toEqual({ scope: ['layer1.0', 'conv1'], own: 'Conv' });
    expect(scopePath(scopeOf('/layer2/layer2.0/downsample/downsample.0/Conv').scope)).toBe('layer2.0.downsample.0');
    expect(scopePath(scopeOf('/features/features.0/features.0.0/Conv').scope)).toBe('features.0.0');
    expect(scopePath(scopeOf('/Flatten').scope)).toBe('');
    expect(scopeOf('Conv_12')).toEqual({ scope: [], own: 'Conv_12' });
  });

  it('names a parameter\'s module, and a functional operation as PyTorch spells it', () => {
    expect(parameterModule('layer1.0.bn1.running_var')).toBe('layer1.0.bn1');
    expect(parameterModule('onnx::Conv_123')).toBeUndefined();
    expect(functionalName('Concat_2', 'Concat', 'cat')).toBe('cat_2');
    expect(functionalName('Add_1', 'Add')).toBe('add_1');
  });

  it('a module called twice (`relu_1` after `relu`) is its second call, `relu#2`; a functional op inside a module is named in it', () => {
    const paths = open('resnet18').graph!.layers.map((l) => l.path);
    expect(paths).toContain('layer1.0.relu#2');
    expect(paths).toContain('layer1.0.add');
    expect(paths).toContain('layer2.0.downsample.0');
    expect(paths).not.toContain('layer1.0.relu_1');
  });
});

describe('formats', () => {
  it('by name, and by the first bytes where the name says nothing', () => {
    expect(formatOfName('a/b.ONNX')).toBe('onnx');
    expect(formatOfName('net.json')).toBe('json');
    expect(formatOfName('net')).toBeUndefined();
    expect(formatOfBytes(new Uint8Array(readFileSync(join(DIR, 'resnet18.onnx'))))).toBe('onnx');
    expect(formatOfBytes(new TextEncoder().encode('{"format": "cnn-graph/1"}'))).toBe('json');
  });
});

describe('the reader runs in the browser', () => {
  it('bundles for the browser with no Node built-in, and the bundle reads an export', async () => {
    const out = await build({ entryPoints: [join(import.meta.dirname, '../../src/import/onnx/read.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = out.outputFiles[0].text;
    expect(code).not.toMatch(/from ["']node:|require\(["'](fs|path|node:)/);
    const { readOnnx: browserRead } = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../../src/import/onnx/read.js');
    const r = browserRead(new Uint8Array(readFileSync(join(DIR, 'resnet18.onnx'))));
    expect(r.graph?.layers.length).toBe(open('resnet18').graph?.layers.length);
  });
});
