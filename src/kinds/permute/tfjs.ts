/**
 * Permute in tfjs. Tensors are stored in tfjs layout (a C×H×W map as H, W, C),
 * so PyTorch's order is translated: each tfjs output axis holds a PyTorch
 * output dimension, which PyTorch takes from an input dimension, which sits
 * at some tfjs input axis.
 */
import * as tf from '@tensorflow/tfjs';
import { axisOfTorchDim, torchDimsOfAxes } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Permute'> = {
  kind: 'Permute',
  compile(layer, ctx) {
    const rank = ctx.inShape.length;
    const order = layer.dims.map((x) => (x < 0 ? x + rank + 1 : x)).slice(1).map((x) => x - 1);
    const dims = torchDimsOfAxes(rank).map((outDim) => axisOfTorchDim(order[outDim], rank) + 1);
    return [tf.layers.permute({ name: ctx.name(), dims })];
  },
};
