/**
 * Each PyTorch semantic the compiler reproduces, on small random inputs,
 * against a straightforward loop-by-loop reference written from ATen's
 * definitions (not from tfjs), through `compileGraph` so the padding and
 * divisor arithmetic of the compiler is exercised too. Gradients of the
 * custom layers are checked against finite differences.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolOutputSize } from '../../src/analysis/arith.js';
import type { Graph, LayerConfig } from '../../src/graph/types.js';
import { compileGraph } from '../../src/train/compile.js';
import { subsample } from '../../src/train/layers/common.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A one-layer graph: input C×H×W → the layer. */
function single(config: LayerConfig, input: [number, number, number]): Graph {
  return { name: 'one', input, layers: [{ ...config, path: 'layer', inputs: ['input'] }], modules: [], output: 'layer', aux: [] };
}

/** x[c][h][w] random in [-1, 1) (deterministic). */
function randomCHW(c: number, h: number, w: number, seed = 1): number[][][] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s / 2 ** 31) * 2 - 1;
  };
  return Array.from({ length: c }, () => Array.from({ length: h }, () => Array.from({ length: w }, rnd)));
}

/** Runs the compiled one-layer model on one CHW sample; returns CHW (or the vector). */
function run(graph: Graph, x: number[][][], seed = 7): { out: number[][][]; model: ReturnType<typeof compileGraph> } {
  const compiled = compileGraph(graph, { seed });
  const out = tf.tidy(() => {
    const nhwc = tf.tensor3d(x).transpose([1, 2, 0]).expandDims(0);
    const y = compiled.model.predict(nhwc) as tf.Tensor4D;
    return y.squeeze([0]).transpose([2, 0, 1]).arraySync() as number[][][];
  });
  return { out, model: compiled };
}

function expectClose(got: number[][][], want: number[][][], tol = 1e-5): void {
  expect([got.length, got[0].length, got[0][0].length]).toEqual([want.length, want[0].length, want[0][0].length]);
  let worst = 0;
  got.forEach((p, c) => p.forEach((r, i) => r.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - want[c][i][j]))))));
  expect(worst).toBeLessThan(tol);
}

// ---------------------------------------------------------------------------------------
// References, written from ATen's loops
// ---------------------------------------------------------------------------------------

function maxPoolRef(x: number[][][], k: number, s: number, p: number, d: number, ceil: boolean): number[][][] {
  const [h, w] = [x[0].length, x[0][0].length];
  const oh = poolOutputSize(h, k, s, p, d, ceil);
  const ow = poolOutputSize(w, k, s, p, d, ceil);
  return x.map((plane) =>
    Array.from({ length: oh }, (_, i) =>
      Array.from({ length: ow }, (_, j) => {
        let m = -Infinity;
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) {
            const y = i * s - p + a * d;
            const z = j * s - p + b * d;
            if (y >= 0 && y < h && z >= 0 && z < w) m = Math.max(m, plane[y][z]);
          }
        return m;
      }),
    ),
  );
}

/** ATen avg_pool2d: the divisor counts padding (count_include_pad) but never the ceil_mode overhang. */
function avgPoolRef(x: number[][][], k: number, s: number, p: number, ceil: boolean, countIncludePad: boolean): number[][][] {
  const [h, w] = [x[0].length, x[0][0].length];
  const oh = poolOutputSize(h, k, s, p, 1, ceil);
  const ow = poolOutputSize(w, k, s, p, 1, ceil);
  return x.map((plane) =>
    Array.from({ length: oh }, (_, i) =>
      Array.from({ length: ow }, (_, j) => {
        let hs = i * s - p;
        let ws = j * s - p;
        let he = Math.min(hs + k, h + p);
        let we = Math.min(ws + k, w + p);
        const poolSize = (he - hs) * (we - ws);
        hs = Math.max(hs, 0);
        ws = Math.max(ws, 0);
        he = Math.min(he, h);
        we = Math.min(we, w);
        let sum = 0;
        for (let y = hs; y < he; y++) for (let z = ws; z < we; z++) sum += plane[y][z];
        return sum / (countIncludePad ? poolSize : (he - hs) * (we - ws));
      }),
    ),
  );
}

