/**
 * The contract every layer kind fulfils (src/kinds/<kind>/): walks the
 * registries and checks that each kind has its three facets under its own
 * name, speaks English and Chinese, is checked against a PyTorch fixture
 * (and its analysis agrees with PyTorch there), and either compiles to tfjs
 * or says why it cannot be trained. A new kind that misses any of it fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { CONVENTIONS } from '../../src/analysis/conventions.js';
import { layerSchema } from '../../src/graph/schema.js';
import type { Graph, Layer, LayerKind, Shape } from '../../src/graph/types.js';
import { checkStructure } from '../../src/graph/validate.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';
import { KIND_CONFIGS, LAYER_KINDS } from '../../src/kinds/config.js';
import { KIND_TFJS } from '../../src/kinds/tfjs.js';
import { KIND_PYTORCH } from '../../src/kinds/pytorch.js';
import { KIND_ONNX } from '../../src/kinds/onnx.js';
import { colorKey } from '../../src/render/theme.js';
import { compileGraph } from '../../src/train/compile.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/pytorch');

interface Case {
  id: string;
  kind: string;
  config: Record<string, unknown>;
  inputs: number[][];
  output?: number[];
  params?: number;
  buffers?: number;
  macs?: number;
  error?: string;
  /** PyTorch accepts it, but the per-sample shape differs at batch 2 (a Permute that moves the batch): cnn-graph refuses it. */
  batchDependent?: boolean;
}

/** Every fixture file's layer kinds: whole networks (`layers`) and single-layer cases (`cases`). */
function fixtureKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { layers?: { kind: string }[]; cases?: { kind: string }[] };
    for (const l of [...(doc.layers ?? []), ...(doc.cases ?? [])]) kinds.add(l.kind);
  }
  return kinds;
}

/** Single-layer PyTorch cases of every fixture in that format (base-kinds.json, and any other whose cases list `inputs`). */
const CASES: Case[] = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { cases?: Case[] }).cases ?? [])
  .filter((c) => Array.isArray(c.inputs));
const casesOf = (kind: string) => CASES.filter((c) => c.kind === kind);
const layerOf = (c: Case): Layer => ({ path: 'x', ...c.config, kind: c.kind, inputs: c.inputs.map((_, i) => `in${i}`) }) as unknown as Layer;
const product = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const CHINESE = /[\u4e00-\u9fff]/;

describe('every layer kind has its folder and every facet', () => {
  it('the four registries list the same kinds, each facet under its own name', () => {
    expect(LAYER_KINDS.length).toBeGreaterThan(0);
    expect(Object.keys(KIND_ANALYSES)).toEqual([...LAYER_KINDS]);
    expect(Object.keys(KIND_TFJS)).toEqual([...LAYER_KINDS]);
    expect(Object.keys(KIND_PYTORCH)).toEqual([...LAYER_KINDS]);
    for (const k of LAYER_KINDS) {
      expect(KIND_CONFIGS[k].kind, `config of ${k}`).toBe(k);
      expect(KIND_ANALYSES[k].kind, `analysis of ${k}`).toBe(k);
      expect(KIND_TFJS[k].kind, `tfjs of ${k}`).toBe(k);
      expect(KIND_PYTORCH[k].kind, `pytorch of ${k}`).toBe(k);
    }
  });

  it.each([...LAYER_KINDS])('%s: src/kinds/<kind>/ holds config.ts, analysis.ts, tfjs.ts and pytorch.ts', (k) => {
    const dir = join(import.meta.dirname, '../../src/kinds', k.toLowerCase());
    for (const f of ['config.ts', 'analysis.ts', 'tfjs.ts', 'pytorch.ts']) expect(existsSync(join(dir, f)), `${dir}/${f}`).toBe(true);
  });

  it.each([...LAYER_KINDS])('%s: is written in PyTorch: a module where PyTorch runs it as one, a function where it runs it as one', (k) => {
    const facet = KIND_PYTORCH[k];
    // tests/export/pytorch.test.ts runs what these write in PyTorch.
    if (KIND_CONFIGS[k].functional && !facet.read) expect(facet.call, `${k}: its default is a function, so it needs call()`).toBeTypeOf('function');
    else expect(facet.module, `${k}: its default is a module, so it needs module()`).toBeTypeOf('function');
  });

  it.each([...LAYER_KINDS])('%s: its schema accepts its own kind and nothing else', (k) => {
    const schema = layerSchema(k);
    expect(schema.safeParse({ path: 'x', kind: k, ...casesOf(k).find((c) => !c.error)?.config }).success).toBe(true);
    const other = LAYER_KINDS.find((o) => o !== k) as LayerKind;
    expect(schema.safeParse({ path: 'x', kind: other }).success).toBe(false);
  });
});

