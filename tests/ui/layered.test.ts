/**
 * The fast layered engine: for views that are not series–parallel and too
 * dense for elk. Its geometry keeps the promises the checker tests (no
 * overlaps, orthogonal wires from the source's bottom to the target's top
 * that cross no box, labels on their wires, frames around their contents) on
 * random DAGs with cross-links and modules, in both directions and every
 * expansion; `auto` sends the issue-13 DAG to it and says so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder, type Scope, type Tensor } from '../../src/graph/builder.js';
import { Add, Conv2d, ReLU } from '../../src/kinds/constructors.js';
import type { Graph } from '../../src/graph/types.js';
import { autoLayout, density, type Direction, ELK_MAX_CROSS_LINKS, elkTooSlow, engineOf, layeredLayout, layoutOf, MAX_NESTING, noteOf, prepare, render, whyNotStructural } from '../../src/render/index.js';
import { broken } from './geometry.js';
import { halving } from './helpers.js';

/** A layer: which earlier tensors it reads (indices counted back from the newest), and whether it opens or closes a module. */
type Step = { reads: number[]; conv: boolean; open: boolean; close: boolean };

const stepArb = fc.record({ reads: fc.array(fc.nat(12), { minLength: 1, maxLength: 3 }), conv: fc.boolean(), open: fc.boolean(), close: fc.boolean() });

/** A DAG of Conv/ReLU/Add layers reading random earlier tensors, some inside (nested) modules. */
function dag(steps: Step[]): Graph {
  const net = new GraphBuilder('dag', [3, 6, 6]);
  const made: Tensor[] = [net.input];
  let n = 0;
  const run = (s: Scope, i: number, depth: number): number => {
    while (i < steps.length) {
      const st = steps[i];
      if (st.open && depth < 2 && i > 0 && i < steps.length - 1) {
        let next = i + 1;
        s.module(`m${n++}`, 'Block', (m) => {
          next = run(m, i + 1, depth + 1);
          return made[made.length - 1];
        });
        i = next;
        continue;
      }
      const reads = [...new Set(st.reads.map((r) => made[Math.max(0, made.length - 1 - r)]))];
      const name = `n${n++}`;
      made.push(reads.length > 1 ? s.layer(name, Add(), reads) : s.layer(name, st.conv ? Conv2d(3, 3, 3, { padding: 1 }) : ReLU(), reads[0]));
      i++;
      if (st.close && depth > 0) return i;
    }
    return i;
  };
  run(net, 0, 0);
  return net.build(made[made.length - 1]);
}

describe('the fast layered engine', () => {
  it('keeps its geometric promises on random DAGs with modules, both directions, every expansion', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), fc.constantFrom<Direction>('down', 'right'), (steps, direction) => {
        const g = dag(steps);
        const a = analyze(g);
        if (!a.ok) return;
        for (const expand of ['none', 'all', 1, 'auto'] as const) {
          const p = prepare({ graph: g, analysis: a }, { expand, direction, engine: 'elk' });
          const l = layeredLayout(p.elk, direction);
          expect(l, `expand=${expand}`).not.toBeNull();
          expect(broken(p, l!, direction), `expand=${expand}`).toBeNull();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('auto picks the fast engine where elk would be slow, and says so', () => {
  it('the 302-layer DAG of issue 13: fast layered layout, sound, with the note', async () => {
    const g = halving(302);
    const a = analyze(g);
    const p = prepare({ graph: g, analysis: a });
    expect(p.structural).toBeNull();
    expect(p.density).toEqual({ boxes: 304, wires: 602, crossLinks: 299 });
    expect(p.fast).not.toBeNull();
    expect(engineOf(p.fast!)).toBe('fast');
    expect(broken(p, p.fast!, 'down')).toBeNull();
    // elk must not run: the picture comes from the fast engine.
    const noElk = { layout: () => Promise.reject(new Error('elk must not run')) };
    const r = await render(g, { elk: noElk, cache: false, analysis: a });
    expect(r.engine).toBe('fast');
    expect(r.note).toBe('304 boxes with 299 cross-links, not series–parallel: drawn with the fast layered layout (elk would be slow, up to minutes)');
    expect((await render(g, { elk: noElk, cache: false, analysis: a, locale: 'zh' })).note).toMatch(/^304 个框、299 条交叉连接/);
    // Asked for by name: the same picture, and no note (nothing was given up behind the reader's back).
    const named = await render(g, { elk: noElk, cache: false, analysis: a, engine: 'fast' });
    expect(named.layout).toEqual(r.layout);
    expect(named.note).toBeNull();
    // engine 'elk' still means elk.
    const e = prepare({ graph: g, analysis: a }, { engine: 'elk' });
    expect(e.fast).toBeNull();
    expect(engineOf({ key: e.key })).toBe('elk');
  });

  it('a small DAG that is not series–parallel still goes to elk; every zoo view stays structural', () => {
    const g = halving(12);
    const p = prepare({ graph: g, analysis: analyze(g) });
    expect(p.density.crossLinks).toBeLessThanOrEqual(ELK_MAX_CROSS_LINKS);
    expect(p.structural).toBeNull();
    expect(p.fast).toBeNull();
    expect(engineOf({ key: p.key })).toBe('elk');
    const big = halving(ELK_MAX_CROSS_LINKS + 4);
    expect(elkTooSlow(density(prepare({ graph: big, analysis: analyze(big) }).elk))).toBe(true);
  });

  it('a deferred view (the element sends views of more than 1,500 boxes to its worker) is laid out the same way', async () => {
    const g = halving(1600);
    const a = analyze(g);
    const p = prepare({ graph: g, analysis: a }, { defer: true });
    expect(p.deferred).toBe(true);
    expect(p.fast).toBeNull();
    const l = await layoutOf(p, { elk: { layout: () => Promise.reject(new Error('elk must not run')) }, cache: false });
    expect(engineOf(l)).toBe('fast');
    expect(autoLayout(p.elk)).toEqual(l);
    expect(noteOf(p, l)).toMatch(/^1,602 boxes with 1,597 cross-links/);
  });
});

describe('nothing breaks on deep nesting', () => {
  it('a network whose every Add reads the one before and the input nests one level per layer: past MAX_NESTING it is drawn fast, not a stack overflow', () => {
    const fan = (n: number): Graph => {
      const net = new GraphBuilder(`fan-${n}`, [3, 6, 6]);
      let x = net.layer('l0', ReLU(), net.input);
      for (let i = 1; i < n; i++) x = net.layer(`l${i}`, Add(), [x, net.input]);
      return net.build(x);
    };
    const small = fan(200);
    expect(prepare({ graph: small, analysis: analyze(small) }).structural).not.toBeNull();
    // 20,000 layers overflowed the stack in the structural engine's recursive measure.
    const g = fan(20_000);
    const a = analyze(g);
    expect(whyNotStructural(prepare({ graph: g, analysis: a }, { engine: 'elk' }).elk)).toBe(`series and parallel parts nest more than ${MAX_NESTING} deep`);
    const p = prepare({ graph: g, analysis: a });
    expect(p.structural).toBeNull();
    expect(engineOf(p.fast!)).toBe('fast');
    // One lane carries the input down to all 19,999 Adds.
    const input = p.view.edges.filter((e) => e.source === 'I:input' && e.target !== 'L:l0' && e.target !== 'L:l1');
    expect(input).toHaveLength(19_998);
    const lanes = new Set(input.map((e) => Math.max(...p.fast!.edges[e.id].points.map((q) => q[0]))));
    expect(lanes.size).toBe(1);
  });
});
