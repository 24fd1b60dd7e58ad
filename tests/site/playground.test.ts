/**
 * The playground's pure parts: placing diagnostics in the editor text, and the share link.
 * The page itself is tested in Chromium (tests/browser/playground.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { stringifyNetwork } from '../../src/graph/json.js';
import { ZOO_IDS, zooGraph } from '../../src/graph/zoo/index.js';
import { jsonSpans, layerLine, lineCol, lineSpan, readNetwork } from '../../src/site/client/playground-doc.js';
import { decodeShare, encodeShare } from '../../src/site/client/playground-share.js';

const lenet = stringifyNetwork(zooGraph('lenet5')!);
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

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
    expect(r.errorLines).toEqual([e.line]);
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

  it('layerLine: the line a graph selection scrolls the editor to', () => {
    expect(layerLine(lenet, 'net.9')).toBe(lineOf(lenet, '"path":"net.9"'));
    expect(layerLine(lenet, 'nope')).toBeNull();
    expect(layerLine('{', 'net.9')).toBeNull();
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
});
