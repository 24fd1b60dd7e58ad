/** Conv2d in tfjs: tfjs's conv2d after explicit zero padding, or GroupedConv2d for groups and dilation. */
import * as tf from '@tensorflow/tfjs';
import type { Padding2D } from '../../train/layers/common.js';
import { torchBiasInit, torchWeightInit } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { convWindows } from './analysis.js';
import { GroupedConv2d } from './layer.js';

export const tfjs: KindTfjs<'Conv2d'> = {
  kind: 'Conv2d',
  compile(layer, ctx) {
    const [[h, padBottom], [w, padRight]] = convWindows(layer);
    const padding: Padding2D = [[h.padBefore, padBottom], [w.padBefore, padRight]];
    const groups = layer.groups ?? 1;
    const kernel: [number, number] = [h.kernel, w.kernel];
    const stride: [number, number] = [h.stride, w.stride];
    const dilation: [number, number] = [h.dilation, w.dilation];
    const useBias = layer.bias !== false;
    const fanIn = (layer.in_channels / groups) * h.kernel * w.kernel;
    const kernelInitializer = torchWeightInit(ctx.seed(), ctx.zeros);
    const biasInitializer = torchBiasInit(fanIn, ctx.seed(), ctx.zeros);
    // tfjs's conv2d layer has no gradient for dilation and no groups.
    if (groups > 1 || dilation.some((d) => d > 1)) {
      return [new GroupedConv2d({ name: ctx.name(), filters: layer.out_channels, kernel, stride, dilation, groups, padding, useBias, kernelInitializer, biasInitializer })];
    }
    const pad = padding.flat().some((p) => p > 0) ? [tf.layers.zeroPadding2d({ name: ctx.name('pad'), padding: padding })] : [];
    return [
      ...pad,
      tf.layers.conv2d({ name: ctx.name(), filters: layer.out_channels, kernelSize: kernel, strides: stride, padding: 'valid', useBias, kernelInitializer, biasInitializer }),
    ];
  },
};
