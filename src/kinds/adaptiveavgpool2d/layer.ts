/**
 * AdaptiveAvgPool2d with PyTorch's windows: output cell `i` of `O` averages
 * input rows `[⌊i·L/O⌋, ⌈(i+1)·L/O⌉)` (ATen `start_index`/`end_index`).
 * Windows may overlap and differ in size, so the general case is a product
 * with two averaging matrices; a whole-map mean and an evenly dividing
 * average pool are the fast paths that give the same numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { adaptiveWindow } from '../../analysis/arith.js';
import { separable, SizedLayer, type SizedArgs } from '../../train/layers/common.js';

export type AdaptiveAvgPoolArgs = SizedArgs;

/** `O × L` matrix whose row `i` averages PyTorch's window `i`. */
export function adaptiveMatrix(length: number, out: number): Float32Array {
  const m = new Float32Array(out * length);
  for (let i = 0; i < out; i++) {
    const [s, e] = adaptiveWindow(i, length, out);
    for (let j = s; j < e; j++) m[i * length + j] = 1 / (e - s);
  }
  return m;
}

export class AdaptiveAvgPool2d extends SizedLayer {
  static className = 'TorchAdaptiveAvgPool2d';

  protected resize(x: tf.Tensor4D, h: number, w: number, oh: number, ow: number): tf.Tensor {
    if (oh === 1 && ow === 1) return tf.mean(x, [1, 2], true);
    if (h % oh === 0 && w % ow === 0) return tf.avgPool(x, [h / oh, w / ow], [h / oh, w / ow], 'valid');
    return separable(x, adaptiveMatrix(h, oh), oh, adaptiveMatrix(w, ow), ow);
  }
}

tf.serialization.registerClass(AdaptiveAvgPool2d);
