// The command line as one ESM file, so `cnn-graph` starts fast.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

export default async function buildCli() {
  rmSync('dist/cli-chunks', { recursive: true, force: true });
  await build({
    entryPoints: { cli: 'src/cli/node.ts' },
    outdir: 'dist',
    // Code splitting: a lazily imported command (train) becomes its own chunk, so its
    // external imports (tfjs) are not hoisted into dist/cli.js and loaded at start-up.
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // tfjs and its backends stay external: only `train` loads them, lazily.
    external: ['@tensorflow/*', 'elkjs', 'playwright-core'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    minify: true,
    logLevel: 'warning',
  });
}
