import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { IO } from '../../src/cli/common.js';
import { COMMANDS, main } from '../../src/cli/main.js';
import { cmdRender } from '../../src/cli/render.js';
import { zooGraph } from '../../src/zoo/index.js';
import { renderNetworkSVG } from '../../src/render/index.js';

COMMANDS.render = cmdRender;
const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-render-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: IO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readFile: async (p) => readFileSync(p, 'utf8'), writeFile: async (p, d) => writeFileSync(p, d) };
  return { code: await main(argv, io), stdout, stderr };
}

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

  it('usage errors exit 2', async () => {
    expect((await run('render', 'lenet5')).stderr).toBe('cnn-graph render: render needs --out file.svg.\n');
    expect((await run('render', 'lenet5', '--out', join(dir, 'x.svg'), '--expand', 'some')).code).toBe(2);
    expect((await run('render', 'lenet5', '--out', join(dir, 'x.svg'), '--direction', 'up')).code).toBe(2);
  });
});
