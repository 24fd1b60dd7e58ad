/** Parameter in tfjs: TorchParameter, filled as its owner fills it (`fill`, default 1). */
import * as tf from '@tensorflow/tfjs';
import { torchDimsOfAxes } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { TorchParameter } from './layer.js';

export const tfjs: KindTfjs<'Parameter'> = {
  kind: 'Parameter',
  compile(layer, ctx) {
    const perm = torchDimsOfAxes(layer.shape.length);
    return [new TorchParameter({ name: ctx.name(), shape: [...layer.shape], perm: perm.every((p, i) => p === i) ? null : perm, init: ctx.zeros ? tf.initializers.zeros() : tf.initializers.constant({ value: layer.fill ?? 1 }) })];
  },
};
