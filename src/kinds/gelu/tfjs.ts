/** GELU in tfjs: its 'gelu' activation (x·Φ(x) through erf) or 'gelu_new' (PyTorch's approximate='tanh', the same formula). */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'GELU'> = {
  kind: 'GELU',
  compile: (layer, ctx) => [tf.layers.activation({ name: ctx.name(), activation: layer.approximate === 'tanh' ? 'gelu_new' : 'gelu' })],
};