function adaptiveRef(x: number[][][], oh: number, ow: number): number[][][] {
  const [h, w] = [x[0].length, x[0][0].length];
  return x.map((plane) =>
    Array.from({ length: oh }, (_, i) =>
      Array.from({ length: ow }, (_, j) => {
        const [hs, he] = [Math.floor((i * h) / oh), Math.ceil(((i + 1) * h) / oh)];
        const [ws, we] = [Math.floor((j * w) / ow), Math.ceil(((j + 1) * w) / ow)];
        let sum = 0;
        for (let y = hs; y < he; y++) for (let z = ws; z < we; z++) sum += plane[y][z];
        return sum / ((he - hs) * (we - ws));
      }),
    ),
  );
}

/** torch.nn.functional.local_response_norm: α/n · Σ over channels c−⌊n/2⌋ … c+⌊(n−1)/2⌋. */
function lrnRef(x: number[][][], n: number, alpha: number, beta: number, k: number): number[][][] {
  const c = x.length;
  return x.map((plane, ci) =>
    plane.map((row, i) =>
      row.map((v, j) => {
        let sum = 0;
        for (let q = ci - Math.floor(n / 2); q <= ci + Math.floor((n - 1) / 2); q++) if (q >= 0 && q < c) sum += x[q][i][j] ** 2;
        return v / (k + (alpha / n) * sum) ** beta;
      }),
    ),
  );
}

/** Direct convolution; weight[o][i][kh][kw] as PyTorch stores it. */
function convRef(x: number[][][], weight: number[][][][], bias: number[] | null, s: [number, number], p: [number, number, number, number], d: [number, number], groups: number): number[][][] {
  const [cin, h, w] = [x.length, x[0].length, x[0][0].length];
  const cout = weight.length;
  const [kh, kw] = [weight[0][0].length, weight[0][0][0].length];
  const [pt, pb, pl, pr] = p;
  const oh = Math.floor((h + pt + pb - d[0] * (kh - 1) - 1) / s[0]) + 1;
  const ow = Math.floor((w + pl + pr - d[1] * (kw - 1) - 1) / s[1]) + 1;
  const perGroupIn = cin / groups;
  const perGroupOut = cout / groups;
  return Array.from({ length: cout }, (_, o) =>
    Array.from({ length: oh }, (_, i) =>
      Array.from({ length: ow }, (_, j) => {
        const g = Math.floor(o / perGroupOut);
        let acc = bias ? bias[o] : 0;
        for (let ci = 0; ci < perGroupIn; ci++)
          for (let a = 0; a < kh; a++)
            for (let b = 0; b < kw; b++) {
              const y = i * s[0] - pt + a * d[0];
              const z = j * s[1] - pl + b * d[1];
              if (y >= 0 && y < h && z >= 0 && z < w) acc += weight[o][ci][a][b] * x[g * perGroupIn + ci][y][z];
            }
        return acc;
      }),
    ),
  );
}

/** The compiled layer's kernel `[KH, KW, I/g, O]` back in PyTorch's `[O, I/g, KH, KW]`. */
function torchKernel(c: ReturnType<typeof compileGraph>): { weight: number[][][][]; bias: number[] | null } {
  const layers = c.layers.get('layer') ?? [];
  const conv = layers[layers.length - 1];
  const [k, b] = conv.getWeights();
  const weight = tf.tidy(() => k.transpose([3, 2, 0, 1]).arraySync() as number[][][][]);
  return { weight, bias: b ? (b.arraySync() as number[]) : null };
}

// ---------------------------------------------------------------------------------------

