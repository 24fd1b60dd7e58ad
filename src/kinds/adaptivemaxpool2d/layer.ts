/**
 * AdaptiveMaxPool2d with PyTorch's windows: output cell `i` of `O` takes the
 * maximum of input rows `[⌊i·L/O⌋, ⌈(i+1)·L/O⌉)` (ATen `start_index`/`end_index`).
 * A whole-map maximum and an evenly dividing max pool are the fast paths;
 * otherwise one slice-and-max per output row, then per output column (slices,
 * maxima and concatenation all have gradients on every backend).
 */
import * as tf from '@tensorflow/tfjs';
import { adaptiveWindow } from '../../analysis/arith.js';
import { one, oneShape, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface AdaptiveMaxPoolArgs extends LayerArgs {
  /** Output height and width, resolved from the graph's `output_size`. */
  outputSize: [number, number];
}

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

export class AdaptiveMaxPool2d extends tf.layers.Layer {
  static className = 'TorchAdaptiveMaxPool2d';
  readonly outputSize: [number, number];

  constructor(args: AdaptiveMaxPoolArgs) {
    super(args);
    this.outputSize = args.outputSize;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const [n, , , c] = oneShape(inputShape);
    return [n, this.outputSize[0], this.outputSize[1], c];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs) as tf.Tensor4D;
      const [, h, w] = x.shape;
      const [oh, ow] = this.outputSize;
      if (oh === 1 && ow === 1) return tf.max(x, [1, 2], true);
      if (h % oh === 0 && w % ow === 0) return tf.maxPool(x, [h / oh, w / ow], [h / oh, w / ow], 'valid');
      return maxAlong(maxAlong(x, 1, oh), 2, ow);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), outputSize: this.outputSize };
  }
}

tf.serialization.registerClass(AdaptiveMaxPool2d);
