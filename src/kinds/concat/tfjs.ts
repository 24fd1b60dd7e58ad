/** Concat in tfjs: concatenate along the NHWC axis of PyTorch's dim; `torch.cat([x])` is a copy of x. */
import * as tf from '@tensorflow/tfjs';
import { torchDimToAxis } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Concat'> = {
  kind: 'Concat',
  compile(layer, ctx) {
    const axis = torchDimToAxis(layer.dim ?? 1, ctx.inShape.length, ctx);
    // tfjs's concatenate wants two inputs at least; one input is passed through unchanged.
    if (ctx.rec.inputs.length === 1) return [tf.layers.activation({ name: ctx.name(), activation: 'linear' })];
    return [tf.layers.concatenate({ name: ctx.name(), axis })];
  },
};
