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
import { takesInt, type KindPytorch, type PyParam, type PyReading } from '../../src/kinds/pytorch-spec.js';
import { readPython } from '../../src/import/python/index.js';
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

// ---------------------------------------------------------------- reading PyTorch source

interface SigParam {
  name: string;
  kind: 'positional' | 'keyword' | 'varargs' | 'kwargs';
  type: 'int' | 'float' | 'tensor' | 'other';
  default?: unknown;
}
interface Signature {
  missing?: true;
  method?: boolean;
  source?: string;
  overloads?: SigParam[][];
}
/** PyTorch's own signatures, by tests/fixtures/pytorch/make_signatures.py. */
const SIGNATURES = (JSON.parse(readFileSync(join(FIXTURES, 'signatures.json'), 'utf8')) as { signatures: Record<string, Signature> }).signatures;

const readingsOf = (k: LayerKind): PyReading[] => {
  const r = KIND_PYTORCH[k].reads as { module?: PyReading; calls?: readonly PyReading[] } | undefined;
  return [...(r?.module ? [r.module] : []), ...(r?.calls ?? [])];
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const shown = (p: { name: string; default?: unknown }) => (p.default === undefined ? p.name : `${p.name}=${JSON.stringify(p.default)}`);

/**
 * Why a reading's parameters are not PyTorch's overload, or null when they
 * are: the same positional parameters in the same order with the same names
 * and defaults (a `*args` of PyTorch is a `rest` parameter, whose name Python
 * code cannot write), the same keyword-only ones, and an int where PyTorch
 * takes only ints. A Tensor method's receiver (and `a` of `a + b`) is the
 * reading's first tensor. PyTorch's keyword-only `out=` (writing into a given
 * tensor, which a network does not do) may be left out: the reader then
 * refuses it as an unknown argument.
 */
function disagreement(params: readonly PyParam[], sig: readonly SigParam[], method: boolean): string | null {
  let ours = [...params];
  if (method) {
    if (!ours[0]?.tensor) return 'a method reads its receiver first, as a tensor';
    ours = ours.slice(1);
  }
  const theirs = sig.filter((p) => p.kind !== 'kwargs' && !(p.kind === 'keyword' && p.name === 'out'));
  const ourPos = ours.filter((p) => !p.keyword);
  const theirPos = theirs.filter((p) => p.kind !== 'keyword');
  const order = `ours (${ourPos.map(shown).join(', ')}), PyTorch's (${theirPos.map((p) => (p.kind === 'varargs' ? '*' : '') + shown(p)).join(', ')})`;
  if (ourPos.length !== theirPos.length) return `positional parameters differ: ${order}`;
  const pairs: [PyParam, SigParam][] = ourPos.map((p, i) => [p, theirPos[i]]);
  for (const [p, q] of pairs) {
    if ((q.kind === 'varargs') !== !!p.rest) return `${p.name}: ${q.kind === 'varargs' ? `PyTorch takes *${q.name}` : 'PyTorch takes one argument, not *args'}; ${order}`;
    if (q.kind !== 'varargs' && p.name !== q.name) return `positional order or names differ at ${p.name}: ${order}`;
  }
  const ourKw = ours.filter((p) => p.keyword);
  const theirKw = theirs.filter((p) => p.kind === 'keyword');
  if (!same(ourKw.map((p) => p.name).sort(), theirKw.map((p) => p.name).sort())) return `keyword-only parameters differ: ours (${ourKw.map(shown).join(', ')}), PyTorch's (${theirKw.map(shown).join(', ')})`;
  for (const p of ourKw) pairs.push([p, theirKw.find((q) => q.name === p.name) as SigParam]);
  for (const [p, q] of pairs) {
    if (q.kind !== 'varargs' && !same(p.default, q.default)) return `${p.name}: default ${JSON.stringify(p.default) ?? '(none, required)'}, PyTorch's ${JSON.stringify(q.default) ?? '(none, required)'}`;
    // Only where the value reaches the layer: a tensor, an ignored or a fixed argument is not read as a number.
    if (p.tensor || p.ignored || p.fixed || (q.type !== 'int' && q.type !== 'float')) continue;
    if (takesInt(p) !== (q.type === 'int')) return `${p.name}: PyTorch takes ${q.type === 'int' ? 'only ints' : 'floats'} there, the reading ${takesInt(p) ? 'only ints' : 'floats'} (mark it ${q.type === 'int' ? 'int: true' : 'float: true'})`;
  }
  return null;
}

describe("every kind reads PyTorch source as PyTorch's own signatures say", () => {
  it('the signature fixture covers every name a reading answers to, and PyTorch has each of them', () => {
    for (const k of LAYER_KINDS) {
      for (const r of readingsOf(k)) {
        for (const n of r.names) {
          expect(SIGNATURES[n], `${k}: ${n} is not in signatures.json; add it to NAMES in tests/fixtures/pytorch/make_signatures.py and run it`).toBeDefined();
          expect(SIGNATURES[n].missing, `${k}: PyTorch ${process.env.npm_package_version ? '' : '1.13'} has no ${n}`).toBeUndefined();
        }
      }
    }
  });

  it.each([...LAYER_KINDS])("%s: each reading's parameters are PyTorch's, in order, with its defaults and its ints", (k) => {
    const rs = readingsOf(k);
    if (!rs.length) return;
    for (const r of rs) {
      for (const n of r.names) {
        const sig = SIGNATURES[n];
        if (!sig?.overloads) continue; // the test above names it
        const why = sig.overloads.map((o) => disagreement(r.params, o, !!sig.method));
        if (why.includes(null)) continue;
        throw new Error(`${k}: ${n} (${sig.source}) disagrees with PyTorch: ${why.join(' | or | ')}`);
      }
    }
  });

  it('a planted wrong default is caught (the check can fail)', () => {
    const conv = readingsOf('Conv2d')[0];
    const sig = SIGNATURES['torch.nn.Conv2d'].overloads?.[0] as SigParam[];
    expect(disagreement(conv.params, sig, false)).toBeNull();
    const wrong = conv.params.map((p) => (p.name === 'padding' ? { ...p, default: 1 } : p));
    expect(disagreement(wrong, sig, false)).toMatch(/padding: default 1, PyTorch's 0/);
    const swapped = conv.params.map((p, i, all) => (p.name === 'dilation' ? all[i + 1] : p.name === 'groups' ? all[i - 1] : p));
    expect(disagreement(swapped, sig, false)).toMatch(/positional order/);
    const floaty = conv.params.map((p) => (p.name === 'in_channels' ? { name: 'in_channels' } : p));
    expect(disagreement(floaty, sig, false)).toMatch(/in_channels: PyTorch takes only ints/);
  });
});

/** Python source for one single-layer PyTorch case, written with the kind's own export text, and the line the layer is on. */
function caseSource(c: Case): { text: string; line: number } {
  const k = c.kind as LayerKind;
  const facet = KIND_PYTORCH[k] as KindPytorch;
  const layer = { ...layerOf(c), path: 'x' } as Layer;
  const first = c.inputs[0] ?? [1, 1, 1];
  const vector = first.length === 1;
  const inputShape = vector ? [first[0], 1, 1] : first;
  if (inputShape.length !== 3) throw new Error(`${c.id}: a first input of ${first.length} dimensions; the test writes C×H×W or vector inputs`);
  // Further inputs of another shape are constants of that shape (a Parameter has no batch, as PyTorch's broadcasting of a gate [16, 1, 1] does not need one).
  const init: string[] = [];
  const args = c.inputs.map((s, i) => {
    if (i === 0 || same(s, first)) return 'x';
    init.push(`        self.p${i} = nn.Parameter(torch.ones(${s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`}))`);
    return `self.p${i}`;
  });
  const forward = [...(vector ? ['        x = torch.flatten(x, 1)'] : [])];
  let line: string;
  const asModule = facet.module && !(KIND_CONFIGS[k].functional && facet.call);
  if (asModule) {
    line = `        self.x = ${(facet.module as (l: Layer) => string)(layer)}`;
    forward.push(`        return self.x(${args.join(', ')})`);
  } else {
    line = `        return ${(facet.call as (l: Layer, i: readonly string[]) => string)(layer, args)}`;
    forward.push(line);
  }
  const head = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', 'import torchvision', `# input: ${inputShape.join('x')}`, '', '', 'class Net(nn.Module):', '    def __init__(self):', '        super().__init__()', ...init];
  const lines = [...head, ...(asModule ? [line] : []), '', '    def forward(self, x):', ...forward, ''];
  return { text: lines.join('\n'), line: lines.indexOf(line) + 1 };
}

const KINDS_CASES = (JSON.parse(readFileSync(join(FIXTURES, 'kinds.json'), 'utf8')) as { cases: Case[] }).cases;

describe('every single-layer PyTorch case reads back from PyTorch source (kinds.json)', () => {
  it('the fixture has its 193 cases, 49 of them refused by PyTorch', () => {
    expect(KINDS_CASES.length).toBe(193);
    expect(KINDS_CASES.filter((c) => c.error).length).toBe(49);
  });

  it.each(KINDS_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { text, line } = caseSource(c);
    const read = readPython(text);
    const errors = read.diagnostics.filter((d) => d.severity === 'error');
    const refusedByPytorch = !!c.error || !!c.batchDependent;
    if (errors.length) {
      // The reader refused it: at the layer's line, and only where PyTorch refuses it too.
      expect(refusedByPytorch, `${c.id}: PyTorch accepts it, the reader says ${errors[0].message}\n${text}`).toBe(true);
      expect(errors[0].loc?.line, `${c.id}: ${errors[0].message}`).toBe(line);
      return;
    }
    const graph = read.graph as Graph;
    // The network's output is the case's layer (x.chunk(...)[i] makes every piece; the one returned is the case's).
    const got = graph.layers.filter((l) => l.path === graph.output);
    expect(got[0]?.kind, `${c.id}: the output is a ${c.kind}\n${text}`).toBe(c.kind);
    const analysis = analyze(graph);
    const rec = analysis.layers.find((r) => r.path === got[0].path);
    if (refusedByPytorch) {
      // The analysis refuses it, naming the layer.
      expect(rec?.status, `${c.id}: PyTorch says "${c.error ?? 'its shape depends on the batch'}"\n${text}`).toBe('error');
      expect(analysis.diagnostics.some((d) => d.severity === 'error' && d.path === got[0].path), c.id).toBe(true);
      return;
    }
    // The same config as the case: every field equal, or left out where it is PyTorch's default (the export writes nothing for it).
    // `functional` says how the source wrote it (a function or a module), not what the layer computes.
    const { path: _p, kind: _k, inputs: _i, functional: _f, ...config } = got[0] as unknown as Record<string, unknown>;
    const facet = KIND_PYTORCH[c.kind as LayerKind] as KindPytorch;
    const text0 = caseSource(c).text;
    for (const [key, v] of Object.entries(c.config)) {
      if (key in config) expect(config[key], `${c.id}: ${key}`).toEqual(v);
      else {
        const without = { ...c, config: Object.fromEntries(Object.entries(c.config).filter(([x]) => x !== key)) };
        expect(caseSource(without).text, `${c.id}: ${key}=${JSON.stringify(v)} was lost in reading`).toBe(text0);
      }
    }
    for (const key of Object.keys(config)) expect(key in c.config, `${c.id}: the reader added ${key}=${JSON.stringify(config[key])}`).toBe(true);
    expect(rec?.status, c.id).toBe('ok');
    expect(rec?.outputShape, c.id).toEqual(c.output);
    expect(rec?.params, c.id).toBe(c.params);
  });
});
