/** StochasticDepth in tfjs: drop-path in training, as torchvision; the identity at inference. */
import type { KindTfjs } from '../tfjs-spec.js';
import { StochasticDepth } from './layer.js';

export const tfjs: KindTfjs<'StochasticDepth'> = {
  kind: 'StochasticDepth',
  compile: (layer, ctx) => [new StochasticDepth({ name: ctx.name(), p: layer.p, mode: layer.mode })],
};
