/**
 * `cnn-graph export --format pytorch`: every zoo network, and JSON networks
 * that use every kind's module and function forms, exported through the CLI
 * and run in PyTorch (tests/export/pytorch_roundtrip.py, one process for
 * all): build() must give the parameter total, the output shape and each
 * leaf module's output shape, under the same path and once per call, that
 * `analyze` gives. PyTorch is required, never skipped: `.ci/run` installs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { pytorchCode, PytorchExportError } from '../../src/export/pytorch.js';
import { parseNetwork } from '../../src/graph/json.js';
import type { Graph } from '../../src/graph/types.js';
import { ZOO } from '../../src/zoo/index.js';
import { runCli } from '../cli/run.js';

const PYTHON = '/usr/bin/python3';
const DRIVER = join(import.meta.dirname, 'pytorch_roundtrip.py');
const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-pytorch-'));

const run = (...argv: string[]) => runCli(argv);

/** Every kind in a form the zoo does not use: functions for module kinds, modules for ChannelShuffle and Permute, odd names. */
const FORMS = {
  format: 'cnn-graph/1',
  name: 'forms',
  input: [3, 16, 16],
  modules: [{ path: 'stem', type: 'Stem' }],
  layers: [
    { path: 'stem.0', kind: 'Conv2d', in_channels: 3, out_channels: 8, kernel_size: [3, 5], padding: 'same', bias: false },
    { path: 'stem.1', kind: 'BatchNorm2d', num_features: 8, eps: 0.001, momentum: null },
    { path: 'stem.act', kind: 'ReLU6', inplace: true },
    { path: 'relu', kind: 'ReLU', functional: true },
    { path: 'shuffle', kind: 'ChannelShuffle', groups: 2 },
    { path: 'shuffle_fn', kind: 'ChannelShuffle', groups: 4, functional: true },
    { path: 'halves.0', kind: 'Chunk', chunks: 2, dim: 1, index: 0, inputs: ['shuffle_fn'] },
    { path: 'halves.1', kind: 'Chunk', chunks: 2, dim: 1, index: 1, inputs: ['shuffle_fn'] },
    { path: 'parts.0', kind: 'Split', split_size_or_sections: [3, 5], dim: 1, index: 0, inputs: ['shuffle_fn'] },
    { path: 'parts.1', kind: 'Split', split_size_or_sections: [3, 5], dim: 1, index: 1, inputs: ['shuffle_fn'] },
    { path: 'cat', kind: 'Concat', inputs: ['halves.1', 'halves.0'] },
    { path: 'cat3', kind: 'Concat', dim: 1, inputs: ['parts.1', 'parts.0'] },
    { path: 'sum', kind: 'Add', inputs: ['cat', 'cat3', 'stem.act'] },
    { path: 'class', kind: 'Hardswish' },
    { path: 'my-block.0', kind: 'SiLU', inplace: true },
    { path: 'my-block.1', kind: 'Hardsigmoid', functional: true },
    { path: 'my-block.2', kind: 'GELU', approximate: 'tanh' },
    { path: 'my-block.3', kind: 'Tanh', functional: true },
    { path: 'my-block.4', kind: 'Sigmoid', functional: true },
    { path: 'gate', kind: 'Parameter', shape: [8, 1, 1], fill: 0.5 },
    { path: 'scaled', kind: 'Mul', inputs: ['gate', 'my-block.4'] },
    { path: 'lrn', kind: 'LocalResponseNorm', size: 3, alpha: 0.0002, k: 2 },
    { path: 'lrn_fn', kind: 'LocalResponseNorm', size: 5, functional: true },
    { path: 'drop', kind: 'Dropout2d', p: 0.1 },
    { path: 'drop_fn', kind: 'Dropout', p: 0.3, functional: true },
    { path: 'sd', kind: 'StochasticDepth', p: 0.2, mode: 'row' },
    { path: 'sd_fn', kind: 'StochasticDepth', p: 0.1, mode: 'batch', functional: true },
    { path: 'down', kind: 'MaxPool2d', kernel_size: 3, stride: 2, padding: 1, ceil_mode: true },
    { path: 'down_fn', kind: 'AvgPool2d', kernel_size: 2, functional: true, count_include_pad: false },
    { path: 'up', kind: 'ConvTranspose2d', in_channels: 8, out_channels: 4, kernel_size: 3, stride: 2, padding: 1, output_padding: 1 },
    { path: 'up2', kind: 'Upsample', scale_factor: 2, mode: 'bilinear', align_corners: false },
    { path: 'up_fn', kind: 'Upsample', size: [20, 24], functional: true },
    { path: 'ln2d', kind: 'LayerNorm2d', num_channels: 4, eps: 1e-6 },
    { path: 'to_last', kind: 'Permute', dims: [0, 2, 3, 1] },
    { path: 'ln', kind: 'LayerNorm', normalized_shape: [4], elementwise_affine: false },
    { path: 'to_first', kind: 'Permute', dims: [0, 3, 1, 2], functional: true },
    { path: 'amax', kind: 'AdaptiveMaxPool2d', output_size: [5, null] },
    { path: 'aavg', kind: 'AdaptiveAvgPool2d', output_size: 4, functional: true },
    { path: 'mean', kind: 'Mean', dim: [3], keepdim: true },
    { path: 'flat', kind: 'Flatten', functional: true },
    { path: 'flat2', kind: 'Reshape', shape: [2, -1] },
    { path: 'flat3', kind: 'Flatten', start_dim: 1 },
    { path: '0', kind: 'Linear', in_features: 16, out_features: 10, bias: false },
    { path: 'sm', kind: 'LogSoftmax', dim: 1 },
    { path: 'p', kind: 'Softmax', functional: true, inputs: ['0'] },
  ],
  output: 'sm',
};

