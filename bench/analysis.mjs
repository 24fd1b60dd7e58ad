// Analysis time per zoo network (warm, median of many runs) and CLI start-up (wall, median).
import { spawnSync } from 'node:child_process';
import { bundle, machine, median, timeIt } from './lib.mjs';

const { analyze, zooGraph, ZOO_IDS, parseNetwork, stringifyNetwork } = await bundle('src/index.ts', 'analysis');
console.log(`# analysis · ${machine()}`);
for (const id of ['lenet5', 'googlenet-paper', 'torchvision-resnet50', 'torchvision-resnet152', 'torchvision-densenet121', 'torchvision-inception-v3']) {
  const g = zooGraph(id);
  const r = timeIt(() => analyze(g), { runs: 300, warmup: 30 });
  console.log(`analyze ${id.padEnd(24)} ${g.layers.length} layers  median ${r.median.toFixed(3)} ms  (min ${r.min.toFixed(3)}, max ${r.max.toFixed(2)})`);
}
// A fresh graph object each run (what a page or the CLI analyses once): no per-object caches are warm.
{
  const graphs = Array.from({ length: 200 }, () => zooGraph('torchvision-resnet152'));
  let i = 0;
  const r = timeIt(() => analyze(graphs[i++ % graphs.length]), { runs: 180, warmup: 20 });
  console.log(`analyze torchvision-resnet152, a new graph object each run  median ${r.median.toFixed(3)} ms`);
}
// A user's graph (from JSON) is schema-checked on its first analysis; zoo graphs are trusted.
{
  const text = stringifyNetwork(zooGraph('torchvision-resnet152'));
  const r = timeIt(() => analyze(parseNetwork(text).graph), { runs: 50, warmup: 5 });
  console.log(`parse JSON + first analysis (schema-checked) torchvision-resnet152  median ${r.median.toFixed(2)} ms`);
}
const all = timeIt(() => ZOO_IDS.forEach((id) => analyze(zooGraph(id))), { runs: 20, warmup: 3 });
console.log(`build + analyze all ${ZOO_IDS.length} zoo networks  median ${all.median.toFixed(1)} ms`);

// Start-up, spawn to exit; interleaved with a bare `node -e 0` so that load from
// other processes weighs on both alike, and the difference is cnn-graph's own.
const RUNS = 21;
// The largest networks by layers (resnet152, 515) and by connections (densenet121: every dense
// layer reads all earlier ones), and the one with an aux head at 299 px (inception_v3).
for (const model of ['torchvision-resnet152', 'torchvision-densenet121', 'torchvision-inception-v3']) {
  const cli = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const p = spawnSync(process.execPath, ['bin/cnn-graph.js', 'summary', model], { encoding: 'utf8' });
    cli.push(performance.now() - t);
    if (p.status !== 0) throw new Error(p.stderr);
    t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
  }
  console.log(`cnn-graph summary ${model} (wall, ${RUNS} runs)  median ${median(cli).toFixed(0)} ms  (min ${Math.min(...cli).toFixed(0)}, max ${Math.max(...cli).toFixed(0)});  node -e 0 same runs: median ${median(bare).toFixed(0)} ms`);
}
