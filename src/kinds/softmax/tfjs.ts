/** Softmax in tfjs, along the NHWC axis of PyTorch's dim. */
import * as tf from '@tensorflow/tfjs';
import { torchDimToAxis } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Softmax'> = {
  kind: 'Softmax',
  compile: (layer, ctx) => [tf.layers.softmax({ name: ctx.name(), axis: torchDimToAxis(layer.dim ?? 1, ctx.inShape.length, ctx) })],
};
