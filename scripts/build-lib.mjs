// The npm package's library entry: JavaScript and declarations under dist/lib, from tsc.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export default async function buildLib() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
