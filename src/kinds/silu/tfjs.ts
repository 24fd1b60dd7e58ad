/** SiLU in tfjs: its activation layer ('swish', x · sigmoid(x)). */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'SiLU'> = {
  kind: 'SiLU',
  compile: (_layer, ctx) => [tf.layers.activation({ name: ctx.name(), activation: 'swish' })],
};
