/** LogSoftmax in tfjs: x − logsumexp(x) along the NHWC axis of PyTorch's dim (tf.logSoftmax takes only the last axis). */
import { torchDimToAxis } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { LogSoftmax } from './layer.js';

export const tfjs: KindTfjs<'LogSoftmax'> = {
  kind: 'LogSoftmax',
  compile: (layer, ctx) => [new LogSoftmax({ name: ctx.name(), axis: torchDimToAxis(layer.dim, ctx.inShape.length, ctx) })],
};
