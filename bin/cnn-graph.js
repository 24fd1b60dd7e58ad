#!/usr/bin/env node
// The CLI is bundled by `npm run build` into dist/cli.js (one file: fast start-up).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('cnn-graph: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
await import(bundle.href);
