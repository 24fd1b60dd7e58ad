// The static docs site in site/ (English at the root, Chinese under zh/): src/site/build.ts,
// bundled for Node with esbuild and run here. The last build step: it copies the element
// bundle and data that the other steps wrote to dist/. See src/site/build.ts for the layout.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundle src/site/build.ts (and every page module it imports) into one Node ES module. */
export async function bundleSiteBuilder() {
  const outfile = join(root, 'node_modules/.cache/site/build.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'src/site/build.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Loaded from node_modules at run time: elk is big, esbuild is the bundler itself.
    external: ['elkjs', 'esbuild'],
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
    // Node ESM has no require(); some dependencies expect it.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

export default async function buildSite(options = {}) {
  const mod = await bundleSiteBuilder();
  const report = await mod.buildSite({ repo: root, ...options });
  console.log(`site: ${report.files.length} pages written to site/ in ${Math.round(report.ms)} ms${report.brokenLinks.length ? `, ${report.brokenLinks.length} broken links (listed above)` : ''}`);
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildSite();
