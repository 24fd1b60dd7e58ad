/**
 * PyTorch's hard activations as one tfjs layer, for the kinds whose formula
 * tfjs lacks (Hardswish) or has with other constants (tfjs's hardSigmoid is
 * Keras's clip(0.2x + 0.5)). Built from relu6, whose gradient tfjs has, so
 * the derivative is PyTorch's inside the kinks (1/6, (2x + 3)/6) and 0 or 1 outside.
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type Kwargs, type LayerArgs, type SymbolicShape } from '../train/layers/common.js';

const OPS = {
  /** ReLU6(x + 3) / 6 */
  hardsigmoid: (x: tf.Tensor) => tf.div(tf.relu6(tf.add(x, 3)), 6),
  /** x · ReLU6(x + 3) / 6 */
  hardswish: (x: tf.Tensor) => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)),
} as const;

export interface ElementwiseArgs extends LayerArgs {
  op: keyof typeof OPS;
}

export class Elementwise extends tf.layers.Layer {
  static className = 'TorchElementwise';
  readonly op: keyof typeof OPS;

  constructor(args: ElementwiseArgs) {
    super(args);
    this.op = args.op;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => OPS[this.op](one(inputs)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), op: this.op };
  }
}

tf.serialization.registerClass(Elementwise);
