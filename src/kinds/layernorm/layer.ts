/**
 * LayerNorm as PyTorch computes it, on a tensor in tfjs layout: mean and
 * biased variance over the normalised axes, `(x − μ)/√(σ² + eps)·γ + β`, with
 * γ = 1 and β = 0 at first (PyTorch's reset_parameters). γ and β keep
 * PyTorch's shape and order (normalized_shape), so a state_dict loads as it
 * is; they are put in tfjs order and broadcast when applied. Serves LayerNorm
 * (the last dimensions of a sample) and LayerNorm2d (channels).
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type LayerArgs, type LayerVariable, type SymbolicShape } from '../../train/layers/common.js';

export interface LayerNormArgs extends LayerArgs {
  /** tfjs axes normalised over, ascending (1 is the first after the batch). */
  axes: number[];
  /** PyTorch's normalized_shape: the shape of γ and β. */
  shape: number[];
  /** The transpose that takes γ from PyTorch's order to the order of `axes` (null: the same). */
  perm: number[] | null;
  eps: number;
  affine: boolean;
}

export class TorchLayerNorm extends tf.layers.Layer {
  static className = 'TorchLayerNorm';
  readonly axes: number[];
  readonly shape: number[];
  readonly perm: number[] | null;
  private broadcast: number[] = [];
  readonly eps: number;
  readonly affine: boolean;
  private gamma: LayerVariable | null = null;
  private beta: LayerVariable | null = null;

  constructor(args: LayerNormArgs) {
    super(args);
    this.axes = args.axes;
    this.shape = args.shape;
    this.perm = args.perm;
    this.eps = args.eps;
    this.affine = args.affine;
  }

  override build(inputShape: SymbolicShape | SymbolicShape[]): void {
    const s = oneShape(inputShape);
    const broadcast = s.slice(1).map((n, i) => (this.axes.includes(i + 1) ? n : 1));
    if (broadcast.some((n) => n === null)) throw new Error(`${this.name}: the normalised sizes must be known`);
    this.broadcast = [1, ...(broadcast as number[])];
    if (this.affine) {
      this.gamma = this.addWeight('gamma', this.shape, 'float32', tf.initializers.ones());
      this.beta = this.addWeight('beta', this.shape, 'float32', tf.initializers.zeros());
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
      if (this.gamma && this.beta) y = tf.add(tf.mul(y, this.applied(this.gamma)), this.applied(this.beta));
      return y;
    });
  }

  /** γ or β in tfjs order, shaped to broadcast over the batch and the other axes. */
  private applied(v: LayerVariable): tf.Tensor {
    const w = this.perm ? tf.transpose(v.read(), this.perm) : v.read();
    return tf.reshape(w, this.broadcast);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axes: this.axes, shape: this.shape, perm: this.perm, eps: this.eps, affine: this.affine };
  }
}

tf.serialization.registerClass(TorchLayerNorm);
