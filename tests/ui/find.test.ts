import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { zooGraph } from '../../src/zoo/index.js';
import { findMatches } from '../../src/ui/cnn-graph/find.js';

const googlenet = analyze(zooGraph('googlenet')!);
const lenet = analyze(zooGraph('lenet5')!);

describe('findMatches', () => {
  it('finds by path: the path itself first, then paths that start with it, in the network order', () => {
    const { matches } = findMatches(googlenet, '3.3');
    expect(matches[0]).toEqual({ path: '3.3', type: 'module', kind: googlenet.modules.find((m) => m.path === '3.3')!.type, name: '3' });
    const layers3 = googlenet.layers.filter((l) => l.path.startsWith('3.3.')).map((l) => l.path);
    expect(matches.slice(1, 1 + layers3.length).map((m) => m.path)).toEqual(layers3);
  });

  it('finds by kind and by name, ignoring case and surrounding space', () => {
    const convs = lenet.layers.filter((l) => l.kind === 'Conv2d').map((l) => l.path);
    expect(convs.length).toBeGreaterThan(1);
    expect(findMatches(lenet, '  conv2D ').matches.map((m) => m.path)).toEqual(convs);
    const named = googlenet.layers.filter((l) => l.name === 'p4_2');
    const byName = findMatches(googlenet, 'P4_2').matches;
    expect(byName.map((m) => m.path)).toEqual(named.map((l) => l.path));
    expect(byName.every((m) => m.type === 'layer' && m.kind === 'Conv2d')).toBe(true);
  });

  it('counts every match but returns at most the limit; an empty query or no match finds nothing', () => {
    const relu = googlenet.layers.filter((l) => l.kind === 'ReLU').length;
    const r = findMatches(googlenet, 'relu', 5);
    expect(r.total).toBe(relu);
    expect(r.matches).toHaveLength(5);
    expect(findMatches(googlenet, '   ')).toEqual({ matches: [], total: 0 });
    expect(findMatches(googlenet, 'no such layer')).toEqual({ matches: [], total: 0 });
  });

  it('leaves out the module around the whole network, which has no box', () => {
    const whole = lenet.modules.filter((m) => m.layers.length === lenet.layers.length).map((m) => m.path);
    expect(whole.length).toBe(1);
    expect(findMatches(lenet, whole[0]).matches.map((m) => m.path)).not.toContain(whole[0]);
  });
});
