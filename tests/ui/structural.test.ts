/**
 * The structural layout engine: every zoo view is series–parallel and laid out
 * without elk; the geometry holds its promises (no overlaps, orthogonal wires
 * from the source's bottom to the target's top that cross no box, labels on
 * their wires, frames around their contents) for the zoo and for random
 * series–parallel networks; anything else goes to elk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder, type Scope, type Tensor } from '../../src/graph/builder.js';
import { Add, Conv2d, ReLU } from '../../src/kinds/constructors.js';
import type { Graph } from '../../src/graph/types.js';
import { ZOO, zooGraph } from '../../src/zoo/index.js';
import { collapsible, type Box, type Direction, type Layout, prepare, render, structuralLayout, whyNotStructural } from '../../src/render/index.js';
import { broken } from './geometry.js';

function expansions(graph: Graph) {
  const a = analyze(graph);
  const depth = Math.max(0, ...collapsible(a).values()) + 1;
  return { a, expands: ['none', 'auto', 'all', ...Array.from({ length: depth }, (_, i) => i + 1)] as const };
}

/**
 * The zoo views that are not series–parallel, and why. DenseNet's dense block feeds every
 * layer's output to the torch.cat of every later layer: opened (depth 2), the block is not
 * series–parallel; with its layers opened too, each layer's frame is entered by all of them.
 */
const NOT_SERIES_PARALLEL: Record<string, { expands: readonly (string | number)[]; why: RegExp }> = {
  'torchvision-densenet121': { expands: [2, 3, 'all'], why: /^(M:features\.denseblock\d is not series–parallel|two tensors enter M:features\.denseblock\d\.denselayer\d+)/ },
};

describe('every zoo view is laid out structurally, and correctly', { timeout: 120_000 }, () => {
  for (const { id } of ZOO) {
    it(id, () => {
      const graph = zooGraph(id) as Graph;
      const { a, expands } = expansions(graph);
      const elk = NOT_SERIES_PARALLEL[id];
      for (const direction of ['down', 'right'] as const)
        for (const expand of expands) {
          const p = prepare({ graph, analysis: a }, { expand, direction });
          if (elk?.expands.includes(expand)) {
            expect(whyNotStructural(p.elk, direction), `${id} ${expand} ${direction}`).toMatch(elk.why);
            expect(p.structural, `${id} ${expand} ${direction}`).toBeNull();
            continue;
          }
          expect(whyNotStructural(p.elk, direction), `${id} ${expand} ${direction}`).toBeNull();
          expect(p.structural, `${id} ${expand} ${direction}`).not.toBeNull();
          expect(broken(p, p.structural as Layout, direction), `${id} expand=${expand} ${direction}`).toBeNull();
        }
    });
  }
});

describe('the checker itself', () => {
  it('catches an overlap, a wire through a box, a slanted wire and a label off its wire', () => {
    const graph = zooGraph('googlenet-mini') as Graph;
    const p = prepare({ graph, analysis: analyze(graph) }, { expand: 'all' });
    const good = p.structural as Layout;
    expect(broken(p, good, 'down')).toBeNull();
    const copy = (): Layout => JSON.parse(JSON.stringify(good));
    const moved = copy();
    moved.nodes['L:net.3.branch2.1'] = { ...moved.nodes['L:net.3.branch2.0'] };
    expect(broken(p, moved, 'down')).toMatch(/overlaps|runs through|does not/);
    const slanted = copy();
    const e = p.view.edges.find((x) => x.labelled)!;
    const pts = slanted.edges[e.id].points;
    pts.splice(1, 0, [pts[0][0] + 7, (pts[0][1] + pts[1][1]) / 2]);
    expect(broken(p, slanted, 'down')).toMatch(/slanted/);
    const off = copy();
    off.edges[e.id].label = { ...(off.edges[e.id].label as Box), x: (off.edges[e.id].label as Box).x + 40 };
    expect(broken(p, off, 'down')).toMatch(/not on its wire|covers/);
  });
});

describe('what the structure promises a reader', () => {
  const at = (l: Layout, id: string) => l.nodes[id];
  const cx = (b: Box) => b.x + b.width / 2;

  it('ResNet: the trunk is one straight line; each shortcut runs beside its block, to the right', () => {
    const graph = zooGraph('torchvision-resnet18') as Graph;
    const p = prepare({ graph, analysis: analyze(graph) }, { expand: 'all' });
    const l = p.structural as Layout;
    const trunk = ['L:conv1', 'L:layer1.0.conv1', 'L:layer1.0.add', 'L:layer2.0.conv1', 'L:layer4.1.add', 'L:fc'];
    for (const id of trunk) expect(cx(at(l, id)), id).toBeCloseTo(cx(at(l, 'L:conv1')), 0);
    // The identity shortcut of layer1.0: from the block's input to its Add, right of every box in the block.
    const skip = p.view.edges.find((e) => e.target === 'L:layer1.0.add' && e.producer === 'maxpool')!;
    const xs = l.edges[skip.id].points.map((q) => q[0]);
    const block = p.view.nodes.filter((n) => n.container === 'M:layer1.0').map((n) => at(l, n.id));
    expect(Math.max(...xs)).toBeGreaterThan(Math.max(...block.map((b) => b.x + b.width)));
  });

  it('GoogLeNet: an Inception block puts its four branches side by side, in model order, starting on one row', () => {
    const graph = zooGraph('googlenet') as Graph;
    const p = prepare({ graph, analysis: analyze(graph) }, { expand: 'all' });
    const l = p.structural as Layout;
    const first = ['2.0.p1_1', '2.0.p2_1', '2.0.p3_1', '2.0.p4_1'].map((x) => at(l, `L:${x}`));
    for (let i = 1; i < 4; i++) {
      expect(first[i].y).toBeCloseTo(first[0].y, 5);
      expect(first[i].x).toBeGreaterThan(first[i - 1].x + first[i - 1].width);
    }
    // The Concat sits under the block's input, on the trunk.
    expect(cx(at(l, 'L:2.0.cat'))).toBeCloseTo(cx(at(l, 'L:1.2')), 0);
  });

  it('is deterministic, and the key tells it from an elk layout of the same view', async () => {
    const graph = zooGraph('googlenet-mini') as Graph;
    const a = analyze(graph);
    const p = prepare({ graph, analysis: a }, { expand: 'all' });
    expect(JSON.stringify(prepare({ graph, analysis: a }, { expand: 'all' }).structural)).toBe(JSON.stringify(p.structural));
    const elk = prepare({ graph, analysis: a }, { expand: 'all', engine: 'elk' });
    expect(elk.structural).toBeNull();
    expect(elk.key).not.toBe(p.key);
    // render() uses it without elk.
    const noElk = { layout: () => Promise.reject(new Error('elk must not run')) };
    const r = await render(graph, { expand: 'all', elk: noElk, cache: false });
    expect(r.layout.key).toBe(p.key);
  });
});

