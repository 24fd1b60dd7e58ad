/**
 * AdaptiveAvgPool2d with PyTorch's windows: output cell `i` of `O` averages
 * input rows `[⌊i·L/O⌋, ⌈(i+1)·L/O⌉)` (ATen `start_index`/`end_index`).
 * Windows may overlap and differ in size, so the general case is a product
 * with two averaging matrices; a whole-map mean and an evenly dividing
 * average pool are the fast paths that give the same numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { adaptiveWindow } from '../../analysis/arith.js';
import { one, oneShape, separable, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface AdaptiveAvgPoolArgs extends LayerArgs {
  /** Output height and width, resolved from the graph's `output_size`. */
  outputSize: [number, number];
}

/** `O × L` matrix whose row `i` averages PyTorch's window `i`. */
export function adaptiveMatrix(length: number, out: number): Float32Array {
  const m = new Float32Array(out * length);
  for (let i = 0; i < out; i++) {
    const [s, e] = adaptiveWindow(i, length, out);
    for (let j = s; j < e; j++) m[i * length + j] = 1 / (e - s);
  }
  return m;
}

export class AdaptiveAvgPool2d extends tf.layers.Layer {
  static className = 'TorchAdaptiveAvgPool2d';
  readonly outputSize: [number, number];

  constructor(args: AdaptiveAvgPoolArgs) {
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
      if (oh === 1 && ow === 1) return tf.mean(x, [1, 2], true);
      if (h % oh === 0 && w % ow === 0) return tf.avgPool(x, [h / oh, w / ow], [h / oh, w / ow], 'valid');
      return separable(x, adaptiveMatrix(h, oh), oh, adaptiveMatrix(w, ow), ow);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), outputSize: this.outputSize };
  }
}

tf.serialization.registerClass(AdaptiveAvgPool2d);
