/** Linear in tfjs: a dense layer with PyTorch's initialisation, on vectors. */
import * as tf from '@tensorflow/tfjs';
import { torchBiasInit, torchWeightInit } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Linear'> = {
  kind: 'Linear',
  compile(layer, ctx) {
    const { inShape } = ctx;
    if (inShape.length !== 1) ctx.fail(`PyTorch applies Linear to the last dimension of ${inShape.join('×')}; the trainer supports Linear on vectors only. Add a Flatten before it.`);
    return [
      tf.layers.dense({ name: ctx.name(), units: layer.out_features, useBias: layer.bias !== false, kernelInitializer: torchWeightInit(ctx.seed(), ctx.zeros), biasInitializer: torchBiasInit(layer.in_features, ctx.seed(), ctx.zeros) }),
    ];
  },
};
