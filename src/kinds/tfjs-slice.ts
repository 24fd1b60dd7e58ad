/**
 * One piece of a tensor along one axis (`x.chunk(...)[i]`, `x.split(...)[i]`),
 * as a tfjs layer: tfjs-layers has none. tf.slice has a gradient on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type LayerArgs, type SymbolicShape } from '../train/layers/common.js';

export interface SliceArgs extends LayerArgs {
  /** The tfjs axis (1 is the first after the batch). */
  axis: number;
  begin: number;
  size: number;
}

export class TorchSlice extends tf.layers.Layer {
  static className = 'TorchSlice';
  readonly axis: number;
  readonly begin: number;
  readonly size: number;

  constructor(args: SliceArgs) {
    super(args);
    this.axis = args.axis;
    this.begin = args.begin;
    this.size = args.size;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const s = [...oneShape(inputShape)];
    s[this.axis] = this.size;
    return s;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      const begin = x.shape.map((_, i) => (i === this.axis ? this.begin : 0));
      const size = x.shape.map((n, i) => (i === this.axis ? this.size : n));
      return tf.slice(x, begin, size);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: this.axis, begin: this.begin, size: this.size };
  }
}

tf.serialization.registerClass(TorchSlice);
