/**
 * Sliding-window arithmetic against brute force: the closed forms in
 * src/analysis/arith.ts must equal a count of window positions enumerated
 * tap by tap over the padded input, for every kernel, stride, padding,
 * dilation and ceil_mode. Example values come from the classic networks and
 * were checked with PyTorch 1.13.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptiveWindow, convOutputSize, poolOutputSize, samePadding, transposedConvOutputSize } from '../../src/analysis/arith.js';

const RUNS = 3000;

/**
 * Number of window positions along one axis, by enumeration.
 *
 * The padded input occupies cells −padL … input+padR−1 (input cells are
 * 0 … input−1). Windows start at −padL, −padL+stride, −padL+2·stride, …; a
 * window reads the taps start, start+d, …, start+(k−1)·d.
 *
 * Floor mode counts the windows whose every tap lies inside the padded input.
 *
 * ceil_mode (ATen `pooling_output_shape_pad_lr`) additionally takes the next,
 * partial window — the first one whose taps run past the right edge — when
 *   (a) the full windows leave at least one padded cell on the right
 *       unread, i.e. its last tap is less than one stride past the edge
 *       (with no full window at all: the window overhangs by less than a
 *       stride), and
 *   (b) it starts inside the input or the left padding (start < input): a
 *       window starting in the right padding is dropped.
 */
function bruteWindows(input: number, k: number, stride: number, padL: number, d: number, ceil: boolean, padR = padL): number {
  const lo = -padL;
  const hi = input + padR - 1;
  const taps = (start: number) => Array.from({ length: k }, (_, j) => start + j * d);
  const fits = (start: number) => taps(start).every((t) => t >= lo && t <= hi);
  let n = 0;
  let start = lo;
  while (fits(start)) {
    n++;
    start += stride;
  }
  if (ceil) {
    const lastTap = taps(start)[k - 1];
    if (lastTap - hi < stride && start < input) n++;
  }
  return n;
}

const input = fc.integer({ min: 1, max: 60 });
const kernel = fc.integer({ min: 1, max: 12 });
const stride = fc.integer({ min: 1, max: 7 });
const dilation = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 4 }));
const pad = fc.integer({ min: 0, max: 8 });

/** A size ≤ 0 from the closed form means "no window fits": callers report it. */
const clamp = (n: number) => Math.max(0, n);

describe('bruteWindows (the oracle itself)', () => {
  it('agrees with a hand count', () => {
    // 5 cells, kernel 3, stride 2: windows at 0 and 2.
    expect(bruteWindows(5, 3, 2, 0, 1, false)).toBe(2);
    // 6 cells: windows at 0, 2 fit; the one at 4 reads cells 4, 5, (6) → ceil takes it.
    expect(bruteWindows(6, 3, 2, 0, 1, false)).toBe(2);
    expect(bruteWindows(6, 3, 2, 0, 1, true)).toBe(3);
    // Dilation 2, kernel 3 spans 5 cells.
    expect(bruteWindows(5, 3, 1, 0, 2, false)).toBe(1);
    expect(bruteWindows(4, 3, 1, 0, 2, false)).toBe(0);
  });
});

