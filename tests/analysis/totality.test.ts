/**
 * analyze() is total: whatever a JavaScript caller hands it (a graph object
 * with wrongly typed fields, not a graph at all), it returns an analysis whose
 * diagnostics say what is wrong and where; it never throws. Graphs that are
 * right (every zoo network, also as untrusted plain copies) get no error.
 */
import fc from 'fast-check';
import type { ZodMiniType } from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analysis/analyze.js';
import { layerSchema } from '../../src/graph/schema.js';
import { LAYER_KINDS, type Graph, type LayerKind } from '../../src/graph/types.js';
import { ZOO_IDS, zooGraph } from '../../src/zoo/index.js';

/** Networks small enough to analyse hundreds of times per property. */
const SMALL = ['lenet5', 'alexnet-d2l', 'nin', 'googlenet-mini', 'resnet-mini', 'googlenet-paper'] as const;
const graphs = Object.fromEntries(SMALL.map((id) => [id, zooGraph(id)!])) as Record<(typeof SMALL)[number], Graph>;

const TOP_KEYS = ['name', 'input', 'layers', 'modules', 'output', 'aux', 'title'] as const;
/** Left out, these mean what the JSON format's defaults say; the others are required. */
const OPTIONAL_TOP = new Set(['modules', 'output', 'aux', 'title']);

/** Keys that collide with Object.prototype, mixed into every generated object. */
const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'path', 'kind', 'inputs', 'layers', 'input'));
/** Any value, JSON-like or not: BigInt, boxed values, null-prototype objects, Maps, sparse arrays, prototype keys. */
const anyValue = fc.anything({ key, maxDepth: 3, withBigInt: true, withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withObjectString: true });
/** A value no field of a network accepts (no field takes a plain object). */
const wrongType = fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { minKeys: 1, maxKeys: 3 }));

