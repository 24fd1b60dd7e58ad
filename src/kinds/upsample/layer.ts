/**
 * Upsample with PyTorch's index rules for every 2-D mode (nearest,
 * nearest-exact, bilinear with or without align_corners, bicubic, area):
 * `A_h · X · A_wᵀ` with interp.ts's matrices, so the gradient is the
 * transposed product on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { one, oneShape, separable, type Kwargs, type LayerArgs, type SymbolicShape } from '../../train/layers/common.js';
import type { UpsampleMode } from './config.js';
import { upsampleMatrices } from './interp.js';

export interface ResizeArgs extends LayerArgs {
  /** Output height and width, from the analysis. */
  outputSize: [number, number];
  mode: UpsampleMode;
  alignCorners: boolean;
  /** The scale PyTorch's kernel is handed per axis (null: output/input). */
  scales: [number | null, number | null];
}

export class Resize extends tf.layers.Layer {
  static className = 'TorchUpsample';
  readonly outputSize: [number, number];
  readonly mode: UpsampleMode;
  readonly alignCorners: boolean;
  readonly scales: [number | null, number | null];

  constructor(args: ResizeArgs) {
    super(args);
    this.outputSize = args.outputSize;
    this.mode = args.mode;
    this.alignCorners = args.alignCorners;
    this.scales = args.scales;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const [n, , , c] = oneShape(inputShape);
    return [n, this.outputSize[0], this.outputSize[1], c];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs) as tf.Tensor4D;
      const [, h, w] = x.shape;
      const [oh, ow] = this.outputSize;
      const [ah, aw] = upsampleMatrices(this.mode, [h, w], [oh, ow], this.alignCorners, [this.scales[0] ?? undefined, this.scales[1] ?? undefined]);
      return separable(x, ah, oh, aw, ow);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), outputSize: this.outputSize, mode: this.mode, alignCorners: this.alignCorners, scales: this.scales };
  }
}

tf.serialization.registerClass(Resize);
