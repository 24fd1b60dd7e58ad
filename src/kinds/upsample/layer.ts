/**
 * Upsample with PyTorch's index rules for every 2-D mode (nearest,
 * nearest-exact, bilinear with or without align_corners, bicubic, area):
 * `A_h · X · A_wᵀ` with interp.ts's matrices, so the gradient is the
 * transposed product on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { separable, SizedLayer, type SizedArgs } from '../../train/layers/common.js';
import type { UpsampleMode } from './config.js';
import { upsampleMatrices } from './interp.js';

export interface ResizeArgs extends SizedArgs {
  mode: UpsampleMode;
  alignCorners: boolean;
  /** The scale PyTorch's kernel is handed per axis (null: output/input). */
  scales: [number | null, number | null];
}

export class Resize extends SizedLayer {
  static className = 'TorchUpsample';
  readonly mode: UpsampleMode;
  readonly alignCorners: boolean;
  readonly scales: [number | null, number | null];

  constructor(args: ResizeArgs) {
    super(args);
    this.mode = args.mode;
    this.alignCorners = args.alignCorners;
    this.scales = args.scales;
  }

  protected resize(x: tf.Tensor4D, h: number, w: number, oh: number, ow: number): tf.Tensor {
    const [ah, aw] = upsampleMatrices(this.mode, [h, w], [oh, ow], this.alignCorners, [this.scales[0] ?? undefined, this.scales[1] ?? undefined]);
    return separable(x, ah, oh, aw, ow);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.mode, alignCorners: this.alignCorners, scales: this.scales };
  }
}

tf.serialization.registerClass(Resize);
