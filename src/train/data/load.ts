/**
 * Browser loading of the static assets built by scripts/build-data.mjs (dist/data/*.bin and
 * *.bin.gz). No Node imports; works with any `fetch` (the page's, or an injected one in tests).
 */

import { ASSET_FILES, assetFileName, hasWebCrypto, sha256Hex, verifyDigest, type AssetKind, type FileDigest, type SplitName } from './checksums.js';
import { DatasetError, classesOf, makeSplit, type Dataset, type DatasetName } from './dataset.js';
import { gunzipIfNeeded } from './idx.js';

export interface LoadOptions {
  /** URL of the directory holding the assets, e.g. '/data/' or new URL('./data/', import.meta.url). */
  baseUrl: string | URL;
  /** fetch implementation (default: globalThis.fetch). */
  fetch?: typeof fetch;
  /**
   * 'gzip' (default): fetch `<file>.bin.gz` and decompress with DecompressionStream (about a
   * fifth of the bytes); a server that already undid the gzip is handled too. 'raw': fetch `<file>.bin`.
   */
  encoding?: 'gzip' | 'raw';
  /**
   * 'sha256' (default where Web Crypto exists, i.e. secure contexts): check size and SHA-256;
   * 'size': check the byte size only.
   */
  verify?: 'sha256' | 'size';
  signal?: AbortSignal;
  /**
   * Expected size and SHA-256 per file name (default ASSET_FILES, the committed constants).
   * Only for assets built differently on purpose, and for tests.
   */
  expected?: Record<string, FileDigest>;
  /** Called after each file arrives: files done so far, of `total`. */
  onProgress?: (done: number, total: number, file: string) => void;
}

function resolveBase(baseUrl: string | URL): URL {
  let s = String(baseUrl);
  if (!s.endsWith('/')) s += '/';
  const here = (globalThis as { location?: { href?: string } }).location?.href;
  try {
    return here ? new URL(s, here) : new URL(s);
  } catch {
    throw new DatasetError('bad-url', `baseUrl ${JSON.stringify(String(baseUrl))} is not a valid absolute URL (and there is no page location to resolve it against)`);
  }
}

async function fetchAsset(
  file: string,
  want: FileDigest,
  base: URL,
  opts: LoadOptions,
  fetchFn: typeof fetch,
): Promise<Uint8Array> {
  const gz = (opts.encoding ?? 'gzip') === 'gzip';
  const url = new URL(gz ? `${file}.gz` : file, base);
  let res: Response;
  try {
    res = await fetchFn(url.href, opts.signal ? { signal: opts.signal } : undefined);
  } catch (e) {
    throw new DatasetError('fetch-failed', `fetching ${url.href} failed: ${(e as Error).message}`);
  }
  if (!res.ok) throw new DatasetError('fetch-failed', `fetching ${url.href}: HTTP ${res.status} ${res.statusText}`);
  let bytes: Uint8Array = new Uint8Array(await res.arrayBuffer());
  if (gz) {
    try {
      bytes = await gunzipIfNeeded(bytes, url.href);
    } catch (e) {
      throw new DatasetError('bad-data', (e as Error).message);
    }
  }
  const verify = opts.verify ?? (hasWebCrypto() ? 'sha256' : 'size');
  await verifyDigest(bytes, want, url.href, verify === 'sha256' ? sha256Hex : null);
  return bytes;
}

/**
 * Fetch a dataset's four assets from `baseUrl` and check their sizes (and SHA-256 checksums)
 * against the constants in checksums.ts. Rejects with DatasetError on any failure.
 */
export async function loadDataset(name: DatasetName, options: LoadOptions): Promise<Dataset> {
  if (name !== 'mnist' && name !== 'fashion-mnist') {
    throw new DatasetError('unknown-dataset', `unknown dataset ${JSON.stringify(name)} (expected 'mnist' or 'fashion-mnist')`);
  }
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!fetchFn) throw new DatasetError('fetch-failed', 'no fetch implementation available');
  const base = resolveBase(options.baseUrl);
  const parts: [SplitName, AssetKind][] = [
    ['train', 'images'],
    ['train', 'labels'],
    ['test', 'images'],
    ['test', 'labels'],
  ];
  let done = 0;
  const [ti, tl, si, sl] = await Promise.all(
    parts.map(async ([split, kind]) => {
      const file = assetFileName(name, split, kind);
      const want = (options.expected ?? ASSET_FILES)[file];
      if (!want) throw new DatasetError('bad-data', `no expected size/checksum for ${file}`);
      const bytes = await fetchAsset(file, want, base, options, fetchFn);
      options.onProgress?.(++done, parts.length, file);
      return bytes;
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
