/**
 * Hostile ONNX files, as the JSON reader is fuzzed (tests/fuzz/hostile.test.ts):
 * truncated and bit-flipped exports, random bytes, wrong wire types, a cycle,
 * a tensor nobody writes, absurd sizes, an input that is not an image, and a
 * file past the size limit. The properties: readOnnx never throws; a file it
 * refuses gets an error with its Chinese text that names the node and
 * operator, the tensor, or the byte problem; the CLI exits 1 or 2 with one
 * message and never a stack trace. Seeded, with fixed counts (docs/bad-input.md).
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { readNetworkBytes, readNetworkFile } from '../../src/cli/file.js';
import { readOnnx } from '../../src/import/onnx/read.js';
import { runCli } from '../cli/run.js';
import { model, node, valueInfo, weight } from '../import/onnx-build.js';

const SEED = 20261207;
const RUNS = { truncated: 60, flipped: 120, random: 300 };
const RESNET = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/onnx/resnet18.onnx')));
const LENET = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/onnx/lenet5.onnx')));
const CHINESE = /[\u4e00-\u9fff]/;

/** readOnnx never throws; what it refuses, it says in both languages; what it accepts, analyze takes without throwing. */
function survives(bytes: Uint8Array): string {
  const r = readOnnx(bytes, { name: 'fuzz' });
  for (const d of r.diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.zh?.message, d.message).toMatch(CHINESE);
  }
  if (r.graph) analyze(r.graph);
  else expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  return r.diagnostics.map((d) => d.message).join('\n');
}

describe('hostile ONNX bytes (seeded property tests)', () => {
  it(`${RUNS.truncated} truncations of a real export: refused with the byte problem, or read as far as it goes`, () => {
    let n = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: RESNET.length - 1 }), (cut) => {
        n++;
        survives(RESNET.subarray(0, cut));
      }),
      { seed: SEED, numRuns: RUNS.truncated },
    );
    expect(n).toBe(RUNS.truncated);
    // Cut inside a length-delimited field: protobufjs's own words.
    expect(survives(RESNET.subarray(0, RESNET.length - 7))).toMatch(/Not a readable ONNX file: its protobuf encoding is broken or cut short \(index out of range/);
  });

  it(`${RUNS.flipped} exports with bytes overwritten: never a throw`, () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: LENET.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        n++;
        const bytes = LENET.slice();
        for (const [at, v] of edits) bytes[at] = v;
        survives(bytes);
      }),
      { seed: SEED, numRuns: RUNS.flipped },
    );
    expect(n).toBe(RUNS.flipped);
  });

  it(`${RUNS.random} random byte strings: never a throw, never a graph`, () => {
    let n = 0;
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 2000 }), (bytes) => {
        n++;
        survives(bytes);
        expect(readOnnx(bytes).graph).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS.random },
    );
    expect(n).toBe(RUNS.random);
  });
});

