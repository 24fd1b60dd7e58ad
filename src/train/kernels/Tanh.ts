/**
 * `Tanh` for the wasm backend, replacing the stock one for speed: 4.22's
 * kernel calls libm's scalar `tanhf` per element (~18 ns each; 7.5 ms of a
 * 64-sample LeNet-5 step, more than any of its convolutions' forward passes).
 *
 * This evaluates the odd rational minimax approximation p(x)/q(x) of degrees
 * 13/6 that Eigen, XLA and ONNX Runtime's MLAS use for float tanh, here in
 * double precision, returning +-1 beyond |x| = 7.90531110763549805 (where
 * float32 tanh is +-1 to within half an ulp). Being odd in x, small arguments
 * keep full relative accuracy. Max abs error vs Math.tanh is ~1e-7 (checked on
 * a dense grid in tests); NaN stays NaN.
 *
 * Its gradient (`dy * (1 - y^2)`, from tfjs-core) needs no kernel of its own.
 */
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import { WASM, asKernelFunc, f32, type KernelArgs } from './wasm_util.js';

export const TANH = 'Tanh';

/** out[i] = tanh(x[i]); `out` may alias `x`. */
export function tanhInto(x: Float32Array, out: Float32Array): void {
  // Locals, not module-level consts: V8 re-checks module bindings for the
  // temporal dead zone on every access, which made this loop ~3x slower.
  const CLAMP = 7.90531110763549805;
  const A1 = 4.89352455891786e-3;
  const A3 = 6.37261928875436e-4;
  const A5 = 1.48572235717979e-5;
  const A7 = 5.12229709037114e-8;
  const A9 = -8.60467152213735e-11;
  const A11 = 2.00018790482477e-13;
  const A13 = -2.76076847742355e-16;
  const B0 = 4.89352518554385e-3;
  const B2 = 2.268434632439e-3;
  const B4 = 1.18534705686654e-4;
  const B6 = 1.19825839466702e-6;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v > CLAMP || v < -CLAMP) {
      out[i] = v > 0 ? 1 : -1;
      continue;
    }
    const v2 = v * v;
    const p = v * (A1 + v2 * (A3 + v2 * (A5 + v2 * (A7 + v2 * (A9 + v2 * (A11 + v2 * A13))))));
    const q = B0 + v2 * (B2 + v2 * (B4 + v2 * B6));
    out[i] = p / q;
  }
}

function tanh({ inputs, backend }: KernelArgs<'x'>): TensorInfo {
  const { x } = inputs;
  const out = backend.makeOutput([...x.shape], 'float32');
  tanhInto(f32(backend, x, TANH), f32(backend, out, TANH));
  return out;
}

export const tanhConfig: KernelConfig = {
  kernelName: TANH,
  backendName: WASM,
  kernelFunc: asKernelFunc(tanh),
};
