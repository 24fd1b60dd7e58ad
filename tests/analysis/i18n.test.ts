/**
 * Every diagnostic speaks Chinese too. The networks below are the bad inputs
 * of tests/analysis (diagnostics, totality) and tests/graph (json), plus the
 * failures those files do not reach, plus random breakage of zoo networks.
 * For each diagnostic produced: a `zh` message (and a `zh` fix wherever there
 * is an English fix) written in Chinese, carrying every number of the English
 * and the same layer path in front.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, diagnosticText, type Diagnostic } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { MAX_JSON_BYTES, parseNetwork } from '../../src/graph/json.js';
import { Add, AvgPool2d, Concat, Conv2d, Flatten, Linear, MaxPool2d, ReLU } from '../../src/kinds/constructors.js';
import { LAYER_KINDS, type Graph } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
import { MISWIRED_JSON } from './fixtures.js';

const CJK = /[\u3400-\u9fff]/;

/** Each run of digits with how often it occurs. */
function numbers(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of text.match(/\d+/g) ?? []) m.set(d, (m.get(d) ?? 0) + 1);
  return m;
}

/** The numbers of `en` that `zh` lacks (as many times as `en` has them), for a readable failure. */
function missingNumbers(en: string, zh: string): string[] {
  const have = numbers(zh);
  const out: string[] = [];
  for (const [d, n] of numbers(en)) if ((have.get(d) ?? 0) < n) out.push(d);
  return out;
}

const seen = new Map<string, Diagnostic>();

/** The checks every diagnostic must pass; returns it for further checks. */
function checkZh(d: Diagnostic): Diagnostic {
  const where = JSON.stringify({ code: d.code, message: d.message, fix: d.fix, zh: d.zh });
  expect(d.zh, where).toBeDefined();
  const zh = d.zh!;
  expect(zh.message, where).toMatch(CJK);
  expect(missingNumbers(d.message, zh.message), where).toEqual([]);
  if (d.fix) {
    expect(zh.fix, where).toMatch(CJK);
    expect(missingNumbers(d.fix, zh.fix!), where).toEqual([]);
  } else expect(zh.fix, where).toBeUndefined();
  // `features.3 Conv2d: …` reads `features.3 Conv2d：…`.
  const prefix = d.path && d.message.startsWith(`${d.path}${d.kind ? ' ' + d.kind : ''}: `) ? `${d.path}${d.kind ? ' ' + d.kind : ''}：` : null;
  if (prefix) expect(zh.message.startsWith(prefix), where).toBe(true);
  expect(diagnosticText(d, 'zh')).toEqual(zh);
  expect(diagnosticText(d, 'en')).toEqual(d.fix ? { message: d.message, fix: d.fix } : { message: d.message });
  seen.set(`${d.code} ${d.message.replace(/\d+/g, '#')}`, d);
  return d;
}

const all = (ds: readonly Diagnostic[]) => ds.map(checkZh);
const analysed = (g: unknown, options?: unknown) => all(analyze(g as Graph, options as never).diagnostics);
const parsed = (text: string) => all(parseNetwork(text).diagnostics);

/** A network as plain data (checked with the schemas, as from JavaScript). */
const net = (input: number[], layers: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({ name: 't', input, layers, modules: [], output: layers[layers.length - 1]?.path ?? '', aux: [], ...extra });
const seq = (input: number[], ...layers: Record<string, unknown>[]) => net(input, layers.map((l, i) => ({ path: `l${i}`, ...l })));
const json = (layers: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ name: 't', input: [1, 28, 28], layers, ...extra });

