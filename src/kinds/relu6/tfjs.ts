/** ReLU6 in tfjs: its activation layer ('relu6'). */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'ReLU6'> = {
  kind: 'ReLU6',
  compile: (_layer, ctx) => [tf.layers.activation({ name: ctx.name(), activation: 'relu6' })],
};
