#!/usr/bin/env node
/**
 * The cost of PyTorch-exact resampling in training: one U-Net decoder stage
 * (batch 16, 64 channels, 32×32 → 64×64), forward and backward, on tfjs's
 * 'wasm' backend with this project's kernels. Upsample (nearest, bilinear)
 * is two matrix products with ATen's index rules (src/kinds/upsample),
 * against tf.image's resize, which is not PyTorch's at a non-integer
 * scale_factor and whose gradients are not the adjoint of its forward pass
 * (at scale 2 the forward agrees with PyTorch, the input gradient does not:
 * tests/kinds/resample.test.ts). ConvTranspose2d 2×2 stride 2
 * (src/kinds/convtranspose2d) is compared with tfjs's own conv2dTranspose
 * layer, which has no output_padding, groups or dilation. Prints medians in ms.
 *
 *   node bench/resample.mjs [--runs 20] [--batch 16]
 */
import * as tf from '@tensorflow/tfjs';
import { bundle, median } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const runs = opt('--runs', 20);
const batch = opt('--batch', 16);

const { selectBackend } = await bundle('src/train/backend.ts', 'resample-backend');
const { Resize } = await bundle('src/kinds/upsample/layer.ts', 'resample-upsample');
const { TransposedConv2d } = await bundle('src/kinds/convtranspose2d/layer.ts', 'resample-convt');
await selectBackend({ prefer: 'wasm' });

/** Median ms of forward + gradient of sum(f(x)) for the input and the layer's weights. */
function time(name, f, x, vars = []) {
  const step = () => {
    const { value, grads } = tf.variableGrads(() => tf.sum(f(x)), [x, ...vars]);
    value.dataSync();
    tf.dispose([value, ...Object.values(grads)]);
  };
  for (let i = 0; i < 3; i++) step();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    step();
    ts.push(performance.now() - t);
  }
  console.log(`${name.padEnd(52)} ${median(ts).toFixed(1).padStart(8)} ms`);
}

const x = tf.variable(tf.randomNormal([batch, 32, 32, 64]), true, 'x');
const size = [64, 64];
for (const mode of ['nearest', 'bilinear']) {
  const layer = new Resize({ outputSize: size, mode, alignCorners: false, scales: [2, 2] });
  time(`Upsample ×2 ${mode} (this project: matrices)`, (t) => layer.apply(t), x);
  const image = mode === 'nearest' ? (t) => tf.image.resizeNearestNeighbor(t, size) : (t) => tf.image.resizeBilinear(t, size, false, true);
  time(`tf.image resize ${mode} (its own gradient: not PyTorch's)`, image, x);
}
const convt = new TransposedConv2d({ filters: 32, kernel: [2, 2], stride: [2, 2], padding: [0, 0], outputPadding: [0, 0], dilation: [1, 1], groups: 1, useBias: true, kernelInitializer: tf.initializers.glorotUniform({}), biasInitializer: tf.initializers.zeros() });
convt.apply(x);
time('ConvTranspose2d 2×2 s2 64→32 (this project)', (t) => convt.apply(t), x, convt.trainableWeights.map((w) => w.read()));
const base = tf.layers.conv2dTranspose({ filters: 32, kernelSize: 2, strides: 2, padding: 'valid' });
base.apply(x);
time('tf.layers.conv2dTranspose 2×2 s2 (baseline)', (t) => base.apply(t), x, base.trainableWeights.map((w) => w.read()));
console.log(`batch ${batch}, 32×32×64 → 64×64, backend ${tf.getBackend()}, ${runs} runs`);