describe('the analysis\'s shape errors in Chinese', () => {
  it('channel mismatch: the notes\' network with in_channels wrong, word for word', () => {
    const b = new GraphBuilder('broken', [1, 28, 28]);
    const x = b.seq('features', [Conv2d(1, 20, 5), ReLU(), MaxPool2d(2), Conv2d(88, 20, 5), ReLU(), Flatten(), Linear(320, 10)], b.input);
    const [d] = analysed(b.build(x));
    expect(d.zh).toEqual({ message: 'features.3 Conv2d：需要 88 个输入通道，收到的却是 20 个（来自 features.2 MaxPool2d 20×12×12）。', fix: '设置 in_channels=20，或者检查它前面的那一层。' });
  });

  it('an input straight from the network input says 输入', () => {
    const [d] = analysed(seq([3, 8, 8], { kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3, inputs: ['input'] }));
    expect(d.zh?.message).toBe('l0 Conv2d：需要 1 个输入通道，收到的却是 3 个（来自 输入 3×8×8）。');
  });

  it('kernels, windows and padding', () => {
    const [k] = analysed(seq([1, 4, 4], { kind: 'Conv2d', in_channels: 1, out_channels: 6, kernel_size: 5 }));
    expect(k.zh?.message).toBe('l0 Conv2d：Conv2d 的卷积核在高方向上覆盖 5 个像素，但填充后的输入只有 4（4 + 填充 0）。输入为 1×4×4，来自 输入 1×4×4。');
    analysed(seq([1, 5, 5], { kind: 'Conv2d', in_channels: 1, out_channels: 6, kernel_size: 3, dilation: 3 }));
    analysed(seq([3, 2, 2], { kind: 'AvgPool2d', kernel_size: 3, stride: 2 }));
    const [p] = analysed(seq([3, 28, 28], { kind: 'MaxPool2d', kernel_size: 2, padding: 2 }));
    expect(p.zh?.message).toMatch(/高方向的填充 2 超过了窗口大小 2 的一半/);
    analysed(seq([6, 8, 8], { kind: 'Conv2d', in_channels: 6, out_channels: 9, kernel_size: 3, groups: 4 }));
    analysed(seq([3, 8, 8], { kind: 'Conv2d', in_channels: 3, out_channels: 4, kernel_size: 3, padding: 'same', stride: 2 }));
  });

  it('Linear, Flatten and feature-map ranks', () => {
    analysed(seq([16, 5, 5], { kind: 'Flatten' }, { kind: 'Linear', in_features: 120, out_features: 84 }));
    const [fits] = analysed(seq([16, 5, 5], { kind: 'Linear', in_features: 400, out_features: 84 }));
    expect(fits.zh?.fix).toBe('在它前面加一个 Flatten：16×5×5 拉平后正好是 400。');
    analysed(seq([16, 5, 5], { kind: 'Linear', in_features: 120, out_features: 84 }));
    const [warning] = analysed(seq([16, 5, 5], { kind: 'Linear', in_features: 5, out_features: 2 }));
    expect(warning.severity).toBe('warning');
    analysed(seq([16, 5, 5], { kind: 'Flatten' }, { kind: 'MaxPool2d', kernel_size: 2 }));
    analysed(seq([16, 5, 5], { kind: 'Flatten', start_dim: 2 }, { kind: 'Conv2d', in_channels: 16, out_channels: 4, kernel_size: 1 }));
    analysed(seq([16, 5, 5], { kind: 'Flatten' }, { kind: 'LocalResponseNorm', size: 5 }));
    analysed(seq([16, 5, 5], { kind: 'Flatten', start_dim: 5 }));
    analysed(seq([16, 5, 5], { kind: 'Flatten', start_dim: 0 }));
    analysed(seq([16, 5, 5], { kind: 'Flatten', start_dim: 3, end_dim: 2 }));
    analysed(seq([16, 5, 5], { kind: 'Softmax', dim: 5 }));
    analysed(seq([16, 5, 5], { kind: 'BatchNorm2d', num_features: 8 }));
  });

  it('branches that do not meet', () => {
    const b = new GraphBuilder('c', [8, 28, 28]);
    const p = b.layer('a', Conv2d(8, 16, 3, { padding: 1 }), b.input);
    const q = b.layer('b', Conv2d(8, 16, 5), b.input);
    const [cat] = analysed(b.build(b.fn('cat', Concat(), [p, q])));
    expect(cat.zh?.message).toBe('cat Concat：无法拼接 16×28×28（a Conv2d 16×28×28）、16×24×24（b Conv2d 16×24×24）：高和宽不一致。');
    const r = new GraphBuilder('r', [16, 28, 28]);
    const y = r.layer('conv', Conv2d(16, 32, 3, { padding: 1, stride: 2 }), r.input);
    const [add] = analysed(r.build(r.fn('add', Add(), [y, r.input])));
    expect(add.zh?.fix).toBe('用 1×1 卷积把捷径投影过去（16→32 个通道，步幅 2），让两条路径的形状一致。');
    const two = (l: Record<string, unknown>, conv: Record<string, unknown>) =>
      net([16, 8, 8], [{ path: 'a', kind: 'Conv2d', in_channels: 16, out_channels: 16, kernel_size: 1, inputs: ['input'] }, { path: 'b', ...conv, inputs: ['input'] }, { path: 'j', ...l, inputs: ['a', 'b'] }]);
    analysed(two({ kind: 'Add' }, { kind: 'Conv2d', in_channels: 16, out_channels: 16, kernel_size: 3 }));
    analysed(two({ kind: 'Concat', dim: 2 }, { kind: 'Conv2d', in_channels: 16, out_channels: 8, kernel_size: 1 }));
    analysed(two({ kind: 'Concat', dim: 5 }, { kind: 'Conv2d', in_channels: 16, out_channels: 8, kernel_size: 1 }));
    const several = new GraphBuilder('two', [3, 28, 28]);
    analysed(several.build(several.fn('cat', Concat(), [several.layer('a', Conv2d(4, 8, 3), several.input), several.layer('b', Conv2d(5, 8, 3), several.input)])));
  });

  it('sizes too large to count exactly keep their numbers', () => {
    const [out] = analysed(seq([3, 100000, 100000], { kind: 'Conv2d', in_channels: 3, out_channels: 2_000_000, kernel_size: 3 }));
    expect(out.zh?.message).toMatch(/^l0 Conv2d：输出 2000000×99998×99998 太大/);
    const macs = analysed(seq([100000, 1000, 1000], { kind: 'Conv2d', in_channels: 100000, out_channels: 100000, kernel_size: 100 }));
    expect(macs.map((d) => d.zh?.message)).toContainEqual(expect.stringMatching(/次乘加超出/));
    const params = analysed(seq([2_000_000_000, 1, 1], { kind: 'Flatten' }, { kind: 'Linear', in_features: 2_000_000_000, out_features: 2_000_000_000 }));
    expect(params.map((d) => d.zh?.message)).toContainEqual(expect.stringMatching(/个参数超出/));
  });

  it('options and values that are not a network', () => {
    const lenet = zooGraph('lenet5')!;
    analysed(lenet, { convention: 'bogus' });
    analysed(lenet, { input: [1, 28] });
    analysed({ ...lenet, input: null });
    for (const v of [null, [lenet], 42n, 'lenet5', undefined]) analysed(v);
    const trap = new Proxy({}, { get: () => { throw new Error('no reading'); } });
    expect(analysed(trap)[0].zh?.message).toBe('无法读取这个网络：no reading。');
  });
});

