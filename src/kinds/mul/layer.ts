/**
 * `a * b` with PyTorch's broadcasting of per-sample shapes, on the compiler's
 * tensors: a C×H×W sample is channels-last (NHWC), any other rank keeps
 * PyTorch's order (channelsLast in tfjs-common.ts). Each operand is brought
 * to the output's rank by 1s after the batch, in PyTorch's order, then to the
 * output's layout; tf.mul broadcasts the rest and has gradients for both.
 */
import * as tf from '@tensorflow/tfjs';
import type { Kwargs, LayerArgs, SymbolicShape } from '../../train/layers/common.js';

export interface MulArgs extends LayerArgs {
  /** Per-sample shapes in PyTorch's order (`[C, H, W]`, `[F]`): both operands', then the output's. */
  shapes: [number[], number[]];
  outShape: number[];
}

/** A sample shape in the compiled layout: channels-last for C×H×W. */
const layout = (s: readonly number[]): number[] => (s.length === 3 ? [s[1], s[2], s[0]] : [...s]);

export class Mul extends tf.layers.Layer {
  static className = 'TorchMul';
  readonly shapes: [number[], number[]];
  readonly outShape: number[];

  constructor(args: MulArgs) {
    super(args);
    this.shapes = args.shapes;
    this.outShape = args.outShape;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const first = (Array.isArray(inputShape[0]) ? (inputShape as SymbolicShape[])[0] : inputShape) as SymbolicShape;
    return [first[0], ...layout(this.outShape)];
  }

  /** One operand at the output's rank and layout. */
  private align(x: tf.Tensor, shape: readonly number[]): tf.Tensor {
    const rank = this.outShape.length;
    if (shape.length === rank) return x; // already in the output's layout
    const torchOrder = shape.length === 3 ? tf.transpose(x, [0, 3, 1, 2]) : x;
    const padded = torchOrder.reshape([x.shape[0], ...Array(rank - shape.length).fill(1), ...shape]);
    return rank === 3 ? tf.transpose(padded, [0, 2, 3, 1]) : padded;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const [a, b] = inputs as tf.Tensor[];
      return tf.mul(this.align(a, this.shapes[0]), this.align(b, this.shapes[1]));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), shapes: this.shapes, outShape: this.outShape };
  }
}

tf.serialization.registerClass(Mul);
