/** Flatten in tfjs: in PyTorch's C, H, W order, so the weights after it line up with PyTorch's. */
import * as tf from '@tensorflow/tfjs';
import { channelsLast } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Flatten'> = {
  kind: 'Flatten',
  compile(_layer, ctx) {
    const { inShape, outShape } = ctx;
    if (outShape.length === inShape.length) return [tf.layers.reshape({ name: ctx.name(), targetShape: channelsLast(outShape) })];
    if (inShape.length !== 3 || outShape.length !== 1) ctx.fail(`only a full flatten of a C×H×W map is supported (here ${inShape.join('×')} → ${outShape.join('×')}).`);
    // PyTorch flattens C, H, W in that order: go back to channels-first so Linear weights line up with PyTorch's.
    return [tf.layers.permute({ name: ctx.name('chw'), dims: [3, 1, 2] }), tf.layers.flatten({ name: ctx.name() })];
  },
};
