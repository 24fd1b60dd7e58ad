/**
 * PyTorch's interpolation along one axis as an `out × in` matrix (row `o`
 * holds the weights output `o` gives each input cell), for every 2-D mode of
 * F.interpolate. Interpolation is separable, so a C×H×W map resizes as
 * `A_h · X · A_wᵀ`; the tfjs layer multiplies by these matrices, which
 * reproduces PyTorch's index rules exactly (tf.image's resize ops use
 * input/output where PyTorch uses 1/scale_factor, so a non-integer
 * scale_factor picks other pixels there). The index arithmetic is ATen's
 * (UpSample.h, torch 1.13), in float32 where ATen computes in float.
 * Pure: no tfjs, so tests (and bench/resample.mjs) read it directly.
 */
import { adaptiveWindow } from '../../analysis/arith.js';
import type { UpsampleMode } from './config.js';

const f32 = Math.fround;

/** ATen `compute_scales_value<float>`: 1/scale when PyTorch was handed a scale, else input/output. */
function scalesValue(scale: number | undefined, input: number, out: number): number {
  return scale !== undefined && scale > 0 ? f32(1 / scale) : f32(input / out);
}

/** ATen `area_pixel_compute_scale<float>`. */
function areaPixelScale(input: number, out: number, alignCorners: boolean, scale: number | undefined): number {
  if (alignCorners) return out > 1 ? f32((input - 1) / (out - 1)) : 0;
  return scalesValue(scale, input, out);
}

/**
 * ATen `area_pixel_compute_source_index`: bicubic computes it in float
 * (`float32`), the linear modes in double (their `acc_type`), from the float scale.
 */
function sourceIndex(scale: number, o: number, alignCorners: boolean, cubic: boolean): number {
  if (cubic) return alignCorners ? f32(scale * o) : f32(f32(scale * (o + 0.5)) - 0.5);
  if (alignCorners) return scale * o;
  const src = scale * (o + 0.5) - 0.5;
  return src < 0 ? 0 : src;
}

const A = -0.75; // ATen's bicubic coefficient
const cubic1 = (x: number) => ((A + 2) * x - (A + 3)) * x * x + 1;
const cubic2 = (x: number) => ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;

/**
 * The `out × in` interpolation matrix of one axis. `scale` is the
 * scale_factor PyTorch was given for this axis (undefined for `size`, or
 * when recompute_scale_factor=True).
 */
export function interpolationMatrix(mode: UpsampleMode, input: number, out: number, alignCorners: boolean, scale: number | undefined): Float64Array {
  const m = new Float64Array(out * input);
  const put = (o: number, i: number, v: number) => {
    m[o * input + Math.min(Math.max(i, 0), input - 1)] += v;
  };
  for (let o = 0; o < out; o++) {
    switch (mode) {
      case 'nearest': {
        // ATen nearest_idx: a copy at equal sizes, o >> 1 at twice the size, else ⌊o·scale⌋ in float.
        const i = out === input ? o : out === 2 * input ? o >> 1 : Math.min(Math.floor(f32(o * scalesValue(scale, input, out))), input - 1);
        put(o, i, 1);
        break;
      }
      case 'nearest-exact':
        put(o, Math.min(Math.floor(f32((o + 0.5) * scalesValue(scale, input, out))), input - 1), 1);
        break;
      case 'bilinear':
      case 'linear':
      case 'trilinear': {
        if (out === input) {
          put(o, o, 1);
          break;
        }
        const real = sourceIndex(areaPixelScale(input, out, alignCorners, scale), o, alignCorners, false);
        const i0 = Math.trunc(real);
        const i1 = i0 + (i0 < input - 1 ? 1 : 0);
        const l1 = f32(Math.min(Math.max(real - i0, 0), 1));
        put(o, i0, f32(1 - l1));
        put(o, i1, l1);
        break;
      }
      case 'bicubic': {
        const real = sourceIndex(areaPixelScale(input, out, alignCorners, scale), o, alignCorners, true);
        const i = Math.floor(real);
        const t = f32(real - i);
        const w = [cubic2(t + 1), cubic1(t), cubic1(1 - t), cubic2(2 - t)];
        for (let k = 0; k < 4; k++) put(o, i - 1 + k, f32(w[k]));
        break;
      }
      case 'area': {
        // F.interpolate's area mode is adaptive_avg_pool2d to the output size.
        const [s, e] = adaptiveWindow(o, input, out);
        for (let i = s; i < e; i++) put(o, i, 1 / (e - s));
        break;
      }
    }
  }
  return m;
}

/**
 * Both axes' matrices. Unlike nearest and bilinear, which copy an axis whose
 * size does not change, bicubic interpolates with the scale it was handed
 * even then (torch 1.13: scale_factor=1.2 on 3×3 gives 3×3, not a copy).
 */
export function upsampleMatrices(mode: UpsampleMode, [h, w]: readonly [number, number], [oh, ow]: readonly [number, number], alignCorners: boolean, [sh, sw]: readonly [number | undefined, number | undefined]): [Float64Array, Float64Array] {
  return [interpolationMatrix(mode, h, oh, alignCorners, sh), interpolationMatrix(mode, w, ow, alignCorners, sw)];
}
