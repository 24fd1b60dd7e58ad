/**
 * The playground's pure parts: placing diagnostics in the editor text, the share link, and the
 * schema's suggestions at a caret in text as it is mid-typing (half-written, broken JSON).
 * The page itself is tested in Chromium (tests/browser/playground.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { stringifyNetwork } from '../../src/graph/json.js';
import { ZOO_IDS, zooGraph } from '../../src/zoo/index.js';
import { networkJsonSchema } from '../../src/graph/schema.js';
import { LAYER_KINDS } from '../../src/graph/types.js';
import { complete, type Completion, type JsonSchema, parseLoose, signature, type Suggestion } from '../../src/site/client/playground-complete.js';
import { jsonSpans, layerAt, layerOffset, lineCol, lineSpan, READ_CAP_CHARS, readNetwork } from '../../src/site/client/playground-doc.js';
import { decodeShare, encodeShare, MAX_SHARE_BYTES, ShareError } from '../../src/site/client/playground-share.js';

const lenet = stringifyNetwork(zooGraph('lenet5')!);
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

/** `text` with a suggestion accepted as the editor applies it (code-editor.ts `replacing`): text[from, to) replaced, the caret `caret` into the insertion. */
function apply(text: string, c: Pick<Completion, 'from' | 'to'>, s: Pick<Suggestion, 'insert' | 'caret'>): { text: string; caret: number } {
  return { text: text.slice(0, c.from) + s.insert + text.slice(c.to), caret: c.from + s.caret };
}

describe('jsonSpans', () => {
  it('finds every value of every zoo network: the span parses to the same value as JSON.parse finds there', () => {
    for (const id of ZOO_IDS) {
      const text = stringifyNetwork(zooGraph(id)!);
      const spans = jsonSpans(text)!;
      const doc = JSON.parse(text) as { layers: Array<Record<string, unknown>> };
      doc.layers.forEach((layer, i) => {
        const s = spans.get(`layers.${i}`)!;
        expect(JSON.parse(text.slice(s.start, s.end)), `${id} layers[${i}]`).toEqual(layer);
        for (const [k, v] of Object.entries(layer)) {
          const f = spans.get(`layers.${i}.${k}`)!;
          // A member's span runs from its key through its value.
          expect(JSON.parse(`{${text.slice(f.start, f.end)}}`)).toEqual({ [k]: v });
        }
      });
    }
  });

  it('agrees with JSON.parse on what is valid JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        expect(jsonSpans(text)?.get('')).toEqual({ start: 0, end: text.length });
      }),
    );
    for (const bad of ['{"a":1,}', '[1 2]', '{"a" 1}', '{"a":tru}', '"open', '{}x', '']) expect(jsonSpans(bad), bad).toBeNull();
  });

  it('lineCol and lineSpan are 1-based and inverse on line starts', () => {
    const text = 'ab\ncde\n\nf';
    expect(lineCol(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineCol(text, 4)).toEqual({ line: 2, column: 2 });
    expect(lineSpan(text, 2)).toEqual({ start: 3, end: 6 });
    expect(lineSpan(text, 3)).toEqual({ start: 7, end: 7 });
    expect(lineSpan(text, 4)).toEqual({ start: 8, end: 9 });
  });
});

