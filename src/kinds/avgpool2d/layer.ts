/**
 * AvgPool2d with PyTorch's semantics where tfjs's own pooling layer differs:
 * explicit padding, ceil_mode, and the divisor. The compiler uses tfjs's
 * plain `averagePooling2d` when it is already exact (no padding, no ceil overhang).
 */
import * as tf from '@tensorflow/tfjs';
import { isZeroPadding, one, oneShape, pooledShape, type Kwargs, type Padding2D, type PoolArgs, type SymbolicShape } from '../../train/layers/common.js';

export interface AvgPoolArgs extends PoolArgs {
  /**
   * Per output row and column, `kernel / divisor`: 1 where PyTorch divides by
   * the full window, more where it divides by fewer elements (the ceil_mode
   * overhang, or the padding when count_include_pad=false). Omitted: all 1.
   */
  rowScale?: number[];
  colScale?: number[];
}

/**
 * AvgPool2d: zero padding, a 'valid' average pool (which divides by the whole
 * window), then a per-position correction to PyTorch's divisor.
 */
export class TorchAvgPool2d extends tf.layers.Layer {
  static className = 'TorchAvgPool2d';
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly padding: Padding2D;
  readonly rowScale: number[] | null;
  readonly colScale: number[] | null;

  constructor(args: AvgPoolArgs) {
    super(args);
    this.kernel = args.kernel;
    this.stride = args.stride;
    this.padding = args.padding;
    const trivial = (s?: number[]) => !s || s.every((v) => v === 1);
    const uniform = trivial(args.rowScale) && trivial(args.colScale);
    this.rowScale = uniform ? null : (args.rowScale ?? null);
    this.colScale = uniform ? null : (args.colScale ?? null);
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    return pooledShape(oneShape(inputShape), this);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      let x = one(inputs) as tf.Tensor4D;
      if (!isZeroPadding(this.padding)) x = tf.pad(x, [[0, 0], this.padding[0], this.padding[1], [0, 0]]);
      const y = tf.avgPool(x, this.kernel, this.stride, 'valid');
      if (!this.rowScale && !this.colScale) return y;
      const [, oh, ow] = y.shape;
      const rows = this.rowScale ?? new Array<number>(oh).fill(1);
      const cols = this.colScale ?? new Array<number>(ow).fill(1);
      if (rows.length !== oh || cols.length !== ow) throw new Error(`${this.name}: divisor table is ${rows.length}×${cols.length}, output is ${oh}×${ow}`);
      const scale = new Float32Array(oh * ow);
      for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) scale[i * ow + j] = rows[i] * cols[j];
      return tf.mul(y, tf.tensor4d(scale, [1, oh, ow, 1]));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const c: tf.serialization.ConfigDict = { ...super.getConfig(), kernel: this.kernel, stride: this.stride, padding: this.padding };
    if (this.rowScale) c.rowScale = this.rowScale;
    if (this.colScale) c.colScale = this.colScale;
    return c;
  }
}

/**
 * PyTorch's average-pool divisor along one axis (ATen avg_pool2d):
 * `start = i·S − P`, `end = min(start + K, L + P)`, `size = end − start`; then
 * both are clamped to the input, and the divisor is `size` with
 * count_include_pad, else the clamped length. Returns `K / divisor` per output.
 */
export function avgPoolAxisScale(length: number, kernel: number, stride: number, pad: number, outputs: number, countIncludePad: boolean): number[] {
  const scale: number[] = [];
  for (let i = 0; i < outputs; i++) {
    const start = i * stride - pad;
    const end = Math.min(start + kernel, length + pad);
    const size = end - start;
    const inside = Math.min(end, length) - Math.max(start, 0);
    scale.push(kernel / (countIncludePad ? size : inside));
  }
  return scale;
}

tf.serialization.registerClass(TorchAvgPool2d);
