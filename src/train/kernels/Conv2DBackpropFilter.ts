/**
 * `Conv2DBackpropFilter` for the wasm backend (tfjs issue 8474: 4.22 ships
 * none, so no convolution can be trained on 'wasm').
 *
 *   dW[r, c, ci, co] = sum_{b, oy, ox} x[b, oy*sh + r*dh - pt, ox*sw + c*dw - pl, ci]
 *                                      * dy[b, oy, ox, co]
 *
 * This is itself a convolution, with the roles of batch and channels swapped:
 * take x^T = [CI, H, W, N] as the input (CI images with N channels) and
 * dy^T = [OH, OW, N, CO] as the filter; then
 *
 *   dW^T[ci, r, c, co] = sum_{oy, ox, b} x^T[ci, r*dh + oy*sh - pt, c*dw + ox*sw - pl, b]
 *                                        * dy^T[oy, ox, b, co]
 *
 * i.e. a convolution with stride = the forward dilation and dilation = the
 * forward stride, over x^T padded like the forward input. It runs as one call
 * of the wasm backend's own `Conv2D` kernel (XNNPACK's SIMD indirect GEMM), so
 * no im2col matrix is materialised; JS only does the two transposes (N*H*W*CI
 * and N*OH*OW*CO elements) and the final [CI, FH, FW, CO] -> [FH, FW, CI, CO]
 * reorder. Measured against an im2col + `BatchMatMul` formulation of the same
 * product, this was 1.0-1.7x faster on LeNet-5's three convolutions.
 *
 * Honours `strides`, `pad` ('valid' | 'same' | number | explicit
 * `[[0,0],[t,b],[l,r],[0,0]]`), `dimRoundingMode` and, when present, a
 * `dilations` attribute (tfjs-core's op does not pass one; TensorFlow's kernel
 * of the same name has it). NHWC only, like the wasm `Conv2D` forward.
 */
import type { backend_util, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import {
  WASM,
  asKernelFunc,
  assertChannelsLast,
  convInfo,
  f32,
  wasmConv2D,
  zeroOutput,
  type KernelArgs,
  type WasmBackendLike,
  geometry,
} from './wasm_util.js';

export const CONV2D_BACKPROP_FILTER = 'Conv2DBackpropFilter';

type ConvInfo = backend_util.Conv2DInfo;

/** x [N, H, W, CI] -> [CI, H, W, N]. */
function transposeInput(x: Float32Array, out: Float32Array, n: number, hw: number, ci: number): void {
  let o = 0;
  for (let c = 0; c < ci; c++) {
    for (let p = 0; p < hw; p++) {
      let xi = p * ci + c;
      const step = hw * ci;
      for (let b = 0; b < n; b++) {
        out[o++] = x[xi]!;
        xi += step;
      }
    }
  }
}

/** dy [N, OH, OW, CO] -> [OH, OW, N, CO]. */
function transposeDy(dy: Float32Array, out: Float32Array, n: number, ohw: number, co: number): void {
  let o = 0;
  for (let p = 0; p < ohw; p++) {
    for (let b = 0; b < n; b++) {
      let yi = (b * ohw + p) * co;
      for (let c = 0; c < co; c++) out[o++] = dy[yi++]!;
    }
  }
}

/**
 * dW as one XNNPACK convolution: input x^T [CI, H, W, N] (batch = CI,
 * channels = N), filter dy^T [OH, OW, N, CO], stride = forward dilation,
 * dilation = forward stride, forward padding; the result [CI, FH', FW', CO]
 * (FH' >= FH) is transposed into [FH, FW, CI, CO].
 */
function viaConv2D(
  backend: WasmBackendLike,
  x: TensorInfo,
  dy: TensorInfo,
  info: ConvInfo,
): TensorInfo {
  const { n, h, w, ci, oh, ow, co, fh, fw, sh, sw, dh, dw, pt, pl } = geometry(info);
  const pb = Math.max(0, (fh - 1) * dh + (oh - 1) * sh + 1 - h - pt);
  const pr = Math.max(0, (fw - 1) * dw + (ow - 1) * sw + 1 - w - pl);
  const xT = backend.makeOutput([ci, h, w, n], 'float32');
  const dyT = backend.makeOutput([oh, ow, n, co], 'float32');
  transposeInput(f32(backend, x, CONV2D_BACKPROP_FILTER), f32(backend, xT, CONV2D_BACKPROP_FILTER), n, h * w, ci);
  transposeDy(f32(backend, dy, CONV2D_BACKPROP_FILTER), f32(backend, dyT, CONV2D_BACKPROP_FILTER), n, oh * ow, co);
  const r = wasmConv2D(backend, xT, dyT, { strides: [dh, dw], dilations: [sh, sw], pad: [pt, pb, pl, pr] });
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  const fhOut = r.shape[1]!;
  const fwOut = r.shape[2]!;
  const out = backend.makeOutput([fh, fw, ci, co], 'float32');
  const src = f32(backend, r, CONV2D_BACKPROP_FILTER);
  const dst = f32(backend, out, CONV2D_BACKPROP_FILTER);
  for (let y = 0; y < fh; y++) {
    for (let xx = 0; xx < fw; xx++) {
      for (let c = 0; c < ci; c++) {
        const s0 = ((c * fhOut + y) * fwOut + xx) * co;
        const d0 = ((y * fw + xx) * ci + c) * co;
        for (let o = 0; o < co; o++) dst[d0 + o] = src[s0 + o]!;
      }
    }
  }
  backend.disposeData(r.dataId);
  return out;
}

function conv2DBackpropFilter({ inputs, backend, attrs }: KernelArgs<'x' | 'dy'>): TensorInfo {
  const { x, dy } = inputs;
  const filterShape = attrs['filterShape'] as number[];
  const info = convInfo(x.shape, filterShape, attrs, false);
  assertChannelsLast(info.dataFormat, CONV2D_BACKPROP_FILTER);
  if (info.batchSize * info.outHeight * info.outWidth === 0 || info.outChannels === 0 || info.inChannels === 0) {
    return zeroOutput(backend, filterShape, CONV2D_BACKPROP_FILTER).info;
  }
  return viaConv2D(backend, x, dy, info);
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: CONV2D_BACKPROP_FILTER,
  backendName: WASM,
  kernelFunc: asKernelFunc(conv2DBackpropFilter),
};