describe('readNetwork', () => {
  it('a zoo network: no diagnostics, and the analysis of the network it describes', () => {
    const r = readNetwork(lenet);
    expect(r.items).toEqual([]);
    expect(r.analysis?.totals.params).toBe(analyze(zooGraph('lenet5')!).totals.params);
  });

  it('a channel mismatch: the analysis error, on the line of the layer that fails, naming it and the fix', () => {
    const text = lenet.replace('"in_channels":6', '"in_channels":7');
    const r = readNetwork(text);
    expect(r.graph).not.toBeNull();
    const errors = r.items.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    const e = errors[0]!;
    expect(e.source).toBe('analysis');
    expect(e.layer).toBe('net.3');
    expect(e.message).toContain('expects 7 input channels, receives 6');
    expect(e.fix).toContain('in_channels=6');
    expect(e.line).toBe(lineOf(text, '"path":"net.3"'));
    expect(text.slice(e.span!.start, e.span!.end)).toMatch(/^\{"path":"net\.3".*\}$/);
  });

  it('malformed JSON: the parse error with its line and column; nothing else', () => {
    const text = lenet.replace('"out_channels":6,', '"out_channels":6');
    const r = readNetwork(text);
    expect(r.graph).toBeNull();
    expect(r.items).toHaveLength(1);
    const e = r.items[0]!;
    const line = lineOf(text, '"out_channels":6"');
    expect(e.message).toMatch(new RegExp(`line ${line}, column \\d+`));
    expect(e.line).toBe(line);
    expect(e.column).toBe(text.split('\n')[line - 1]!.indexOf('"kernel_size"') + 1);
    // The span (the editor's underline) is the token the reader stopped at, not the whole line.
    expect(text.slice(e.span!.start, e.span!.end)).toBe('"kernel_size"');
  });

  it('a schema error points at the field: a wrong type, an unknown field (with the suggestion)', () => {
    const typed = lenet.replace('"kernel_size":5,"padding":2', '"kernel_size":"x","padding":2');
    const t = readNetwork(typed).items;
    expect(t).toHaveLength(1);
    expect(t[0]!.layer).toBe('net.0');
    expect(typed.slice(t[0]!.span!.start, t[0]!.span!.end)).toBe('"kernel_size":"x"');
    const unknown = lenet.replace('"stride":2}', '"strid":2}');
    const u = readNetwork(unknown).items;
    expect(u[0]!.message).toContain('unknown field "strid"');
    expect(u[0]!.fix).toContain('"stride"');
    expect(unknown.slice(u[0]!.span!.start, u[0]!.span!.end)).toBe('"strid":2');
  });

  it('layerOffset: where a layer selected in the graph is written', () => {
    expect(layerOffset(lenet, 'net.9')).toBe(lenet.indexOf('{"path":"net.9"'));
    expect(layerOffset('\ufeff' + lenet, 'net.9')).toBe(lenet.indexOf('{"path":"net.9"') + 1);
    expect(layerOffset(lenet, 'nope')).toBeNull();
    expect(layerOffset('{', 'net.9')).toBeNull();
  });

  it('layerAt: the layer a paste put in the text (the first it touches)', () => {
    const layer = '{"path":"net.0b","kind":"BatchNorm2d","num_features":6},\n';
    const at = lenet.indexOf('{"path":"net.1"');
    const text = lenet.slice(0, at) + layer + lenet.slice(at);
    expect(layerAt(text, at, at + layer.length)).toBe('net.0b');
    // A value pasted inside a layer names that layer; a range over two layers the first.
    expect(layerAt(text, text.indexOf('6},'), text.indexOf('6},') + 1)).toBe('net.0b');
    expect(layerAt(text, text.indexOf('{"path":"net.0"'), at + 3)).toBe('net.0');
    // Outside every layer (the network's name), or text that is not JSON: none.
    expect(layerAt(text, text.indexOf('"name"'), text.indexOf('"name"') + 6)).toBeNull();
    expect(layerAt('{"layers":[', 0, 5)).toBeNull();
  });
});

