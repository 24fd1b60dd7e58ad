/** Concat in tfjs: concatenate along the NHWC axis of PyTorch's dim. */
import * as tf from '@tensorflow/tfjs';
import { torchDimToAxis } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Concat'> = {
  kind: 'Concat',
  compile: (layer, ctx) => [tf.layers.concatenate({ name: ctx.name(), axis: torchDimToAxis(layer.dim ?? 1, ctx.inShape.length, ctx) })],
};
