/**
 * PyTorch source in: every file under tests/fixtures/python (student networks,
 * and the notes' networks under seeds/) read by the importer must give
 * PyTorch's numbers (expected.json, written by make_python.py in PyTorch):
 * per module call its output shape, parameters and MACs, and the totals.
 * The notes' networks also equal their zoo networks layer by layer, and every
 * file survives source → graph → `export --format pytorch` → source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { pytorchCode } from '../../src/export/pytorch.js';
import { readPython } from '../../src/import/python/index.js';
import { zooGraph } from '../../src/zoo/index.js';

const DIR = join(import.meta.dirname, '../fixtures/python');
interface Expected {
  network: string;
  input?: number[];
  output?: number[];
  params?: number;
  macs?: number;
  layers?: { path: string; kind: string; outputShape: number[]; params: number; macs: number }[];
  error?: string;
}
const EXPECTED = (JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { files: Record<string, Expected> }).files;
const read = (rel: string) => readPython(readFileSync(join(DIR, rel), 'utf8'));

describe('PyTorch source gives PyTorch numbers', () => {
  const measured = Object.entries(EXPECTED).filter(([, e]) => e.layers);
  it.each(measured)('%s', (rel, e) => {
    const { graph, diagnostics } = read(rel);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(graph?.name).toBe(e.network);
    const a = analyze(graph!);
    expect(a.ok, JSON.stringify(a.diagnostics)).toBe(true);
    expect([...a.input]).toEqual(e.input);
    expect(a.output ? [...a.output] : null).toEqual(e.output);
    expect(a.totals.params).toBe(e.params);
    expect(a.totals.macs).toBe(e.macs);
    const byPath = new Map(a.layers.map((l) => [l.path, l]));
    // A class of the file with no children (d2l's FlattenLayer) is one leaf module to PyTorch and
    // a container of the functional layer its forward runs here (`fc.0.view`).
    const inside = (p: string) => [...a.layers].reverse().find((l) => l.path.startsWith(`${p}.`));
    for (const x of e.layers!) {
      const l = byPath.get(x.path) ?? inside(x.path);
      expect(l, `${rel}: ${x.path}`).toBeDefined();
      expect([...(l!.outputShape ?? [])], x.path).toEqual(x.outputShape);
      expect(l!.params, x.path).toBe(x.params);
      expect(l!.macs, x.path).toBe(x.macs);
    }
    // Every module call PyTorch ran is a layer, and no module layer is made up.
    expect(a.layers.filter((l) => !graph!.layers.find((g) => g.path === l.path)?.functional).map((l) => l.path)).toEqual(e.layers!.map((x) => x.path).filter((p) => byPath.has(p)));
  });

  it.each(Object.entries(EXPECTED).filter(([, e]) => e.error))('%s: what PyTorch refuses is refused, at its line', (rel, e) => {
    const { graph, diagnostics } = read(rel);
    expect(graph).toBeNull();
    expect(e.error).toMatch(/stroke/);
    expect(diagnostics[0].message).toMatch(/F\.avg_pool2d has no argument "stroke"; did you mean "stride"\?/);
    expect(diagnostics[0].loc).toEqual({ line: 42, column: 21 });
    expect(diagnostics[0].zh?.message).toMatch(/stroke/);
  });
});

/** The notes' code and the zoo network built from it: the same layers, shapes, parameters and MACs. */
const SAME_AS_ZOO: [string, string][] = [
  ['seeds/lenet5_001.py', 'lenet5'],
  ['seeds/alexnet_001.py', 'alexnet-mnist'],
  ['seeds/googlenet_001.py', 'googlenet-mini'],
  ['seeds/resnet_001.py', 'resnet-mini'],
  ['seeds/alexnet_d2l_004.py', 'alexnet-d2l'],
  ['seeds/vgg11_004.py', 'vgg11'],
  ['seeds/vgg11_small_004.py', 'vgg11-small'],
  ['seeds/nin_004.py', 'nin'],
  ['seeds/googlenet_004.py', 'googlenet'],
];
/** Variants in other notes: the same totals as the zoo network, with layers in another order or form. */
const SAME_TOTALS: [string, string][] = [
  ['seeds/googlenet_003.py', 'googlenet-mini'],
  ['seeds/resnet_003.py', 'resnet-mini'],
  ['seeds/resnet_000.py', 'resnet-mini'],
];

describe("the notes' networks equal the zoo's", () => {
  it.each(SAME_AS_ZOO)('%s is %s layer by layer', (rel, id) => {
    const mine = analyze(read(rel).graph!);
    const zoo = analyze(zooGraph(id)!);
    expect(mine.layers.map((l) => [l.outputShape, l.params, l.macs])).toEqual(zoo.layers.map((l) => [l.outputShape, l.params, l.macs]));
    expect(mine.totals).toEqual(zoo.totals);
    // Module paths are PyTorch's: the same as the zoo's wherever both run a module.
    const zooModules = new Set(zooGraph(id)!.layers.filter((l) => !l.functional).map((l) => l.path));
    const mineModules = read(rel).graph!.layers.filter((l) => !l.functional).map((l) => l.path);
    expect(mineModules.filter((p) => !zooModules.has(p))).toEqual([]);
  });

  it.each(SAME_TOTALS)('%s has the totals of %s', (rel, id) => {
    const mine = analyze(read(rel).graph!);
    const zoo = analyze(zooGraph(id)!);
    expect([mine.totals.params, mine.totals.macs, mine.output]).toEqual([zoo.totals.params, zoo.totals.macs, zoo.output]);
  });
});

describe('source → graph → PyTorch code → graph', () => {
  it.each(Object.entries(EXPECTED).filter(([, e]) => e.layers))('%s keeps its numbers', (rel) => {
    const g = read(rel).graph!;
    const code = pytorchCode(g, { source: rel });
    const back = readPython(code, { className: undefined });
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const a = analyze(g);
    const b = analyze(back.graph!);
    expect(b.layers.map((l) => [l.outputShape, l.params, l.macs])).toEqual(a.layers.map((l) => [l.outputShape, l.params, l.macs]));
    expect(b.totals).toEqual(a.totals);
    // Module paths survive; the exported forward is one flat function, so functional layers are named at its top.
    const modules = (x: typeof g) => x.layers.filter((l) => !l.functional).map((l) => l.path);
    expect(modules(back.graph!)).toEqual(modules(g));
  });
});
