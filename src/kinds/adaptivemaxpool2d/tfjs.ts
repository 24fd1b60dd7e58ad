/** AdaptiveMaxPool2d in tfjs: PyTorch's windows, to the output size the analysis found. */
import type { KindTfjs } from '../tfjs-spec.js';
import { AdaptiveMaxPool2d } from './layer.js';

export const tfjs: KindTfjs<'AdaptiveMaxPool2d'> = {
  kind: 'AdaptiveMaxPool2d',
  compile: (_layer, ctx) => [new AdaptiveMaxPool2d({ name: ctx.name(), outputSize: [ctx.outShape[1], ctx.outShape[2]] })],
};
