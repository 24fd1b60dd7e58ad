/**
 * `DepthwiseConv2dNativeBackpropFilter` for the wasm backend (4.22 ships none,
 * so `tf.depthwiseConv2d` / `tf.separableConv2d` - and grouped convolutions
 * built on them - cannot be trained on 'wasm').
 *
 * Filter `[FH, FW, CI, CM]`, output channel `co = ci * CM + q`:
 *
 *   dW[r, c, ci, q] = sum_{b, oy, ox} x[b, oy*sh + r*dh - pt, ox*sw + c*dw - pl, ci]
 *                                      * dy[b, oy, ox, ci*CM + q]
 *
 * A direct loop: per filter tap, only the output rows/columns whose input tap
 * is inside the image are visited (no padding branches in the inner loops),
 * and the innermost loop runs over contiguous channels of `x`, `dy` and `dW`.
 * Accumulates in float64. Honours strides, all padding forms, dilations and
 * `dimRoundingMode`. NHWC.
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

export const DEPTHWISE_BACKPROP_FILTER = 'DepthwiseConv2dNativeBackpropFilter';

export function depthwiseFilterBackprop(
  x: Float32Array,
  dy: Float32Array,
  dw: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { n, h, w, ci, oh, ow, co, fh, fw, sh, sw, dh, dw: dwl } = geometry(info);
  const cm = co / ci;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  const acc = new Float64Array(co);
  for (let r = 0; r < fh; r++) {
    const iyOff = r * dh - pt;
    const oyMin = firstValid(iyOff, sh, oh);
    const oyMax = endValid(iyOff, sh, h, oh);
    for (let c = 0; c < fw; c++) {
      const ixOff = c * dwl - pl;
      const oxMin = firstValid(ixOff, sw, ow);
      const oxMax = endValid(ixOff, sw, w, ow);
      acc.fill(0);
      for (let b = 0; b < n; b++) {
        for (let oy = oyMin; oy < oyMax; oy++) {
          const iy = oy * sh + iyOff;
          let xi = ((b * h + iy) * w + oxMin * sw + ixOff) * ci;
          let yi = ((b * oh + oy) * ow + oxMin) * co;
          for (let ox = oxMin; ox < oxMax; ox++) {
            if (cm === 1) {
              for (let ch = 0; ch < ci; ch++) acc[ch]! += x[xi + ch]! * dy[yi + ch]!;
            } else {
              for (let ch = 0, o = 0; ch < ci; ch++) {
                const xv = x[xi + ch]!;
                for (let q = 0; q < cm; q++, o++) acc[o]! += xv * dy[yi + o]!;
              }
            }
            xi += sw * ci;
            yi += co;
          }
        }
      }
      dw.set(acc, (r * fw + c) * co);
    }
  }
}

function depthwiseConv2dNativeBackpropFilter({
  inputs,
  backend,
  attrs,
}: KernelArgs<'x' | 'dy'>): TensorInfo {
  const { x, dy } = inputs;
  const filterShape = attrs['filterShape'] as number[];
  const info = convInfo(x.shape, filterShape, attrs, true);
  const out = backend.makeOutput([...filterShape], 'float32');
  depthwiseFilterBackprop(
    f32(backend, x, DEPTHWISE_BACKPROP_FILTER),
    f32(backend, dy, DEPTHWISE_BACKPROP_FILTER),
    f32(backend, out, DEPTHWISE_BACKPROP_FILTER),
    info,
  );
  return out;
}

export const depthwiseConv2dNativeBackpropFilterConfig: KernelConfig = {
  kernelName: DEPTHWISE_BACKPROP_FILTER,
  backendName: WASM,
  kernelFunc: asKernelFunc(depthwiseConv2dNativeBackpropFilter),
};
