/** Sigmoid in tfjs: its activation layer. */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Sigmoid'> = {
  kind: 'Sigmoid',
  compile: (_layer, ctx) => [tf.layers.activation({ name: ctx.name(), activation: 'sigmoid' })],
};
