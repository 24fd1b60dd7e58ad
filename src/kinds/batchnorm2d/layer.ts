/**
 * BatchNorm2d as PyTorch trains it. tfjs's batchNormalization layer differs
 * in three ways that matter for reproducing the notes: its momentum is the
 * weight of the *old* value (PyTorch's is the new value's, so tf = 1 − torch),
 * it updates the running variance with the biased batch variance (PyTorch
 * uses the unbiased one, `var · n/(n−1)`), and it cannot run without γ and β
 * (`affine=False`) or without running statistics (`track_running_stats=False`).
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, type Kwargs, type LayerArgs, type LayerVariable, type SymbolicShape } from '../../train/layers/common.js';

export interface BatchNormArgs extends LayerArgs {
  eps: number;
  /** PyTorch's momentum (weight of the new batch statistic); null: cumulative average. */
  momentum: number | null;
  affine: boolean;
  trackRunningStats: boolean;
}

export class TorchBatchNorm2d extends tf.layers.Layer {
  static className = 'TorchBatchNorm2d';
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  private gamma: LayerVariable | null = null;
  private beta: LayerVariable | null = null;
  private runningMean: LayerVariable | null = null;
  private runningVar: LayerVariable | null = null;
  private batchesTracked: LayerVariable | null = null;

  constructor(args: BatchNormArgs) {
    super(args);
    this.eps = args.eps;
    this.momentum = args.momentum;
    this.affine = args.affine;
    this.trackRunningStats = args.trackRunningStats;
  }

  override build(inputShape: SymbolicShape | SymbolicShape[]): void {
    const c = oneShape(inputShape)[3];
    if (c === null) throw new Error(`${this.name}: the channel count must be known`);
    if (this.affine) {
      this.gamma = this.addWeight('gamma', [c], 'float32', tf.initializers.ones());
      this.beta = this.addWeight('beta', [c], 'float32', tf.initializers.zeros());
    }
    if (this.trackRunningStats) {
      this.runningMean = this.addWeight('running_mean', [c], 'float32', tf.initializers.zeros(), undefined, false);
      this.runningVar = this.addWeight('running_var', [c], 'float32', tf.initializers.ones(), undefined, false);
      if (this.momentum === null) this.batchesTracked = this.addWeight('num_batches_tracked', [], 'float32', tf.initializers.zeros(), undefined, false);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs) as tf.Tensor4D;
      const scale = this.gamma ? (this.gamma.read() as tf.Tensor1D) : undefined;
      const offset = this.beta ? (this.beta.read() as tf.Tensor1D) : undefined;
      const training = kwargs['training'] === true;
      if (!training && this.runningMean && this.runningVar) {
        return tf.batchNorm(x, this.runningMean.read() as tf.Tensor1D, this.runningVar.read() as tf.Tensor1D, offset, scale, this.eps);
      }
      const { mean, variance } = tf.moments(x, [0, 1, 2]);
      if (training && this.runningMean && this.runningVar) this.updateRunningStats(mean, variance, x.size / x.shape[3]);
      return tf.batchNorm(x, mean, variance, offset, scale, this.eps);
    });
  }

  private updateRunningStats(mean: tf.Tensor, variance: tf.Tensor, n: number): void {
    tf.tidy(() => {
      let m: number | tf.Tensor;
      if (this.momentum === null) {
        // PyTorch: momentum=None means a cumulative average, factor 1/num_batches_tracked.
        const t = tf.add(this.batchesTracked!.read(), 1);
        this.batchesTracked!.write(t);
        m = tf.div(1, t);
      } else m = this.momentum;
      const unbiased = tf.mul(variance, n > 1 ? n / (n - 1) : 1);
      const blend = (v: LayerVariable, value: tf.Tensor) => v.write(tf.add(tf.mul(v.read(), tf.sub(1, m)), tf.mul(value, m)));
      blend(this.runningMean!, mean);
      blend(this.runningVar!, unbiased);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), eps: this.eps, momentum: this.momentum, affine: this.affine, trackRunningStats: this.trackRunningStats };
  }
}

tf.serialization.registerClass(TorchBatchNorm2d);