/** input → a, b (both from input), c = a + b... arranged as the "bridge" that is not series–parallel. */
function bridgeGraph(): Graph {
  const net = new GraphBuilder('bridge', [4, 8, 8]);
  const a = net.layer('a', Conv2d(4, 4, 1), net.input);
  const b = net.layer('b', ReLU(), a);
  const c = net.layer('c', Add(), [a, b]);
  const d = net.layer('d', ReLU(), b);
  return net.build(net.layer('e', Add(), [c, d]));
}

/** A frame entered by two different tensors: its Add reads the block input and an earlier tensor. */
function twoEntryGraph(): Graph {
  const net = new GraphBuilder('two-entries', [4, 8, 8]);
  const a = net.layer('a', ReLU(), net.input);
  const b = net.layer('b', ReLU(), a);
  const y = net.module('block', 'Block', (m) => {
    const c = m.layer('conv', Conv2d(4, 4, 1), b);
    return m.layer('add', Add(), [c, a]);
  });
  return net.build(y);
}

describe('what is not series–parallel goes to elk', () => {
  it('the bridge: declined with a reason, drawn by elk, and the drawing is still sound', async () => {
    const g = bridgeGraph();
    const a = analyze(g);
    expect(a.ok).toBe(true);
    const p = prepare({ graph: g, analysis: a }, { expand: 'all' });
    expect(p.structural).toBeNull();
    expect(whyNotStructural(p.elk)).toMatch(/series–parallel/);
    const r = await render(g, { expand: 'all', cache: false });
    expect(r.layout.key).toBe(p.key);
    expect(broken(p, r.layout, 'down')).toBeNull();
  });

  it('a frame entered by two tensors is declined (its border would merge them into one wire)', () => {
    const g = twoEntryGraph();
    const p = prepare({ graph: g, analysis: analyze(g) }, { expand: 'all' });
    expect(whyNotStructural(p.elk)).toMatch(/two tensors enter/);
    // Collapsed, the block is one box and the view is series–parallel again.
    expect(prepare({ graph: g, analysis: analyze(g) }, { expand: 'none' }).structural).not.toBeNull();
  });
});

// ---- random series–parallel networks ----------------------------------------

type Part = { t: 'layer'; conv: boolean } | { t: 'par'; branches: Part[][] } | { t: 'mod'; body: Part[] };

const partArb: fc.Arbitrary<Part[]> = fc.letrec<{ chain: Part[]; part: Part }>((tie) => ({
  chain: fc.array(tie('part'), { minLength: 0, maxLength: 4 }),
  part: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('layer' as const), conv: fc.boolean() }),
    fc.record({ t: fc.constant('par' as const), branches: fc.array(tie('chain'), { minLength: 2, maxLength: 4 }) }),
    fc.record({ t: fc.constant('mod' as const), body: fc.array(tie('part'), { minLength: 1, maxLength: 3 }) }),
  ),
})).chain;

function build(parts: Part[]): Graph {
  const net = new GraphBuilder('random', [3, 6, 6]);
  let n = 0;
  const chain = (s: Scope, ps: Part[], x: Tensor): Tensor =>
    ps.reduce((t, p) => {
      const name = `n${n++}`;
      if (p.t === 'layer') return s.layer(name, p.conv ? Conv2d(3, 3, 3, { padding: 1 }) : ReLU(), t);
      if (p.t === 'mod') return s.module(name, 'Block', (m) => chain(m, p.body, t));
      const outs = p.branches.map((b) => chain(s, b, t));
      // Two empty branches would be the same tensor twice; Add takes them all the same.
      return s.layer(name, Add(), outs);
    }, x);
  return net.build(chain(net, parts.length ? parts : [{ t: 'layer', conv: true }], net.input));
}

describe('random series–parallel networks', () => {
  it('are laid out structurally in both directions and every expansion, with sound geometry', () => {
    fc.assert(
      fc.property(partArb, fc.constantFrom<Direction>('down', 'right'), (parts, direction) => {
        const g = build(parts);
        const { a, expands } = expansions(g);
        if (!a.ok) return;
        for (const expand of expands) {
          const p = prepare({ graph: g, analysis: a }, { expand, direction });
          const l = structuralLayout(p.elk, direction);
          expect(l, `expand=${expand}: ${whyNotStructural(p.elk, direction)}`).not.toBeNull();
          expect(broken(p, l as Layout, direction), `expand=${expand}`).toBeNull();
        }
      }),
      { numRuns: 150 },
    );
  });
});
