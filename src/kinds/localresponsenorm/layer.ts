/**
 * LocalResponseNorm as PyTorch computes it (torch.nn.functional.local_response_norm):
 * `b_c = a_c / (k + α/n · Σ a_{c'}²)^β` over channels `c − ⌊n/2⌋ … c + ⌊(n−1)/2⌋`,
 * zero outside. PyTorch divides α by the size n; tfjs's LRN does not, and its
 * window is symmetric, so odd n maps onto tfjs's op with α/n and even n is
 * summed here explicitly.
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface LrnArgs extends LayerArgs {
  size: number;
  alpha: number;
  beta: number;
  k: number;
}

export class TorchLocalResponseNorm extends tf.layers.Layer {
  static className = 'TorchLocalResponseNorm';
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly k: number;

  constructor(args: LrnArgs) {
    super(args);
    this.size = args.size;
    this.alpha = args.alpha;
    this.beta = args.beta;
    this.k = args.k;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs) as tf.Tensor4D;
      const n = this.size;
      if (n % 2 === 1) return tf.localResponseNormalization(x, (n - 1) / 2, this.k, this.alpha / n, this.beta);
      const c = x.shape[3];
      const sq = tf.pad(tf.square(x), [[0, 0], [0, 0], [0, 0], [Math.floor(n / 2), Math.floor((n - 1) / 2)]]);
      let sum: tf.Tensor = tf.slice(sq, [0, 0, 0, 0], [-1, -1, -1, c]);
      for (let i = 1; i < n; i++) sum = tf.add(sum, tf.slice(sq, [0, 0, 0, i], [-1, -1, -1, c]));
      return tf.div(x, tf.pow(tf.add(tf.mul(sum, this.alpha / n), this.k), this.beta));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), size: this.size, alpha: this.alpha, beta: this.beta, k: this.k };
  }
}

tf.serialization.registerClass(TorchLocalResponseNorm);
