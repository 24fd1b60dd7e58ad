/**
 * In-memory datasets (MNIST, Fashion-MNIST) and the preprocessing helpers the training
 * code needs: normalisation, deterministic subsets, batching and bilinear resizing with
 * PyTorch semantics. Browser-safe: no Node imports.
 */

export type DatasetName = 'mnist' | 'fashion-mnist';

export const DATASET_NAMES: readonly DatasetName[] = ['mnist', 'fashion-mnist'];

/** One split: `count` grayscale 28×28 images, row-major, one byte (0..255) per pixel. */
export interface Split {
  /** count × 28 × 28 bytes, image-major then row-major (index = (n * 28 + y) * 28 + x). */
  images: Uint8Array;
  /** count class indices, 0..classes.length-1. */
  labels: Uint8Array;
  count: number;
}

export interface Dataset {
  name: DatasetName;
  classes: string[];
  train: Split;
  test: Split;
}

export const IMAGE_SIZE = 28;
export const IMAGE_PIXELS = IMAGE_SIZE * IMAGE_SIZE;

export const MNIST_CLASSES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

export function classesOf(name: DatasetName): string[] {
  return [...(name === 'mnist' ? MNIST_CLASSES : FASHION_MNIST_CLASSES)];
}

/** torchvision's customary MNIST statistics (`transforms.Normalize((0.1307,), (0.3081,))`). */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;
/**
 * Fashion-MNIST statistics as customarily quoted for the official training set
 * (`transforms.Normalize((0.2860,), (0.3530,))`). On this project's own 60,000-image training
 * split (see fashion.ts) the pixel/255 mean is 0.28602 and the (population) std 0.35280.
 */
export const FASHION_MNIST_MEAN = 0.286;
export const FASHION_MNIST_STD = 0.353;

/** The customary Normalize statistics per dataset. */
export const NORMALIZATION: Record<DatasetName, { mean: number; std: number }> = {
  mnist: { mean: MNIST_MEAN, std: MNIST_STD },
  'fashion-mnist': { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD },
};

export type DatasetErrorCode =
  | 'missing-file'
  | 'missing-package'
  | 'size-mismatch'
  | 'checksum-mismatch'
  | 'fetch-failed'
  | 'bad-data'
  | 'bad-size'
  | 'bad-label'
  | 'bad-url'
  | 'unknown-dataset';

/** Error for missing, corrupted or inconsistent dataset content (see docs/data.md, "Errors"). */
export class DatasetError extends Error {
  readonly code: DatasetErrorCode;
  constructor(code: DatasetErrorCode, message: string) {
    super(message);
    this.name = 'DatasetError';
    this.code = code;
  }
}

/** Build a Split after checking that the arrays agree (throws DatasetError). */
export function makeSplit(images: Uint8Array, labels: Uint8Array, numClasses = 10, label = 'split'): Split {
  if (images.length % IMAGE_PIXELS !== 0) {
    throw new DatasetError('bad-size', `${label}: ${images.length} image bytes is not a multiple of ${IMAGE_PIXELS}`);
  }
  const count = images.length / IMAGE_PIXELS;
  if (labels.length !== count) {
    throw new DatasetError('bad-size', `${label}: ${count} images but ${labels.length} labels`);
  }
  for (let i = 0; i < count; i++) {
    if (labels[i] >= numClasses) {
      throw new DatasetError('bad-label', `${label}: label ${labels[i]} at index ${i} is not < ${numClasses}`);
    }
  }
  return { images, labels, count };
}

/** Per-class counts of `labels`. */
export function labelHistogram(labels: Uint8Array, numClasses = 10): number[] {
  const h = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) h[labels[i]]++;
  return h;
}

/** Bytes of image `i` (a view, no copy). */
export function imageAt(split: Split, i: number): Uint8Array {
  return split.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
}

// ---------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------

/**
 * `transforms.ToTensor()` then `transforms.Normalize((mean,), (std,))`: y = (x/255 − mean)/std,
 * computed step by step in float32 exactly as PyTorch does on a float32 tensor (each step
 * correctly rounded), so results are bit-identical to torchvision's.
 */
export function normalize(
  pixels: Uint8Array,
  mean: number = MNIST_MEAN,
  std: number = MNIST_STD,
  out: Float32Array = new Float32Array(pixels.length),
): Float32Array {
  if (out.length < pixels.length) throw new RangeError(`normalize: output holds ${out.length} values, need ${pixels.length}`);
  const lut = normalizeTable(mean, std);
  for (let i = 0; i < pixels.length; i++) out[i] = lut[pixels[i]];
  return out;
}

