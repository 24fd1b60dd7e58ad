// The command line as one ESM file, so `cnn-graph` starts fast.
import { build } from 'esbuild';

export default async function buildCli() {
  await build({
    entryPoints: ['src/cli/node.ts'],
    outfile: 'dist/cli.js',
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
