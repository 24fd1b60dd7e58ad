/**
 * `Conv2DBackpropInput` for the wasm backend, replacing the stock one for
 * speed: tfjs-backend-wasm 4.22's kernel is a scalar C++ loop nest (about
 * 0.7 GMAC/s; in a LeNet-5 training step it took ~45 % of the time) and
 * ignores dilations.
 *
 *   dx[b, iy, ix, ci] = sum over (oy, ox, r, c) with iy = oy*sh + r*dh - pt,
 *                       ix = ox*sw + c*dw - pl of dy[b, oy, ox, co] * W[r, c, ci, co]
 *
 * Stride 1 and dy not much smaller than x: this is a "full" correlation of
 * `dy` with the spatially flipped, in/out-transposed filter, so it runs as one
 * call of the wasm backend's own `Conv2D` kernel (XNNPACK, SIMD) with padding
 * `effective filter size - 1 - forward padding` on each side. With 1-2 input
 * channels (a first layer) that correlation would fill 1-2 of the 8 output
 * channels XNNPACK's GEMM tiles compute, so it is rearranged into 2x2 output
 * phases (see `viaPhases`): 4.1 ms instead of 15.5 ms (stock) for LeNet-5's
 * conv1 at batch 64.
 *
 * Otherwise (stride > 1, dy much smaller than x, or forward padding larger
 * than the filter):
 *   dcol [M, K] = dy [M, CO] x W^T [CO, K]   (wasm `BatchMatMul`, XNNPACK)
 * followed by a col2im scatter-add in JS.
 *
 * Honours strides, all padding forms, `dimRoundingMode` and a `dilations`
 * attribute when present. NHWC only, like the wasm `Conv2D` forward.
 */
import type { backend_util, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import {
  WASM,
  asKernelFunc,
  assertChannelsLast,
  convInfo,
  endValid,
  f32,
  firstValid,
  wasmConv2D,
  wasmMatMul,
  withShape,
  zeroOutput,
  type KernelArgs,
  type WasmBackendLike,
  geometry,
} from './wasm_util.js';

export const CONV2D_BACKPROP_INPUT = 'Conv2DBackpropInput';

type ConvInfo = backend_util.Conv2DInfo;

/** W [FH, FW, CI, CO] -> W' [FH, FW, CO, CI] with W'[r, c] = W[FH-1-r, FW-1-c]. */
export function flipTransposeFilter(w: Float32Array, out: Float32Array, info: ConvInfo): void {
  const { filterHeight: fh, filterWidth: fw, inChannels: ci, outChannels: co } = info;
  const tap = ci * co;
  for (let r = 0; r < fh; r++) {
    for (let c = 0; c < fw; c++) {
      const src = ((fh - 1 - r) * fw + (fw - 1 - c)) * tap;
      const dst = (r * fw + c) * tap;
      for (let i = 0; i < ci; i++) {
        for (let o = 0; o < co; o++) out[dst + o * ci + i] = w[src + i * co + o]!;
      }
    }
  }
}

/** W [K, CO] -> W^T [CO, K]. */
function transposeFilter(w: Float32Array, out: Float32Array, k: number, co: number): void {
  for (let i = 0; i < k; i++) {
    for (let o = 0; o < co; o++) out[o * k + i] = w[i * co + o]!;
  }
}

/**
 * Scatter-adds `col` ([M, K], row m = (b, oy, ox), column k = (r, c, ci)) into
 * NHWC `dx`, which must be zero-filled.
 */
export function col2im(col: Float32Array, dx: Float32Array, info: ConvInfo): void {
  const { n, h, w, ci, oh, ow, fh, fw, sh, sw, dh, dw, pt, pl } = geometry(info);
  const k = fh * fw * ci;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const iy0 = oy * sh - pt;
      const rMin = firstValid(iy0, dh, fh);
      const rMax = endValid(iy0, dh, h, fh);
      for (let ox = 0; ox < ow; ox++) {
        const ix0 = ox * sw - pl;
        const cMin = firstValid(ix0, dw, fw);
        const cMax = endValid(ix0, dw, w, fw);
        const row = ((b * oh + oy) * ow + ox) * k;
        for (let r = rMin; r < rMax; r++) {
          const xRow = (b * h + iy0 + r * dh) * w;
          for (let c = cMin; c < cMax; c++) {
            let xi = (xRow + ix0 + c * dw) * ci;
            let ki = row + (r * fw + c) * ci;
            for (let ch = 0; ch < ci; ch++) dx[xi++]! += col[ki++]!;
          }
        }
      }
    }
  }
}

