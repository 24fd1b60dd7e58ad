import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { COMMANDS } from '../../src/cli/main.js';
import { cmdRender } from '../../src/cli/render.js';
import { zooGraph } from '../../src/zoo/index.js';
import { renderNetworkSVG } from '../../src/render/index.js';
import { runCli } from './run.js';

COMMANDS.render = cmdRender;
const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-render-'));

const run = (...argv: string[]) => runCli(argv);

describe('cnn-graph render', () => {
  it('writes the same SVG as the shared render path, with every analysed shape on an edge', async () => {
    const out = join(dir, 'lenet5.svg');
    const r = await run('render', 'lenet5', '--out', out, '--expand', 'all');
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toBe(await renderNetworkSVG(zooGraph('lenet5')!, { expand: 'all', direction: 'down', theme: 'light' }));
    for (const l of analyze(zooGraph('lenet5')!).layers) expect(svg).toContain(`>${l.outputShape!.join('×')}<`);
  });

  it('--engine elk draws the same boxes and shapes with elk; the default is structural', async () => {
    const out = join(dir, 'resnet-mini-elk.svg');
    expect((await run('render', 'resnet-mini', '--out', out, '--expand', 'all', '--engine', 'elk')).code).toBe(0);
    const elk = readFileSync(out, 'utf8');
    expect(elk).toBe(await renderNetworkSVG(zooGraph('resnet-mini')!, { expand: 'all', engine: 'elk' }));
    const structural = await renderNetworkSVG(zooGraph('resnet-mini')!, { expand: 'all' });
    expect(structural).not.toBe(elk);
    const ids = (svg: string) => [...svg.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(ids(structural)).toEqual(ids(elk));
    expect((await run('render', 'lenet5', '--out', out, '--engine', 'dagre')).code).toBe(2);
  });

  it('a DAG too dense for elk is drawn with the fast layered layout, and a note on stderr says so; --engine elk or fast is obeyed', async () => {
    // Issue 13: each Add reads layer i−1 and layer ⌊i/2⌋; elk took minutes on 302 layers.
    const layers: object[] = [{ kind: 'Conv2d', in_channels: 3, out_channels: 8, kernel_size: 3, padding: 1, path: 'l0', inputs: ['input'] }, { kind: 'ReLU', path: 'l1' }];
    for (let i = 2; i < 302; i++) layers.push({ kind: 'Add', path: `l${i}`, inputs: [`l${i - 1}`, `l${i >> 1}`] });
    const file = join(dir, 'halving.json');
    writeFileSync(file, JSON.stringify({ format: 'cnn-graph/1', name: 'halving', input: [3, 16, 16], layers }));
    const out = join(dir, 'halving.svg');
    const r = await run('render', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${file}: note: 304 boxes with 299 cross-links, not series–parallel: drawn with the fast layered layout (elk would be slow, up to minutes); --engine elk to force it.\n`);
    expect(r.stdout).toMatch(/^wrote .*halving\.svg \(302 layers/);
    expect(readFileSync(out, 'utf8')).toContain('data-id="L:l301"');
    // Asked for by name: no note. A series–parallel network under --engine fast is drawn by it too.
    const named = await run('render', file, '--out', out, '--engine', 'fast');
    expect(named.stderr).toBe('');
    expect((await run('render', 'resnet-mini', '--out', out, '--expand', 'all', '--engine', 'fast')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe(await renderNetworkSVG(zooGraph('resnet-mini')!, { expand: 'all' }));
    // A zoo network under auto: structural, no note.
    expect((await run('render', 'torchvision-resnet18', '--out', out, '--expand', 'all')).stderr).toBe('');
  });

  it('usage errors exit 2', async () => {
    expect((await run('render', 'lenet5')).stderr).toBe('cnn-graph render: render needs --out file.svg.\n');
    expect((await run('render', 'lenet5', '--out', join(dir, 'x.svg'), '--expand', 'some')).code).toBe(2);
    expect((await run('render', 'lenet5', '--out', join(dir, 'x.svg'), '--direction', 'up')).code).toBe(2);
  });
});
