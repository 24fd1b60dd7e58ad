/**
 * LayerNorm as PyTorch computes it, on a tensor in tfjs layout: mean and
 * biased variance over the normalised axes, `(x − μ)/√(σ² + eps)·γ + β`, with
 * γ = 1 and β = 0 at first (PyTorch's reset_parameters). γ and β are shaped
 * to broadcast over the other axes, so there are as many as PyTorch's. Serves
 * LayerNorm (the last dimensions of a sample) and LayerNorm2d (channels).
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type LayerArgs, type LayerVariable, type SymbolicShape } from '../../train/layers/common.js';

export interface LayerNormArgs extends LayerArgs {
  /** tfjs axes normalised over (1 is the first after the batch). */
  axes: number[];
  eps: number;
  affine: boolean;
}

export class TorchLayerNorm extends tf.layers.Layer {
  static className = 'TorchLayerNorm';
  readonly axes: number[];
  readonly eps: number;
  readonly affine: boolean;
  private gamma: LayerVariable | null = null;
  private beta: LayerVariable | null = null;

  constructor(args: LayerNormArgs) {
    super(args);
    this.axes = args.axes;
    this.eps = args.eps;
    this.affine = args.affine;
  }

  override build(inputShape: SymbolicShape | SymbolicShape[]): void {
    const s = oneShape(inputShape);
    const shape = s.slice(1).map((n, i) => (this.axes.includes(i + 1) ? n : 1));
    if (shape.some((n) => n === null)) throw new Error(`${this.name}: the normalised sizes must be known`);
    if (this.affine) {
      this.gamma = this.addWeight('gamma', shape as number[], 'float32', tf.initializers.ones());
      this.beta = this.addWeight('beta', shape as number[], 'float32', tf.initializers.zeros());
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      const { mean, variance } = tf.moments(x, this.axes, true);
      let y = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, this.eps)));
      if (this.gamma && this.beta) y = tf.add(tf.mul(y, this.gamma.read()), this.beta.read());
      return y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axes: this.axes, eps: this.eps, affine: this.affine };
  }
}

tf.serialization.registerClass(TorchLayerNorm);
