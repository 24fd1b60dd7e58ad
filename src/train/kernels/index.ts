/**
 * Kernels that tfjs's 'wasm' backend (`@tensorflow/tfjs-backend-wasm` 4.22)
 * needs to train convolutional networks, registered by
 * `registerWasmGradientKernels()`.
 *
 * Found by reading the package's kernel registrations
 * (dist/register_all_kernels.js) and by running the gradient of every op the
 * project's layers use on 'wasm' against 'cpu' (tests/train/kernels):
 *
 *   missing   Conv2DBackpropFilter                 (tfjs issue 8474): conv2d,
 *                                                   separable conv, conv2dTranspose
 *   missing   DepthwiseConv2dNativeBackpropFilter  depthwise / grouped conv
 *   missing   DepthwiseConv2dNativeBackpropInput   depthwise / grouped conv
 *   wrong     MaxPoolGrad  seeds its running max with FLT_MIN (the smallest
 *             positive float): a window whose values are all <= 0 sends its
 *             gradient to the wrong element; ties pick the last maximum.
 *   wrong     AvgPoolGrad  (cpu's too) divides by the full window where the
 *             forward divides by the in-image taps ('same' / numeric padding
 *             only; 'valid' pooling is unaffected). Also ~10x slower than needed.
 *   slow      Conv2DBackpropInput  scalar C++ loops (~45 % of a LeNet-5 step).
 *   slow      Tanh                 scalar libm tanhf (~18 ns per element).
 *
 * Everything else those layers need already has a correct wasm kernel
 * (LRNGrad, FusedBatchNorm and its op-level gradient, Step/Relu/Sigmoid
 * gradients from elementwise ops, Softmax, SplitV / Concat, Slice / PadV2,
 * Mean, Reshape, Transpose, BatchMatMul, SpaceToBatchND ...).
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { avgPoolGradConfig } from './AvgPoolGrad.js';
import { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
import { conv2DBackpropInputConfig } from './Conv2DBackpropInput.js';
import { depthwiseConv2dNativeBackpropFilterConfig } from './DepthwiseConv2dNativeBackpropFilter.js';
import { depthwiseConv2dNativeBackpropInputConfig } from './DepthwiseConv2dNativeBackpropInput.js';
import { maxPoolGradConfig } from './MaxPoolGrad.js';
import { tanhConfig } from './Tanh.js';

export { avgPoolGradConfig } from './AvgPoolGrad.js';
export { conv2DBackpropFilterConfig } from './Conv2DBackpropFilter.js';
export { conv2DBackpropInputConfig } from './Conv2DBackpropInput.js';
export { depthwiseConv2dNativeBackpropFilterConfig } from './DepthwiseConv2dNativeBackpropFilter.js';
export { depthwiseConv2dNativeBackpropInputConfig } from './DepthwiseConv2dNativeBackpropInput.js';
export { maxPoolGradConfig } from './MaxPoolGrad.js';
export { tanhConfig } from './Tanh.js';

interface Entry {
  config: KernelConfig;
  /**
   * 'missing': register only where the wasm backend has no such kernel (a
   * future tfjs that ships one keeps its own).
   * 'replace': the stock kernel is wrong or slow; swap it for ours.
   */
  mode: 'missing' | 'replace';
}

const ENTRIES: readonly Entry[] = [
  { config: conv2DBackpropFilterConfig, mode: 'missing' },
  { config: depthwiseConv2dNativeBackpropFilterConfig, mode: 'missing' },
  { config: depthwiseConv2dNativeBackpropInputConfig, mode: 'missing' },
  { config: maxPoolGradConfig, mode: 'replace' },
  { config: conv2DBackpropInputConfig, mode: 'replace' },
  { config: avgPoolGradConfig, mode: 'replace' },
  { config: tanhConfig, mode: 'replace' },
];

/** The kernels this module provides for 'wasm', in registration order. */
export const WASM_GRADIENT_KERNELS: readonly string[] = ENTRIES.map((e) => e.config.kernelName);

/**
 * Registers the kernels the 'wasm' backend lacks and replaces the wrong or
 * slow ones listed above. Returns the names registered by this call;
 * idempotent: a second call registers nothing and does not throw. Works
 * before or after `tf.setBackend('wasm')` (the kernels need no setup step).
 * A kernel tfjs itself may ship later (the 'missing' ones) is left alone.
 */
export function registerWasmGradientKernels(): string[] {
  const registered: string[] = [];
  for (const { config, mode } of ENTRIES) {
    const current = getKernel(config.kernelName, config.backendName);
    if (current != null) {
      if (current.kernelFunc === config.kernelFunc || mode === 'missing') continue;
      unregisterKernel(config.kernelName, config.backendName);
    }
    registerKernel(config);
    registered.push(config.kernelName);
  }
  return registered;
}
