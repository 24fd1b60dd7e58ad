/** ReLU in tfjs: its activation layer. */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'ReLU'> = {
  kind: 'ReLU',
  compile: (_layer, ctx) => [tf.layers.activation({ name: ctx.name(), activation: 'relu' })],
};
