/**
 * torchvision's stochastic_depth in training: the input times a Bernoulli
 * mask of survival rate 1 − p, divided by that rate (unless it is 0), the mask
 * one number per sample (`row`) or one for the whole batch (`batch`). At
 * inference, or with p = 0, the input as it is.
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface StochasticDepthArgs extends LayerArgs {
  p: number;
  mode: 'row' | 'batch';
}

export class StochasticDepth extends tf.layers.Layer {
  static className = 'TorchStochasticDepth';
  readonly p: number;
  readonly mode: 'row' | 'batch';

  constructor(args: StochasticDepthArgs) {
    super(args);
    this.p = args.p;
    this.mode = args.mode;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    const x = one(inputs);
    if (kwargs['training'] !== true || this.p === 0) return x;
    return tf.tidy(() => {
      const survival = 1 - this.p;
      const size = [this.mode === 'row' ? x.shape[0] : 1, ...Array(x.shape.length - 1).fill(1)];
      // bernoulli(q): 1 where a uniform draw in [0, 1) falls below q.
      const mask = tf.cast(tf.less(tf.randomUniform(size), survival), x.dtype);
      return tf.mul(x, survival > 0 ? tf.div(mask, survival) : mask);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), p: this.p, mode: this.mode };
  }
}

tf.serialization.registerClass(StochasticDepth);