/** The 256 possible outputs of `normalize` for the given statistics. */
export function normalizeTable(mean: number = MNIST_MEAN, std: number = MNIST_STD): Float32Array {
  const f = Math.fround;
  const m = f(mean);
  const s = f(std);
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = f(f(f(v / 255) - m) / s);
  return lut;
}

// ---------------------------------------------------------------------------------------
// Seeded randomness, subsets, batches
// ---------------------------------------------------------------------------------------

/** mulberry32: small, fast, deterministic 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A permutation of 0..n-1 (Fisher–Yates driven by mulberry32(seed)). */
export function permutation(n: number, seed: number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  const rnd = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

function checkCount(n: number, max: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new RangeError(`${what}: expected an integer in [0, ${max}], got ${n}`);
  }
}

/**
 * Indices of a deterministic random subset of size n: the first n entries of
 * permutation(count, seed), sorted ascending (so the subset keeps the split's order).
 * For a fixed seed, subsetIndices(c, n1, s) ⊆ subsetIndices(c, n2, s) when n1 ≤ n2.
 */
export function subsetIndices(count: number, n: number, seed: number): Uint32Array {
  checkCount(n, count, 'subset size');
  return permutation(count, seed).slice(0, n).sort();
}

/** A deterministic random subset of n examples (copies the selected images and labels). */
export function subset(split: Split, n: number, seed: number): Split {
  return gather(split, subsetIndices(split.count, n, seed));
}

/** Copy the examples at `indices` (in that order) into a new Split. */
export function gather(split: Split, indices: ArrayLike<number>): Split {
  const n = indices.length;
  const images = new Uint8Array(n * IMAGE_PIXELS);
  const labels = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    if (!(i >= 0 && i < split.count) || !Number.isInteger(i)) {
      throw new RangeError(`gather: index ${i} out of range [0, ${split.count})`);
    }
    images.set(split.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), k * IMAGE_PIXELS);
    labels[k] = split.labels[i];
  }
  return { images, labels, count: n };
}

export interface BatchOptions {
  /** Visit the examples in a seeded random order (default false: in order). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). Use e.g. baseSeed + epoch for a new order each epoch. */
  seed?: number;
  /** Drop the last batch if it is smaller than batchSize (default false, as PyTorch's DataLoader). */
  dropLast?: boolean;
}

export interface Batch {
  /** 0-based batch number within the epoch. */
  batch: number;
  /** Positions [start, end) of this batch in the epoch's visiting order. */
  start: number;
  end: number;
  /** Example indices of this batch (length end − start); contiguous start..end-1 when not shuffled. */
  indices: Uint32Array;
}

/** Number of batches `batches` yields. */
export function batchCount(count: number, batchSize: number, dropLast = false): number {
  return dropLast ? Math.floor(count / batchSize) : Math.ceil(count / batchSize);
}

/**
 * Split one epoch over `split` (or over `count` examples) into batches of index ranges.
 * Deterministic for a given seed. Use `gather(split, b.indices)` to materialise a batch.
 */
export function* batches(split: Split | number, batchSize: number, options: BatchOptions = {}): Generator<Batch> {
  const count = typeof split === 'number' ? split : split.count;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
  checkCount(count, Number.MAX_SAFE_INTEGER, 'example count');
  let order: Uint32Array;
  if (options.shuffle) {
    order = permutation(count, options.seed ?? 0);
  } else {
    order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
  }
  const n = batchCount(count, batchSize, options.dropLast ?? false);
  for (let b = 0; b < n; b++) {
    const start = b * batchSize;
    const end = Math.min(start + batchSize, count);
    yield { batch: b, start, end, indices: order.subarray(start, end) };
  }
}

// ---------------------------------------------------------------------------------------
// Bilinear resize (torch.nn.functional.interpolate, mode='bilinear', align_corners=False)
// ---------------------------------------------------------------------------------------

export interface ResizeOptions {
  /** Input height and width (default 28). A number means a square image. */
  inSize?: number | [number, number];
  /** Output buffer to fill (length ≥ count × outH × outW). */
  out?: Float32Array;
}

interface AxisWeights {
  i0: Int32Array;
  i1: Int32Array;
  l0: Float32Array;
  l1: Float32Array;
}

/**
 * Source indices and weights along one axis, with align_corners=False (the half-pixel-centre
 * convention): scale = fround(in/out) (float32, as ATen), src = max(0, scale·(dst + 0.5) − 0.5)
 * evaluated exactly, i0 = ⌊src⌋, i1 = min(i0 + 1, in − 1), λ1 = fround(src − i0),
 * λ0 = fround(1 − λ1). These float32 weights are bit-identical to those ATen's CPU kernel
 * uses (checked against PyTorch 1.13 by interpolating one-hot rows).
 */
