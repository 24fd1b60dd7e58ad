/** MaxPool2d in tfjs: tfjs's maxPooling2d where it is exact, TorchMaxPool2d otherwise. */
import * as tf from '@tensorflow/tfjs';
import { poolGeometry } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { TorchMaxPool2d } from './layer.js';

export const tfjs: KindTfjs<'MaxPool2d'> = {
  kind: 'MaxPool2d',
  compile(layer, ctx) {
    const { h, w, padding, kernel, stride, plain } = poolGeometry(layer, ctx.inShape, ctx.outShape);
    if (plain) return [tf.layers.maxPooling2d({ name: ctx.name(), poolSize: kernel, strides: stride, padding: 'valid' })];
    return [new TorchMaxPool2d({ name: ctx.name(), kernel, stride, padding, dilation: [h.dilation, w.dilation] })];
  },
};
