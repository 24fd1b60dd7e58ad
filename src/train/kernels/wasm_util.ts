/**
 * Shared plumbing for the gradient kernels that this project registers on
 * tfjs's 'wasm' backend (`@tensorflow/tfjs-backend-wasm` 4.22).
 *
 * The kernels read their inputs straight out of the WASM heap
 * (`backend.typedArrayFromHeap`), allocate their outputs on that heap
 * (`backend.makeOutput`) and hand the heavy arithmetic to the wasm backend's
 * own registered kernels - `Conv2D` (XNNPACK's SIMD indirect GEMM),
 * `BatchMatMul` (XNNPACK's GEMM when neither operand is transposed and the
 * batch is 1) and `Sigmoid` - so JS only reorders data.
 *
 * Heap views must be re-fetched after every allocation: when the WASM memory
 * grows, earlier `Float32Array` views onto it are detached.
 */
import { getKernel } from '@tensorflow/tfjs';
import type { DataType, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

/** Backend name used by `@tensorflow/tfjs-backend-wasm`. */
export const WASM = 'wasm';

/** The part of tfjs-backend-wasm's `BackendWasm` that these kernels use. */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): ArrayLike<number>;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** Arguments every kernel function receives from the engine. */
export interface KernelArgs<I extends string> {
  inputs: Record<I, TensorInfo>;
  backend: WasmBackendLike;
  attrs: NamedAttrMap;
}

export function asKernelFunc<I extends string>(
  fn: (args: KernelArgs<I>) => TensorInfo,
): KernelFunc {
  return fn as unknown as KernelFunc;
}

/** A Float32Array view onto a float32 tensor that lives on the WASM heap. */
export function f32(backend: WasmBackendLike, info: TensorInfo, what: string): Float32Array {
  if (info.dtype !== 'float32') {
    throw new Error(`${what}: expected a float32 tensor, got ${info.dtype}.`);
  }
  const view = backend.typedArrayFromHeap(info);
  if (!(view instanceof Float32Array)) {
    throw new Error(`${what}: the wasm backend did not return a Float32Array.`);
  }
  return view;
}

/** Same data, different shape: a TensorInfo view sharing `info.dataId`. */
export function withShape(info: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/**
 * `a [1, m, k] x b [1, k, n] -> [1, m, n]` through the wasm backend's own
 * registered `BatchMatMul` kernel (XNNPACK fully-connected GEMM). The caller
 * owns the returned tensor.
 */
export function wasmMatMul(backend: WasmBackendLike, a: TensorInfo, b: TensorInfo): TensorInfo {
  const kernel = getKernel('BatchMatMul', WASM);
  if (kernel == null) {
    throw new Error("The wasm backend has no 'BatchMatMul' kernel registered.");
  }
  const out = kernel.kernelFunc({
    inputs: { a, b },
    backend,
    attrs: { transposeA: false, transposeB: false },
  });
  return Array.isArray(out) ? out[0]! : out;
}

/** Throws the wasm backend's own error for channels-first layouts. */
export function assertChannelsLast(dataFormat: string, kernelName: string): void {
  if (dataFormat !== 'channelsLast') {
    throw new Error(
      `wasm backend ${kernelName} does not support dataFormat:'${dataFormat}'. ` +
        `Please use 'channelsLast'.`,
    );
  }
}

/** First output index whose input tap `o * stride + offset` is >= 0. */
export function firstValid(offset: number, stride: number, outSize: number): number {
  return Math.min(outSize, Math.max(0, Math.ceil(-offset / stride)));
}

/** One past the last output index whose input tap `o * stride + offset` is < inSize. */
export function endValid(offset: number, stride: number, inSize: number, outSize: number): number {
  return Math.min(outSize, Math.max(0, Math.floor((inSize - 1 - offset) / stride) + 1));
}