function viaConv2D(
  backend: WasmBackendLike,
  dy: TensorInfo,
  filter: TensorInfo,
  info: ConvInfo,
  pads: [number, number, number, number],
): TensorInfo {
  const flipped = backend.makeOutput(
    [info.filterHeight, info.filterWidth, info.outChannels, info.inChannels],
    'float32',
  );
  flipTransposeFilter(
    f32(backend, filter, CONV2D_BACKPROP_INPUT),
    f32(backend, flipped, CONV2D_BACKPROP_INPUT),
    info,
  );
  const out = wasmConv2D(backend, dy, flipped, { strides: [1, 1], dilations: [info.dilationHeight, info.dilationWidth], pad: pads });
  // Disposing the filter also frees the XNNPACK operator cached on it.
  backend.disposeData(flipped.dataId);
  return out;
}

/** Phase grid side of `viaPhases`. */
const PHASES = 2;

/**
 * Stride 1 with few input channels (CI <= 2): XNNPACK's GEMM tiles 8 output
 * channels, so the plain correlation (CI outputs) wastes most of each tile -
 * LeNet-5's first layer (CI = 1) used 1/8 of it. Instead dx is split into
 * 2 x 2 phases, phase (py, px) holding dx[2Y + py, 2X + px]; all four are one
 * stride-2 correlation of the padded dy with a (efh+1) x (efw+1) kernel and
 * 4*CI output channels (the flipped filter placed at offset (py, px) in each
 * phase's slice), followed by a depth-to-space reorder in JS. ~45 % more
 * multiply-adds, ~3x fewer GEMM tile slots.
 */
function viaPhases(
  backend: WasmBackendLike,
  dy: TensorInfo,
  filter: TensorInfo,
  info: ConvInfo,
  pt: number,
  pl: number,
): TensorInfo {
  const p = PHASES;
  const { n, h, w, ci, oh, ow, co, fh, fw, dh, dw } = geometry(info);
  const kt = info.effectiveFilterHeight + p - 1;
  const ks = info.effectiveFilterWidth + p - 1;
  const gy = Math.ceil(h / p);
  const gx = Math.ceil(w / p);
  const oc = p * p * ci;
  const { info: g, view: gv } = zeroOutput(backend, [kt, ks, co, oc], CONV2D_BACKPROP_INPUT);
  const wv = f32(backend, filter, CONV2D_BACKPROP_INPUT);
  for (let py = 0; py < p; py++) {
    for (let px = 0; px < p; px++) {
      const phase = (py * p + px) * ci;
      for (let u = 0; u < fh; u++) {
        for (let v = 0; v < fw; v++) {
          const src = ((fh - 1 - u) * fw + (fw - 1 - v)) * ci * co;
          const dst = ((py + u * dh) * ks + (px + v * dw)) * co * oc + phase;
          for (let c = 0; c < ci; c++) {
            for (let o = 0; o < co; o++) gv[dst + o * oc + c] = wv[src + c * co + o]!;
          }
        }
      }
    }
  }
  const phases = wasmConv2D(backend, dy, g, { strides: [p, p], dilations: [1, 1], pad: [pt, p * (gy - 1) + kt - oh - pt, pl, p * (gx - 1) + ks - ow - pl] });
  backend.disposeData(g.dataId);
  const dx = backend.makeOutput([...info.inShape], 'float32');
  const src = f32(backend, phases, CONV2D_BACKPROP_INPUT);
  const dst = f32(backend, dx, CONV2D_BACKPROP_INPUT);
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < gy; y++) {
      for (let py = 0; py < p; py++) {
        const iy = y * p + py;
        if (iy >= h) break;
        for (let x = 0; x < gx; x++) {
          for (let px = 0; px < p; px++) {
            const ix = x * p + px;
            if (ix >= w) break;
            let si = ((b * gy + y) * gx + x) * oc + (py * p + px) * ci;
            let di = ((b * h + iy) * w + ix) * ci;
            for (let c = 0; c < ci; c++) dst[di++] = src[si++]!;
          }
        }
      }
    }
  }
  backend.disposeData(phases.dataId);
  return dx;
}

