/** Networks that do not fit together: every problem named with its layer, numbers and fix; nothing thrown. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { parseNetwork } from '../../src/graph/json.js';
import { Add, AvgPool2d, Concat, Conv2d, Flatten, Linear, MaxPool2d, ReLU } from '../../src/kinds/constructors.js';
import type { Graph } from '../../src/graph/types.js';
import { MISWIRED_JSON } from './fixtures.js';

const errors = (g: Graph) => analyze(g).diagnostics.filter((d) => d.severity === 'error');

describe('channel mismatch (the notes\' GoogLeNet with in_channels wrong)', () => {
  const b = new GraphBuilder('broken', [1, 28, 28]);
  const x = b.seq('features', [Conv2d(1, 20, 5), ReLU(), MaxPool2d(2), Conv2d(88, 20, 5), ReLU(), Flatten(), Linear(320, 10)], b.input);
  const a = analyze(b.build(x));

  it('names the layer, the numbers and where the input came from, and the fix', () => {
    expect(a.ok).toBe(false);
    expect(a.diagnostics).toHaveLength(1);
    expect(a.diagnostics[0].message).toBe('features.3 Conv2d: expects 88 input channels, receives 20 (from features.2 MaxPool2d 20×12×12).');
    expect(a.diagnostics[0].fix).toBe('Set in_channels=20, or check the layer before it.');
    expect(a.diagnostics[0].path).toBe('features.3');
  });

  it('keeps everything before the failure and marks what follows as skipped', () => {
    expect(a.layers.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'error', 'skipped', 'skipped', 'skipped']);
    expect(a.layers[2].outputShape).toEqual([20, 12, 12]);
    expect(a.layers[3].outputShape).toBeNull();
    // Parameters do not depend on shapes, so they are still counted.
    expect(a.totals.params).toBe(520 + 44020 + 3210);
    expect(a.output).toBeNull();
  });
});

describe('each kind of shape error', () => {
  it('kernel larger than the padded input', () => {
    const b = new GraphBuilder('k', [1, 4, 4]);
    const [d] = errors(b.build(b.layer('conv', Conv2d(1, 6, 5), b.input)));
    expect(d.message).toBe('conv Conv2d: Conv2d kernel spans 5 along height but the padded input is only 4 (4 + padding 0). Input 1×4×4 from input 1×4×4.');
    expect(d.fix).toMatch(/add padding/);
  });

  it('Linear in_features mismatch after Flatten, with the right number', () => {
    const b = new GraphBuilder('l', [16, 5, 5]);
    const [d] = errors(b.build(b.layer('fc', Linear(120, 84), b.layer('flat', Flatten(), b.input))));
    expect(d.message).toBe('fc Linear: expects in_features=120, receives 400 (from flat Flatten 400).');
    expect(d.fix).toBe('Set in_features=400, or check the layer before it.');
  });

  it('Linear on an unflattened map suggests the Flatten', () => {
    const b = new GraphBuilder('l', [16, 5, 5]);
    const [d] = errors(b.build(b.layer('fc', Linear(400, 84), b.input)));
    expect(d.fix).toBe('Insert a Flatten before it: 16×5×5 flattens to 400.');
  });

  it('Concat of different spatial sizes', () => {
    const b = new GraphBuilder('c', [8, 28, 28]);
    const p = b.layer('a', Conv2d(8, 16, 3, { padding: 1 }), b.input);
    const q = b.layer('b', Conv2d(8, 16, 5), b.input);
    const [d] = errors(b.build(b.fn('cat', Concat(), [p, q])));
    expect(d.message).toBe('cat Concat: cannot join 16×28×28 (a Conv2d 16×28×28), 16×24×24 (b Conv2d 16×24×24): spatial sizes differ.');
    expect(d.fix).toMatch(/padding \(k−1\)\/2/);
  });

  it('Add of different shapes suggests a 1×1 projection', () => {
    const b = new GraphBuilder('r', [16, 28, 28]);
    const y = b.layer('conv', Conv2d(16, 32, 3, { padding: 1, stride: 2 }), b.input);
    const [d] = errors(b.build(b.fn('add', Add(), [y, b.input])));
    expect(d.message).toBe('add Add: cannot add 32×14×14 (conv Conv2d 32×14×14) and 16×28×28 (input 16×28×28): shapes differ.');
    expect(d.fix).toBe('Project the shortcut with a 1×1 convolution (16→32 channels, stride 2) so both paths agree.');
  });

  it('pooling that leaves nothing, with the formula', () => {
    const b = new GraphBuilder('p', [3, 2, 2]);
    const [d] = errors(b.build(b.layer('pool', AvgPool2d(3, 2), b.input)));
    expect(d.message).toMatch(/^pool AvgPool2d: a 3×3 window with stride 2 does not fit the 2×2 input/);
    expect(d.formula).toBe('H: ⌊(2 + 2·0 − (3−1) − 1)/2⌋ + 1 = 0; W: ⌊(2 + 2·0 − (3−1) − 1)/2⌋ + 1 = 0');
  });

  it('pool padding more than half the kernel, as PyTorch refuses', () => {
    const b = new GraphBuilder('p', [3, 28, 28]);
    const [d] = errors(b.build(b.layer('pool', MaxPool2d(2, { padding: 2 }), b.input)));
    expect(d.message).toMatch(/padding 2 along height is more than half the kernel 2/);
  });

  it('groups that do not divide the channels', () => {
    const b = new GraphBuilder('g', [6, 8, 8]);
    const [d] = errors(b.build(b.layer('conv', Conv2d(6, 9, 3, { groups: 4 }), b.input)));
    expect(d.message).toBe('conv Conv2d: groups=4 must divide both in_channels=6 and out_channels=9.');
  });

  it('absurd sizes are refused, not overflowed', () => {
    const b = new GraphBuilder('big', [3, 100000, 100000]);
    const d = errors(b.build(b.layer('conv', Conv2d(3, 2_000_000, 3), b.input)));
    expect(d[0].code).toBe('too-large');
    expect(d[0].message).toMatch(/^conv Conv2d: the output 2000000×99998×99998 is too large to analyse exactly/);
  });

  it('several independent errors are all reported', () => {
    const b = new GraphBuilder('two', [3, 28, 28]);
    const p = b.layer('a', Conv2d(4, 8, 3), b.input);
    const q = b.layer('b', Conv2d(5, 8, 3), b.input);
    expect(errors(b.build(b.fn('cat', Concat(), [p, q]))).map((d) => d.path)).toEqual(['a', 'b']);
  });

  it('structure: unknown input, cycle order, duplicate path, bad output', () => {
    const text = MISWIRED_JSON;
    const { graph } = parseNetwork(text);
    const msgs = analyze(graph!).diagnostics.map((d) => d.message);
    expect(msgs).toContain('a ReLU: reads "b", which is listed after it.');
    expect(msgs).toContain('b ReLU: reads "ghost", which is not a layer of this network.');
    expect(msgs).toContain('b ReLU: the path "b" is used by layers 1 and 2.');
    expect(msgs).toContain('sum Add: joins two or more inputs, has 1.');
    expect(msgs).toContain('nope: the output "nope" is not a layer of this network.');
  });

  it('a one-input Concat is valid, as torch.cat([x]) is in PyTorch (a copy); a Concat of nothing is not', () => {
    const one = analyze({ name: 'one', input: [3, 4, 4], layers: [{ path: 'cat', kind: 'Concat', inputs: ['input'] }], modules: [], output: 'cat', aux: [] } as unknown as Graph);
    expect(one.diagnostics).toEqual([]);
    expect(one.output).toEqual([3, 4, 4]);
    const none = analyze({ name: 'none', input: [3, 4, 4], layers: [{ path: 'cat', kind: 'Concat', inputs: [] }], modules: [], output: 'cat', aux: [] } as unknown as Graph);
    expect(none.diagnostics.map((d) => [d.message, d.zh?.message])).toEqual([['cat Concat: joins one or more inputs, has 0.', 'cat Concat：要合并一个或更多输入，这里只有 0 个。']]);
  });

  it('a graph built in code with nonsense values gets diagnostics, not an exception', () => {
    const b = new GraphBuilder('js', [1, 28, 28]);
    const y = b.layer('conv', { kind: 'Conv2d', in_channels: 1, out_channels: -3, kernel_size: 2.5 } as never, b.input);
    const a = analyze(b.build(y));
    expect(a.ok).toBe(false);
    expect(a.diagnostics.map((d) => d.message)).toEqual([
      'conv Conv2d: out_channels must be at least 1, got -3.',
      'conv Conv2d: kernel_size must be a whole number, got 2.5.',
    ]);
  });

  it('an unknown kind set from code is a diagnostic', () => {
    const g: Graph = { name: 'u', input: [1, 8, 8], layers: [{ path: 'x', kind: 'Conv3d', inputs: ['input'] } as never], modules: [], output: 'x', aux: [] };
    expect(() => analyze(g)).not.toThrow();
    expect(analyze(g).diagnostics[0].message).toMatch(/^x Conv3d: unknown layer kind "Conv3d"/);
  });
});

describe('a kind that is not a layer kind, even one named like an Object property', () => {
  it.each(['Bogus', 'constructor', 'toString', '__proto__'])('%s: one diagnostic naming the layer, the rest analysed', (kind) => {
    const b = new GraphBuilder('k', [1, 28, 28]);
    const g = b.build(b.seq('net', [Conv2d(1, 6, 5), ReLU(), Flatten()], b.input));
    const layers = g.layers.map((l, i) => (i === 1 ? ({ ...l, kind } as unknown as typeof l) : l));
    const a = analyze({ ...g, layers });
    expect(a.ok).toBe(false);
    expect(a.diagnostics.map((d) => d.message)).toEqual([`net.1 ${kind}: unknown layer kind "${kind}".`]);
    expect(a.layers.map((l) => l.status)).toEqual(['ok', 'error', 'skipped']);
    expect(a.layers[0].outputShape).toEqual([6, 24, 24]);
  });
});
