/** Hostile input, one kind at a time: cycles, non-finite numbers, JSON positions, BOM, byte counts, long quotes. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { MAX_JSON_BYTES, parseNetwork } from '../../src/graph/json.js';
import { scanJson } from '../../src/graph/json-scan.js';
import { clip, visible } from '../../src/graph/text.js';
import type { Graph } from '../../src/graph/types.js';
import { nearestName } from '../../src/graph/validate.js';
import { nearestZooId } from '../../src/zoo/index.js';

/** Any value handed to analyze, as the element's `graph` property may be. */
const analyzeValue = (value: unknown) => analyze(value as Graph);

const conv = { path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3 };
const doc = (layers: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ name: 't', input: [1, 28, 28], layers, ...extra });
const errorsOf = (text: string) => {
  const p = parseNetwork(text);
  return p.graph ? analyze(p.graph).diagnostics.filter((d) => d.severity === 'error') : p.diagnostics;
};

describe('cycles are errors that name their layers', () => {
  it('a layer that reads itself', () => {
    const errs = errorsOf(doc([conv, { path: 'net.1', kind: 'ReLU' }, { path: 'net.2', kind: 'ReLU', inputs: ['net.2'] }, { path: 'net.3', kind: 'Flatten' }]));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ path: 'net.2', code: 'cycle', jsonPath: ['layers', 2, 'inputs'] });
    expect(errs[0].message).toBe('net.2 ReLU: reads its own output ("inputs" names "net.2"): a layer cannot read itself.');
    expect(errs[0].fix).toMatch(/read the layer before it/);
    expect(errs[0].zh?.message).toBe('net.2 ReLU：读取了自己的输出（"inputs" 里写了 "net.2"）：一层不能读取它自己。');
    expect(errs[0].zh?.fix).toBeTruthy();
  });

  it('an Add or Concat that lists itself', () => {
    for (const kind of ['Add', 'Concat']) {
      const errs = errorsOf(doc([conv, { path: 'net.1', kind: 'ReLU' }, { path: 'j', kind, inputs: ['net.1', 'j'] }]));
      expect(errs.map((e) => e.code)).toEqual(['cycle']);
      expect(errs[0].message).toMatch(new RegExp(`^j ${kind}: reads its own output`));
    }
  });

  it('a longer cycle through a forward reference: one error naming every layer of it, in reading order', () => {
    const errs = errorsOf(doc([conv, { path: 'a', kind: 'ReLU', inputs: ['c'] }, { path: 'b', kind: 'ReLU' }, { path: 'c', kind: 'Add', inputs: ['b', 'net.0'] }, { path: 'd', kind: 'Flatten' }]));
    expect(errs.map((e) => e.code)).toEqual(['cycle']);
    expect(errs[0].message).toBe('a ReLU: is part of a cycle: "a" → "c" → "b" → "a" (each layer reads the next), so none of them can run first.');
    expect(errs[0].zh?.message).toMatch(/^a ReLU：处在一个环里："a" → "c" → "b" → "a"/);
  });

  it('a forward reference that is not a cycle stays an order error', () => {
    const errs = errorsOf(doc([conv, { path: 'a', kind: 'ReLU', inputs: ['b'] }, { path: 'b', kind: 'ReLU', inputs: ['net.0'] }]));
    expect(errs.map((e) => e.code)).toEqual(['order']);
  });

  it('two separate cycles are two errors; a long one is named by its first layers and a count', () => {
    const ring = Array.from({ length: 20 }, (_, k) => ({ path: `r${k}`, kind: 'ReLU', inputs: [`r${(k + 1) % 20}`] }));
    const errs = errorsOf(doc([conv, ...ring, { path: 's', kind: 'ReLU', inputs: ['s'] }]));
    expect(errs.map((e) => [e.code, e.path])).toEqual([['cycle', 'r0'], ['cycle', 's']]);
    expect(errs[0].message).toContain('"r0" → "r1" → "r2" → "r3" → "r4" → "r5" → "r6" → "r7" → "… 12 more" → "r0"');
  });

  it('a graph object (not JSON) with a self-loop, as the element receives it', () => {
    const a = analyzeValue({ name: 'x', input: [1, 28, 28], layers: [{ ...conv, inputs: ['input'] }, { path: 'r', kind: 'ReLU', inputs: ['r'] }], modules: [], output: 'r', aux: [] });
    expect(a.ok).toBe(false);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['cycle']);
  });
});

