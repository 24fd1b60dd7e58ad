// ONNX in (issue 12): decoding and analysing torch's export of ResNet-152 (tests/fixtures/onnx/resnet152.onnx,
// without weights), of LeNet-5 with its weights, of ConvNeXt-T (opset 13: LayerNorm as arithmetic, fused) and of
// the LRN network (torch's ~40-node LocalResponseNorm, fused); target under 100 ms for ResNet-152. Medians of warm runs,
// and the first run of a fresh process (protobufjs builds its decoder, zod the kinds' schemas) apart; then
// `cnn-graph summary` on the file, spawn to exit.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { bundle, machine, median, timeIt } from './lib.mjs';

const { readOnnx, analyze } = await bundle('src/index.ts', 'onnx');
console.log(`# ONNX in · ${machine()}`);
for (const name of ['resnet152', 'lenet5', 'convnext_tiny', 'lrn']) {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/onnx/${name}.onnx`));
  let t = performance.now();
  const first = readOnnx(bytes, { name });
  const firstRead = performance.now() - t;
  if (!first.graph) throw new Error(first.diagnostics.map((d) => d.message).join('\n'));
  const read = timeIt(() => readOnnx(bytes, { name }), { runs: 30, warmup: 5 });
  const both = timeIt(() => analyze(readOnnx(bytes, { name }).graph), { runs: 30, warmup: 5 });
  console.log(
    `${name}.onnx (${(bytes.length / 1024).toFixed(0)} KiB, ${first.graph.layers.length} layers): decode + read median ${read.median.toFixed(1)} ms; decode + read + analyze median ${both.median.toFixed(1)} ms (min ${both.min.toFixed(1)}); first read in a fresh process ${firstRead.toFixed(0)} ms`,
  );
}

// The CLI, spawn to exit, beside bare Node start-up (needs `npm run build`).
if (existsSync('dist/cli.js')) {
  const wall = (args) => {
    const ts = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const p = spawnSync(process.execPath, args, { encoding: 'utf8' });
      ts.push(performance.now() - t);
      if (p.status !== 0) throw new Error(`${args.join(' ')} exited ${p.status}: ${p.stderr.slice(0, 300)}`);
    }
    return median(ts);
  };
  const cli = wall(['bin/cnn-graph.js', 'summary', 'tests/fixtures/onnx/resnet152.onnx', '--json']);
  const bare = wall(['-e', '0']);
  console.log(`\`cnn-graph summary resnet152.onnx --json\`, spawn to exit: median ${cli.toFixed(0)} ms (\`node -e 0\`: ${bare.toFixed(0)} ms)`);
}