/** A U-Net-like network from JSON (ConvTranspose2d, skips), and a head that runs a module twice. */
const UNET = {
  format: 'cnn-graph/1',
  name: 'unet small',
  input: [1, 32, 32],
  layers: [
    { path: 'down1.0', kind: 'Conv2d', in_channels: 1, out_channels: 8, kernel_size: 3, padding: 1 },
    { path: 'down1.1', kind: 'ReLU', inplace: true },
    { path: 'pool', kind: 'MaxPool2d', kernel_size: 2 },
    { path: 'mid.0', kind: 'Conv2d', in_channels: 8, out_channels: 16, kernel_size: 3, padding: 1 },
    { path: 'mid.1', kind: 'ReLU' },
    { path: 'up', kind: 'ConvTranspose2d', in_channels: 16, out_channels: 8, kernel_size: 2, stride: 2 },
    { path: 'cat', kind: 'Concat', dim: 1, inputs: ['up', 'down1.1'] },
    { path: 'head.conv', kind: 'Conv2d', in_channels: 16, out_channels: 16, kernel_size: 1 },
    { path: 'head.relu', kind: 'ReLU' },
    { path: 'head.conv2', kind: 'Conv2d', in_channels: 16, out_channels: 2, kernel_size: 1 },
    { path: 'head.relu#2', kind: 'ReLU' },
  ],
};

/** Names from a file that would break Python if written as they are: quotes, backslashes, a newline that would end a comment and start code. */
const ODD = {
  format: 'cnn-graph/1',
  name: 'odd"""\nname\\',
  title: "it's \u0001 odd",
  input: [1, 8, 8],
  modules: [{ path: "we'ird\\\n", type: 'print' }],
  layers: [
    { path: "we'ird\\\n.0", kind: 'Conv2d', in_channels: 1, out_channels: 2, kernel_size: 3 },
    { path: "we'ird\\\n.1", kind: 'ReLU' },
    { path: 'f\nraise SystemExit(1)', kind: 'ReLU', functional: true },
    { path: 'if.x', kind: 'Flatten' },
  ],
};

interface Result {
  params: number;
  output: number[];
  modules: Record<string, number[][]>;
  error?: string;
}

function jsonNetwork(spec: object): Graph {
  const { graph, diagnostics } = parseNetwork(JSON.stringify(spec));
  if (!graph) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return graph;
}

