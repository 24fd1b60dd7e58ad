/**
 * MaxPool2d with PyTorch's semantics where tfjs's own pooling layer differs:
 * explicit padding, ceil_mode and dilation. The compiler uses tfjs's plain
 * `maxPooling2d` when it is already exact (no padding, no ceil overhang, no dilation).
 */
import * as tf from '@tensorflow/tfjs';
import { isZeroPadding, one, oneShape, pooledShape, subsample, type Kwargs, type Padding2D, type PoolArgs, type SymbolicShape } from '../../train/layers/common.js';

/**
 * The padding value of max pooling. PyTorch pads with −∞; this is the lowest
 * float32 instead, which gives the same maximum for any finite input and stays
 * finite in WebGL shaders, where an infinite uniform is not guaranteed.
 */
export const MAX_POOL_PAD = -3.4028234663852886e38;

export interface MaxPoolArgs extends PoolArgs {
  dilation?: [number, number];
}

/** MaxPool2d: pad with (effectively) −∞, then a 'valid' max pool, with dilation when asked. */
export class TorchMaxPool2d extends tf.layers.Layer {
  static className = 'TorchMaxPool2d';
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly padding: Padding2D;
  readonly dilation: [number, number];

  constructor(args: MaxPoolArgs) {
    super(args);
    this.kernel = args.kernel;
    this.stride = args.stride;
    this.padding = args.padding;
    this.dilation = args.dilation ?? [1, 1];
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return pooledShape(oneShape(inputShape), this);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      let x = one(inputs) as tf.Tensor4D;
      if (!isZeroPadding(this.padding)) x = tf.pad(x, [[0, 0], this.padding[0], this.padding[1], [0, 0]], MAX_POOL_PAD);
      const [dh, dw] = this.dilation;
      if (dh === 1 && dw === 1) return tf.maxPool(x, this.kernel, this.stride, 'valid');
      // tfjs pools with dilation only at stride 1; take every stride-th window afterwards.
      const dense = tf.pool(x, this.kernel, 'max', 'valid', this.dilation, 1) as tf.Tensor4D;
      return subsample(dense, this.stride[0], this.stride[1]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), kernel: this.kernel, stride: this.stride, padding: this.padding, dilation: this.dilation };
  }
}

tf.serialization.registerClass(TorchMaxPool2d);
