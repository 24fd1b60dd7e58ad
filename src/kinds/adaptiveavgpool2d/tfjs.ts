/** AdaptiveAvgPool2d in tfjs: PyTorch's windows, to the output size the analysis found. */
import type { KindTfjs } from '../tfjs-spec.js';
import { AdaptiveAvgPool2d } from './layer.js';

export const tfjs: KindTfjs<'AdaptiveAvgPool2d'> = {
  kind: 'AdaptiveAvgPool2d',
  compile: (_layer, ctx) => [new AdaptiveAvgPool2d({ name: ctx.name(), outputSize: [ctx.outShape[1], ctx.outShape[2]] })],
};