describe('share links', () => {
  it('round-trip any text, including non-ASCII, and compress a network', async () => {
    for (const id of ['lenet5', 'googlenet']) {
      const text = stringifyNetwork(zooGraph(id)!);
      const hash = await encodeShare(text);
      expect(hash).toMatch(/^n=[A-Za-z0-9_-]+$/);
      expect(hash.length).toBeLessThan(text.length / 2);
      expect(await decodeShare(`#${hash}`)).toBe(text);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (s) => {
        expect(await decodeShare(await encodeShare(s))).toBe(s);
      }),
      { numRuns: 50 },
    );
  });

  it('no data is null; damaged data is an Error saying so', async () => {
    expect(await decodeShare('')).toBeNull();
    expect(await decodeShare('#other=1')).toBeNull();
    const hash = await encodeShare(lenet);
    const cut = await decodeShare(`#${hash.slice(0, hash.length / 2)}`);
    expect(cut).toBeInstanceOf(Error);
    expect((cut as Error).message).toMatch(/cut short/);
  });

  it('a link that unpacks past the JSON reader’s 16 MiB is refused, read only that far (a zip bomb: 20 MiB from ~20 KB)', async () => {
    expect(MAX_SHARE_BYTES).toBe(16 * 1024 * 1024);
    const bomb = await encodeShare(' '.repeat(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(40_000);
    const r = await decodeShare(`#${bomb}`);
    expect(r).toBeInstanceOf(ShareError);
    expect((r as ShareError).message).toMatch(/^The link's network unpacks to more than 16 MiB \(from \d+ KB of link\), more than the playground reads; it was not opened\.$/);
    expect((r as ShareError).zh).toMatch(/^链接里的网络解压后超过 16 MiB/);
    // The cap is on the unpacked bytes: a text exactly at it opens, one byte more does not.
    const hash = await encodeShare(lenet);
    const bytes = new TextEncoder().encode(lenet).length;
    expect(await decodeShare(hash, bytes)).toBe(lenet);
    expect(await decodeShare(hash, bytes - 1)).toBeInstanceOf(ShareError);
  });
});

describe('large texts', () => {
  it('a text over the playground’s read cap (1 MiB) is not parsed: one error saying its size, the cap and the CLI', () => {
    expect(READ_CAP_CHARS).toBe(1024 * 1024);
    const big = lenet.replace('"lenet5"', `"lenet5","title":"${'x'.repeat(1024 * 1024)}"`);
    const r = readNetwork(big);
    expect(r.graph).toBeNull();
    expect(r.analysis).toBeNull();
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ severity: 'error', line: null, layer: '' });
    expect(r.items[0].message).toBe('This text is 1.0 MiB; the playground reads networks of up to 1.0 MiB as you type, so it is kept here but not read.');
    expect(r.items[0].fix).toMatch(/cnn-graph check file\.json/);
    expect(r.items[0].zh?.message).toMatch(/^这段文本有 1\.0 MiB/);
    // At the cap it is read as usual.
    expect(readNetwork(lenet, lenet.length).graph?.name).toBe('lenet5');
    expect(readNetwork(lenet, lenet.length - 1).graph).toBeNull();
  });
});

const schema = networkJsonSchema() as JsonSchema;

/** Completion at the `|` of `marked` (the bar is taken out). */
function at(marked: string, explicit = true): { text: string; c: Completion | null } {
  const pos = marked.indexOf('|');
  const text = marked.slice(0, pos) + marked.slice(pos + 1);
  return { text, c: complete(text, pos, schema, { explicit }) };
}
const labels = (marked: string, explicit = true) => at(marked, explicit).c?.items.map((s) => s.label) ?? null;

/** Accept the suggestion labelled `label` at the `|`; the text and the caret after it. */
function accept(marked: string, label: string): { text: string; caret: number } {
  const { text, c } = at(marked);
  const s = c?.items.find((x) => x.label === label);
  if (!c || !s) throw new Error(`no "${label}" at ${marked}: ${JSON.stringify(c?.items.map((x) => x.label))}`);
  return apply(text, c, s);
}
const typeAt = (r: { text: string; caret: number }, typed: string) => r.text.slice(0, r.caret) + typed + r.text.slice(r.caret);

const net = (layers: string) => `{"name":"n","input":[1,28,28],"layers":[${layers}]}`;