describe('structure and arguments in Chinese', () => {
  const lenet = zooGraph('lenet5')!;
  const l = lenet.layers;
  const at = (i: number, v: unknown) => ({ ...lenet, layers: l.map((x, j) => (j === i ? v : x)) });

  it('top-level fields of the wrong type or missing', () => {
    const { layers: _l, ...noLayers } = lenet;
    analysed(noLayers);
    analysed({ ...lenet, modules: [{ path: 'net', type: 5 }] });
    analysed({ ...lenet, aux: 'none' });
    analysed({ ...lenet, name: 3n });
    analysed({ ...lenet, name: '' });
    analysed({ ...lenet, layers: [] });
    const self: Record<string, unknown> = { path: 'net.0', kind: 'Conv2d' };
    self.in_channels = self;
    const [own] = analysed({ ...lenet, layers: [self, ...l.slice(1)] });
    expect(own.zh?.message).toBe('net.0 Conv2d：in_channels 必须是数字，收到的却是 一个包含自身的对象。');
  });

  it('layers that are not objects, unknown kinds, bad arguments', () => {
    const [notObject] = analysed(at(3, null));
    expect(notObject.zh?.message).toBe('layers[3]：一层必须是带有 "path" 和 "kind" 的对象，收到的却是 null。');
    analysed(at(3, [1, 2]));
    analysed(at(2, { ...l[2], path: 7 }));
    const [kind] = analysed(at(2, { ...l[2], kind: 'avgpool2d' }));
    expect(kind.zh?.message).toBe('net.2 avgpool2d：未知的层类型 "avgpool2d"。是不是 "AvgPool2d"？');
    analysed(at(2, { ...l[2], kind: ['AvgPool2d'] }));
    analysed(at(2, { path: 'net.2', inputs: ['net.1'] }));
    analysed(at(2, { ...l[2], inputs: 'net.1' }));
    for (const k of ['Bogus', 'constructor', 'toString', '__proto__']) analysed(at(1, { ...l[1], kind: k }));
    const [config] = analysed(at(0, { ...l[0], kernel_size: null }));
    expect(config.zh).toEqual({ message: 'net.0 Conv2d：kernel_size 必须是整数或 [高, 宽] 整数对，收到的却是 null。', fix: '请对照 PyTorch 的函数签名检查这一层的参数。' });
    const b = new GraphBuilder('js', [1, 28, 28]);
    const bad = analysed(b.build(b.layer('conv', { kind: 'Conv2d', in_channels: 1, out_channels: -3, kernel_size: 2.5 } as never, b.input)));
    expect(bad.map((d) => d.zh?.message)).toEqual(['conv Conv2d：out_channels 不能小于 1，收到的却是 -3。', 'conv Conv2d：kernel_size 必须是整数，收到的却是 2.5。']);
    analysed(at(0, { ...l[0], kernal_size: 5 }));
    analysed(at(0, { ...l[0], zzzzzzzz: 5 }));
    analysed(at(0, { ...l[0], padding: 'full' }));
    analysed(at(0, { ...l[0], path: '' }));
    analysed(at(0, { ...l[0], path: 'x'.repeat(600) }));
    analysed(at(1, { ...l[1], kind: 'Dropout', p: 2 }));
    analysed(at(1, { ...l[1], kind: 'BatchNorm2d', num_features: 6, eps: -1 }));
    analysed(at(1, { ...l[1], kind: 'BatchNorm2d', num_features: 6, momentum: Infinity }));
  });

  it('wiring: order, unknown inputs, duplicates, arity, output, aux, reserved and nested paths', () => {
    const text = MISWIRED_JSON;
    const ds = analysed(parseNetwork(text).graph!);
    expect(ds.map((d) => d.zh?.message)).toEqual([
      'a ReLU：读取的 "b" 排在它后面。',
      'b ReLU：读取的 "ghost" 不是这个网络里的层。',
      'b ReLU：路径 "b" 同时被 layers[1] 和 layers[2] 使用。',
      'sum Add：要合并两个或更多输入，这里只有 1 个。',
      'nope：输出 "nope" 不是这个网络里的层。',
    ]);
    analysed(at(1, { ...l[1], inputs: [] }));
    analysed(at(1, { ...l[1], inputs: ['net.0', 'input'] }));
    analysed(at(1, { ...l[1], inputs: ['net.00'] }));
    analysed({ ...lenet, aux: [{ path: 'gone', weight: 0.3 }] });
    analysed(at(0, { ...l[0], path: 'input' }));
    analysed(net([1, 8, 8], [{ path: 'a', kind: 'ReLU', inputs: ['input'] }, { path: 'a.b', kind: 'ReLU', inputs: ['a'] }]));
    const cycle = analysed({ ...lenet, layers: [{ ...l[0], inputs: ['net.1'] }, { ...l[1], inputs: ['net.0'] }, ...l.slice(2)] });
    expect(cycle).toHaveLength(1);
    // A branch that feeds nothing: a warning, not an auxiliary head.
    expect(analysed(net([1, 8, 8], [{ path: 'a', kind: 'ReLU', inputs: ['input'] }, { path: 'b', kind: 'Tanh', inputs: ['input'] }])).map((d) => d.code)).toEqual(['dangling']);
  });
});

