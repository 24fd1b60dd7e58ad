/**
 * Single-layer shapes against real PyTorch: every case of
 * tests/fixtures/pytorch/shapes.json (made by make_shapes.py, torch 1.13) is
 * analysed as a one-layer graph. Where PyTorch computed a shape we must give
 * exactly that shape with no error; where PyTorch raised we must report an
 * error diagnostic for that layer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import type { LayerConfig } from '../../src/graph/types.js';

interface Case {
  id: string;
  kind: 'Conv2d' | 'MaxPool2d' | 'AvgPool2d' | 'AdaptiveAvgPool2d';
  config: Record<string, unknown>;
  input: [number, number, number];
  output?: number[];
  error?: string;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch/shapes.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };
const cases = fixture.cases;

function run(c: Case) {
  const b = new GraphBuilder(c.id, c.input);
  const y = b.layer('op', { kind: c.kind, ...c.config } as LayerConfig, b.input);
  const a = analyze(b.build(y));
  return { shape: a.layers[0].outputShape, errors: a.diagnostics.filter((d) => d.severity === 'error'), diagnostics: a.diagnostics };
}

const describeCase = (c: Case) => `${c.kind}(${JSON.stringify(c.config)}) on ${c.input.join('×')}`;

describe(`single layers match PyTorch ${fixture.torch}`, () => {
  it('has a few hundred cases of every kind, many of them rejected by PyTorch', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    for (const kind of ['Conv2d', 'MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d']) expect(cases.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(50);
    expect(cases.filter((c) => c.error).length).toBeGreaterThanOrEqual(60);
    for (const c of cases) expect(Number(c.output !== undefined) + Number(c.error !== undefined), c.id).toBe(1);
  });

  it.each(cases.filter((c) => c.output).map((c) => [c.id, c] as const))('%s: same output shape', (_id, c) => {
    const r = run(c);
    expect(r.errors.map((d) => d.message), `${describeCase(c)}: PyTorch gives ${c.output!.join('×')}`).toEqual([]);
    expect(r.shape, describeCase(c)).toEqual(c.output);
  });

  it.each(cases.filter((c) => c.error).map((c) => [c.id, c] as const))('%s: rejected, as PyTorch does', (_id, c) => {
    const r = run(c);
    expect(r.errors.length, `${describeCase(c)}: PyTorch raises "${c.error}", we give ${r.shape ? r.shape.join('×') : 'no shape'}`).toBeGreaterThan(0);
    expect(r.errors.every((d) => d.path === 'op')).toBe(true);
    expect(r.shape).toBeNull();
  });
});
