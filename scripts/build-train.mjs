// The train panel's bundle:
//   dist/cnn-train.js             one self-contained ESM file defining <cnn-train>, with tfjs
//                                 (core, layers, webgl, cpu) and tfjs-backend-wasm inside
//   dist/cnn-train-json.js        the JSON network loader (and its schema library), imported
//                                 only for a <cnn-graph src=…>, from next to cnn-train.js
//   dist/tfjs-backend-wasm*.wasm  the WASM backend's binaries; the panel finds them next to
//                                 the script (import.meta.url), or where its `wasm` attribute says
//   dist/cnn-train.meta.json      esbuild metafile
// The data assets (dist/data/, scripts/build-data.mjs) are found at `data/` next to the script
// by default. See docs/train.md for what must sit where when the files are served elsewhere.
// It never defines <cnn-graph>: the build fails if that element's module gets in.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { browserBuild } from './browser-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/**
 * '@tensorflow/tfjs' is the union package: it also brings the converter (graph models) and
 * tfjs-data, which training never uses. Resolve it to the parts src/train needs.
 */
const tfjsParts = {
  name: 'tfjs-parts',
  setup(b) {
    b.onResolve({ filter: /^@tensorflow\/tfjs$/ }, () => ({ path: 'tfjs-parts', namespace: 'tfjs-parts' }));
    b.onLoad({ filter: /.*/, namespace: 'tfjs-parts' }, () => ({
      contents: [
        "export * from '@tensorflow/tfjs-core';",
        "export * from '@tensorflow/tfjs-layers';",
        "import '@tensorflow/tfjs-backend-cpu';",
        "import '@tensorflow/tfjs-backend-webgl';",
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/** The JSON loader stays out of the main file: `import('../../graph/json.js')` → `./cnn-train-json.js`. */
const jsonExternal = {
  name: 'json-external',
  setup(b) {
    b.onResolve({ filter: /graph\/json\.js$/ }, (a) => (a.kind === 'dynamic-import' ? { path: './cnn-train-json.js', external: true } : undefined));
  },
};

export default async function buildTrain({ quiet = false } = {}) {
  await mkdir(dist, { recursive: true });
  // An earlier build split code into this folder; nothing loads it any more.
  await rm(join(dist, 'cnn-train-chunks'), { recursive: true, force: true });
  const result = await build({
    entryPoints: { 'cnn-train': 'src/ui/cnn-train/cnn-train.ts' },
    outdir: dist,
    ...browserBuild(root),
    plugins: [tfjsParts, jsonExternal],
    format: 'esm',
    // tfjs-backend-wasm's Emscripten glue names Node modules on paths the browser never takes.
    external: ['fs', 'path', 'worker_threads', 'perf_hooks', 'os', 'crypto', 'url', 'util'],
    // tfjs's `process.env` probes: there is no process in the page.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await build({
    entryPoints: { 'cnn-train-json': 'src/graph/json.ts' },
    outdir: dist,
    ...browserBuild(root),
    format: 'esm',
  });
  const out = relative(root, join(dist, 'cnn-train.js'));
  const inputs = Object.keys(result.metafile.outputs[out]?.inputs ?? {});
  const bad = inputs.filter((p) => /src\/ui\/cnn-graph\/cnn-graph(\.component)?\.ts$/.test(p) || p.includes('node_modules/elkjs'));
  if (bad.length) throw new Error(`build-train: ${out} must not contain <cnn-graph> or elkjs (${bad.join(', ')}); read the graph element through its public properties.`);
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  for (const f of WASM_FILES) await copyFile(join(wasmDir, 'dist', f), join(dist, f));
  await writeFile(join(dist, 'cnn-train.meta.json'), JSON.stringify(result.metafile));
  const bytes = await readFile(join(root, out));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (!quiet) console.log(`train: ${out} ${(bytes.length / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzip; ${WASM_FILES.length} .wasm files copied`);
  return { bytes: bytes.length, gzip: gz };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildTrain();