describe('the JSON loader in Chinese', () => {
  it('syntax errors: the line and column, V8\'s reason translated, the caret kept', () => {
    const [d] = parsed('{\n  "name": "x",\n  "input": [1, 28, 28]\n  "layers": []\n}');
    expect(d.zh?.message).toMatch(/^第 4 行第 3 列不是合法的 JSON：数组元素后面应是 ',' 或 ']'|^第 4 行第 3 列不是合法的 JSON：/);
    expect(d.zh?.message).toContain('^');
    expect(d.zh?.message.split('\n').slice(1)).toEqual(d.message.split('\n').slice(1));
    for (const text of ['', '{"a": 1,}', '{"a": "b', '{"a": tru}', '[1, 2', '{"a" 1}', '{a: 1}', '{"a": -}', '{"a": 1.}', '{"a": 1e}', '{} x', '{"a": "\\q"}']) parsed(text);
  });

  it('documents that are not networks', () => {
    for (const text of ['[1,2]', '42', '"x"', 'null', '{"layers": []}', JSON.stringify({ name: 't', input: [1, 0, 28], layers: [{ path: 'r', kind: 'ReLU' }] })]) parsed(text);
    parsed(JSON.stringify({ name: '', input: [1, 28], layers: [], format: 'other', modules: [{ path: '', type: 'a' }], extra: 1 }));
    const [big] = parsed(' '.repeat(MAX_JSON_BYTES + 1));
    expect(big.zh?.message).toBe('文件有 16.0 MiB；cnn-graph 只读取不超过 16 MiB 的网络。');
  });

  it('layers: unknown kinds, wrong types, sizes, misspelt fields', () => {
    const [kind] = parsed(json([{ path: 'features.0', kind: 'Conv2D', in_channels: 1, out_channels: 6, kernel_size: 5 }]));
    expect(kind.zh?.message).toBe('features.0：未知的层类型 "Conv2D"（layers[0]）。是不是 "Conv2d"？');
    const [type] = parsed(json([{ path: 'c1', kind: 'Conv2d', in_channels: '1', out_channels: 6, kernel_size: 5 }]));
    expect(type.zh?.message).toBe('c1 Conv2d：in_channels 必须是数字，收到的却是 "1"（layers[0]）。');
    parsed(json([{ path: 'c1', kind: 'Conv2d', in_channels: 1, out_channels: 0, kernel_size: [5, -1] }]));
    const misspelt = parsed(json([{ path: 'c1', kind: 'Conv2d', in_channels: 1, out_channels: 6, kernal_size: 5 }]));
    expect(misspelt.map((d) => d.zh?.fix)).toContain('是不是 "kernel_size"？');
    expect(misspelt.map((d) => d.zh?.message)).toContain('c1 Conv2d：kernel_size 是必填项：必须是整数或 [高, 宽] 整数对（layers[0]）。');
    parsed(json([{ path: 'c1', kind: 'Conv2d', in_channels: 1, out_channels: 6, kernel_size: 5, qqqqqqqq: 1 }]));
    parsed(json([{ path: 'fc', kind: 'Linear', in_features: 1e300, out_features: 10 }]));
    parsed(json([{ path: 'x', in_features: 1 }, 7, { kind: 'Tanh' }]));
  });
});

