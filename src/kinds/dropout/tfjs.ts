/** Dropout in tfjs (active in training only, as in PyTorch). */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Dropout'> = {
  kind: 'Dropout',
  compile: (layer, ctx) => [tf.layers.dropout({ name: ctx.name(), rate: layer.p ?? 0.5 })],
};