describe('each malformed form gets its own message', () => {
  it('an empty file, and a graph sent with the wrong wire type (a varint where a message belongs)', () => {
    expect(survives(new Uint8Array())).toContain('The file is empty');
    // Field 7 (graph) as a varint: protobufjs keeps it as an unknown field, so there is no graph.
    expect(survives(new Uint8Array([0x08, 0x07, 0x38, 0x05]))).toContain('holds no graph with nodes (ModelProto field 7)');
  });

  it('a cycle names its nodes', () => {
    const bytes = model({ nodes: [node('Relu', ['x', 'b'], ['a'], {}, '/one/Relu'), node('Relu', ['a'], ['b'], {}, '/two/Relu')], output: ['b'] });
    expect(survives(bytes)).toContain('the graph has a cycle: node "/one/Relu" (Relu), node "/two/Relu" (Relu)');
  });

  it('a tensor that nothing writes', () => {
    const bytes = model({ nodes: [node('Add', ['x', 'ghost'], ['y'], {}, '/Add')] });
    expect(survives(bytes)).toContain('node "/Add" (Add) reads "ghost", which no node, initializer or input of the graph provides.');
  });

  it('two nodes writing one tensor', () => {
    const bytes = model({ nodes: [node('Relu', ['x'], ['y'], {}, '/a/Relu'), node('Tanh', ['x'], ['y'], {}, '/b/Tanh')] });
    expect(survives(bytes)).toContain('two nodes write the tensor "y"');
  });

  it('absurd sizes: a weight of 2^40 elements on one axis, an input of height 0, a 2-D input', () => {
    const big = model({ nodes: [node('Conv', ['x', 'w'], ['y'], { kernel_shape: [3, 3] }, '/c/Conv')], initializer: [weight('w', [2 ** 40, 3, 3, 3])] });
    expect(survives(big)).toContain('initializer "w" has shape [1099511627776, 3, 3, 3]: sizes must be whole numbers from 0 to 2147483647');
    const flat = model({ nodes: [node('Relu', ['x'], ['y'], {}, '/Relu')], input: [valueInfo('x', [1, 3, 0, 8])] });
    expect(survives(flat)).toContain('the network\'s input "x" has shape [1, 3, 0, 8]: channels, height and width must be fixed sizes');
    const mlp = model({ nodes: [node('Relu', ['x'], ['y'], {}, '/Relu')], input: [valueInfo('x', [1, 784])] });
    expect(survives(mlp)).toContain('cnn-graph reads networks on images, N×C×H×W');
    const dynamic = model({ nodes: [node('Relu', ['x'], ['y'], {}, '/Relu')], input: [valueInfo('x', ['batch', 3, 'height', 'width'])] });
    expect(survives(dynamic)).toContain('[batch, 3, height, width]');
  });

  it('an attribute that makes no layer (a zero-sized kernel) is named with the node', () => {
    const bytes = model({ nodes: [node('Conv', ['x', 'w'], ['y'], { kernel_shape: [0, 0] }, '/c/Conv')], initializer: [weight('w', [4, 3, 0, 0])] });
    expect(survives(bytes)).toMatch(/^node "\/c\/Conv" \(Conv\): it becomes Conv2d with kernel_size that/);
  });

  it('a file over the limit is refused before it is read, by size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-onnx-'));
    const file = join(dir, 'huge.onnx');
    writeFileSync(file, '');
    truncateSync(file, 513 * 1024 * 1024); // sparse: no disk used
    await expect(readNetworkBytes(file, 512 * 1024 * 1024)).rejects.toThrow('the file is 513.0 MiB; cnn-graph reads networks of up to 512 MiB.');
    const r = await runCli(['check', file], readNetworkFile, readNetworkBytes);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('513.0 MiB');
  });
});

describe('the CLI on ONNX files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-onnx-cli-'));
  const at = (name: string, bytes: Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  it('summary --json reads an export: PyTorch\'s totals; a file with no extension is known by its bytes', async () => {
    const file = join(import.meta.dirname, '../fixtures/onnx/resnet18.onnx');
    const r = await runCli(['summary', file, '--json'], readNetworkFile, readNetworkBytes);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ model: 'resnet18', input: [3, 224, 224], output: [1000], totals: { params: 11689512, macs: 1814073344 } });
    const bare = await runCli(['summary', at('model', RESNET), '--json'], readNetworkFile, readNetworkBytes);
    expect(bare.code).toBe(0);
    expect(JSON.parse(bare.stdout).totals.params).toBe(11689512);
  });

  it('check on broken files: exit 1, one message naming the problem, no stack trace', async () => {
    const files = {
      truncated: at('cut.onnx', RESNET.subarray(0, 5000)),
      cycle: at('cycle.onnx', model({ nodes: [node('Relu', ['x', 'b'], ['a'], {}, '/one/Relu'), node('Relu', ['a'], ['b'], {}, '/two/Relu')], output: ['b'] })),
      unsupported: at('op.onnx', model({ nodes: [node('Einsum', ['x'], ['y'], {}, '/block/Einsum')] })),
      text: at('notes.onnx', new TextEncoder().encode('not a model at all\n')),
    };
    for (const [what, file] of Object.entries(files)) {
      const r = await runCli(['check', file], readNetworkFile, readNetworkBytes);
      expect(r.code, what).toBe(1);
      expect(r.stderr, what).toMatch(/: error: /);
      expect(r.stderr, what).not.toMatch(/\n\s+at /);
    }
    expect((await runCli(['check', files.unsupported], readNetworkFile, readNetworkBytes)).stderr).toContain('node "/block/Einsum" (Einsum): cnn-graph does not read the operator Einsum.');
  });

  it('a directory named like a model is a usage error (exit 2)', async () => {
    const d = join(dir, 'folder.onnx');
    mkdirSync(d);
    const r = await runCli(['summary', d], readNetworkFile, readNetworkBytes);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a directory, not a network file.');
  });
});