describe('convOutputSize', () => {
  it('counts the windows that fit in the padded input (symmetric padding)', () => {
    fc.assert(
      fc.property(input, kernel, stride, pad, dilation, (n, k, s, p, d) => {
        return clamp(convOutputSize(n, k, s, p, d)) === bruteWindows(n, k, s, p, d, false);
      }),
      { numRuns: RUNS },
    );
  });

  it('counts the windows that fit with different left and right padding', () => {
    fc.assert(
      fc.property(input, kernel, stride, pad, pad, dilation, (n, k, s, pl, pr, d) => {
        return clamp(convOutputSize(n, k, s, pl, d, pr)) === bruteWindows(n, k, s, pl, d, false, pr);
      }),
      { numRuns: RUNS },
    );
  });

  it('is positive exactly when the dilated kernel fits in the padded input', () => {
    fc.assert(
      fc.property(input, kernel, stride, pad, dilation, (n, k, s, p, d) => {
        return convOutputSize(n, k, s, p, d) >= 1 === d * (k - 1) + 1 <= n + 2 * p;
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the classic networks’ sizes', () => {
    expect(convOutputSize(28, 5, 1, 2)).toBe(28); // LeNet-5 conv1 on MNIST
    expect(convOutputSize(224, 11, 4, 1)).toBe(54); // AlexNet conv1, padding 1
    expect(convOutputSize(224, 11, 4, 2)).toBe(55); // torchvision AlexNet, padding 2
    expect(convOutputSize(224, 7, 2, 3)).toBe(112); // GoogLeNet / ResNet stem
    expect(convOutputSize(28, 5)).toBe(24);
    expect(convOutputSize(4, 5)).toBeLessThan(1); // kernel larger than the input
    expect(convOutputSize(10, 3, 1, 0, 5)).toBeLessThan(1); // dilated span 11 > 10
  });
});

describe('transposedConvOutputSize', () => {
  /** The scatter by enumeration: input cell i writes taps i·S + t·D − P (t < K); the output ends at the last tap, plus output_padding. */
  const bruteScatter = (h: number, k: number, s: number, p: number, d: number, op: number) => {
    let last = -Infinity;
    for (let i = 0; i < h; i++) for (let t = 0; t < k; t++) last = Math.max(last, i * s + t * d - p);
    // Cropping P at the start shifts every tap; P more are cropped at the end, output_padding added back.
    return last + 1 - p + op;
  };

  it('ends where the scatter of the last input cell ends, less the padding, plus output_padding', () => {
    fc.assert(
      fc.property(input, kernel, stride, pad, dilation, fc.integer({ min: 0, max: 6 }), (h, k, s, p, d, op) => {
        expect(transposedConvOutputSize(h, k, s, p, d, op)).toBe(bruteScatter(h, k, s, p, d, op));
      }),
      { numRuns: RUNS },
    );
  });

  it('is undone by a Conv2d with the same arguments whenever output_padding < stride (the adjoint)', () => {
    fc.assert(
      fc.property(input, kernel, stride, pad, dilation, fc.nat(6), (h, k, s, p, d, opSeed) => {
        const op = opSeed % s;
        const out = transposedConvOutputSize(h, k, s, p, d, op);
        fc.pre(out >= 1);
        expect(convOutputSize(out, k, s, p, d)).toBe(h);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the U-Net decoder\'s doubling and PyTorch\'s sizes (checked with PyTorch 1.13)', () => {
    expect(transposedConvOutputSize(14, 2, 2)).toBe(28);
    expect(transposedConvOutputSize(7, 4, 2, 1)).toBe(14);
    expect(transposedConvOutputSize(10, 1, 3, 0, 3, 1)).toBe(29);
    expect(transposedConvOutputSize(2, 3, 1, 2)).toBe(0);
  });
});

describe('poolOutputSize', () => {
  it('floor mode counts the windows that fit, at any padding', () => {
    fc.assert(
      fc.property(input, kernel, stride, pad, dilation, (n, k, s, p, d) => {
        return clamp(poolOutputSize(n, k, s, p, d, false)) === bruteWindows(n, k, s, p, d, false);
      }),
      { numRuns: RUNS },
    );
  });

  // PyTorch rejects padding over half the kernel before computing any size
  // (pool2d_shape_check), and pool.ts checks that first too; inside that
  // domain at most one window can start in the right padding.
  const poolCase = fc
    .tuple(input, kernel, stride, dilation)
    .chain(([n, k, s, d]) => fc.tuple(fc.constant(n), fc.constant(k), fc.constant(s), fc.integer({ min: 0, max: Math.floor(k / 2) }), fc.constant(d)));

  it('ceil mode adds the partial last window unless it starts in the right padding (ATen rule)', () => {
    fc.assert(
      fc.property(poolCase, ([n, k, s, p, d]) => {
        return clamp(poolOutputSize(n, k, s, p, d, true)) === bruteWindows(n, k, s, p, d, true);
      }),
      { numRuns: RUNS },
    );
  });

  it('ceil mode is never smaller than floor mode and at most one larger', () => {
    fc.assert(
      fc.property(poolCase, ([n, k, s, p, d]) => {
        const f = clamp(poolOutputSize(n, k, s, p, d, false));
        const c = clamp(poolOutputSize(n, k, s, p, d, true));
        return c === f || c === f + 1;
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the classic networks’ sizes (checked with PyTorch 1.13)', () => {
    expect(poolOutputSize(112, 3, 2, 0, 1, true)).toBe(56); // GoogLeNet maxpool1, ceil_mode=True
    expect(poolOutputSize(112, 3, 2, 0, 1, false)).toBe(55); // the same pool without ceil_mode
    expect(poolOutputSize(14, 2, 2, 0, 1, true)).toBe(7); // GoogLeNet maxpool4 (2/2, ceil)
    expect(poolOutputSize(13, 2, 2, 0, 1, true)).toBe(7); // odd input: ceil takes the half window
    expect(poolOutputSize(13, 2, 2, 0, 1, false)).toBe(6);
    expect(poolOutputSize(55, 3, 2)).toBe(27); // AlexNet maxpool
    expect(poolOutputSize(28, 2, 2)).toBe(14); // LeNet pooling
  });

  it('drops a ceil-mode window that would start in the right padding', () => {
    // 5 cells, kernel 2, stride 2, padding 1: padded cells −1…5. Windows start
    // at −1, 1, 3; ceil division would add one at 5, which is right padding.
    expect(poolOutputSize(5, 2, 2, 1, 1, true)).toBe(3);
    expect(poolOutputSize(5, 2, 2, 1, 1, false)).toBe(3);
    // 7 cells, kernel 4, stride 3, padding 2: starts −2, 1, 4; the next at 7 is right padding.
    expect(poolOutputSize(7, 4, 3, 2, 1, true)).toBe(3);
    // Kept when it starts inside the input: 6 cells, kernel 3, stride 2, padding 1 → 4.
    expect(poolOutputSize(6, 3, 2, 1, 1, true)).toBe(4);
  });

  it('takes a single overhanging window when the kernel exceeds the input by less than a stride', () => {
    // PyTorch 1.13: MaxPool2d(5, stride=4, ceil_mode=True) on 2×2 gives 1×1; stride 2 is "Output size is too small".
    expect(poolOutputSize(2, 5, 4, 0, 1, true)).toBe(1);
    expect(poolOutputSize(2, 5, 2, 0, 1, true)).toBeLessThan(1);
    expect(poolOutputSize(2, 5, 4, 0, 1, false)).toBeLessThan(1);
  });
});

describe('samePadding', () => {
  it('keeps the size at stride 1 for any kernel and dilation, the extra cell after', () => {
    fc.assert(
      fc.property(input, kernel, dilation, (n, k, d) => {
        const [before, after] = samePadding(k, d);
        return (
          before + after === d * (k - 1) &&
          (after === before || after === before + 1) &&
          convOutputSize(n, k, 1, before, d, after) === n &&
          bruteWindows(n, k, 1, before, d, false, after) === n
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('matches PyTorch for even and dilated kernels', () => {
    expect(samePadding(3)).toEqual([1, 1]);
    expect(samePadding(4)).toEqual([1, 2]);
    expect(samePadding(1)).toEqual([0, 0]);
    expect(samePadding(4, 3)).toEqual([4, 5]);
    expect(samePadding(5, 2)).toEqual([4, 4]);
  });
});

describe('adaptiveWindow', () => {
  const sizes = fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }));

  it('windows are non-empty, inside the input, ordered, and cover every cell', () => {
    fc.assert(
      fc.property(sizes, ([n, out]) => {
        const ws = Array.from({ length: out }, (_, i) => adaptiveWindow(i, n, out));
        const covered = new Array<boolean>(n).fill(false);
        let ok = ws[0][0] === 0 && ws[out - 1][1] === n;
        ws.forEach(([s, e], i) => {
          ok &&= e > s && s >= 0 && e <= n;
          // Starts and ends never go back, and no cell is skipped between neighbours.
          if (i > 0) ok &&= s >= ws[i - 1][0] && e >= ws[i - 1][1] && s <= ws[i - 1][1];
          for (let x = s; x < e; x++) covered[x] = true;
        });
        return ok && covered.every(Boolean);
      }),
      { numRuns: RUNS },
    );
  });

  it('splits evenly when the output divides the input, and is global for one output', () => {
    expect(Array.from({ length: 4 }, (_, i) => adaptiveWindow(i, 8, 4))).toEqual([[0, 2], [2, 4], [4, 6], [6, 8]]);
    expect(adaptiveWindow(0, 7, 1)).toEqual([0, 7]);
    // 5 → 3 (ATen start_index/end_index): [0,2), [1,4), [3,5)
    expect(Array.from({ length: 3 }, (_, i) => adaptiveWindow(i, 5, 3))).toEqual([[0, 2], [1, 4], [3, 5]]);
    // Upsampling 2 → 4: each cell read twice.
    expect(Array.from({ length: 4 }, (_, i) => adaptiveWindow(i, 2, 4))).toEqual([[0, 1], [0, 1], [1, 2], [1, 2]]);
  });
});
