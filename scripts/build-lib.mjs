// The npm package's library entry: JavaScript and declarations under dist/lib, from tsc.
//   dist/lib/index.js             the analysis, graph and zoo API ("cnn-graph")
//   dist/lib/render/index.js   the DOM-free render path ("cnn-graph/render"), runs in Node
//   dist/lib/ui/index.js          the elements for bundlers ("cnn-graph/ui"; needs a DOM)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The files package.json's "exports" point at; the build fails if one is missing. */
export const LIB_ENTRIES = ['dist/lib/index.js', 'dist/lib/ui/index.js', 'dist/lib/render/index.js'];

export default async function buildLib() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });
  const missing = LIB_ENTRIES.flatMap((f) => [f, f.replace(/\.js$/, '.d.ts')]).filter((f) => !existsSync(join(root, f)));
  if (missing.length) throw new Error(`build-lib: tsc did not write ${missing.join(', ')}, which package.json "exports" names.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildLib();
