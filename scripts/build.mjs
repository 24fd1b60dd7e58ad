// Runs every scripts/build-*.mjs in name order: each part of the build (CLI,
// library types, browser bundle, data assets, site) owns one file.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const parts = readdirSync(here)
  .filter((f) => /^build-.+\.mjs$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f === `build-${o}.mjs`))
  // The site copies the other parts' output, so it comes last.
  .sort((a, b) => (a === 'build-site.mjs') - (b === 'build-site.mjs') || a.localeCompare(b));
for (const f of parts) {
  const t0 = performance.now();
  const mod = await import(pathToFileURL(join(here, f)).href);
  if (typeof mod.default === 'function') await mod.default();
  console.log(`build: ${f.replace(/^build-|\.mjs$/g, '')} ${Math.round(performance.now() - t0)} ms`);
}
