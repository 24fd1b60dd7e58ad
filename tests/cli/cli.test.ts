import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZOO_IDS } from '../../src/zoo/index.js';
import { runCli } from './run.js';

const run = (...argv: string[]) => runCli(argv);

const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('cnn-graph list / summary', () => {
  it('lists every zoo id with one line each', async () => {
    const r = await run('list');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(ZOO_IDS);
  });

  it('summary prints a table with totals and names the convention', async () => {
    const r = await run('summary', 'lenet5');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/net\.0\s+Conv2d\s+6×28×28\s+156\s+117,600\s+28\.2%/);
    expect(r.stdout).toContain('Total params: 61,706');
    expect(r.stdout).toContain('MACs: 416,520');
    expect(r.stdout).toContain('Convention "default"');
  });

  it('--json has exactly the documented shape', async () => {
    const r = await run('summary', 'googlenet-paper', '--json');
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['model', 'input', 'output', 'convention', 'totals', 'layers']);
    expect(j.totals).toEqual({ params: 13_378_280, trainableParams: 13_378_280, macs: 1_582_671_872, flops: 3_165_343_744 });
    expect(j.layers[0]).toEqual({ path: 'conv1.conv', kind: 'Conv2d', outputShape: [64, 112, 112], params: 9472, macs: 118_013_952 });
    expect(j.layers.find((l: { path: string }) => l.path === 'aux1.fc2')).toEqual({ path: 'aux1.fc2', kind: 'Linear', outputShape: [1000], params: 1_025_000, macs: 1_024_000, aux: true });
  });

  it('--input and --convention change the numbers', async () => {
    const j = JSON.parse((await run('summary', 'torchvision-resnet18', '--input', '3x32x32', '--convention', 'torchinfo', '--json')).stdout);
    expect(j.input).toEqual([3, 32, 32]);
    expect(j.convention).toBe('torchinfo');
    expect(j.layers[0]).toMatchObject({ path: 'conv1', outputShape: [64, 16, 16], macs: 9408 * 256 });
  });

  it('--depth folds modules', async () => {
    const r = await run('summary', 'torchvision-resnet50', '--depth', '1');
    expect(r.stdout).toMatch(/layer3\s+Sequential\s+1024×14×14\s+7,098,368/);
    expect(r.stdout).not.toContain('layer3.0');
  });
});

describe('export → summary/check give the same results as the id', () => {
  it.each(['lenet5', 'googlenet-paper', 'torchvision-resnet50'])('%s', async (id) => {
    const p = file(`${id}.json`, (await run('export', id)).stdout);
    const [a, b] = [JSON.parse((await run('summary', id, '--json')).stdout), JSON.parse((await run('summary', p, '--json')).stdout)];
    expect(b).toEqual(a);
    const c = await run('check', p);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/^ok: /);
  });
});

