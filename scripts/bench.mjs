// `npm run bench [name…]`: runs bench/<name>.mjs (default: every bench), one process each, printing medians.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs')
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.mjs$/, '')))
  .sort();
let failed = 0;
for (const f of benches) {
  console.log(`\n== bench/${f}`);
  const r = spawnSync(process.execPath, [`bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