describe('completion from the schema', () => {
  it('a kind value offers every layer kind of the schema, each with the fields it needs', () => {
    const { c } = at(net('{"path":"a","kind":"|"}'));
    expect(c!.items.map((s) => s.label)).toEqual([...LAYER_KINDS]);
    expect(c!.items.every((s) => s.type === 'value')).toBe(true);
    expect(c!.items.find((s) => s.label === 'Conv2d')!.needs).toEqual(['in_channels', 'out_channels', 'kernel_size']);
    expect(c!.items.find((s) => s.label === 'ReLU')!.needs).toEqual([]);
    // Filtered as typed: starting with it first, then containing it.
    expect(labels(net('{"path":"a","kind":"Co|"}'))).toEqual(['Conv2d', 'ConvTranspose2d', 'Concat']);
    expect(labels(net('{"path":"a","kind":"pool|"}'))).toEqual(['MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'AdaptiveMaxPool2d']);
    // The kind being edited does not narrow the list to itself.
    expect(labels(net('{"path":"a","kind":"Linear|","in_features":3}'))).toEqual(['Linear']);
    expect(labels(net('{"path":"a","kind":"|Linear"}'))).toHaveLength(LAYER_KINDS.length);
  });

  it('inside a layer: the fields of its kind, required first, without those it has; with their types', () => {
    const { c } = at(net('{"path":"a","kind":"Linear",|}'));
    expect(c!.items.map((s) => s.label)).toEqual(['in_features', 'out_features', 'inputs', 'functional', 'bias']);
    expect(c!.items.map((s) => s.required ?? false)).toEqual([true, true, false, false, false]);
    expect(c!.items[0]!.detail).toBe('number ≥ 1');
    const conv = at(net('{"path":"a","kind":"Conv2d","|')).c!.items;
    expect(conv.find((s) => s.label === 'kernel_size')!.detail).toBe('number ≥ 1 | [number ≥ 1, number ≥ 1]');
    expect(conv.find((s) => s.label === 'padding')!.detail).toBe('number ≥ 0 | [number ≥ 0, number ≥ 0] | "same" | "valid"');
    expect(conv.find((s) => s.label === 'inputs')!.detail).toBe('string[]');
    expect(labels(net('{"path":"a","kind":"Flatten","|'))).toEqual(['inputs', 'functional', 'start_dim', 'end_dim']);
    expect(at(net('{"path":"a","kind":"Flatten","|')).c!.items.find((s) => s.label === 'end_dim')!.detail).toBe('integer -8…8');
    // The kind may come after the caret.
    expect(labels(net('{"path":"a","in_|","kind":"Linear"}'))).toEqual(['in_features']);
    // No kind yet: only what every kind has, `kind` first (it is required).
    expect(labels(net('{"path":"a",|}'))).toEqual(['kind', 'inputs', 'functional']);
    // No kind, but a field only one kind has: that kind's fields.
    expect(labels(net('{"path":"a","num_features":3,"|'))).toEqual(['kind', 'inputs', 'functional', 'eps', 'momentum', 'affine', 'track_running_stats']);
    // A kind that does not exist: the common fields, not nothing.
    expect(labels(net('{"path":"a","kind":"Conv3d","|'))).toEqual(['inputs', 'functional']);
    // Top level, and the objects of `aux`.
    expect(labels('{|}')).toEqual(['name', 'input', 'layers', '$schema', 'format', 'title', 'modules', 'output', 'aux']);
    expect(labels('{"name":"n","aux":[{"|')).toEqual(['path', 'weight']);
  });

  it('the kind list follows the schema: a schema with another layer kind offers it', () => {
    const extra = structuredClone(schema) as { properties: { layers: { items: { anyOf: JsonSchema[] } } } };
    extra.properties.layers.items.anyOf.push({ type: 'object', properties: { path: { type: 'string' }, kind: { const: 'GELU' }, approximate: { type: 'string' } }, required: ['path', 'kind'] });
    const text = net('{"path":"a","kind":"GE"}');
    const pos = text.indexOf('GE') + 2;
    expect(complete(text, pos, extra as JsonSchema)!.items.map((s) => s.label)).toEqual(['GELU']);
    const t2 = net('{"path":"a","kind":"GELU",""}');
    expect(complete(t2, t2.indexOf(',""') + 2, extra as JsonSchema)!.items.map((s) => s.label)).toEqual(['approximate']);
  });

  it('constants the schema allows: padding modes, booleans, the format', () => {
    expect(labels(net('{"path":"a","kind":"Conv2d","padding":"|"}'))).toEqual(['same', 'valid']);
    expect(labels(net('{"path":"a","kind":"ReLU","inplace":|}'))).toEqual(['true', 'false']);
    expect(labels(net('{"path":"a","kind":"ReLU","inplace":f|}'), false)).toEqual(['false']);
    expect(labels('{"format":"|"}')).toEqual(['cnn-graph/1']);
    expect(labels(net('{"path":"a","kind":"MaxPool2d","kernel_size":2,"stride":|}'))).toEqual(['null']);
  });

  it('inputs offer the network input and the layers listed before, nearest first; output any layer', () => {
    const layers = '{"path":"a","kind":"Conv2d","in_channels":1,"out_channels":2,"kernel_size":3},{"path":"b","kind":"ReLU"},{"path":"c","kind":"Add","inputs":["|"]},{"path":"d","kind":"Tanh"}';
    const { c } = at(net(layers));
    expect(c!.items.map((s) => [s.label, s.detail])).toEqual([
      ['b', 'ReLU'],
      ['a', 'Conv2d'],
      ['input', ''],
    ]);
    expect(c!.items.every((s) => s.type === 'layer')).toBe(true);
    expect(labels(net('{"path":"a","kind":"ReLU","inputs":["|"]}'))).toEqual(['input']);
    expect(labels(`{"name":"n","layers":[{"path":"x.1","kind":"ReLU"},{"path":"x.2","kind":"ReLU"}],"output":"|"}`)).toEqual(['x.2', 'x.1']);
    expect(labels(`{"name":"n","layers":[{"path":"x.1","kind":"ReLU"},{"path":"y","kind":"ReLU"}],"aux":[{"path":"x|"}]}`)).toEqual(['x.1']);
    // Between elements: the comma goes in.
    const two = accept(net('{"path":"a","kind":"ReLU"},{"path":"b","kind":"ReLU"},{"path":"c","kind":"Add","inputs":["a" |]}'), 'b');
    expect(JSON.parse(two.text).layers[2].inputs).toEqual(['a', 'b']);
    // `"inputs": ` with no array yet: a one-element array.
    const bare = accept(net('{"path":"a","kind":"ReLU"},{"path":"b","kind":"ReLU","inputs": |}'), 'a');
    expect(JSON.parse(bare.text).layers[1].inputs).toEqual(['a']);
  });

  it('an inputs value completed with the caret inside an existing string replaces the whole string, whatever the path holds (colon, space, escaped quote)', () => {
    const refs = '{"path":"a b","kind":"ReLU"},{"path":"c:d","kind":"ReLU"},{"path":"e\\"f","kind":"ReLU"}';
    const inputsOf = (r: { text: string }) => JSON.parse(r.text).layers[3].inputs as string[];
    expect(inputsOf(accept(net(`${refs},{"path":"g","kind":"Add","inputs":["|a b","c:d"]}`), 'c:d'))).toEqual(['c:d', 'c:d']);
    expect(inputsOf(accept(net(`${refs},{"path":"g","kind":"Add","inputs":["|c:d","a b"]}`), 'a b'))).toEqual(['a b', 'a b']);
    expect(inputsOf(accept(net(`${refs},{"path":"g","kind":"Add","inputs":["|e\\"f","a b"]}`), 'c:d'))).toEqual(['c:d', 'a b']);
    // Typed part before the caret, the rest after it: still one string.
    expect(inputsOf(accept(net(`${refs},{"path":"g","kind":"Add","inputs":["c|:d","a b"]}`), 'c:d'))).toEqual(['c:d', 'a b']);
    expect(inputsOf(accept(net(`${refs},{"path":"g","kind":"Add","inputs":["a b","c|:x y"]}`), 'c:d'))).toEqual(['a b', 'c:d']);
    // The caret after the string's end (a new element) still leaves the string alone.
    expect(inputsOf(accept(net(`${refs},{"path":"g","kind":"Add","inputs":["a b" |]}`), 'c:d'))).toEqual(['a b', 'c:d']);
  });

  it('accepting keeps the JSON valid: quotes, colon, a value placeholder, commas before and after', () => {
    // A key being typed in the middle of a layer: colon and a comma before the next member.
    const mid = accept(net('{"path":"a","ker|"kind":"MaxPool2d"}'), 'kernel_size');
    expect(JSON.parse(typeAt(mid, '3')).layers[0]).toEqual({ path: 'a', kernel_size: 3, kind: 'MaxPool2d' });
    // `kind` comes with its quotes, the caret between them and the list of kinds to follow.
    const kind = at(net('{"path":"a","k|}')).c!;
    expect(kind.items[0]).toMatchObject({ label: 'kind', insert: '"kind": ""', reopen: true });
    const k = accept(net('{"path":"a","k|}'), 'kind');
    expect(JSON.parse(typeAt(k, 'ReLU')).layers[0]).toEqual({ path: 'a', kind: 'ReLU' });
    // `inputs` opens an array with a string in it.
    const inp = accept(net('{"path":"a","kind":"ReLU","inp|}'), 'inputs');
    expect(JSON.parse(typeAt(inp, 'input')).layers[0].inputs).toEqual(['input']);
    expect(at(net('{"path":"a","kind":"ReLU","inp|}')).c!.items.find((s) => s.label === 'inputs')!.reopen).toBe(true);
    expect(at(net('{"path":"a","kind":"Linear","in_f|}')).c!.items[0]!.reopen).toBe(false);
    // After a value with no comma: one is put in.
    const after = accept(net('{"path":"a","kind":"ReLU" |}'), 'inplace');
    expect(JSON.parse(typeAt(after, 'true')).layers[0]).toEqual({ path: 'a', kind: 'ReLU', inplace: true });
    // Renaming a key that already has its colon and value: only the name changes.
    const rename = accept(net('{"path":"a","kind":"Linear","in_feat|ures":3,"out_features":2}'), 'in_features');
    expect(JSON.parse(rename.text).layers[0]).toEqual({ path: 'a', kind: 'Linear', in_features: 3, out_features: 2 });
    // An unquoted word being typed as a key gets its quotes.
    const bare = accept(net('{"path":"a","kind":"Linear",out|}'), 'out_features');
    expect(JSON.parse(typeAt(bare, '4')).layers[0].out_features).toBe(4);
  });

  it('every member of every layer of the zoo, cut to its first letters, completes back to the same network', () => {
    for (const id of ['lenet5', 'googlenet', 'torchvision-resnet18']) {
      const text = stringifyNetwork(zooGraph(id)!);
      const spans = jsonSpans(text)!;
      const doc = JSON.parse(text) as { layers: Array<Record<string, unknown>> };
      const want = JSON.parse(text) as unknown;
      let checked = 0;
      doc.layers.forEach((layer, i) => {
        for (const [key, value] of Object.entries(layer)) {
          if (key === 'path') continue; // a new name, nothing to suggest
          const s = spans.get(`layers.${i}.${key}`)!;
          // The key as a person starts typing it, the old member gone.
          const typed = `"${key.slice(0, 2)}`;
          const cut = text.slice(0, s.start) + typed + text.slice(s.end).replace(/^,/, '');
          const c = complete(cut, s.start + typed.length, schema)!;
          const sug = c?.items.find((x) => x.label === key);
          expect(sug, `${id} layers[${i}].${key}: ${JSON.stringify(c?.items.map((x) => x.label))}`).toBeDefined();
          const r = apply(cut, c, sug!);
          const v = JSON.stringify(value);
          const rest = sug!.insert.endsWith('[""]') || sug!.insert.endsWith('[""],') ? v.slice(2, -2) : sug!.insert.includes('""') ? v.slice(1, -1) : v;
          const done = typeAt(r, rest);
          const got = JSON.parse(done) as { layers: Array<Record<string, unknown>> };
          // Same network; the member may have moved to the end of its layer.
          expect(got.layers[i], `${id} layers[${i}].${key}`).toEqual(layer);
          expect({ ...(got as object), layers: null }).toEqual({ ...(want as object), layers: null });
          checked++;
        }
        // The kind's value, typed again from its first two letters (the rest of the line still there).
        const k = spans.get(`layers.${i}.kind`)!;
        const kindAt = text.indexOf(':', k.start) + 1;
        const partial = `"${String(layer.kind).slice(0, 2)}`;
        const cut = text.slice(0, kindAt) + partial + text.slice(k.end);
        const c = complete(cut, kindAt + partial.length, schema)!;
        const r = apply(cut, c, c.items.find((x) => x.label === layer.kind)!);
        expect(JSON.parse(r.text)).toEqual(want);
      });
      expect(checked).toBeGreaterThan(doc.layers.length);
    }
  });

  it('half-typed, broken JSON: unclosed layers and strings, missing commas, stray characters', () => {
    // Unclosed at the end of the text.
    expect(labels(net('{"path":"a","kind":"ReLU"},{"path":"b","kind":"Co|').replace(/"}]}$/, ''))).toEqual(['Conv2d', 'ConvTranspose2d', 'Concat']);
    expect(labels('{"name":"n","layers":[{"path":"a","kind":"Conv2d","in_|')).toEqual(['in_channels']);
    // A layer left open while the next one starts on the next line: no comma is put before that brace.
    const open = `{"name":"n","layers":[\n{"path":"a","kind":"Conv2d","ker|\n{"path":"b","kind":"ReLU"}]}`;
    const r = accept(open, 'kernel_size');
    expect(r.text.split('\n')[1]).toBe('{"path":"a","kind":"Conv2d","kernel_size": ');
    // An unterminated string ends with its line: the next lines are still read.
    expect(labels(`{"name":"n","layers":[\n{"path":"a","kind":"Rel\n{"path":"b","kind":"ReLU"},{"path":"c","kind":"Add","inputs":["|"]}]}`)).toEqual(['b', 'a', 'input']);
    // Missing commas and doubled ones.
    expect(labels(net('{"path":"a" "kind":"Linear" ,, "in_|'))).toEqual(['in_features']);
    expect(labels(net('{"path":"a" "kind":"|"'))).toHaveLength(LAYER_KINDS.length);
    // Stray characters; a stray bracket ends the layer and the list of layers: back at the top level.
    expect(labels(net('{"path":"a",: "kind":"Linear", ] "out|'))).toEqual(['output']);
    expect(labels(net('{"path":"a",: "kind":"Linear", "out|'))).toEqual(['out_features']);
    // Nowhere to complete: outside the document, inside a number, as-you-type between tokens.
    expect(at('|{"name":"n"}').c).toBeNull();
    expect(at(net('{"path":"a","kind":"Linear","in_features":12|}')).c).toBeNull();
    expect(at(net('{"path":"a","kind":"Linear",|}'), false).c).toBeNull();
    expect(at(net('{"path":"a","kind":"Linear","|'), false).c).not.toBeNull();
  });

  it('never throws, and every range it returns lies in the text, for any text and caret', () => {
    const texts = ['lenet5', 'googlenet'].map((id) => stringifyNetwork(zooGraph(id)!));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(...texts).chain((t) => fc.tuple(fc.nat(t.length), fc.nat(t.length), fc.string({ maxLength: 8 })).map(([a, b, ins]) => t.slice(0, Math.min(a, b)) + ins + t.slice(Math.max(a, b)))),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (text, where, explicit) => {
          const pos = Math.round(where * text.length);
          const c = complete(text, pos, schema, { explicit });
          if (c) {
            expect(c.from).toBeGreaterThanOrEqual(0);
            expect(c.from).toBeLessThanOrEqual(pos);
            expect(c.to).toBeGreaterThanOrEqual(pos);
            expect(c.to).toBeLessThanOrEqual(text.length);
            for (const s of c.items) expect(s.caret).toBeLessThanOrEqual(s.insert.length);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(parseLoose('['.repeat(10_000))).not.toBeNull();
  });

  it('signature: JSON Schema types in a few characters', () => {
    expect(signature({ type: 'number', minimum: 1, maximum: 2 ** 31 - 1 })).toBe('number ≥ 1');
    expect(signature({ type: 'number', minimum: 0, maximum: 1 })).toBe('number 0…1');
    expect(signature({ anyOf: [{ type: 'number' }, { type: 'null' }] })).toBe('number | null');
    expect(signature({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } })).toBe('(string | number)[]');
  });
});

describe('readNetwork: a byte-order mark and syntax positions', () => {
  it('a leading BOM: the network reads, and its diagnostics are still placed on their lines', () => {
    const ok = readNetwork('\ufeff' + lenet);
    expect(ok.graph).not.toBeNull();
    expect(ok.items.filter((i) => i.severity === 'error')).toEqual([]);
    const broken = lenet.replace('"in_channels":6,', '"in_channels":7,');
    expect(broken).not.toBe(lenet);
    const r = readNetwork('\ufeff' + broken);
    const err = r.items.find((i) => i.severity === 'error')!;
    expect(err.message).toMatch(/^net\.3 Conv2d: expects 7 input channels/);
    expect(err.line).toBe(lineOf(lenet, '"path":"net.3"'));
  });

  it('a syntax error at the start of a line is at column 1 of that line (not the end of the document)', () => {
    const lines = lenet.split('\n');
    lines.splice(5, 0, 'NaN,');
    const r = readNetwork(lines.join('\n'));
    expect(r.items).toHaveLength(1);
    expect([r.items[0].line, r.items[0].column]).toEqual([6, 1]);
  });
});
