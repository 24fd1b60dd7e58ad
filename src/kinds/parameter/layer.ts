/**
 * A Parameter in tfjs: a weight in PyTorch's shape and order (so a state_dict
 * loads as it is), given out once per sample in tfjs layout. It is applied to
 * the network input only to learn the batch size.
 */
import * as tf from '@tensorflow/tfjs';
import { one, type Initializer, type LayerArgs, type LayerVariable, type SymbolicShape } from '../../train/layers/common.js';

export interface ParameterArgs extends LayerArgs {
  shape: number[];
  /** The transpose from PyTorch's order to tfjs layout (null: the same). */
  perm: number[] | null;
  init: Initializer;
}

export class TorchParameter extends tf.layers.Layer {
  static className = 'TorchParameter';
  readonly shape: number[];
  readonly perm: number[] | null;
  private readonly init: Initializer;
  private value: LayerVariable | null = null;

  constructor(args: ParameterArgs) {
    super(args);
    this.shape = args.shape;
    this.perm = args.perm;
    this.init = args.init;
  }

  override build(): void {
    this.value = this.addWeight('value', this.shape, 'float32', this.init);
    this.built = true;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const batch = (Array.isArray(inputShape[0]) ? (inputShape[0] as SymbolicShape) : (inputShape as SymbolicShape))[0];
    const s = this.perm ? this.perm.map((i) => this.shape[i]) : this.shape;
    return [batch, ...s];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const n = one(inputs).shape[0];
      const v = this.value!.read();
      const w = this.perm ? tf.transpose(v, this.perm) : v;
      return tf.tile(tf.expandDims(w, 0), [n, ...w.shape.map(() => 1)]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), shape: this.shape, perm: this.perm };
  }
}

tf.serialization.registerClass(TorchParameter);
