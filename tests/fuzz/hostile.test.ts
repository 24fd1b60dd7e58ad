/**
 * The hostile-input battery, as property tests: crafted and random input
 * through parseNetwork, analyze, the CLI (in-process: check, summary) and the
 * SVG writer. Seeded, with a fixed number of runs, so it is the same battery
 * on every machine and bounded in time. The properties:
 *   - nothing throws, and the CLI never reports an internal error (exit 70);
 *   - every error names a place (a layer path, a JSON path, or a line and column)
 *     and has its Chinese text;
 *   - nothing the CLI prints holds a raw control character;
 *   - every SVG parses as XML (tests/fuzz/xml.ts, a strict well-formedness check).
 * Each property asserts it ran all its inputs (docs/bad-input.md quotes the counts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, type Diagnostic } from '../../src/analysis/analyze.js';
import { readNetworkFile } from '../../src/cli/file.js';
import type { IO } from '../../src/cli/common.js';
import { COMMANDS, main } from '../../src/cli/main.js';
import { cmdRender } from '../../src/cli/render.js';
import { pytorchCode, PytorchExportError } from '../../src/export/pytorch.js';
import { parseNetwork, stringifyNetwork } from '../../src/graph/json.js';
import { LAYER_KINDS, type Graph } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
import { renderNetworkSVG } from '../../src/render/index.js';
import { textWidth, truncate } from '../../src/render/measure.js';
import { esc } from '../../src/render/svg.js';
import { xmlProblem } from './xml.js';

const SEED = 20261206;
const RUNS = { text: 400, networks: 150, cli: 60, svg: 30, pytorch: 40 };
const tried = { text: 0, networks: 0, cli: 0, svg: 0, pytorch: 0 };

/** What a terminal would act on: C0 controls but the line break, DEL, C1 controls. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

/** Pieces of text an attacker would try, mixed into names and documents. */
const NASTY = [
  '\x1b]0;pwned\x07', // retitle the terminal
  '\x1b[2J\x1b[H', // clear the screen
  '\rOK\n', // overwrite a line
  '\u009b31m', // C1 CSI
  '\x00',
  '\x7f',
  '<script>alert(1)</script>',
  ']]>',
  '<!--',
  '&amp;&#0;&',
  '"\'',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ufffe',
  '\uffff',
  '\u202e', // right-to-left override
  '😀',
  '中文',
  'x'.repeat(5000),
  '__proto__',
  'input',
  '',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom(...NASTY, 'net.', '0', 'a'), { maxLength: 4 }).map((parts) => parts.join('')),
);
const hugeNumber = fc.constantFrom('1e999', '-1e999', '1e308', '9007199254740993', '-0', '0.5', '2147483648', '1E+400');
const numberLike = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300, -1, 0));

/** A layer: a real kind (mostly) with plausible or hostile arguments, reading earlier, later, itself or nothing. */
const layer = (paths: string[]) =>
  fc.record(
    {
      path: fc.oneof(fc.constantFrom(...paths), nastyString),
      kind: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...LAYER_KINDS) }, { weight: 1, arbitrary: nastyString }),
      in_channels: numberLike,
      out_channels: numberLike,
      kernel_size: fc.oneof(numberLike, fc.tuple(numberLike, numberLike)),
      in_features: numberLike,
      out_features: numberLike,
      num_features: numberLike,
      inputs: fc.array(fc.oneof(fc.constantFrom(...paths, 'input'), nastyString), { maxLength: 3 }),
    },
    { requiredKeys: ['path', 'kind'] },
  );

const network = fc.integer({ min: 1, max: 8 }).chain((n) => {
  const paths = Array.from({ length: n }, (_, k) => `net.${k}`);
  return fc.record({
    name: nastyString,
    input: fc.oneof(fc.constant([1, 28, 28]), fc.tuple(numberLike, numberLike, numberLike)),
    layers: fc.array(layer(paths), { minLength: 0, maxLength: n }),
    output: fc.option(fc.constantFrom(...paths), { nil: undefined }),
  });
});

