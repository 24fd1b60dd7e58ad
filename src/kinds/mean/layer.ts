/**
 * x.mean(dims, keepdim) on the compiler's tensors: a C×H×W sample is NHWC,
 * other ranks keep PyTorch's order. The input goes to PyTorch's order, is
 * averaged over PyTorch's dimensions, and the result goes back to the layout
 * of its rank, so any dims and keepdim give PyTorch's order of what remains.
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface MeanArgs extends LayerArgs {
  /** Dimensions of the batched tensor in PyTorch's order (1 = C for a C×H×W sample). */
  axes: number[];
  keepdim: boolean;
  /** Ranks of one sample in and out. */
  inRank: number;
  outRank: number;
}

export class Mean extends tf.layers.Layer {
  static className = 'TorchMean';
  readonly axes: number[];
  readonly keepdim: boolean;
  readonly inRank: number;
  readonly outRank: number;

  constructor(args: MeanArgs) {
    super(args);
    this.axes = args.axes;
    this.keepdim = args.keepdim;
    this.inRank = args.inRank;
    this.outRank = args.outRank;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const s = oneShape(inputShape);
    const torch = this.inRank === 3 ? [s[0], s[3], s[1], s[2]] : s;
    const out = this.keepdim ? torch.map((x, i) => (this.axes.includes(i) ? 1 : x)) : torch.filter((_, i) => !this.axes.includes(i));
    return this.outRank === 3 ? [out[0], out[2], out[3], out[1]] : out;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      const y = tf.mean(this.inRank === 3 ? tf.transpose(x, [0, 3, 1, 2]) : x, this.axes, this.keepdim);
      return this.outRank === 3 ? tf.transpose(y, [0, 2, 3, 1]) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axes: this.axes, keepdim: this.keepdim, inRank: this.inRank, outRank: this.outRank };
  }
}

tf.serialization.registerClass(Mean);
