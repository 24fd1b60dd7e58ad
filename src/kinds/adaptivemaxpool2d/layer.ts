/**
 * AdaptiveMaxPool2d with PyTorch's windows: output cell `i` of `O` takes the
 * maximum of input rows `[⌊i·L/O⌋, ⌈(i+1)·L/O⌉)` (ATen `start_index`/`end_index`).
 * A whole-map maximum and an evenly dividing max pool are the fast paths;
 * otherwise one slice-and-max per output row, then per output column (slices,
 * maxima and concatenation all have gradients on every backend).
 */
import * as tf from '@tensorflow/tfjs';
import { adaptiveWindow } from '../../analysis/arith.js';
import { SizedLayer, type SizedArgs } from '../../train/layers/common.js';

export type AdaptiveMaxPoolArgs = SizedArgs;

/** The maxima of PyTorch's adaptive windows along one axis (1: rows, 2: columns) of an NHWC tensor. */
function maxAlong(x: tf.Tensor4D, axis: 1 | 2, out: number): tf.Tensor4D {
  const length = x.shape[axis];
  const parts: tf.Tensor4D[] = [];
  for (let i = 0; i < out; i++) {
    const [s, e] = adaptiveWindow(i, length, out);
    const begin: [number, number, number, number] = [0, 0, 0, 0];
    const size: [number, number, number, number] = [-1, -1, -1, -1];
    begin[axis] = s;
    size[axis] = e - s;
    parts.push(tf.max(tf.slice(x, begin, size), axis, true));
  }
  return tf.concat(parts, axis);
}

export class AdaptiveMaxPool2d extends SizedLayer {
  static className = 'TorchAdaptiveMaxPool2d';

  protected resize(x: tf.Tensor4D, h: number, w: number, oh: number, ow: number): tf.Tensor {
    if (oh === 1 && ow === 1) return tf.max(x, [1, 2], true);
    if (h % oh === 0 && w % ow === 0) return tf.maxPool(x, [h / oh, w / ow], [h / oh, w / ow], 'valid');
    return maxAlong(maxAlong(x, 1, oh), 2, ow);
  }
}

tf.serialization.registerClass(AdaptiveMaxPool2d);