function viaMatMul(
  backend: WasmBackendLike,
  dy: TensorInfo,
  filter: TensorInfo,
  info: ConvInfo,
): TensorInfo {
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const m = info.batchSize * info.outHeight * info.outWidth;
  const co = info.outChannels;
  const wT = backend.makeOutput([1, co, k], 'float32');
  transposeFilter(f32(backend, filter, CONV2D_BACKPROP_INPUT), f32(backend, wT, CONV2D_BACKPROP_INPUT), k, co);
  const col = wasmMatMul(backend, withShape(dy, [1, m, co]), wT);
  backend.disposeData(wT.dataId);
  const { info: dx, view: dxv } = zeroOutput(backend, info.inShape, CONV2D_BACKPROP_INPUT);
  col2im(f32(backend, col, CONV2D_BACKPROP_INPUT), dxv, info);
  backend.disposeData(col.dataId);
  return dx;
}

function conv2DBackpropInput({ inputs, backend, attrs }: KernelArgs<'dy' | 'filter'>): TensorInfo {
  const { dy, filter } = inputs;
  const inputShape = attrs['inputShape'] as number[];
  const info = convInfo(inputShape, filter.shape, attrs, false);
  assertChannelsLast(info.dataFormat, CONV2D_BACKPROP_INPUT);
  if (info.outChannels === 0 || info.inChannels === 0 || dy.shape.some((d) => d === 0)) {
    return zeroOutput(backend, inputShape, CONV2D_BACKPROP_INPUT).info;
  }
  // The correlation also computes the taps that fall into its padding, so it
  // only pays off while the padded area is small next to dy (LeNet-5's conv3,
  // 5x5 -> 1x1, is 6.6 ms this way and 0.6 ms through the GEMM).
  const paddingCheap = info.inHeight * info.inWidth <= 2 * info.outHeight * info.outWidth;
  if (paddingCheap && info.strideHeight === 1 && info.strideWidth === 1) {
    const { top, left } = info.padInfo;
    // Padding of the full correlation; the bottom/right ones are derived from
    // the sizes so that rows the forward pass dropped are handled too.
    const pt = info.effectiveFilterHeight - 1 - top;
    const pl = info.effectiveFilterWidth - 1 - left;
    const pb = info.inHeight - 1 + info.effectiveFilterHeight - pt - info.outHeight;
    const pr = info.inWidth - 1 + info.effectiveFilterWidth - pl - info.outWidth;
    if (pt >= 0 && pl >= 0 && pb >= 0 && pr >= 0) {
      if (info.inChannels * PHASES * PHASES <= 8) return viaPhases(backend, dy, filter, info, pt, pl);
      return viaConv2D(backend, dy, filter, info, [pt, pb, pl, pr]);
    }
  }
  return viaMatMul(backend, dy, filter, info);
}

export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: CONV2D_BACKPROP_INPUT,
  backendName: WASM,
  kernelFunc: asKernelFunc(conv2DBackpropInput),
};