describe('non-finite numbers say what was written', () => {
  it('1e999 and -1e999 in JSON are quoted from the text', () => {
    const k = parseNetwork(doc([{ ...conv, kernel_size: 0 }]).replace('"kernel_size":0', '"kernel_size":1e999')).diagnostics;
    expect(k.map((d) => d.message)).toEqual(['net.0 Conv2d: kernel_size is 1e999, not a finite number (layers[0]).']);
    expect(k[0].zh?.message).toBe('net.0 Conv2d：kernel_size 是 1e999，不是有限的数（layers[0]）。');
    const i = parseNetwork('{"name":"t","input":[1,-1E+999,28],"layers":[{"path":"r","kind":"ReLU"}]}').diagnostics;
    expect(i.map((d) => d.message)).toEqual(['input[1]: is -1E+999, not a finite number.']);
  });

  it('NaN and Infinity in a graph object', () => {
    const a = analyzeValue({ name: 'x', input: [1, 28, 28], layers: [{ path: 'n', kind: 'Conv2d', in_channels: 1, out_channels: NaN, kernel_size: -Infinity, inputs: ['input'] }], modules: [], output: 'n', aux: [] });
    expect(a.diagnostics.map((d) => d.message)).toEqual(['n Conv2d: out_channels is NaN, not a finite number.', 'n Conv2d: kernel_size is -Infinity, not a finite number.']);
  });
});

describe('JSON syntax errors are placed at the offending token', () => {
  const at = (text: string) => /line (\d+), column (\d+): ([^\n]*)/.exec(parseNetwork(text).diagnostics[0].message)!.slice(1);

  it('NaN on line 14 is reported at line 14, not at the end of the file', () => {
    const lines = ['{', '  "name": "t",', '  "input": [1, 28, 28],', '  "layers": ['];
    for (let k = 0; k < 9; k++) lines.push(`    {"path": "r${k}", "kind": "ReLU"},`);
    lines.push('    {"path": "c", "kind": "Conv2d", "in_channels": NaN, "out_channels": 4, "kernel_size": 3}');
    while (lines.length < 27) lines.push('');
    lines.push('  ]', '}');
    expect(at(lines.join('\n'))).toEqual(['14', '52', 'NaN is not valid JSON (JSON numbers are finite).']);
  });

  it('column 1 is column 1', () => {
    expect(at('{"name": "t"}\nx')).toEqual(['2', '1', 'Unexpected non-whitespace character after JSON.']);
    expect(at('\n\n}')).toEqual(['3', '1', 'Unexpected token "}".']);
  });

  it('each kind of mistake', () => {
    expect(at('{"a": 1,}')).toEqual(['1', '8', "Trailing comma before '}' (JSON allows none)."]);
    expect(at('{"a": [1 2]}')).toEqual(['1', '10', "Expected ',' or ']' after array element."]);
    expect(at("{'a': 1}")).toEqual(['1', '2', 'Unexpected token "\'": JSON strings take double quotes.']);
    expect(at('{"a": 1 // no\n}')).toEqual(['1', '9', "Expected ',' or '}' after property value."]);
    expect(at('{"a": "b')).toEqual(['1', '7', 'Unterminated string (it starts here).']);
    expect(at('{"a": -}')).toEqual(['1', '8', 'No number after minus sign.']);
    expect(at('{"a": 1.}')).toEqual(['1', '9', 'Unterminated fractional number.']);
    expect(at('{"a": "\\q"}')).toEqual(['1', '8', 'Bad escaped character.']);
    expect(at('{"a" 1}')).toEqual(['1', '6', "Expected ':' after property name."]);
    expect(at('[' + '['.repeat(100000))).toEqual(['1', '100002', 'Unexpected end of JSON input.']);
  });

  it('the scanner agrees with JSON.parse on what is valid, and finds overflowing numbers by path', () => {
    for (const ok of ['{}', '[]', ' 0 ', '{"a":[1,{"b":-0.5e-3}],"c":"\\u00e9\\n"}', 'true', 'null', '\uFEFF{}']) expect(scanJson(ok).error).toBeNull();
    for (const bad of ['', '{', '01', '[1,]', '{"a"}', '"\t"', 'tru', 'nul']) expect(scanJson(bad).error).not.toBeNull();
    expect([...scanJson('{"a":[1,2e400],"b":{"c":-1e999}}').nonFinite]).toEqual([['["a",1]', '2e400'], ['["b","c"]', '-1e999']]);
  });

  it('control characters in the excerpt are shown escaped, with the caret under the token', () => {
    const m = parseNetwork('{"a": 1,\x1b[2J x}').diagnostics[0].message;
    const [, excerpt, caret] = m.split('\n');
    expect(excerpt).toBe('{"a": 1,\\x1b[2J x}');
    expect(caret.indexOf('^')).toBe(excerpt.indexOf('\\x1b'));
  });
});