/** JSON text of a network with hostile numbers written in (1e999 is no JS number), or cut, or spliced with garbage. */
const hostileText = fc.oneof(
  network.map((g) => JSON.stringify(g)),
  fc.tuple(network, hugeNumber).map(([g, num]) => JSON.stringify(g).replace(/("(?:kernel_size|in_channels|out_channels)":)-?\d+/, `$1${num}`)),
  fc.tuple(network, fc.nat(), fc.oneof(nastyString, fc.constantFrom('NaN', 'Infinity', '//', ',', '}', ']', "'", '\ufeff'))).map(([g, at, junk]) => {
    const s = JSON.stringify(g, null, 1);
    const k = at % (s.length + 1);
    return s.slice(0, k) + junk + s.slice(k);
  }),
  fc.tuple(network, fc.nat()).map(([g, at]) => {
    const s = JSON.stringify(g);
    return s.slice(0, at % (s.length + 1));
  }),
  fc.json({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 1, max: 50_000 }).map((d) => '['.repeat(d) + ']'.repeat(d % 3 === 0 ? d : 0)),
  fc.constantFrom('\ufeff', '', ' ', 'null', '[]', '{}', '"\\ud800"', '{"name":"\\u001b[2J"}'),
);

/** Names and a title for resnet-mini's modules and layers. */
const hostileNames = fc.tuple(fc.array(nastyString, { minLength: 1, maxLength: 4 }), nastyString);

/** resnet-mini with hostile text where the picture shows it: the network's name and title, module types, and layer paths. */
function renamed(names: string[], title: string): Graph {
  const base = zooGraph('resnet-mini')!;
  const rename = (p: string) => p.replace(/^net\.(\d)/, (_m, d: string) => `${names[Number(d) % names.length]}.${d}`);
  return {
    ...base,
    name: names[0],
    title,
    // Module types are cut to 40 characters: a frame is as wide as its title (a 5,000-character
    // type makes a 35,000 px frame and a render of seconds: the layout's to bound, not this suite's).
    modules: base.modules.map((m) => ({ ...m, path: rename(m.path), type: `${m.type}${names[names.length - 1].slice(0, 40)}` })),
    layers: base.layers.map((l) => ({ ...l, path: rename(l.path), inputs: l.inputs.map(rename) })),
    output: rename(base.output),
  };
}

/** A diagnostic names where it is: a layer, a JSON path, or (JSON syntax) a line and column. */
function namesAPlace(d: Diagnostic): boolean {
  return d.path !== '' || d.jsonPath !== undefined || /line \d+, column \d+/.test(d.message) || d.code === 'file';
}

