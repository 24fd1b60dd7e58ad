/**
 * Every zoo network against PyTorch itself: per-layer output shapes, parameters
 * and MACs from tests/fixtures/pytorch/<id>.json (made by make_fixtures.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { ZOO } from '../../src/graph/zoo/index.js';

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

  it('adds no parameters or MACs PyTorch does not have (functional ops are free)', () => {
    const functional = a.layers.filter((l) => l.functional);
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
