/**
 * Dropout2d in tfjs: tfjs's dropout with one draw per sample and channel
 * (PyTorch's feature_dropout: noise of shape N×C×1×1, here NHWC's N×1×1×C),
 * active in training only.
 */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Dropout2d'> = {
  kind: 'Dropout2d',
  compile(layer, ctx) {
    const p = layer.p ?? 0.5;
    // tfjs's dropout passes everything through at rate 1 instead of zeroing it.
    if (p === 1) ctx.fail('p=1 zeroes every channel in training, which tfjs\'s dropout does not reproduce (and nothing would be learnt through it); use p < 1.');
    const s = ctx.inShape;
    const noiseShape = s.length === 3 ? [null, 1, 1, s[0]] : [null, s[0], ...s.slice(1).map(() => 1)];
    return [tf.layers.dropout({ name: ctx.name(), rate: p, noiseShape: noiseShape as number[] })];
  },
};