function checkDiagnostics(ds: readonly Diagnostic[]): void {
  for (const d of ds) {
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.zh?.message.length ?? 0).toBeGreaterThan(0);
    if (d.severity === 'error') expect(namesAPlace(d), d.message).toBe(true);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-fuzz-'));
COMMANDS.render = cmdRender;
/** SVGs `cnn-graph render` wrote, by path. */
const written = new Map<string, string>();

async function cli(...argv: string[]) {
  let out = '';
  const io: IO = { stdout: (s) => void (out += s), stderr: (s) => void (out += s), readFile: readNetworkFile, writeFile: async (p, d) => void written.set(p, d) };
  return { code: await main(argv, io), out };
}

describe('hostile input (seeded property tests)', () => {
  it(`parseNetwork and analyze: ${RUNS.text} hostile texts, never a throw, every error placed`, () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        tried.text++;
        const p = parseNetwork(text);
        if (!p.graph) {
          expect(p.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          checkDiagnostics(p.diagnostics);
          return;
        }
        const a = analyze(p.graph);
        checkDiagnostics(a.diagnostics);
        expect(a.ok).toBe(!a.diagnostics.some((d) => d.severity === 'error'));
      }),
      { seed: SEED, numRuns: RUNS.text },
    );
    expect(tried.text).toBe(RUNS.text);
  });

  it(`analyze on graph objects: ${RUNS.networks} hostile networks (NaN, Infinity, cycles, markup in names)`, () => {
    fc.assert(
      fc.property(network, (g) => {
        tried.networks++;
        const layers = g.layers.map((l, k) => ({ ...l, inputs: l.inputs?.length ? l.inputs : [k ? g.layers[k - 1].path : 'input'] }));
        const a = analyze({ ...g, layers, modules: [], aux: [], output: g.output ?? layers[layers.length - 1]?.path ?? '' } as unknown as Graph);
        checkDiagnostics(a.diagnostics);
      }),
      { seed: SEED, numRuns: RUNS.networks },
    );
    expect(tried.networks).toBe(RUNS.networks);
  });

  it(`the CLI: ${RUNS.cli} hostile files through check, summary and render, never a raw control character or an internal error`, async () => {
    let k = 0;
    // Half the files are a real network with hostile names (so render draws), half anything.
    const file = fc.oneof(hostileText, hostileNames.map(([names, title]) => stringifyNetwork(renamed(names, title))));
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom('check', 'summary', 'render'), fc.boolean(), async (text, cmd, json) => {
        tried.cli++;
        const p = join(dir, `f${k++}.json`);
        writeFileSync(p, text);
        const svg = `${p}.svg`;
        const r = await cli(cmd, p, ...(cmd === 'render' ? ['--out', svg] : json ? ['--json'] : []));
        expect([0, 1]).toContain(r.code);
        expect(r.out).not.toMatch(RAW_CONTROL);
        if (r.code === 1 && (cmd === 'render' || !json)) expect(r.out).toMatch(/: error: /);
        if (written.has(svg)) expect(xmlProblem(written.get(svg)!)).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS.cli },
    );
    expect(tried.cli).toBe(RUNS.cli);
  });

  it(`the SVG writer: ${RUNS.svg} networks with hostile names always give well-formed XML`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileNames, async ([names, title]) => {
        tried.svg++;
        const g = renamed(names, title);
        for (const expand of ['none', 'all'] as const) {
          const svg = await renderNetworkSVG(g, { expand });
          expect(xmlProblem(svg)).toBeNull();
        }
      }),
      { seed: SEED, numRuns: RUNS.svg },
    );
    expect(tried.svg).toBe(RUNS.svg);
  }, 90_000);

  it(`export --format pytorch: ${RUNS.pytorch} networks with hostile names give Python that compiles, or a refusal that says why`, () => {
    const sources: string[] = [];
    fc.assert(
      fc.property(hostileNames, ([names, title]) => {
        tried.pytorch++;
        try {
          const code = pytorchCode(renamed(names, title));
          expect(code).not.toMatch(RAW_CONTROL);
          sources.push(code);
        } catch (e) {
          // A path PyTorch cannot hold (a layer inside another layer, `forward`…) is refused by name.
          expect(e).toBeInstanceOf(PytorchExportError);
          expect((e as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { seed: SEED, numRuns: RUNS.pytorch },
    );
    expect(sources.length).toBeGreaterThan(RUNS.pytorch / 2);
    // One Python for all of them: each must compile (names from the file escaped, no injected code).
    const files = sources.map((src, k) => {
      const f = join(dir, `export${k}.py`);
      writeFileSync(f, src);
      return f;
    });
    const r = spawnSync('/usr/bin/python3', ['-c', 'import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding="utf-8").read(), f, "exec")\nprint("ok", len(sys.argv) - 1)', ...files], { encoding: 'utf8' });
    expect(r.error, 'needs /usr/bin/python3 (apt-get install -y python3)').toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`ok ${files.length}`);
  });

  afterAll(() => {
    // The figures docs/bad-input.md gives.
    console.log(`hostile inputs tried: ${Object.entries(tried).map(([k, v]) => `${k} ${v}`).join(', ')} (${Object.values(tried).reduce((a, b) => a + b, 0)} in all); SVGs written by cnn-graph render: ${written.size}`);
  });
});

describe('the XML check itself', () => {
  it('accepts well-formed XML and refuses each kind of breakage', () => {
    expect(xmlProblem('<svg a="1&amp;"><t>x &lt; y</t><!-- c --><![CDATA[<>]]></svg>')).toBeNull();
    for (const bad of ['<svg>\uffff</svg>', '<svg>\ud800</svg>', '<svg>\x1b</svg>', '<svg a="<"/>', '<svg>&</svg>', '<svg><g></svg>', '<svg a=1/>', '<svg a="1" a="2"/>', '<svg/><svg/>', '<svg>&#0;</svg>', '<svg><!-- -- --></svg>'])
      expect(xmlProblem(bad), bad).not.toBeNull();
  });
});

describe('the SVG writer\'s text', () => {
  it('esc replaces what XML 1.0 does not allow with U+FFFD, and keeps pairs and markup escaped', () => {
    expect(esc('a\ufffeb\uffffc\ud800d\udc00e😀<]]>&')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde😀&lt;]]&gt;&amp;');
    expect(xmlProblem(`<svg><title>${esc('\x1b]0;x\x07\ud83d')}</title></svg>`)).toBeNull();
  });

  it('truncate keeps the longest prefix that fits with its "…", as measuring each shorter prefix did', () => {
    const slow = (text: string, size: number, max: number) => {
      if (textWidth(text, size) <= max) return text;
      const chars = [...text];
      while (chars.length && textWidth(chars.join('') + '…', size) > max) chars.pop();
      return chars.join('') + '…';
    };
    for (const text of ['features.3.branch2.1', '中文名字的层很长很长', 'mixed 中文 and Latin text 😀', 'W'.repeat(40), '']) {
      for (const max of [0, 5, 30, 61.5, 120, 500]) expect(truncate(text, 11, max)).toBe(slow(text, 11, max));
    }
  });
});
