/** log(softmax(x)) along one axis, as x − logsumexp(x): stable, with tfjs's gradients. */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface LogSoftmaxArgs extends LayerArgs {
  /** The axis of the compiled (channels-last) tensor. */
  axis: number;
}

export class LogSoftmax extends tf.layers.Layer {
  static className = 'TorchLogSoftmax';
  readonly axis: number;

  constructor(args: LogSoftmaxArgs) {
    super(args);
    this.axis = args.axis;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      return tf.sub(x, tf.logSumExp(x, this.axis, true));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: this.axis };
  }
}

tf.serialization.registerClass(LogSoftmax);
