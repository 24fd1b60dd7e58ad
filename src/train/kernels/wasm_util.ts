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
import { backend_util, getKernel } from '@tensorflow/tfjs';
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

/**
 * A float32 output of `shape` on the WASM heap, zero-filled, with its view
 * (valid until the next allocation: see the note at the top).
 */
export function zeroOutput(backend: WasmBackendLike, shape: readonly number[], what: string): { info: TensorInfo; view: Float32Array } {
  const info = backend.makeOutput([...shape], 'float32');
  const view = f32(backend, info, what);
  view.fill(0);
  return { info, view };
}

type Shape4 = [number, number, number, number];

/**
 * The geometry of a (depthwise) convolution backprop kernel, from its
 * attributes as tfjs-core's gradient ops pass them: `strides`, `pad`,
 * `dimRoundingMode`, and `dilations` (default 1) when present. The regular
 * kernels also read `dataFormat` (default NHWC); the depthwise ones are
 * always channels-last.
 */
export function convInfo(inShape: readonly number[], filterShape: readonly number[], attrs: NamedAttrMap, depthwise: boolean): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    inShape as Shape4,
    filterShape as Shape4,
    attrs['strides'] as [number, number] | number,
    (attrs['dilations'] as [number, number] | number | undefined) ?? 1,
    attrs['pad'] as backend_util.ExplicitPadding | 'valid' | 'same' | number,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
    depthwise,
    depthwise ? 'channelsLast' : backend_util.convertConv2DDataFormat((attrs['dataFormat'] as 'NHWC' | 'NCHW') ?? 'NHWC'),
  );
}

/** The geometry of a pooling backprop kernel (`filterSize`, `strides`, `pad`, `dimRoundingMode`). */
export function poolInfo(inShape: readonly number[], attrs: NamedAttrMap): backend_util.Conv2DInfo {
  return backend_util.computePool2DInfo(
    inShape as Shape4,
    attrs['filterSize'] as [number, number] | number,
    attrs['strides'] as [number, number] | number,
    1,
    attrs['pad'] as 'valid' | 'same' | number | backend_util.ExplicitPadding,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
  );
}

/**
 * An NHWC convolution through the wasm backend's own registered `Conv2D`
 * kernel (XNNPACK's SIMD indirect GEMM), with explicit padding
 * `[top, bottom, left, right]`. The caller owns the returned tensor.
 */
export function wasmConv2D(
  backend: WasmBackendLike,
  x: TensorInfo,
  filter: TensorInfo,
  geometry: { strides: [number, number]; dilations: [number, number]; pad: [number, number, number, number] },
): TensorInfo {
  const conv = getKernel('Conv2D', WASM);
  if (conv == null) throw new Error("The wasm backend has no 'Conv2D' kernel registered.");
  const [top, bottom, left, right] = geometry.pad;
  const out = conv.kernelFunc({
    inputs: { x, filter },
    backend,
    attrs: {
      strides: geometry.strides,
      dilations: geometry.dilations,
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dimRoundingMode: undefined as unknown as string,
    },
  });
  return Array.isArray(out) ? out[0]! : out;
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

/**
 * The convolution/pooling geometry under the short names the kernels' loops use
 * (n×h×w×ci in, oh×ow×co out, fh×fw window, strides, dilations, top/left padding).
 */
export function geometry(info: backend_util.Conv2DInfo) {
  return {
    n: info.batchSize,
    h: info.inHeight,
    w: info.inWidth,
    ci: info.inChannels,
    oh: info.outHeight,
    ow: info.outWidth,
    co: info.outChannels,
    fh: info.filterHeight,
    fw: info.filterWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    dh: info.dilationHeight,
    dw: info.dilationWidth,
    efh: info.effectiveFilterHeight,
    efw: info.effectiveFilterWidth,
    pt: info.padInfo.top,
    pl: info.padInfo.left,
  };
}

/** First output index whose input tap `o * stride + offset` is >= 0. */
export function firstValid(offset: number, stride: number, outSize: number): number {
  return Math.min(outSize, Math.max(0, Math.ceil(-offset / stride)));
}

/** One past the last output index whose input tap `o * stride + offset` is < inSize. */
export function endValid(offset: number, stride: number, inSize: number, outSize: number): number {
  return Math.min(outSize, Math.max(0, Math.floor((inSize - 1 - offset) / stride) + 1));
}