describe('random breakage of zoo networks', () => {
  const graphs = ['lenet5', 'resnet-mini', 'googlenet-mini'].map((id) => zooGraph(id)!);
  const value = fc.oneof(fc.anything({ maxDepth: 2 }), fc.integer({ min: -3, max: 300 }), fc.constantFrom(...LAYER_KINDS, 'input', 'net.0', 'same', [3, 3], [0, 2], null));

  it('every diagnostic has its Chinese, with the same numbers', () => {
    fc.assert(
      fc.property(fc.nat(graphs.length - 1), fc.nat(), fc.nat(), value, fc.boolean(), (gi, li, fi, v, asJson) => {
        const g = graphs[gi];
        const layers = [...g.layers] as unknown as Record<string, unknown>[];
        const i = li % layers.length;
        const fields = Object.keys(layers[i]);
        layers[i] = { ...layers[i], [fields[fi % fields.length]]: v };
        const broken = { ...g, layers };
        analysed(broken);
        if (asJson) {
          let text: string | undefined;
          try {
            text = JSON.stringify(broken);
          } catch {
            text = undefined;
          }
          if (text) parsed(text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('coverage of this file', () => {
  it('reached every kind of diagnostic the analysis and the loader make', () => {
    const codes = new Set([...seen.values()].map((d) => d.code));
    for (const c of ['channels', 'groups', 'same-stride', 'kernel-too-large', 'pool-padding', 'output-too-small', 'add-mismatch', 'concat-mismatch', 'dim', 'features', 'rank', 'linear-rank', 'too-large', 'convention', 'input', 'internal', 'graph', 'layer', 'kind', 'config', 'path', 'duplicate', 'path-nesting', 'arity', 'order', 'unknown-input', 'output', 'aux', 'dangling', 'json']) {
      expect(codes, c).toContain(c);
    }
    // Distinct sentences (numbers aside): about the ~60 the code can make.
    expect(seen.size).toBeGreaterThan(60);
  });
});