/** Runs analyze and checks what holds for every value: no throw, no fallback, JSON-safe, messages that say something. */
function analyzeAnything(value: unknown, options?: unknown): Analysis {
  let a: Analysis | undefined;
  expect(() => (a = analyze(value as Graph, options as never))).not.toThrow();
  const analysis = a as Analysis;
  // 'internal' is the last-resort catch for values that throw when read; plain values never reach it.
  expect(analysis.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
  expect(() => JSON.stringify(analysis)).not.toThrow();
  for (const d of analysis.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(10);
  }
  for (const r of analysis.layers) expect(typeof r.path).toBe('string');
  expect(analysis.ok).toBe(!analysis.diagnostics.some((d) => d.severity === 'error'));
  return analysis;
}

const startsWith = (p: readonly (string | number)[] | undefined, prefix: readonly (string | number)[]) => !!p && prefix.every((k, i) => p[i] === k);

describe('any value as the graph', () => {
  it('never throws, and anything that is not a network is an error', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const a = analyzeAnything(value);
        expect(a.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('objects with network fields of random types: never throws, and an error says where', () => {
    const field = fc.oneof(anyValue, fc.array(fc.oneof(anyValue, fc.record({ path: anyValue, kind: fc.oneof(fc.constantFrom(...LAYER_KINDS), anyValue), inputs: anyValue }, { requiredKeys: [] })), { maxLength: 5 }));
    const graphLike = fc.record(Object.fromEntries(TOP_KEYS.map((k) => [k, field])) as Record<(typeof TOP_KEYS)[number], typeof field>, { requiredKeys: [] });
    fc.assert(
      fc.property(graphLike, fc.option(anyValue), (g, options) => {
        const a = analyzeAnything(g, options ?? undefined);
        if (!Array.isArray(g.layers)) expect(a.diagnostics.some((d) => startsWith(d.jsonPath, ['layers']))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

type Mutation =
  | { op: 'delete-top'; key: (typeof TOP_KEYS)[number] }
  | { op: 'set-top'; key: (typeof TOP_KEYS)[number]; value: unknown; wrong: boolean }
  | { op: 'delete-field'; layer: number; field: number }
  | { op: 'set-field'; layer: number; field: number; value: unknown; wrong: boolean }
  | { op: 'replace-layer'; layer: number; value: unknown }
  | { op: 'duplicate-layer'; layer: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-top' as const), key: fc.constantFrom(...TOP_KEYS) }),
  fc.record({ op: fc.constant('set-top' as const), key: fc.constantFrom(...TOP_KEYS), value: wrongType, wrong: fc.constant(true) }),
  fc.record({ op: fc.constant('set-top' as const), key: fc.constantFrom(...TOP_KEYS), value: anyValue, wrong: fc.constant(false) }),
  fc.record({ op: fc.constant('delete-field' as const), layer: fc.nat(), field: fc.nat() }),
  fc.record({ op: fc.constant('set-field' as const), layer: fc.nat(), field: fc.nat(), value: wrongType, wrong: fc.constant(true) }),
  fc.record({ op: fc.constant('set-field' as const), layer: fc.nat(), field: fc.nat(), value: anyValue, wrong: fc.constant(false) }),
  fc.record({ op: fc.constant('replace-layer' as const), layer: fc.nat(), value: anyValue }),
  fc.record({ op: fc.constant('duplicate-layer' as const), layer: fc.nat() }),
);

/** Whether leaving `field` out of a `kind` layer is an error, as the format's schema says. */
function required(kind: unknown, field: string): boolean {
  if (field === 'path' || field === 'kind') return true;
  if (field === 'inputs' || typeof kind !== 'string' || !(LAYER_KINDS as readonly string[]).includes(kind)) return false;
  const schema = layerSchema(kind as LayerKind).shape[field] as ZodMiniType | undefined;
  return !!schema && !schema.safeParse(undefined).success;
}

/**
 * Apply a mutation to a copy (graphs and layers are immutable values; the
 * untouched layers stay the zoo's own objects). Returns the mutated graph and,
 * when the mutation certainly breaks the network, where an error must point.
 */
function mutate(g: Graph, m: Mutation): { graph: Record<string, unknown>; errorAt: (string | number)[] | null } {
  const graph: Record<string, unknown> = { ...g, layers: [...g.layers] };
  const layers = graph.layers as unknown[];
  const i = 'layer' in m ? m.layer % layers.length : 0;
  const layer = { ...(layers[i] as unknown as Record<string, unknown>) };
  const fields = Object.keys(layer);
  const f = 'field' in m ? fields[m.field % fields.length] : '';
  switch (m.op) {
    case 'delete-top':
      delete graph[m.key];
      return { graph, errorAt: OPTIONAL_TOP.has(m.key) ? null : [m.key] };
    case 'set-top':
      graph[m.key] = m.value;
      return { graph, errorAt: m.wrong ? [m.key] : null };
    case 'delete-field':
      delete layer[f];
      layers[i] = layer;
      return { graph, errorAt: required(layer.kind, f) ? ['layers', i, f] : null };
    case 'set-field':
      layer[f] = m.value;
      layers[i] = layer;
      return { graph, errorAt: m.wrong ? ['layers', i, f] : null };
    case 'replace-layer': {
      layers[i] = m.value;
      const plain = m.value !== null && typeof m.value === 'object' && !Array.isArray(m.value);
      return { graph, errorAt: plain ? null : ['layers', i] };
    }
    case 'duplicate-layer':
      layers.splice(i + 1, 0, layer);
      return { graph, errorAt: ['layers', i + 1, 'path'] };
  }
}

describe('mutations of zoo networks', () => {
  it('never throw; a mutation that breaks the network gives an error pointing at it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), fc.array(mutation, { minLength: 1, maxLength: 3 }), (id, ms) => {
        let graph: Record<string, unknown> = graphs[id] as unknown as Record<string, unknown>;
        let errorAt: (string | number)[] | null = null;
        for (const [n, m] of ms.entries()) {
          // Checking where the error points only makes sense for the first mutation
          // (a later one may delete what it broke, or move the layers).
          const step = mutate(graph as unknown as Graph, m);
          graph = step.graph;
          if (n === 0) errorAt = step.errorAt;
          if (!Array.isArray(graph.layers) || graph.layers.length === 0) break;
        }
        const a = analyzeAnything(graph);
        if (errorAt && ms.length === 1) {
          expect(a.ok).toBe(false);
          const at = errorAt;
          expect(a.diagnostics.filter((d) => d.severity === 'error' && startsWith(d.jsonPath, at)), JSON.stringify(a.diagnostics.map((d) => [d.jsonPath, d.message]))).not.toEqual([]);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('and with an input override of any value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SMALL), mutation, fc.oneof(anyValue, fc.tuple(fc.integer(), fc.integer(), fc.integer())), fc.constantFrom('default', 'fvcore', 'bogus', undefined), (id, m, input, convention) => {
        const a = analyzeAnything(mutate(graphs[id], m).graph, { input, convention });
        if (convention === 'bogus') expect(a.diagnostics.some((d) => d.code === 'convention')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unmutated zoo networks have no error', () => {
  it.each(ZOO_IDS)('%s: as built, as a shallow copy, and as an untrusted plain-data clone, with the same results', (id) => {
    const g = zooGraph(id)!;
    const trusted = analyze(g);
    expect(trusted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const copy of [{ ...g }, JSON.parse(JSON.stringify(g)) as Graph, structuredClone(g)]) {
      const a = analyze(copy);
      expect(a.diagnostics).toEqual(trusted.diagnostics);
      expect(a.totals).toEqual(trusted.totals);
      expect(a.layers.map((l) => l.outputShape)).toEqual(trusted.layers.map((l) => l.outputShape));
    }
  });
});

describe('values the fuzzers might miss, each with its message', () => {
  const lenet = graphs.lenet5;
  const msgs = (v: unknown) => analyzeAnything(v).diagnostics.map((d) => d.message);

  it('not an object', () => {
    expect(msgs(null)).toEqual(['a network must be an object with "name", "input" and "layers", got null.']);
    expect(msgs([lenet])).toEqual(['a network must be an object with "name", "input" and "layers", got a list.']);
    expect(msgs(42n)).toEqual(['a network must be an object with "name", "input" and "layers", got 42n.']);
  });

  it('missing and wrongly typed top-level fields, named like JSON paths', () => {
    const { layers: _l, ...noLayers } = lenet;
    expect(msgs(noLayers)).toContain('layers: is required (array).');
    expect(msgs({ ...lenet, modules: [{ path: 'net', type: 5 }] })).toEqual(['modules[0].type: must be a string, got 5.']);
    expect(msgs({ ...lenet, aux: 'none' })).toEqual(['aux: must be a list, got "none".']);
    expect(msgs({ ...lenet, input: [1, 28] })).toEqual(['input: the input shape must be three positive integers C×H×W, got [1,28].']);
    expect(msgs({ ...lenet, input: null })[0]).toMatch(/^input: .*got null\./);
  });

  it('left-out output, modules, aux and inputs mean what they mean in the JSON format', () => {
    const { output: _o, modules: _m, aux: _a, ...bare } = lenet;
    const layers = lenet.layers.map(({ inputs: _i, ...rest }) => rest);
    const a = analyzeAnything({ ...bare, layers });
    expect(a.ok).toBe(true);
    expect(a.output).toEqual(analyze(lenet).output);
    expect(a.totals).toEqual(analyze(lenet).totals);
  });

  it('a layer argument of the wrong type names the layer, the field and the fix', () => {
    const layers = lenet.layers.map((l, i) => (i === 0 ? { ...l, kernel_size: null } : l));
    const a = analyzeAnything({ ...lenet, layers });
    expect(a.diagnostics).toHaveLength(1);
    expect(a.diagnostics[0]).toMatchObject({ path: 'net.0', kind: 'Conv2d', jsonPath: ['layers', 0, 'kernel_size'], fix: "Check the layer's arguments against PyTorch's signature." });
    expect(a.diagnostics[0].message).toBe('net.0 Conv2d: kernel_size must be an integer or a [height, width] pair of integers, got null.');
    // The layer is marked, the ones after it skipped; its parameters are unknown, not invented.
    expect(a.layers[0]).toMatchObject({ status: 'error', params: 0, outputShape: null });
    expect(a.layers[1].status).toBe('skipped');
  });

  it('layers that are not objects, paths that are not strings, unknown kinds', () => {
    const at = (i: number, v: unknown) => ({ ...lenet, layers: lenet.layers.map((l, j) => (j === i ? v : l)) });
    // A layer without a path cannot be read by the one after it: that is said too.
    expect(msgs(at(3, null))).toEqual(['layers[3]: a layer must be an object with "path" and "kind", got null.', 'net.4 Tanh: reads "net.3", which is not a layer of this network.']);
    expect(msgs(at(2, { ...lenet.layers[2], path: 7 }))[0]).toBe('layers[2] AvgPool2d: path must be a string, got 7.');
    expect(msgs(at(2, { ...lenet.layers[2], kind: 'avgpool2d' }))).toEqual(['net.2 avgpool2d: unknown layer kind "avgpool2d". Did you mean "AvgPool2d"?']);
    expect(msgs(at(2, { ...lenet.layers[2], kind: ['AvgPool2d'] }))).toEqual(['net.2: unknown layer kind ["AvgPool2d"].']);
    expect(msgs(at(2, { ...lenet.layers[2], inputs: 'net.1' }))).toEqual(['net.2 AvgPool2d: inputs must be a list, got "net.1".']);
  });

  it('prototype keys as paths and kinds, null-prototype layers, duplicate paths, cycles', () => {
    const l = lenet.layers;
    const proto = { ...lenet, layers: [{ ...l[0], path: '__proto__' }, { ...l[1], inputs: ['__proto__'] }, ...l.slice(2)], modules: [] };
    expect(analyzeAnything(proto).ok).toBe(true);
    const noProto = Object.assign(Object.create(null), l[0]);
    expect(analyzeAnything({ ...lenet, layers: [noProto, ...l.slice(1)] }).ok).toBe(true);
    expect(msgs({ ...lenet, layers: [{ ...l[0], kind: 'constructor' }, ...l.slice(1)] })).toEqual(['net.0 constructor: unknown layer kind "constructor".']);
    expect(msgs({ ...lenet, layers: [l[0], l[1], { ...l[1] }, ...l.slice(2)] })).toEqual(['net.1 Tanh: the path "net.1" is used by layers 1 and 2.']);
    const cycle = msgs({ ...lenet, layers: [{ ...l[0], inputs: ['net.1'] }, { ...l[1], inputs: ['net.0'] }, ...l.slice(2)] });
    // The forward reference closes a cycle: one error naming both layers, instead of "listed after it".
    expect(cycle).toEqual(['net.0 Conv2d: is part of a cycle: "net.0" → "net.1" → "net.0" (each layer reads the next), so none of them can run first.']);
  });

  it('objects that contain themselves, and BigInt values, are shown without throwing', () => {
    const self: Record<string, unknown> = { path: 'net.0', kind: 'Conv2d' };
    self.in_channels = self;
    const a = analyzeAnything({ ...lenet, layers: [self, ...lenet.layers.slice(1)] });
    expect(a.diagnostics.map((d) => d.message)).toContain('net.0 Conv2d: in_channels must be a number, got an object that contains itself.');
    expect(msgs({ ...lenet, name: 3n })).toEqual(['name: must be a string, got 3n.']);
  });

  it('a value that throws when read is reported, not thrown', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('no reading'); } });
    const a = analyze(trap as Graph);
    expect(a.ok).toBe(false);
    expect(a.diagnostics.map((d) => d.message)).toEqual(['the network could not be read: no reading.']);
  });
});

describe('module input shapes follow the input analysed', () => {
  it('an input override reaches a module fed by the network input', () => {
    const g = zooGraph('lenet5')!;
    const net = (a: Analysis) => a.modules.find((m) => m.path === 'net')!;
    expect(net(analyze(g)).inputShape).toEqual([1, 28, 28]);
    const a = analyze(g, { input: [1, 32, 32] });
    expect(net(a).inputShape).toEqual([1, 32, 32]);
    expect(a.layers[0].inputShapes[0]).toEqual(net(a).inputShape);
  });

  it('the stem of torchvision GoogLeNet at 3×160×160; none when the override is unusable', () => {
    const g = zooGraph('torchvision-googlenet')!;
    const fed = (a: Analysis) => a.modules.filter((m) => a.layers.some((l) => l.inputs.includes('input') && m.layers.includes(l.path)));
    const a = analyze(g, { input: [3, 160, 160] });
    expect(fed(a).length).toBeGreaterThan(0);
    for (const m of fed(a)) if (m.inputShape) expect(m.inputShape).toEqual([3, 160, 160]);
    const bad = analyze(g, { input: [3, 0, 160] });
    for (const m of fed(bad)) expect(m.inputShape).toBeNull();
  });
});
