/**
 * Malformed and hostile Python: each gives a diagnostic with its line and
 * column (and the CLI exit 1), quickly, never a throw or a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPython } from '../../src/import/python/index.js';

const HEAD = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n# input: 3x32x32\n';
const net = (init: string, forward = 'return self.c(x)') => `${HEAD}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        ${init}\n    def forward(self, x):\n        ${forward}\n`;

const CASES: [string, string, RegExp, number][] = [
  ['syntax error', `${HEAD}class Net(nn.Module)\n    pass\n`, /Not valid Python at line 5/, 5],
  ['a shell line', `${HEAD}!pip install torch\n`, /Not valid Python/, 5],
  ['unknown module', net('self.c = nn.Conv3d(3, 8, 3)'), /nn\.Conv3d.*not a layer cnn-graph models/, 8],
  ['unknown argument', net('self.c = nn.Conv2d(3, 8, 3, strde=2)'), /no argument "strde"; did you mean "stride"/, 8],
  ['wrong argument type', net("self.c = nn.Conv2d(3, 8, 'three')"), /kernel_size/, 8],
  ['float stride', net('self.c = nn.Conv2d(3, 8, 3, stride=4 / 2)'), /stride is the float 2\.0/, 8],
  ['missing argument', net('self.c = nn.Conv2d(3, 8)'), /needs the argument "kernel_size"/, 8],
  ['huge loop', net('for i in range(10**9): pass\n        self.c = nn.ReLU()'), /loop of 1,000,000,000 iterations/, 8],
  ['endless while', net('while True: pass'), /loop of|steps/, 8],
  ['recursion', `${HEAD}def f(n):\n    return f(n + 1)\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.c = f(0)\n`, /nest more than 100 deep/, 6],
  ['absurd size', net('self.c = nn.Linear(10**30, 2)'), /larger than cnn-graph counts exactly/, 8],
  ['huge list', net('xs = [nn.ReLU()] * 10**8\n        self.c = nn.ReLU()'), /100,000,000 items/, 8],
  ['undefined name', net('self.c = FlattenLayer()'), /name "FlattenLayer" is not defined.*/, 8],
  ['tensor truth', net('self.c = nn.ReLU()', 'if x:\n            return x\n        return self.c(x)'), /truth of a tensor/, 10],
  ['indexing a tensor', net('self.c = nn.ReLU()', 'return self.c(x[:, :2])'), /indexing a tensor/, 10],
  ['cat without dim', net('self.c = nn.ReLU()', 'return torch.cat([x, x])'), /dimension 0, the batch/, 10],
  ['view fixing the batch', net('self.c = nn.ReLU()', 'return self.c(x).view(64, -1)'), /not the batch/, 10],
  ['module made in forward', net('self.c = nn.ReLU()', 'return nn.Conv2d(3, 8, 3)(x)'), /made inside forward/, 10],
  ['shared weights', net('self.c = nn.Conv2d(3, 3, 3, padding=1)', 'return self.c(self.c(x))'), /second time here, sharing its weights/, 10],
  ['no network', `${HEAD}x = 1\n`, /defines no nn.Module class/, 1],
];

describe('bad Python gives a diagnostic at its place', () => {
  it.each(CASES)('%s', (_name, text, message, line) => {
    const t0 = performance.now();
    const { graph, diagnostics } = readPython(text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(graph).toBeNull();
    const d = diagnostics[0];
    expect(d.severity).toBe('error');
    expect(d.message).toMatch(message);
    expect(d.zh?.message).toBeTruthy();
    if (line > 1) expect(d.loc?.line).toBe(line);
  });

  it('random bytes and truncations of a real file never throw', () => {
    const good = net('self.c = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.MaxPool2d(2))');
    for (let cut = 0; cut < good.length; cut += 7) {
      const r = readPython(good.slice(0, cut));
      expect(r.graph !== null || r.diagnostics.length > 0).toBe(true);
    }
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 200; k++) {
      const chars = [...good];
      for (let j = 0; j < 5; j++) chars[Math.floor(rand() * chars.length)] = '()[]:,=.+*x0\n '[Math.floor(rand() * 14)];
      const r = readPython(chars.join(''));
      expect(r.graph !== null || r.diagnostics.length > 0).toBe(true);
    }
  });

  it('nesting ten thousand deep is refused, not a crash', () => {
    const r = readPython(`${HEAD}x = ${'('.repeat(10000)}1${')'.repeat(10000)}\n`);
    expect(r.graph).toBeNull();
    expect(r.diagnostics[0].message).toMatch(/nests too deeply|no nn.Module|Not valid/);
  });
});

interface FloatCase {
  init: string;
  forward: string;
  output?: number[];
  error?: string;
}
/** Floats where an int may belong, each run in PyTorch 1.13 by tests/fixtures/pytorch/make_float_ints.py. */
const FLOAT_CASES = (JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/pytorch/float-ints.json'), 'utf8')) as { cases: FloatCase[] }).cases;

describe('a float where PyTorch takes an int is refused exactly where PyTorch refuses it', () => {
  it('the fixture has both verdicts', () => {
    expect(FLOAT_CASES.filter((c) => c.error).length).toBeGreaterThan(20);
    expect(FLOAT_CASES.filter((c) => !c.error).length).toBeGreaterThan(5);
  });

  it.each(FLOAT_CASES.map((c) => [c.init === 'nn.GELU()' ? c.forward : c.init, c] as const))('%s', (_name, c) => {
    const text = net(`self.c = ${c.init}`, `return ${c.forward}`);
    const read = readPython(text);
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    if (!c.error) {
      expect(errors, `PyTorch accepts ${c.init} / ${c.forward}`).toEqual([]);
      expect(read.graph?.layers.length).toBeGreaterThan(0);
      return;
    }
    expect(errors.length, `PyTorch says ${c.error}`).toBe(1);
    const d = errors[0];
    // At the call that takes the float: line and column of its first character.
    const lines = text.split('\n');
    const expr = c.init === 'nn.GELU()' ? c.forward : c.init;
    const line = lines.findIndex((l) => l.includes(expr)) + 1;
    expect(d.loc, d.message).toEqual({ line, column: lines[line - 1].indexOf(expr) + 1 });
    expect(d.message).toMatch(/is the float \d+\.0, and PyTorch takes an int there/);
    expect(d.fix).toMatch(/\/\/ instead of \//);
    expect(d.zh?.fix).toMatch(/\/\//);
  });
});

describe('a forward that returns several values (training-mode auxiliary heads)', () => {
  const AUX = `${HEAD}class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 8, 3)
        self.aux = nn.Conv2d(8, 4, 1)
    def forward(self, x):
        x = self.c(x)
`;
  it('is refused at the return, saying the file is read in eval mode and what to write', () => {
    const d = readPython(`${AUX}        return x, self.aux(x)\n`).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0].loc?.line).toBe(12);
    expect(d[0].message).toMatch(/returns 2 values; cnn-graph reads the network in eval mode \(self\.training is False\)/);
    expect(d[0].fix).toMatch(/if self\.training: return x, aux1, aux2, then return x/);
    expect(d[0].zh?.fix).toMatch(/if self\.training/);
  });

  it('reads the eval-mode output when the extra values are behind if self.training (as torchvision writes it)', () => {
    const r = readPython(`${AUX}        if self.training:\n            return x, self.aux(x)\n        return x\n`);
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.graph?.output).toBe('c');
    // The auxiliary head is built but never run in eval mode: its parameters are a warning, as PyTorch still counts them.
    expect(r.diagnostics.some((x) => x.severity === 'warning' && /aux/.test(x.message + x.path))).toBe(true);
  });
});
