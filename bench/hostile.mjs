// Hostile input that used to take seconds: `cnn-graph check` on thousands of dangling
// inputs (the "did you mean" search), and drawing a network with a 5,000-character name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, machine, median, timeIt } from './lib.mjs';

const { analyze, parseNetwork, zooGraph } = await bundle('src/index.ts', 'hostile');
const { renderNetworkSVG } = await bundle('src/render/index.ts', 'hostile-render');
console.log(`# hostile input · ${machine()}`);

const dangling = (n) => {
  const layers = [{ path: 'net.0', kind: 'Conv2d', in_channels: 1, out_channels: 4, kernel_size: 3 }];
  for (let k = 1; k < n; k++) layers.push({ path: `net.${k}`, kind: 'ReLU', inputs: [`nett.${k}x`] });
  return JSON.stringify({ name: 't', input: [1, 28, 28], layers });
};
const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-bench-'));
for (const n of [4000, 10000]) {
  const text = dangling(n);
  const r = timeIt(() => analyze(parseNetwork(text).graph), { runs: 5, warmup: 1 });
  const file = join(dir, `dangling-${n}.json`);
  writeFileSync(file, text);
  const wall = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const p = spawnSync(process.execPath, ['bin/cnn-graph.js', 'check', file], { encoding: 'utf8' });
    wall.push(performance.now() - t);
    if (p.status !== 1) throw new Error(`check exited ${p.status}: ${p.stderr.slice(0, 300)}`);
  }
  console.log(`${n} dangling inputs: parse + analyze median ${r.median.toFixed(0)} ms; \`cnn-graph check\` spawn to exit median ${median(wall).toFixed(0)} ms`);
}
{
  const base = zooGraph('resnet-mini');
  const name = 'x'.repeat(5000);
  const rename = (p) => p.replace(/^net\./, `${name}.`);
  const g = { ...base, name, layers: base.layers.map((l) => ({ ...l, path: rename(l.path), inputs: l.inputs.map(rename) })), modules: base.modules.map((m) => ({ ...m, path: rename(m.path) })), output: rename(base.output) };
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await renderNetworkSVG(g, { expand: 'all' });
    times.push(performance.now() - t);
  }
  console.log(`render resnet-mini (all expanded) with a 5,000-character name: median ${median(times).toFixed(0)} ms`);
}
