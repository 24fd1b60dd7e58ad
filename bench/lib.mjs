// Shared by the benches: bundle a TypeScript entry with esbuild, time with medians, drive Debian's Chromium.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';

/** Debian's Chromium (never a downloaded browser), and the flags that work on these machines (as tests/browser/chromium.ts). */
export const CHROMIUM = process.env.CNN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Build dist/cnn-graph.js from the current sources (scripts/build-ui.mjs); returns its sizes. */
export async function buildUi() {
  const { default: build } = await import(new URL('../scripts/build-ui.mjs', import.meta.url).href);
  return build({ quiet: true });
}

export async function bundle(entry, name) {
  mkdirSync('node_modules/.cache/bench', { recursive: true });
  const outfile = `node_modules/.cache/bench/${name}.mjs`;
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['@tensorflow/*', 'elkjs', 'playwright-core'], logLevel: 'error' });
  return import(new URL(`../${outfile}`, import.meta.url).href);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run `fn` `warmup` times untimed, then `runs` times; return the median in ms. */
export function timeIt(fn, { runs = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return { median: median(ts), min: Math.min(...ts), max: Math.max(...ts), runs };
}

export const machine = () => `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`;

/**
 * A synthetic network of `n` layers for the large-network benches: `n / 10`
 * blocks (`blocks.<b>`, Sequential) of 10 layers, Conv2d 8→8 3×3 p1 and ReLU
 * alternating, in one `blocks` Sequential: a plain JSON network to set as the
 * element's `graph` property.
 */
export function synthetic(n) {
  const layers = [];
  const modules = [{ path: 'blocks', type: 'Sequential' }];
  let prev = 'input';
  for (let i = 0; i < n; i++) {
    const b = Math.floor(i / 10);
    if (i % 10 === 0) modules.push({ path: `blocks.${b}`, type: 'Sequential' });
    const path = `blocks.${b}.${i % 10}`;
    layers.push(i % 2 === 0 ? { kind: 'Conv2d', in_channels: 8, out_channels: 8, kernel_size: 3, padding: 1, path, inputs: [prev] } : { kind: 'ReLU', path, inputs: [prev] });
    prev = path;
  }
  return { name: `synthetic-${n}`, input: [8, 16, 16], layers, modules, output: prev, aux: [] };
}

/**
 * The hostile-input audit's DAG (issue 13): `n` layers, each an Add of layer
 * i−1 and layer ⌊i/2⌋ after a first Conv2d, so every layer past the second is
 * a cross-link back towards the start: valid, and not series–parallel.
 */
export function halvingDag(n) {
  const layers = [{ kind: 'Conv2d', in_channels: 3, out_channels: 8, kernel_size: 3, padding: 1, path: 'l0', inputs: ['input'] }];
  layers.push({ kind: 'ReLU', path: 'l1', inputs: ['l0'] });
  for (let i = 2; i < n; i++) layers.push({ kind: 'Add', path: `l${i}`, inputs: [`l${i - 1}`, `l${i >> 1}`] });
  return { name: `halving-${n}`, input: [3, 16, 16], layers, output: `l${n - 1}`, aux: [] };
}

/** A flat chain of `n` layers, Conv2d 8→8 3×3 p1 and ReLU alternating, no modules. */
export function chain(n) {
  const layers = [];
  let prev = 'input';
  for (let i = 0; i < n; i++) {
    const path = `l${i}`;
    layers.push(i % 2 === 0 ? { kind: 'Conv2d', in_channels: 8, out_channels: 8, kernel_size: 3, padding: 1, path, inputs: [prev] } : { kind: 'ReLU', path, inputs: [prev] });
    prev = path;
  }
  return { name: `chain-${n}`, input: [8, 16, 16], layers, output: prev, aux: [] };
}

/**
 * A wide random DAG of `n` layers (seeded): a Conv2d stem, then layers that
 * each read one or two of the `width` most recent tensors (ReLU or Add), so
 * many branches run side by side and cross; every dangling tensor is summed
 * into the output by a last Add.
 */
export function wideDag(n, width = 24, seed = 1) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const layers = [{ kind: 'Conv2d', in_channels: 3, out_channels: 8, kernel_size: 3, padding: 1, path: 'l0', inputs: ['input'] }];
  const read = new Set();
  for (let i = 1; i < n - 1; i++) {
    const lo = Math.max(0, i - width);
    const a = lo + Math.floor(rnd() * (i - lo));
    const b = lo + Math.floor(rnd() * (i - lo));
    const two = i > 1 && a !== b && rnd() < 0.5;
    const inputs = two ? [`l${a}`, `l${b}`] : [`l${a}`];
    for (const x of inputs) read.add(x);
    layers.push(two ? { kind: 'Add', path: `l${i}`, inputs } : { kind: 'ReLU', path: `l${i}`, inputs });
  }
  const loose = layers.map((l) => l.path).filter((p) => !read.has(p));
  const last = `l${n - 1}`;
  layers.push(loose.length >= 2 ? { kind: 'Add', path: last, inputs: loose } : { kind: 'ReLU', path: last, inputs: loose });
  return { name: `wide-${n}`, input: [3, 16, 16], layers, output: last, aux: [] };
}

/**
 * `n` layers where each Add reads the layer before and the network input: series–parallel, but
 * its decomposition nests n deep (a parallel inside a series inside a parallel…).
 */
export function fanDag(n) {
  const layers = [{ kind: 'ReLU', path: 'l0', inputs: ['input'] }];
  for (let i = 1; i < n; i++) layers.push({ kind: 'Add', path: `l${i}`, inputs: [`l${i - 1}`, 'input'] });
  return { name: `fan-${n}`, input: [8, 16, 16], layers, output: `l${n - 1}`, aux: [] };
}