export function linearAxisWeights(inSize: number, outSize: number): AxisWeights {
  const f = Math.fround;
  const scale = f(inSize / outSize);
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const l0 = new Float32Array(outSize);
  const l1 = new Float32Array(outSize);
  for (let d = 0; d < outSize; d++) {
    // scale has 24 significant bits and d + 0.5 few, so this double expression is exact.
    let src = scale * (d + 0.5) - 0.5;
    if (src < 0) src = 0;
    const a = Math.min(Math.floor(src), inSize - 1);
    i0[d] = a;
    i1[d] = a < inSize - 1 ? a + 1 : a;
    const lambda1 = f(Math.min(Math.max(src - a, 0), 1));
    l1[d] = lambda1;
    l0[d] = f(1 - lambda1);
  }
  return { i0, i1, l0, l1 };
}

function pair(v: number | [number, number]): [number, number] {
  return typeof v === 'number' ? [v, v] : v;
}

/**
 * Bilinear resize of a stack of single-channel images, matching torchvision
 * `transforms.Resize(size)` applied to a float tensor (F.interpolate(mode='bilinear',
 * align_corners=False); when upsampling the antialias flag makes no difference). For a square
 * input, `Resize(size)` with an int gives size × size, which is what `size: number` means here.
 *
 * Input values are used as they are (bytes 0..255, or already-scaled floats); the output has
 * the same scale. The weights are ATen's (float32, see linearAxisWeights); the weighted sum
 * λy0·(λx0·a + λx1·b) + λy1·(λx0·c + λx1·d) is evaluated in float64 and rounded once to
 * float32. PyTorch's own float32 kernel rounds intermediate sums (how exactly depends on its
 * build: FMA, vector width), so outputs agree with F.interpolate to within 1 ulp (measured
 * against PyTorch 1.13 on MNIST images: max |Δ| = 1.5e-5 on a 0..255 scale for 28→96, 33,
 * 17, 13) and exactly when the scale factor is a power of two (28→56, 28→224).
 * torchvision ≥ 0.17 passes antialias=True, whose upsampling weights differ from these by
 * float rounding only (max |Δ| = 2.6e-4 on 0..255 for 28→96). Downsampling with antialias
 * is NOT what this function does (it matches antialias=False there).
 *
 * Memory: 60,000 images at 224×224 would be 12 GB of float32 — resize per batch.
 */
export function resize(
  images: Uint8Array | Float32Array,
  size: number | [number, number],
  options: ResizeOptions = {},
): Float32Array {
  const [inH, inW] = pair(options.inSize ?? IMAGE_SIZE);
  const [outH, outW] = pair(size);
  for (const [what, v] of [['input height', inH], ['input width', inW], ['output height', outH], ['output width', outW]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`resize: ${what} must be a positive integer, got ${v}`);
  }
  const inPix = inH * inW;
  if (images.length % inPix !== 0) {
    throw new RangeError(`resize: ${images.length} values is not a whole number of ${inH}×${inW} images`);
  }
  const count = images.length / inPix;
  const outPix = outH * outW;
  const out = options.out ?? new Float32Array(count * outPix);
  if (out.length < count * outPix) throw new RangeError(`resize: output holds ${out.length} values, need ${count * outPix}`);
  const hw = linearAxisWeights(inH, outH);
  const ww = linearAxisWeights(inW, outW);
  for (let n = 0; n < count; n++) {
    const src = n * inPix;
    const dst = n * outPix;
    for (let y = 0; y < outH; y++) {
      const r0 = src + hw.i0[y] * inW;
      const r1 = src + hw.i1[y] * inW;
      const h0 = hw.l0[y];
      const h1 = hw.l1[y];
      const o = dst + y * outW;
      for (let x = 0; x < outW; x++) {
        const a = ww.i0[x];
        const b = ww.i1[x];
        const w0 = ww.l0[x];
        const w1 = ww.l1[x];
        const top = images[r0 + a] * w0 + images[r0 + b] * w1;
        const bot = images[r1 + a] * w0 + images[r1 + b] * w1;
        out[o + x] = top * h0 + bot * h1; // stored as float32: one rounding
      }
    }
  }
  return out;
}

/**
 * `resize` on uint8 data then back to uint8 the way torchvision does for a uint8 tensor
 * (round half to even, clamp to 0..255).
 */
export function resizeToUint8(images: Uint8Array, size: number | [number, number], options: { inSize?: number | [number, number] } = {}): Uint8Array {
  const r = resize(images, size, options);
  const out = new Uint8Array(r.length);
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    let q = Math.round(v);
    if (q - v === 0.5 && q % 2 !== 0) q -= 1; // half to even
    out[i] = q < 0 ? 0 : q > 255 ? 255 : q;
  }
  return out;
}