describe('MaxPool2d', () => {
  it('ceil_mode 3/2 on 6×6 keeps the overhanging last window (hand-computed)', () => {
    // 0..35 row-major: the max of each window is its bottom-right element inside the input.
    const x = [Array.from({ length: 6 }, (_, i) => Array.from({ length: 6 }, (_, j) => i * 6 + j))];
    const { out, model } = run(single({ kind: 'MaxPool2d', kernel_size: 3, stride: 2, ceil_mode: true }, [1, 6, 6]), x);
    expect(out).toEqual([
      [
        [14, 16, 17],
        [26, 28, 29],
        [32, 34, 35],
      ],
    ]);
    model.model.dispose();
  });

  it('ceil_mode 3/2 on 5×5 with padding 1 pads with −∞, not 0', () => {
    const x = [Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => -1 - i * 5 - j))];
    const { out, model } = run(single({ kind: 'MaxPool2d', kernel_size: 3, stride: 2, padding: 1, ceil_mode: true }, [1, 5, 5]), x);
    // Output 3×3; every window holds real (negative) values, so no 0 from the padding may win.
    expect(out).toEqual([
      [
        [-1, -2, -4],
        [-6, -7, -9],
        [-16, -17, -19],
      ],
    ]);
    model.model.dispose();
  });

  it.each([
    [3, 2, 0, 1, true, 7],
    [3, 2, 1, 1, true, 8],
    [2, 2, 0, 1, true, 5],
    [3, 3, 1, 1, false, 9],
    [3, 1, 1, 2, false, 7],
    [3, 2, 1, 2, true, 9],
    [2, 3, 1, 2, true, 8],
  ])('k=%i s=%i p=%i d=%i ceil=%s on n=%i equals the reference', (k, s, p, d, ceil, n) => {
    const x = randomCHW(2, n, n, k * 100 + s * 10 + p + d);
    const { out, model } = run(single({ kind: 'MaxPool2d', kernel_size: k, stride: s, padding: p, dilation: d, ceil_mode: ceil }, [2, n, n]), x);
    expectClose(out, maxPoolRef(x, k, s, p, d, ceil), 1e-6);
    model.model.dispose();
  });
});

describe('AvgPool2d', () => {
  it('count_include_pad: padding counts in the divisor by default, not when false (hand-computed)', () => {
    const x = [[[4, 4, 4], [4, 4, 4], [4, 4, 4]]];
    const inc = run(single({ kind: 'AvgPool2d', kernel_size: 2, stride: 2, padding: 1 }, [1, 3, 3]), x);
    // Windows at the corners see 1 real pixel of 4 (incl. pad) → 1; edges 2 of 4 → 2; centre 4 → 4.
    expect(inc.out).toEqual([[[1, 2], [2, 4]]]);
    const exc = run(single({ kind: 'AvgPool2d', kernel_size: 2, stride: 2, padding: 1, count_include_pad: false }, [1, 3, 3]), x);
    expect(exc.out).toEqual([[[4, 4], [4, 4]]]);
    inc.model.model.dispose();
    exc.model.model.dispose();
  });

  it.each([
    [3, 2, 0, true, true, 6],
    [3, 2, 1, true, true, 6],
    [3, 2, 1, true, false, 6],
    [2, 2, 1, false, false, 5],
    [3, 3, 1, true, true, 8],
    [5, 3, 2, true, false, 9],
    [5, 3, 0, false, true, 14],
  ])('k=%i s=%i p=%i ceil=%s count_include_pad=%s on n=%i equals the reference', (k, s, p, ceil, cip, n) => {
    const x = randomCHW(2, n, n, k * 100 + s * 10 + p);
    const { out, model } = run(single({ kind: 'AvgPool2d', kernel_size: k, stride: s, padding: p, ceil_mode: ceil, count_include_pad: cip }, [2, n, n]), x);
    expectClose(out, avgPoolRef(x, k, s, p, ceil, cip));
    model.model.dispose();
  });
});

