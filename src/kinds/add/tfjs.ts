/** Add in tfjs: tfjs's add of every input. */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Add'> = {
  kind: 'Add',
  compile: (_layer, ctx) => [tf.layers.add({ name: ctx.name() })],
};
