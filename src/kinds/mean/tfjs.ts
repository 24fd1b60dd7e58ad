/** Mean in tfjs: tf.mean over PyTorch's dimensions, from and to the compiler's layout. */
import { reducedAxes } from './analysis.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { Mean } from './layer.js';

export const tfjs: KindTfjs<'Mean'> = {
  kind: 'Mean',
  compile(layer, ctx) {
    const axes = reducedAxes(layer.dim, { shape: ctx.inShape, from: '' });
    if (!Array.isArray(axes)) return ctx.fail(`dim=${JSON.stringify(layer.dim)} does not name feature dimensions.`);
    return [new Mean({ name: ctx.name(), axes: axes.map((a) => a + 1), keepdim: layer.keepdim ?? false, inRank: ctx.inShape.length, outRank: ctx.outShape.length })];
  },
};
