/** AvgPool2d in tfjs: tfjs's averagePooling2d where it is exact, TorchAvgPool2d (PyTorch's divisor) otherwise. */
import * as tf from '@tensorflow/tfjs';
import { poolGeometry } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { TorchAvgPool2d, avgPoolAxisScale } from './layer.js';

export const tfjs: KindTfjs<'AvgPool2d'> = {
  kind: 'AvgPool2d',
  compile(layer, ctx) {
    const { inShape, outShape } = ctx;
    const { h, w, padding, kernel, stride, plain } = poolGeometry(layer, inShape, outShape);
    const countIncludePad = layer.count_include_pad ?? true;
    const rowScale = avgPoolAxisScale(inShape[1], h.kernel, h.stride, h.padBefore, outShape[1], countIncludePad);
    const colScale = avgPoolAxisScale(inShape[2], w.kernel, w.stride, w.padBefore, outShape[2], countIncludePad);
    if (plain) return [tf.layers.averagePooling2d({ name: ctx.name(), poolSize: kernel, strides: stride, padding: 'valid' })];
    return [new TorchAvgPool2d({ name: ctx.name(), kernel, stride, padding, rowScale, colScale })];
  },
};