/** What PyTorch must report, from our analysis: every layer PyTorch runs as a module, under its path (relu#2 is relu called again). */
function expected(graph: Graph) {
  const a = analyze(graph);
  expect(a.ok, a.diagnostics.map((d) => d.message).join('\n')).toBe(true);
  const modules: Record<string, number[][]> = {};
  for (const r of a.layers.filter((r) => !r.functional)) (modules[r.path.replace(/#[^.]*$/, '')] ??= []).push([...(r.outputShape ?? [])]);
  return { params: a.totals.params, output: [...(a.output ?? [])], modules };
}

const networks: { name: string; graph: Graph; file: string; argv: string[] }[] = [
  ...ZOO.map((e) => ({ name: e.id, graph: e.build(), file: join(dir, `${e.id}.py`), argv: [e.id, '--with-train'] })),
  ...[FORMS, UNET, ODD].map((spec) => {
    const name = spec.name;
    const base = name.replace(/[^a-z]+/g, '-');
    const file = join(dir, `${base}.json`);
    writeFileSync(file, JSON.stringify(spec));
    return { name, graph: jsonNetwork(spec), file: join(dir, `${base}.py`), argv: [file] };
  }),
];

let results: Record<string, Result> = {};

beforeAll(async () => {
  const torch = spawnSync(PYTHON, ['-c', 'import torch, torchvision'], { encoding: 'utf8' });
  if (torch.status !== 0) {
    throw new Error(`these tests run the exported files in PyTorch, and ${PYTHON} cannot import torch and torchvision (${(torch.stderr || String(torch.error)).trim().split('\n').pop()}). Install them: apt-get install -y python3-torch python3-torchvision (.ci/run does).`);
  }
  for (const n of networks) {
    const r = await run('export', ...n.argv, '--format', 'pytorch', '--out', n.file);
    if (r.code !== 0) throw new Error(`export ${n.name} failed: ${r.stderr}`);
  }
  const p = spawnSync(PYTHON, [DRIVER], { input: JSON.stringify(networks.map((n) => ({ name: n.name, file: n.file, input: n.graph.input }))), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (p.status !== 0) throw new Error(`${DRIVER} failed (${p.status}): ${p.stderr}`);
  results = JSON.parse(p.stdout) as Record<string, Result>;
}, 600_000);

describe('export --format pytorch, run in PyTorch', () => {
  it.each(networks.map((n) => [n.name, n] as const))('%s: parameters, output shape and every leaf module by path equal the analysis', (name, n) => {
    const r = results[name];
    expect(r.error, r.error).toBeUndefined();
    const want = expected(n.graph);
    expect(r.params).toBe(want.params);
    expect(r.output).toEqual(want.output);
    expect(r.modules).toEqual(want.modules);
  });

  it('a file without --with-train runs as a script and prints its parameters and output shape', () => {
    const file = networks.find((n) => n.name === 'unet small')!.file;
    const p = spawnSync(PYTHON, [file], { encoding: 'utf8' });
    expect(p.stderr).toBe('');
    expect(p.stdout).toBe(`${expected(networks.find((n) => n.name === 'unet small')!.graph).params} parameters\noutput (1, 2, 32, 32)\n`);
  });
});

describe('the PyTorch text', () => {
  const resnet = pytorchCode(ZOO.find((e) => e.id === 'torchvision-resnet18')!.build());

  it('writes only non-default arguments, with PyTorch names', () => {
    expect(resnet).toContain('self.conv1 = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)');
    expect(resnet).toContain('self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)');
    expect(resnet).toContain('self.fc = nn.Linear(512, 1000)');
    expect(resnet).toContain('self.bn1 = nn.BatchNorm2d(64)\n');
    expect(resnet).toMatch(/def build\(\):\n {4}return TorchvisionResnet18\(\)\n/);
  });

  it('nests numbered modules as nn.Sequential, shares a class between identical blocks, and calls a module twice for relu#2', () => {
    expect(resnet).toMatch(/self\.layer1 = nn\.Sequential\(\n {12}BasicBlock\(\),\n {12}BasicBlock\(\),\n {8}\)/);
    expect(resnet).toMatch(/class BasicBlock_2\(nn\.Module\)/);
    expect(resnet.match(/= self\.layer1\[0\]\.relu\(/g)).toHaveLength(2);
    expect(resnet).toMatch(/x\d+ = x\d+ \+ x\d+ {2}# layer1\.0\.add/);
  });

  it('reaches names that are not Python identifiers with add_module and getattr', () => {
    const text = pytorchCode(jsonNetwork(FORMS));
    expect(text).toContain("self.add_module('class', nn.Hardswish())");
    // my-block.1, .3 and .4 are functions: its modules are 0 and 2, not a Sequential's 0…n−1.
    expect(text).toContain("self.add_module('my-block', MyBlock())");
    expect(text).toMatch(/= getattr\(self, 'class'\)\(x\d+\)/);
    expect(text).toMatch(/= getattr\(getattr\(self, 'my-block'\), '2'\)\(x\d+\)/);
    expect(text).toMatch(/self\.stem = Stem\(\)/);
    expect(text).toMatch(/= self\.stem\.act\(x\d+\)/);
    expect(text).toContain('self.gate = nn.Parameter(torch.full((8, 1, 1), 0.5))');
    expect(text).toMatch(/= torch\.cat\(\[x\d+, x\d+\], 1\) {2}# cat\n/);
    expect(text).toMatch(/= x\d+\.chunk\(2, dim=1\)\[1\] {2}# halves\.1/);
    expect(text).toMatch(/= x\d+\.reshape\(x\d+\.size\(0\), 2, -1\) {2}# flat2/);
    expect(text).toContain("nn.Upsample(scale_factor=2.0, mode='bilinear', align_corners=False)");
  });

  it('returns the auxiliary outputs in training mode', () => {
    const text = pytorchCode(ZOO.find((e) => e.id === 'googlenet-paper')!.build());
    expect(text).toMatch(/ {8}if self\.training:\n {12}return x\d+, x\d+, x\d+\n {8}return x\d+\n/);
  });

  it('refuses a path PyTorch cannot hold a module under, naming the layer and the fix', () => {
    const bad = jsonNetwork({ ...UNET, layers: UNET.layers.map((l) => (l.path === 'pool' ? { ...l, path: 'training' } : l)) });
    expect(() => pytorchCode(bad)).toThrow(PytorchExportError);
    expect(() => pytorchCode(bad)).toThrow(/^training MaxPool2d: "training" is an attribute of every nn\.Module.*Fix: rename it/);
  });
});

describe('cnn-graph export --format pytorch (CLI)', () => {
  it('prints the file on stdout, and --with-train appends a training script with the notes\' settings', async () => {
    const plain = await run('export', 'lenet5', '--format', 'pytorch');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('class Lenet5(nn.Module):');
    expect(plain.stdout).not.toContain('def train(');
    const train = await run('export', 'lenet5', '--format', 'pytorch', '--with-train');
    expect(train.stdout).toContain('def train(epochs=5, batch_size=256, root=\'data\'):');
    expect(train.stdout).toContain('optimizer = torch.optim.SGD(model.parameters(), lr=0.9)');
    expect(train.stdout).toContain('datasets.MNIST(root, train=True, download=True, transform=tf)');
    const alex = await run('export', 'alexnet-mnist', '--format', 'pytorch', '--with-train');
    expect(alex.stdout).toContain('transforms.Compose([transforms.Resize((224, 224)), transforms.ToTensor()])');
    const googlenet = await run('export', 'googlenet-paper', '--format', 'pytorch', '--with-train');
    expect(googlenet.stdout).toMatch(/loss = loss_fn\(outputs\[0\], labels\) \+ 0\.3 \* loss_fn\(outputs\[1\], labels\) \+ 0\.3 \* loss_fn\(outputs\[2\], labels\)/);
    expect(googlenet.stdout).toContain('# Note: the network has 1000 outputs; MNIST has 10 classes');
  });

  it('refuses bad options and broken networks with a message, not a stack trace', async () => {
    expect((await run('export', 'lenet5', '--format', 'onnx')).stderr).toMatch(/--format must be json or pytorch, got "onnx"/);
    expect((await run('export', 'lenet5', '--with-train')).stderr).toMatch(/--with-train writes a PyTorch training script: use it with --format pytorch/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...UNET, layers: UNET.layers.map((l) => (l.path === 'mid.0' ? { ...l, in_channels: 4 } : l)) }));
    const r = await run('export', broken, '--format', 'pytorch');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/mid\.0 Conv2d: expects 4 input channels, receives 8/);
    expect(r.stderr).toMatch(/not exported: fix the errors above first/);
    const named = join(dir, 'named.json');
    writeFileSync(named, JSON.stringify({ ...UNET, layers: UNET.layers.map((l) => (l.path === 'pool' ? { ...l, path: 'forward' } : l)) }));
    const n = await run('export', named, '--format', 'pytorch');
    expect(n.code).toBe(1);
    expect(n.stderr).toMatch(/error: forward MaxPool2d: "forward" is an attribute of every nn\.Module/);
  });
});