describe('every layer kind says how ONNX writes it', () => {
  it('the ONNX registry lists every kind, each facet under its own name', () => {
    expect(Object.keys(KIND_ONNX)).toEqual([...LAYER_KINDS]);
    for (const k of LAYER_KINDS) expect(KIND_ONNX[k].kind, `onnx of ${k}`).toBe(k);
  });

  it.each([...LAYER_KINDS])('%s: src/kinds/<kind>/onnx.ts names the operators that become it, or says why none does', (k) => {
    expect(existsSync(join(import.meta.dirname, '../../src/kinds', k.toLowerCase(), 'onnx.ts'))).toBe(true);
    const facet = KIND_ONNX[k];
    const ops = Object.keys(facet.ops);
    if (ops.length === 0) expect(facet.none, `${k} reads no operator: its facet must say why`).toMatch(/\w{3,}.*\./);
    else expect(facet.none, `${k} reads ${ops.join(', ')}, and also says it reads none`).toBeUndefined();
    for (const op of ops) expect(op, `${k}: ONNX operator names are CamelCase`).toMatch(/^[A-Z][A-Za-z]+$/);
  });
});

describe('every layer kind is checked against PyTorch', () => {
  it.each([...LAYER_KINDS])('%s appears in a PyTorch fixture', (k) => {
    expect(fixtureKinds().has(k)).toBe(true);
  });

  it.each([...LAYER_KINDS])('%s: its analysis gives PyTorch\'s shape, parameters, buffers and MACs, and refuses what PyTorch refuses (single-layer fixtures, e.g. base-kinds.json)', (k) => {
    const cases = casesOf(k);
    expect(cases.some((c) => !c.error), 'a case PyTorch accepts').toBe(true);
    const spec = KIND_ANALYSES[k];
    for (const c of cases) {
      const layer = layerOf(c);
      const valid = layerSchema(k).safeParse(layer).success;
      const result = valid ? spec.outputShape(layer as never, c.inputs.map((shape) => ({ shape, from: 'in' }))) : null;
      if (c.error || c.batchDependent) {
        // Refused by the schema, or by the analysis with its words in both languages.
        expect(valid && result?.ok, `${c.id}: ${c.error ? `PyTorch says "${c.error}"` : 'its shape depends on the batch size'}`).toBeFalsy();
        if (result && !result.ok) expect(result.error.zh.message, c.id).toMatch(CHINESE);
        continue;
      }
      expect(valid, `${c.id}: schema`).toBe(true);
      if (!result?.ok) throw new Error(`${c.id}: ${result ? result.error.message : 'no result'}`);
      const output = result.shape as Shape;
      expect(output, c.id).toEqual(c.output);
      expect(spec.weights(layer as never).reduce((a, w) => a + product(w.shape), 0), `${c.id} params`).toBe(c.params);
      expect(spec.buffers(layer as never).reduce((a, w) => a + product(w.shape), 0), `${c.id} buffers`).toBe(c.buffers);
      expect(spec.macs(layer as never, c.inputs, output, 'default'), `${c.id} MACs`).toBe(c.macs);
    }
  });
});

describe('every layer kind speaks English and Chinese', () => {
  it.each([...LAYER_KINDS])('%s: its label on a Chinese page keeps PyTorch\'s notation and no English words in parentheses', (k) => {
    const spec = KIND_ANALYSES[k];
    for (const c of casesOf(k).filter((x) => !x.error)) {
      const en = spec.label(layerOf(c) as never);
      const zh = spec.labelZh(en);
      expect(en.startsWith(k), `${c.id}: ${en}`).toBe(true);
      expect(zh.startsWith(k), `${c.id}: ${zh}`).toBe(true);
      expect(zh, c.id).not.toMatch(/\([A-Za-z ]+\)/);
    }
  });
});

