/**
 * ChannelShuffle in tfjs, as PyTorch's view/transpose/view on the channel
 * axis, which channels-last keeps last: H×W×(g·k) → H×W×g×k → H×W×k×g → H×W×(k·g).
 */
import * as tf from '@tensorflow/tfjs';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'ChannelShuffle'> = {
  kind: 'ChannelShuffle',
  compile(layer, ctx) {
    const [c, h, w] = ctx.inShape;
    const g = layer.groups;
    return [
      tf.layers.reshape({ name: ctx.name('groups'), targetShape: [h, w, g, c / g] }),
      tf.layers.permute({ name: ctx.name('transpose'), dims: [1, 2, 4, 3] }),
      tf.layers.reshape({ name: ctx.name(), targetShape: [h, w, c] }),
    ];
  },
};