describe('a byte-order mark and byte counts', () => {
  it('a UTF-8 byte-order mark before valid JSON is accepted', () => {
    const r = parseNetwork('\uFEFF' + doc([conv]));
    expect(r.diagnostics).toEqual([]);
    expect(r.graph?.layers[0].path).toBe('net.0');
  });

  it('the size limit counts UTF-8 bytes, not characters', () => {
    const chars = Math.floor(MAX_JSON_BYTES / 3) + 10; // under the limit in characters, over it in bytes
    const r = parseNetwork(`"${'中'.repeat(chars)}"`);
    expect(r.diagnostics[0].message).toMatch(/^The file is 16\.0 MiB; cnn-graph reads networks of up to 16 MiB\./);
  });
});

describe('quoted user text is cut and made visible', () => {
  it('clip and visible', () => {
    expect(clip('x'.repeat(1000))).toHaveLength(80);
    expect(clip('x'.repeat(1000)).endsWith('…')).toBe(true);
    expect(clip('a'.repeat(78) + '😀😀')).toBe('a'.repeat(78) + '…');
    expect(visible('a\x1b]0;pwned\x07b\u009b2Jc\nd\x7f')).toBe('a\\x1b]0;pwned\\x07b\\u009b2Jc\\x0ad\\u007f');
    expect(visible('a\nb', true)).toBe('a\nb');
  });

  it('a million-character kind or value is quoted by its start only', () => {
    const huge = 'K'.repeat(1_000_000);
    for (const d of parseNetwork(doc([{ path: huge, kind: huge }, { path: 'b', kind: 'Conv2d', in_channels: huge, out_channels: 1, kernel_size: 1 }])).diagnostics) {
      expect(d.message.length).toBeLessThan(400);
      expect(d.zh!.message.length).toBeLessThan(400);
    }
  });
});

describe('"did you mean" over many names', () => {
  it('finds the nearest name, first listed on a tie, and nothing when all are far', () => {
    expect(nearestName('net.3.brnch', ['x', 'net.3.branch1', 'net.3.branch2'])).toBe('net.3.branch1');
    expect(nearestName('net.3.brnch2', ['net.3.branch1', 'net.3.branch2'])).toBe('net.3.branch2');
    expect(nearestName('Conv2D', ['Linear', 'Conv2d'])).toBe('Conv2d');
    expect(nearestName('abcdef', ['uvwxyz'])).toBe('');
  });

  it('thousands of dangling inputs: every one is reported, the first ones with a suggestion', () => {
    const layers: unknown[] = [conv];
    for (let k = 1; k < 3000; k++) layers.push({ path: `net.${k}`, kind: 'ReLU', inputs: [`net.${k}x`] });
    const errs = errorsOf(doc(layers)).filter((e) => e.code === 'unknown-input');
    expect(errs).toHaveLength(2999);
    expect(errs[0].fix).toMatch(/Did you mean "net.0"\?/);
    expect(errs[99].fix).toMatch(/Did you mean/);
    expect(errs[100].fix).not.toMatch(/Did you mean/);
  });
});

describe('zoo ids written another way', () => {
  it('hyphens, case and digits; a family without its torchvision- prefix; a near miss; nothing for the far', () => {
    expect(nearestZooId('resnet-50')).toBe('torchvision-resnet50');
    expect(nearestZooId('ResNet_152')).toBe('torchvision-resnet152');
    expect(nearestZooId('LeNet-5')).toBe('lenet5');
    expect(nearestZooId('lenet')).toBe('lenet5');
    expect(nearestZooId('vgg-11-small')).toBe('vgg11-small');
    expect(nearestZooId('googlenet paper')).toBe('googlenet-paper');
    expect(nearestZooId('transformer')).toBe('');
    expect(nearestZooId('m'.repeat(1_000_000))).toBe('');
  });
});
