/**
 * Linear in tfjs: a dense layer with PyTorch's initialisation, on PyTorch's
 * last dimension. tfjs's dense acts on the last tfjs axis; a C×H×W-ranked
 * sample is stored channels-last (its PyTorch last dimension in the middle),
 * so there the two are swapped around it (ConvNeXt's Linear on H×W×C).
 */
import * as tf from '@tensorflow/tfjs';
import { axisOfTorchDim, torchBiasInit, torchWeightInit } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Linear'> = {
  kind: 'Linear',
  compile(layer, ctx) {
    const rank = ctx.inShape.length;
    const dense = (name: string) =>
      tf.layers.dense({ name, units: layer.out_features, useBias: layer.bias !== false, kernelInitializer: torchWeightInit(ctx.seed(), ctx.zeros), biasInitializer: torchBiasInit(layer.in_features, ctx.seed(), ctx.zeros) });
    const at = axisOfTorchDim(rank - 1, rank) + 1;
    if (at === rank) return [dense(ctx.name())];
    // Swap PyTorch's last dimension to the end and back (a permutation that is its own inverse).
    const dims = Array.from({ length: rank }, (_, i) => (i + 1 === at ? rank : i + 1 === rank ? at : i + 1));
    return [tf.layers.permute({ name: ctx.name('last'), dims }), dense(ctx.name('dense')), tf.layers.permute({ name: ctx.name(), dims })];
  },
};