describe('AdaptiveAvgPool2d', () => {
  it.each([
    [5, 3],
    [7, 3],
    [6, 4],
    [6, 3],
    [5, 1],
    [3, 5],
  ])('%i → %i uses PyTorch windows', (n, o) => {
    const x = randomCHW(3, n, n + 1, n * 10 + o);
    const { out, model } = run(single({ kind: 'AdaptiveAvgPool2d', output_size: [o, o] }, [3, n, n + 1]), x);
    expectClose(out, adaptiveRef(x, o, o));
    model.model.dispose();
  });

  it('5 → 3 by hand: windows [0,2), [1,4), [3,5) overlap', () => {
    const x = [[[1, 2, 3, 4, 5]]];
    const { out, model } = run(single({ kind: 'AdaptiveAvgPool2d', output_size: [1, 3] }, [1, 1, 5]), x);
    expectClose(out, [[[1.5, 3, 4.5]]]);
    model.model.dispose();
  });
});

describe('LocalResponseNorm', () => {
  it.each([
    [5, 1e-4, 0.75, 1],
    [3, 0.5, 0.75, 2],
    [4, 0.5, 0.75, 1],
    [2, 1, 0.5, 1],
  ])('size=%i α=%f β=%f k=%f equals the PyTorch formula', (n, alpha, beta, k) => {
    const x = randomCHW(7, 3, 4, n).map((p) => p.map((r) => r.map((v) => v * 3)));
    const { out, model } = run(single({ kind: 'LocalResponseNorm', size: n, alpha, beta, k }, [7, 3, 4]), x);
    expectClose(out, lrnRef(x, n, alpha, beta, k), 1e-5);
    model.model.dispose();
  });
});

