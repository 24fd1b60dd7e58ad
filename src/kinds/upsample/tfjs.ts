/** Upsample in tfjs: PyTorch's interpolation as two matrix products (layer.ts), to the analysis's output size. */
import type { KindTfjs } from '../tfjs-spec.js';
import { upsampleGeometry } from './analysis.js';
import { Resize } from './layer.js';

export const tfjs: KindTfjs<'Upsample'> = {
  kind: 'Upsample',
  compile(layer, ctx) {
    const { scales, mode, alignCorners } = upsampleGeometry(layer, ctx.inShape[1], ctx.inShape[2]);
    return [new Resize({ name: ctx.name(), outputSize: [ctx.outShape[1], ctx.outShape[2]], mode, alignCorners, scales: [scales[0] ?? null, scales[1] ?? null] })];
  },
};