describe('check and bad input', () => {
  it('a channel mismatch: exit 1, message on stderr naming the layer and the fix', async () => {
    const doc = JSON.parse((await run('export', 'googlenet-mini')).stdout);
    doc.layers.find((l: { path: string }) => l.path === 'net.4').in_channels = 20;
    const r = await run('check', file('bad.json', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: net.4 Conv2d: expects 20 input channels, receives 88 (from net.3.cat Concat 88×12×12).');
    expect(r.stderr).toContain('fix: Set in_channels=88, or check the layer before it.');
  });

  it('malformed JSON: exit 1 with line and column', async () => {
    const r = await run('check', file('broken.json', '{"name": "x", "input": [1,28,28], "layers": [}'));
    expect(r.code).toBe(1);
    // The "}" is the 46th character (V8 placed it one past the end of the line).
    expect(r.stderr).toMatch(/Not valid JSON at line 1, column 46: Unexpected token "}"/);
  });

  it('`<command> --help`, `-h` and `help <command>` print that command\'s usage, exit 0', async () => {
    const check = await run('check', '--help');
    expect(check.code).toBe(0);
    expect(check.stdout).toBe('Usage:\n  cnn-graph check <file.json | model.py | model.onnx | id> [--class Name] [--input CxHxW]\n                                                   validate a network; exit 1 if it has errors\n\nExit status: 0 ok, 1 problems found in the network, 2 usage errors.\n');
    // A command on two lines of the usage keeps both; the lines of other commands stay out.
    const compare = (await run('compare', '-h')).stdout;
    expect(compare.split('\n').filter((l) => l.startsWith('  cnn-graph '))).toEqual([
      '  cnn-graph compare bottleneck --input 192x28x28 --out 32 --kernel 5 --reduce 16 [--no-bias] [--json]',
      '  cnn-graph compare stack --channels C --kernel 7 [--size 56x56] [--bias] [--json]',
    ]);
    const train = await run('help', 'train');
    expect(train.stdout).toContain('[--batch N] [--lr X]');
    expect(train.stdout).toContain("train in Node (WASM) with the notes' settings");
    expect(train.stdout).not.toContain('cnn-graph render');
    expect((await run('summary', 'lenet5', '--help')).stdout).toMatch(/^Usage:\n  cnn-graph summary <id \| file\.json \| model\.py \| model\.onnx> \[--class Name\] \[--input 1x28x28\]/);
    expect(await run('help', 'chek')).toMatchObject({ code: 2, stderr: 'cnn-graph unknown command "chek". Did you mean "check"? Run `cnn-graph --help`.\n' });
  });

  it('usage errors: exit 2, one line, a suggestion', async () => {
    expect(await run('sumary', 'lenet5')).toMatchObject({ code: 2, stderr: 'cnn-graph unknown command "sumary". Did you mean "summary"? Run `cnn-graph --help`.\n' });
    expect(await run('summary', 'lenet')).toMatchObject({ code: 2 });
    expect((await run('summary', 'lenet')).stderr).toContain('Did you mean "lenet5"?');
    expect((await run('summary', 'lenet5', '--input', '28x28')).stderr).toBe('cnn-graph summary: --input must be three positive integers like 1x28x28 (channels×height×width), got "28x28".\n');
    expect((await run('summary', 'lenet5', '--convention', 'thop')).code).toBe(2);
    expect((await run('summary', 'lenet5', '--bogus')).code).toBe(2);
    expect((await run('check', join(dir, 'missing.json'))).stderr).toMatch(/no such file/);
    expect((await run('compare', 'stack', '--channels', '64', '--kernel', '6')).stderr).toMatch(/--kernel must be odd/);
    expect((await run()).code).toBe(2);
  });
});

describe('compare', () => {
  it('bottleneck --json', async () => {
    const j = JSON.parse((await run('compare', 'bottleneck', '--input', '192x28x28', '--out', '32', '--kernel', '5', '--reduce', '16', '--json')).stdout);
    expect(j.variants.map((v: { macs: number }) => v.macs)).toEqual([120_422_400, 12_443_648]);
  });
  it('stack text says 49 versus 27 per C²', async () => {
    const r = await run('compare', 'stack', '--channels', '64', '--kernel', '7');
    expect(r.stdout).toContain('weights per C² (C = 64): 49 versus 27');
  });
});

describe('the built binary', () => {
  const bin = join(process.cwd(), 'bin/cnn-graph.js');
  it('runs, exits with the right codes, and never prints a stack trace', () => {
    expect(existsSync('dist/cli.js'), 'dist/cli.js is missing: `npm test` builds it first; run `npm run build`').toBe(true);
    const ok = spawnSync(process.execPath, [bin, 'summary', 'lenet5', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).totals.params).toBe(61_706);
    const bad = spawnSync(process.execPath, [bin, 'check', file('worse.json', '{"name":"x","input":[1,28,28],"layers":[{"path":"a","kind":"Linear","in_features":5,"out_features":2}]}')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error: a Linear: expects in_features=5, receives 1×28×28, whose last dimension is 28 (from input 1×28×28).');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    // render registers itself in the binary (src/cli/node.ts): its help comes from the same usage.
    const help = spawnSync(process.execPath, [bin, 'render', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toBe('Usage:\n  cnn-graph render <id | file.json | model.py | model.onnx> [--class Name] --out file.svg [--expand none|all|N] [--direction down|right] [--engine auto|elk|fast]\n\nExit status: 0 ok, 1 problems found in the network, 2 usage errors.\n');
  });
});
