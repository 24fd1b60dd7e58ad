/**
 * `DepthwiseConv2dNativeBackpropInput` for the wasm backend (4.22 ships none).
 *
 * Filter `[FH, FW, CI, CM]`, output channel `co = ci * CM + q`:
 *
 *   dx[b, iy, ix, ci] = sum over (oy, ox, r, c) with iy = oy*sh + r*dh - pt,
 *                       ix = ox*sw + c*dw - pl, and q < CM of
 *                       dy[b, oy, ox, ci*CM + q] * W[r, c, ci, q]
 *
 * written as a scatter from each output pixel and filter tap, so any stride /
 * dilation / padding combination needs no divisibility tests; the innermost
 * loop runs over contiguous channels. Accumulates in float64. NHWC.
 */
import type { backend_util, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import {
  WASM,
  asKernelFunc,
  convInfo,
  endValid,
  f32,
  firstValid,
  type KernelArgs,
  geometry,
} from './wasm_util.js';

export const DEPTHWISE_BACKPROP_INPUT = 'DepthwiseConv2dNativeBackpropInput';

export function depthwiseInputBackprop(
  dy: Float32Array,
  filter: Float32Array,
  dx: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { n, h, w, ci, oh, ow, co, fh, fw, sh, sw, dh, dw: dwl } = geometry(info);
  const cm = co / ci;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  const acc = new Float64Array(n * h * w * ci);
  for (let r = 0; r < fh; r++) {
    const iyOff = r * dh - pt;
    const oyMin = firstValid(iyOff, sh, oh);
    const oyMax = endValid(iyOff, sh, h, oh);
    for (let c = 0; c < fw; c++) {
      const ixOff = c * dwl - pl;
      const oxMin = firstValid(ixOff, sw, ow);
      const oxMax = endValid(ixOff, sw, w, ow);
      const wi = (r * fw + c) * co;
      for (let b = 0; b < n; b++) {
        for (let oy = oyMin; oy < oyMax; oy++) {
          const iy = oy * sh + iyOff;
          let xi = ((b * h + iy) * w + oxMin * sw + ixOff) * ci;
          let yi = ((b * oh + oy) * ow + oxMin) * co;
          for (let ox = oxMin; ox < oxMax; ox++) {
            if (cm === 1) {
              for (let ch = 0; ch < ci; ch++) acc[xi + ch]! += dy[yi + ch]! * filter[wi + ch]!;
            } else {
              for (let ch = 0, o = 0; ch < ci; ch++) {
                let s = 0;
                for (let q = 0; q < cm; q++, o++) s += dy[yi + o]! * filter[wi + o]!;
                acc[xi + ch]! += s;
              }
            }
            xi += sw * ci;
            yi += co;
          }
        }
      }
    }
  }
  dx.set(acc);
}

function depthwiseConv2dNativeBackpropInput({
  inputs,
  backend,
  attrs,
}: KernelArgs<'dy' | 'filter'>): TensorInfo {
  const { dy, filter } = inputs;
  const inputShape = attrs['inputShape'] as number[];
  const info = convInfo(inputShape, filter.shape, attrs, true);
  const out = backend.makeOutput([...inputShape], 'float32');
  depthwiseInputBackprop(
    f32(backend, dy, DEPTHWISE_BACKPROP_INPUT),
    f32(backend, filter, DEPTHWISE_BACKPROP_INPUT),
    f32(backend, out, DEPTHWISE_BACKPROP_INPUT),
    info,
  );
  return out;
}

export const depthwiseConv2dNativeBackpropInputConfig: KernelConfig = {
  kernelName: DEPTHWISE_BACKPROP_INPUT,
  backendName: WASM,
  kernelFunc: asKernelFunc(depthwiseConv2dNativeBackpropInput),
};
