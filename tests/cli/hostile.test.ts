/** The CLI under hostile files: cycles, escape codes, binary and UTF-16 files, FIFOs and devices, floods of errors. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetworkFile } from '../../src/cli/file.js';
import { MAX_PRINTED_DIAGNOSTICS } from '../../src/cli/common.js';
import { COMMANDS } from '../../src/cli/main.js';
import { cmdRender } from '../../src/cli/render.js';
import { runCli } from './run.js';

COMMANDS.render = cmdRender;
const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-hostile-'));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

/** In-process, reading files the way the binary does (src/cli/node.ts). */
const run = (...argv: string[]) => runCli(argv, readNetworkFile);

/** What a terminal would act on: C0 controls but the line break, DEL, C1 controls. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

const conv = { path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3 };
const net = (layers: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ name: 't', input: [1, 28, 28], layers, ...extra });

describe('a cycle is the same error in check, summary, render and train', () => {
  const self = file('self.json', net([conv, { path: 'net.1', kind: 'ReLU' }, { path: 'net.2', kind: 'Add', inputs: ['net.1', 'net.2'] }, { path: 'net.3', kind: 'Flatten' }]));
  const message = 'net.2 Add: reads its own output ("inputs" names "net.2"): a layer cannot read itself.';
  it.each([['check'], ['summary'], ['render', '--out', join(dir, 'self.svg')], ['train', '--limit', '8', '--epochs', '1']])('%s', async (cmd, ...rest) => {
    const r = await run(cmd, self, ...rest);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${message}`);
    expect(r.stderr).toContain('fix: Make it read the layer before it');
    expect(r.stderr).not.toMatch(/class|reading 'shape'/);
  });
});

describe('nothing from a file reaches the terminal raw', () => {
  it('escape codes in names, kinds, dangling inputs and the file name are shown escaped', async () => {
    const title = '\x1b]0;pwned\x07';
    const clear = '\x1b[2J\x1b[H\rOK\u009b31m';
    const p = file(`evil${'\x1b'}[31m.json`, net([{ ...conv, path: `net.0${title}` }, { path: `r${clear}`, kind: 'ReLU', inputs: [`ghost${clear}`] }, { path: 'k', kind: `Conv${clear}` }], { name: `n${clear}` }));
    for (const argv of [['check', p], ['summary', p], ['check', p, '--json'], ['summary', p, '--json']]) {
      const r = await run(...argv);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
    expect((await run('check', p)).stderr).toContain('unknown layer kind "Conv\\u001b[2J\\u001b[H\\rOK\\u009b31m"');
    const r = await run('check', file(`evil${'\x1b'}[31m.json`, net([{ ...conv, path: `net.0${title}` }, { path: `r${clear}`, kind: 'ReLU', inputs: [`ghost${clear}`] }])));
    expect(r.stderr).toContain('reads "ghost\\x1b[2J\\x1b[H\\x0dOK\\u009b31m", which is not a layer of this network.');
    expect(r.stderr).toContain('evil\\x1b[31m.json: error:');
    const j = await run('summary', file('ok-evil.json', net([{ ...conv, path: `net.0${title}` }])), '--json');
    // In JSON the escapes read back as the same text.
    expect(JSON.parse(j.stdout).layers[0].path).toBe(`net.0${title}`);
  });

  it('a line break in a name cannot start a line of its own', async () => {
    const r = await run('check', file('nl.json', net([conv, { path: 'r', kind: 'ReLU', inputs: ['x\nok: all good'] }])));
    expect(r.stderr.split('\n').some((l) => l.startsWith('ok:'))).toBe(false);
    expect(r.stderr).toContain('x\\x0aok: all good');
  });

  it('a binary file says so instead of echoing its bytes', async () => {
    // A PNG's signature, then bytes of every value.
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(256).map((_, k) => (k * 37) % 256)]);
    const r = await run('check', file('weights.json', bytes));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: not a UTF-8 text file: it holds bytes that are not text/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('a UTF-16 file, with or without a byte-order mark, is named as UTF-16', async () => {
    const text = net([conv]);
    const le = new Uint8Array(text.length * 2);
    for (let k = 0; k < text.length; k++) le[2 * k] = text.charCodeAt(k);
    for (const bytes of [new Uint8Array([0xff, 0xfe, ...le]), le]) {
      const r = await run('check', file('utf16.json', bytes));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error: not a UTF-8 text file: it is UTF-16 text.');
      expect(r.stderr).toContain('Save it as UTF-8');
    }
  });

  it('a UTF-8 byte-order mark is accepted', async () => {
    const r = await run('check', file('bom.json', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(net([conv]))])));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('files are checked before they are read', () => {
  it('/dev/urandom and a FIFO are refused at once, never read', async () => {
    const r = await run('check', '/dev/urandom');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/dev/urandom: error: this is a device, not a regular file');
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const f = await run('check', fifo);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('error: this is a pipe (FIFO), not a regular file');
  });

  it('an oversized file is refused by its size in bytes; at most limit + 1 bytes are read', async () => {
    const p = file('big.json', '中'.repeat(10));
    await expect(readNetworkFile(p, 29)).rejects.toThrow(/^the file is 0\.0 MiB; cnn-graph reads networks of up to/);
    expect(await readNetworkFile(p, 30)).toBe('中'.repeat(10));
    const big = file('big2.json', ' '.repeat(16 * 1048576 + 1));
    const r = await run('check', big);
    expect(r.stderr).toContain('error: the file is 16.0 MiB; cnn-graph reads networks of up to 16 MiB.');
  });
});

describe('a flood of errors', () => {
  const layers: unknown[] = [conv];
  for (let k = 1; k < 400; k++) layers.push({ path: `net.${k}`, kind: 'ReLU', inputs: [`nowhere.${k}`] });
  const p = file('flood.json', net(layers));

  it(`prints the first ${MAX_PRINTED_DIAGNOSTICS} and says how many more`, async () => {
    const r = await run('check', p);
    expect(r.stderr.match(/: error: /g)).toHaveLength(MAX_PRINTED_DIAGNOSTICS);
    expect(r.stderr).toContain(`flood.json: … and 349 more (349 errors, 0 warnings); the first ${MAX_PRINTED_DIAGNOSTICS} are shown, \`--json\` lists them all.`);
    expect(r.stdout).toBe(`399 errors in ${p}\n`);
  });

  it('--json lists them all', async () => {
    const j = JSON.parse((await run('check', p, '--json')).stdout);
    expect(j.diagnostics).toHaveLength(399);
  });
});

describe('zoo ids', () => {
  it('a family name written another way suggests the zoo id', async () => {
    expect((await run('summary', 'resnet-50')).stderr).toContain('"resnet-50" is neither a zoo id nor a .json, .py or .onnx file. Did you mean "torchvision-resnet50"?');
    // export reads a JSON file too (--format pytorch), so it words an unknown id as summary does.
    expect((await run('export', 'LeNet-5')).stderr).toContain('"LeNet-5" is neither a zoo id nor a .json, .py or .onnx file. Did you mean "lenet5"?');
    expect((await run('export', 'googlenet_mini')).stderr).toContain('Did you mean "googlenet-mini"?');
  });
});

describe('quoted input is cut', () => {
  it('a million-character argument or path', async () => {
    const r = await run('summary', 'x'.repeat(1_000_000));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(300);
    const p = file('long.json', net([conv, { path: 'r', kind: 'ReLU', inputs: ['y'.repeat(1_000_000)] }]));
    const c = await run('check', p);
    expect(c.stderr.length).toBeLessThan(1000);
  });
});
