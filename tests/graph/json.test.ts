import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseNetwork, stringifyNetwork, networkToJSON, MAX_JSON_BYTES } from '../../src/graph/json.js';
import { networkJsonSchema } from '../../src/graph/schema.js';
import { LAYER_KINDS } from '../../src/kinds/config.js';
import { ZOO } from '../../src/zoo/index.js';

describe('JSON round trip', () => {
  it.each(ZOO.map((e) => e.id))('%s: export → parse gives the same graph and the same analysis', (id) => {
    const g = ZOO.find((e) => e.id === id)!.build();
    const text = stringifyNetwork(g);
    const { graph, diagnostics } = parseNetwork(text);
    expect(diagnostics).toEqual([]);
    expect(graph).toEqual(g);
    const [a, b] = [analyze(g), analyze(graph!)];
    expect(b.totals).toEqual(a.totals);
    expect(b.layers.map((l) => l.outputShape)).toEqual(a.layers.map((l) => l.outputShape));
  });

  it('leaves out inputs that are just the layer before, and keeps branches explicit', () => {
    const doc = networkToJSON(ZOO.find((e) => e.id === 'resnet-mini')!.build()) as { layers: Record<string, unknown>[] };
    expect(doc.layers[0]).toEqual({ path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 16, kernel_size: 5 });
    const add = doc.layers.find((l) => l.kind === 'Add')!;
    expect(add.inputs).toEqual(['net.2', 'net.3.net.2']);
    expect(add.functional).toBe(true);
  });

  it('publishes a JSON Schema listing every layer kind', () => {
    const s = networkJsonSchema() as { properties: { layers: { items: { anyOf: { properties: { kind: { const: string } } }[] } } } };
    const kinds = s.properties.layers.items.anyOf.map((k) => k.properties.kind.const);
    expect(kinds).toContain('Conv2d');
    // Every registered kind, in the registry's order, each once (a count here would break with every new kind).
    expect(kinds).toEqual([...LAYER_KINDS]);
  });
});

const net = (layers: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ name: 't', input: [1, 28, 28], layers, ...extra });

describe('a module’s title', () => {
  const layers = [{ path: 'stem.0', kind: 'Conv2d', in_channels: 1, out_channels: 8, kernel_size: 3 }];
  it('is read and written with its Chinese form, as the zoo gives the notes’ and papers’ names', () => {
    const r = parseNetwork(net(layers, { modules: [{ path: 'stem', type: 'Sequential', title: 'stage 1', titleZh: '阶段 1' }] }));
    expect(r.diagnostics).toEqual([]);
    expect(r.graph?.modules).toEqual([{ path: 'stem', type: 'Sequential', title: 'stage 1', titleZh: '阶段 1' }]);
    expect(parseNetwork(stringifyNetwork(r.graph!)).graph?.modules).toEqual(r.graph?.modules);
  });
  it('that is not text is refused by name', () => {
    const r = parseNetwork(net(layers, { modules: [{ path: 'stem', type: 'Sequential', title: 3 }] }));
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^modules\[0\]\.title: /)]);
  });
});

describe('bad JSON gives one clear message per problem, never a throw', () => {
  it('malformed JSON: line, column and a caret', () => {
    const r = parseNetwork('{\n  "name": "x",\n  "input": [1, 28, 28]\n  "layers": []\n}');
    expect(r.graph).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].message).toMatch(/^Not valid JSON at line 4, column 3/);
    expect(r.diagnostics[0].message).toContain('^');
    expect(r.diagnostics[0].fix).toMatch(/comma/);
  });

  it('empty input and non-objects', () => {
    expect(parseNetwork('').diagnostics[0].message).toMatch(/Not valid JSON at line 1/);
    expect(parseNetwork('[1,2]').diagnostics[0].message).toMatch(/must be a JSON object.*got a list/);
    expect(parseNetwork('42').diagnostics[0].message).toMatch(/got 42/);
  });

  it('unknown layer kind, with a suggestion and the list of kinds', () => {
    const r = parseNetwork(net([{ path: 'features.0', kind: 'Conv2D', in_channels: 1, out_channels: 6, kernel_size: 5 }]));
    expect(r.diagnostics[0].message).toBe('features.0: unknown layer kind "Conv2D" (layers[0]). Did you mean "Conv2d"?');
    expect(r.diagnostics[0].jsonPath).toEqual(['layers', 0, 'kind']);
    expect(r.diagnostics[0].fix).toContain('MaxPool2d');
  });

  it('wrong types name the field, the layer and the JSON path', () => {
    const r = parseNetwork(net([{ path: 'c1', kind: 'Conv2d', in_channels: '1', out_channels: 6, kernel_size: 5 }]));
    expect(r.diagnostics[0].message).toBe('c1 Conv2d: in_channels must be a number, got "1" (layers[0]).');
    expect(r.diagnostics[0].jsonPath).toEqual(['layers', 0, 'in_channels']);
  });

  it('negative and zero sizes', () => {
    const r = parseNetwork(net([{ path: 'c1', kind: 'Conv2d', in_channels: 1, out_channels: 0, kernel_size: [5, -1] }]));
    const msgs = r.diagnostics.map((d) => d.message);
    expect(msgs).toContain('c1 Conv2d: out_channels must be at least 1, got 0 (layers[0]).');
    expect(msgs).toContain('c1 Conv2d: kernel_size[1] must be at least 1, got -1 (layers[0]).');
    expect(parseNetwork(JSON.stringify({ name: 't', input: [1, 0, 28], layers: [{ path: 'r', kind: 'ReLU' }] })).diagnostics[0].message).toBe('input[1]: must be at least 1, got 0.');
  });

  it('a misspelt field is named with the right spelling', () => {
    const r = parseNetwork(net([{ path: 'c1', kind: 'Conv2d', in_channels: 1, out_channels: 6, kernal_size: 5 }]));
    const msgs = r.diagnostics.map((d) => d.message + ' ' + (d.fix ?? ''));
    expect(msgs.some((m) => m.includes('unknown field "kernal_size"') && m.includes('Did you mean "kernel_size"?'))).toBe(true);
    expect(msgs).toContain('c1 Conv2d: kernel_size is required: it must be an integer or a [height, width] pair of integers (layers[0]). ');
  });

  it('absurd sizes are refused by the schema', () => {
    const r = parseNetwork(net([{ path: 'fc', kind: 'Linear', in_features: 1e300, out_features: 10 }]));
    expect(r.diagnostics[0].message).toMatch(/^fc Linear: in_features must be at most 2147483647/);
  });

  it('a very large file is refused before parsing, with its size', () => {
    const big = ' '.repeat(MAX_JSON_BYTES + 1);
    const r = parseNetwork(big);
    expect(r.diagnostics[0].message).toMatch(/The file is 16\.0 MiB; cnn-graph reads networks of up to 16 MiB\./);
  });

  it('missing top-level fields', () => {
    const msgs = parseNetwork('{"layers": []}').diagnostics.map((d) => d.message);
    expect(msgs).toContain('name: is required (string).');
    expect(msgs).toContain('input: is required (tuple).');
    expect(msgs).toContain('layers: must list at least one layer, got [].');
  });
});
