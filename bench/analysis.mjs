// Analysis time per zoo network (warm, median of many runs) and CLI start-up (wall, median).
import { spawnSync } from 'node:child_process';
import { bundle, machine, median, timeIt } from './lib.mjs';

const { analyze, zooGraph, ZOO_IDS, parseNetwork, stringifyNetwork } = await bundle('src/index.ts', 'analysis');
console.log(`# analysis · ${machine()}`);
for (const id of ['lenet5', 'googlenet-paper', 'torchvision-resnet50', 'torchvision-resnet152']) {
  const g = zooGraph(id);
  const r = timeIt(() => analyze(g), { runs: 300, warmup: 30 });
  console.log(`analyze ${id.padEnd(24)} ${g.layers.length} layers  median ${r.median.toFixed(3)} ms  (min ${r.min.toFixed(3)}, max ${r.max.toFixed(2)})`);
}
// A user's graph (from JSON) is schema-checked on its first analysis; zoo graphs are trusted.
{
  const text = stringifyNetwork(zooGraph('torchvision-resnet152'));
  const r = timeIt(() => analyze(parseNetwork(text).graph), { runs: 50, warmup: 5 });
  console.log(`parse JSON + first analysis (schema-checked) torchvision-resnet152  median ${r.median.toFixed(2)} ms`);
}
const all = timeIt(() => ZOO_IDS.forEach((id) => analyze(zooGraph(id))), { runs: 20, warmup: 3 });
console.log(`build + analyze all ${ZOO_IDS.length} zoo networks  median ${all.median.toFixed(1)} ms`);

const walls = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  const p = spawnSync(process.execPath, ['bin/cnn-graph.js', 'summary', 'torchvision-resnet152'], { encoding: 'utf8' });
  walls.push(performance.now() - t);
  if (p.status !== 0) throw new Error(p.stderr);
}
console.log(`cnn-graph summary torchvision-resnet152 (wall, 15 runs)  median ${median(walls).toFixed(0)} ms`);
const bare = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(performance.now() - t);
}
console.log(`node -e 0 (wall, for reference)  median ${median(bare).toFixed(0)} ms`);