describe("what were special cases elsewhere are the kinds' own", () => {
  it('the global pooling and the channel concatenation say so in Chinese (their labelZh)', () => {
    expect(KIND_ANALYSES.AdaptiveAvgPool2d.labelZh('AdaptiveAvgPool2d → 1×1 (global)')).toBe('AdaptiveAvgPool2d → 1×1（全局）');
    expect(KIND_ANALYSES.Concat.labelZh('Concat (channels)')).toBe('Concat（通道）');
  });

  it('a layer given several inputs is told to join them first with the kinds whose arity is many, in both languages', () => {
    const issues = checkStructure({ name: 'n', input: [1, 4, 4], layers: [{ path: 'a', kind: 'ReLU', inputs: ['input'] }, { path: 'b', kind: 'ReLU', inputs: ['input', 'a'] }], modules: [], output: 'b', aux: [] } as Graph);
    const arity = issues.find((i) => i.code === 'arity');
    expect(arity?.fix).toBe('Join the inputs first with a Concat or Add layer.');
    expect(arity?.zh.fix).toBe('先用 Concat 或 Add 层把这些输入合并起来。');
  });

  it('in the picture a Concat and an Add have colours of their own (their config\'s colour), other kinds their category\'s', () => {
    expect(colorKey('Concat', 'merge')).toBe('concat');
    expect(colorKey('Add', 'merge')).toBe('add');
    expect(colorKey('Conv2d', 'conv')).toBe('conv');
    expect(colorKey('Dropout', 'dropout')).toBe('dropout');
  });

  it('torch.cat and x + y are functions in PyTorch: a Concat or Add is functional unless it says otherwise, a ReLU is not', () => {
    const graph = { name: 'n', input: [2, 4, 4], layers: [{ path: 'r', kind: 'ReLU', inputs: ['input'] }, { path: 'c', kind: 'Concat', inputs: ['input', 'r'] }, { path: 's', kind: 'Add', inputs: ['r', 'r'] }, { path: 'm', kind: 'Add', inputs: ['r', 'r'], functional: false }], modules: [], output: 'c', aux: [] } as unknown as Graph;
    expect(analyze(graph).layers.map((r) => [r.path, r.functional])).toEqual([['r', false], ['c', true], ['s', true], ['m', false]]);
  });

  it('what the MAC conventions count is said with the kinds\' macWords', () => {
    expect(CONVENTIONS.torchinfo.description).toBe("torchinfo's Mult-Adds: every parameter (bias included) times the output positions for convolutions, the parameter count for other layers with parameters (Linear, BatchNorm2d, LayerNorm, LayerNorm2d)");
    expect(CONVENTIONS.fvcore.description).toBe("fvcore's counts (one per multiply-add): convolutions and linear layers bias excluded, plus BatchNorm2d at inference (1 per element, 2 with affine), LayerNorm (5 per element with affine, 4 without), LayerNorm2d (the same), adaptive average pooling (1 per input element) and upsampling (nearest 1 and bilinear 4 per output element, area 1 per input element)");
  });
});

/** A one-layer network for a PyTorch case whose inputs are all the same shape (a vector comes through a Flatten; a layer that reads nothing gets a 1×1×1 input it ignores). */
function oneLayerGraph(c: Case): Graph {
  const shape = c.inputs[0] ?? [1, 1, 1];
  const vector = shape.length === 1;
  const from = vector ? 'flat' : 'input';
  const layers = [...(vector ? [{ path: 'flat', kind: 'Flatten', inputs: ['input'] }] : []), { ...layerOf(c), inputs: c.inputs.map(() => from) }] as Layer[];
  return { name: `one-${c.id}`, input: (vector ? [shape[0], 1, 1] : shape) as [number, number, number], layers, modules: [], output: 'x', aux: [] };
}

describe('every layer kind trains, or says why not', () => {
  it.each([...LAYER_KINDS])('%s: compiles to tfjs, agreeing with the analysis, or declares notTrainable with a reason', (k) => {
    const facet = KIND_TFJS[k];
    if ('notTrainable' in facet) {
      expect(facet.notTrainable.trim().length, k).toBeGreaterThan(10);
      return;
    }
    const c = casesOf(k).find((x) => !x.error && (x.inputs.length === 0 || (x.inputs.every((s) => s.join() === x.inputs[0].join()) && (x.inputs[0].length === 3 || x.inputs[0].length === 1))));
    if (!c) throw new Error(`${k}: a single-layer fixture needs a case PyTorch accepts with equal C×H×W or vector inputs`);
    const graph = oneLayerGraph(c);
    const rec = analyze(graph).layers.find((r) => r.path === 'x');
    expect(rec?.status, c.id).toBe('ok');
    // The config's defaults reach the record: functional (torch.cat, x + y) and category.
    expect(rec?.functional, c.id).toBe(KIND_CONFIGS[k].functional);
    expect(rec?.category, c.id).toBe(KIND_CONFIGS[k].category);
    // compileGraph checks every layer's tfjs shape and trainable parameters against the analysis.
    const compiled = compileGraph(graph, { init: 'zeros' });
    try {
      expect(compiled.layers.get('x')?.length, c.id).toBeGreaterThan(0);
    } finally {
      compiled.model.dispose();
    }
  });
});