describe('Conv2d', () => {
  it.each([
    ['plain 3×3 padding 1', { kernel_size: 3, padding: 1 }, 4, 6],
    ['stride 2 and dilation 2 together', { kernel_size: 3, stride: 2, dilation: 2, padding: 2 }, 4, 6],
    ['groups 2', { kernel_size: 3, groups: 2, padding: 1 }, 4, 6],
    ['depthwise, multiplier 2', { kernel_size: 3, groups: 4, stride: 2 }, 4, 8],
    ["padding 'same' with an even kernel (extra row at the end)", { kernel_size: 4, padding: 'same' as const }, 2, 3],
    ['rectangular kernel, asymmetric stride', { kernel_size: [3, 2] as const, stride: [2, 1] as const, padding: [1, 0] as const }, 3, 5],
  ])('%s equals direct convolution', (_label, opts, cin, cout) => {
    const x = randomCHW(cin, 9, 8, cout);
    const graph = single({ kind: 'Conv2d', in_channels: cin, out_channels: cout, ...opts }, [cin, 9, 8]);
    const { out, model } = run(graph, x);
    const { weight, bias } = torchKernel(model);
    const conv = graph.layers[0] as Extract<LayerConfig, { kind: 'Conv2d' }>;
    const pair = (v: unknown, dflt: number): [number, number] => (v === undefined ? [dflt, dflt] : typeof v === 'number' ? [v, v] : (v as [number, number]));
    const [kh, kw] = pair(conv.kernel_size, 1);
    const d = pair(conv.dilation, 1);
    let p: [number, number, number, number];
    if (conv.padding === 'same') {
      const th = d[0] * (kh - 1);
      const tw = d[1] * (kw - 1);
      p = [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
    } else {
      const pp = pair(conv.padding, 0);
      p = [pp[0], pp[0], pp[1], pp[1]];
    }
    expectClose(out, convRef(x, weight, bias, pair(conv.stride, 1), p, d, conv.groups ?? 1), 1e-4);
    model.model.dispose();
  });

  it('initialises like PyTorch: weights and bias within ±1/√fan_in', () => {
    const c = compileGraph(single({ kind: 'Conv2d', in_channels: 8, out_channels: 64, kernel_size: 5 }, [8, 9, 9]), { seed: 3 });
    const [k, b] = c.model.getWeights();
    const bound = 1 / Math.sqrt(8 * 25);
    const kMax = tf.max(tf.abs(k)).arraySync() as number;
    expect(kMax).toBeLessThanOrEqual(bound);
    expect(kMax).toBeGreaterThan(0.9 * bound);
    expect(tf.max(tf.abs(b)).arraySync() as number).toBeLessThanOrEqual(bound);
    c.model.dispose();
  });
});

describe('Flatten', () => {
  it('flattens in PyTorch’s C, H, W order', () => {
    const graph: Graph = { name: 'f', input: [2, 2, 3], layers: [{ kind: 'Flatten', path: 'flat', inputs: ['input'] }], modules: [], output: 'flat', aux: [] };
    const c = compileGraph(graph);
    const x = [[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]];
    const y = tf.tidy(() => (c.model.predict(tf.tensor3d(x).transpose([1, 2, 0]).expandDims(0)) as tf.Tensor).arraySync() as number[][]);
    expect(y[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    c.model.dispose();
  });
});

describe('gradients of the custom layers', () => {
  /** Max |analytic − central difference| of d(Σ y·r)/dx. */
  function gradientError(graph: Graph, shape: [number, number, number]): number {
    const c = compileGraph(graph, { seed: 1 });
    const err = tf.tidy(() => {
      const x = tf.tensor3d(randomCHW(...shape, 5)).transpose([1, 2, 0]).expandDims(0) as tf.Tensor4D;
      const r = tf.randomUniform((c.model.outputs[0].shape as number[]).map((v) => v ?? 1), -1, 1, 'float32', 9);
      const f = (t: tf.Tensor) => tf.sum(tf.mul(c.model.apply(t, { training: true }) as tf.Tensor, r));
      const g = tf.grad(f)(x).dataSync();
      const base = x.dataSync();
      let worst = 0;
      const eps = 1e-2;
      for (let i = 0; i < base.length; i += Math.max(1, Math.floor(base.length / 40))) {
        const plus = Float32Array.from(base);
        const minus = Float32Array.from(base);
        plus[i] += eps;
        minus[i] -= eps;
        const num = ((f(tf.tensor(plus, x.shape)).dataSync()[0] as number) - (f(tf.tensor(minus, x.shape)).dataSync()[0] as number)) / (2 * eps);
        worst = Math.max(worst, Math.abs(num - g[i]));
      }
      return worst;
    });
    c.model.dispose();
    return err;
  }

  it.each([
    ['avg pool, ceil_mode, count_include_pad=false', { kind: 'AvgPool2d', kernel_size: 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false } as LayerConfig],
    ['adaptive avg pool 7 → 3', { kind: 'AdaptiveAvgPool2d', output_size: 3 } as LayerConfig],
    ['LRN with an even size', { kind: 'LocalResponseNorm', size: 4, alpha: 0.5, k: 1 } as LayerConfig],
    ['grouped, strided, dilated conv', { kind: 'Conv2d', in_channels: 4, out_channels: 6, kernel_size: 3, stride: 2, dilation: 2, groups: 2, padding: 1 } as LayerConfig],
    ['max pool with padding, dilation and ceil_mode', { kind: 'MaxPool2d', kernel_size: 3, stride: 2, padding: 1, dilation: 2, ceil_mode: true } as LayerConfig],
    ['dilated conv, stride 1', { kind: 'Conv2d', in_channels: 4, out_channels: 3, kernel_size: 3, dilation: [2, 3], padding: 'same' } as LayerConfig],
    ['BatchNorm2d in training mode', { kind: 'BatchNorm2d', num_features: 4 } as LayerConfig],
  ])('%s matches finite differences', (_label, config) => {
    expect(gradientError(single(config, [4, 7, 7]), [4, 7, 7])).toBeLessThan(2e-2);
  });
});

describe('subsample', () => {
  it('takes every s-th row and column from 0, as a strided window does', () => {
    const x = tf.tensor4d(Array.from({ length: 35 }, (_, i) => i), [1, 5, 7, 1]);
    const y = subsample(x, 2, 3);
    expect(y.shape).toEqual([1, 3, 3, 1]);
    expect(Array.from(y.dataSync())).toEqual([0, 3, 6, 14, 17, 20, 28, 31, 34]);
    tf.dispose([x, y]);
  });
});
