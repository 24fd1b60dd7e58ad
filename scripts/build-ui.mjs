// The browser bundle:
//   dist/cnn-graph.js                 one self-contained ESM file defining <cnn-graph> and <cnn-summary>
//   dist/cnn-graph-layout.worker.js   the layout Web Worker (structural layouts, and elk when needed)
//   dist/cnn-graph-elk.classic.js     elkjs' own bundled build, unchanged: the worker loads it with
//                                     importScripts on its first elk layout (esbuild's re-minified copy
//                                     of the same code loaded ~2.5 times slower in Chromium)
//   dist/cnn-graph-elk.js             elkjs as an ES module, imported lazily (main-thread fallback only)
//   dist/cnn-graph-onnx.js            the ONNX reader (with protobufjs), imported lazily by the first
//                                     `.onnx` file the element opens
//   dist/cnn-graph-python.js          the PyTorch source reader (with its parser), the same for `.py`
//   dist/cnn-graph.meta.json          esbuild metafiles
// elkjs must stay out of the main chunk: the build fails if it gets in. In
// the main build the `elkjs/lib/elk.bundled.js` import of src/render/layout.ts
// becomes `import('./cnn-graph-elk.js')`, resolved next to dist/cnn-graph.js.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { browserBuild } from './browser-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const common = browserBuild(root);

/** Keep elkjs out of the main bundle: load it from the sibling file on demand. */
const elkExternal = {
  name: 'elk-external',
  setup(b) {
    b.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './cnn-graph-elk.js', external: true }));
  },
};

/**
 * The readers of src/import that the element imports dynamically (src/ui/cnn-graph/loading.ts)
 * become sibling files, each bundled with what it needs, so the main chunk stays one file and a
 * page that only shows JSON never downloads protobufjs or the Python parser.
 */
const READERS = { 'cnn-graph-onnx': 'src/import/onnx/read.ts', 'cnn-graph-python': 'src/import/python/index.ts' };
const readersExternal = {
  name: 'readers-external',
  setup(b) {
    b.onResolve({ filter: /\/import\/(onnx\/read|python\/index)\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      return { path: args.path.includes('onnx') ? './cnn-graph-onnx.js' : './cnn-graph-python.js', external: true };
    });
  },
};
/** What must never be in the main chunk. */
const LAZY_ONLY = ['node_modules/elkjs', 'node_modules/protobufjs', 'node_modules/@lezer', 'src/import/onnx/', 'src/import/python/'];

export default async function buildUi({ quiet = false } = {}) {
  await mkdir(dist, { recursive: true });
  const main = await build({
    ...common,
    entryPoints: { 'cnn-graph': 'src/ui/index.ts' },
    outdir: dist,
    format: 'esm',
    plugins: [elkExternal, readersExternal],
  });
  const readers = await build({
    ...common,
    entryPoints: READERS,
    outdir: dist,
    format: 'esm',
  });
  const elk = await build({
    ...common,
    stdin: { contents: "export { default } from 'elkjs/lib/elk.bundled.js';", resolveDir: root, sourcefile: 'cnn-graph-elk.js' },
    outfile: join(dist, 'cnn-graph-elk.js'),
    format: 'esm',
  });
  const worker = await build({
    ...common,
    entryPoints: { 'cnn-graph-layout.worker': 'src/render/layout.worker.ts' },
    outdir: dist,
    // A classic worker script: works wherever `new Worker(url)` does.
    format: 'iife',
  });
  await copyFile(createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js'), join(dist, 'cnn-graph-elk.classic.js'));
  const workerOut = relative(root, join(dist, 'cnn-graph-layout.worker.js'));
  const workerLeak = Object.keys(worker.metafile.outputs[workerOut]?.inputs ?? {}).filter((p) => p.includes('node_modules/elkjs'));
  if (workerLeak.length) throw new Error(`build-ui: elkjs ended up in ${workerOut} (${workerLeak.join(', ')}); the worker loads it with importScripts.`);
  const mainOut = relative(root, join(dist, 'cnn-graph.js'));
  const inputs = Object.keys(main.metafile.outputs[mainOut]?.inputs ?? {});
  const leaked = inputs.filter((p) => LAZY_ONLY.some((l) => p.includes(l)));
  if (leaked.length) throw new Error(`build-ui: ${leaked.join(', ')} ended up in ${mainOut}; elkjs and the ONNX and Python readers must only load lazily.`);
  const meta = { inputs: { ...main.metafile.inputs, ...worker.metafile.inputs, ...elk.metafile.inputs, ...readers.metafile.inputs }, outputs: { ...main.metafile.outputs, ...worker.metafile.outputs, ...elk.metafile.outputs, ...readers.metafile.outputs } };
  await writeFile(join(dist, 'cnn-graph.meta.json'), JSON.stringify(meta));
  const bytes = await readFile(join(root, mainOut));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const workerBytes = (await readFile(join(dist, 'cnn-graph-layout.worker.js'))).length;
  const gzipOf = async (name) => gzipSync(await readFile(join(dist, name)), { level: 9 }).length;
  const onnxGzip = await gzipOf('cnn-graph-onnx.js');
  const pythonGzip = await gzipOf('cnn-graph-python.js');
  if (!quiet) console.log(`ui: ${mainOut} ${(bytes.length / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzip (main chunk); worker ${(workerBytes / 1024).toFixed(0)} KiB, elk ${((await readFile(join(dist, 'cnn-graph-elk.classic.js'))).length / 1024).toFixed(0)} KiB; lazy readers: onnx ${(onnxGzip / 1024).toFixed(1)} KiB gzip, python ${(pythonGzip / 1024).toFixed(1)} KiB gzip`);
  return { mainBytes: bytes.length, mainGzip: gz, workerBytes, onnxGzip, pythonGzip };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildUi();
