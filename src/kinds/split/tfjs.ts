/** Split in tfjs: the piece's slice along the tfjs axis of PyTorch's dim. */
import { torchDimToAxis } from '../tfjs-common.js';
import { TorchSlice } from '../tfjs-slice.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { splitStart } from './analysis.js';

export const tfjs: KindTfjs<'Split'> = {
  kind: 'Split',
  compile(layer, ctx) {
    const dim = layer.dim ?? 0;
    const axis = torchDimToAxis(dim, ctx.inShape.length, ctx);
    const d = (dim < 0 ? dim + ctx.inShape.length + 1 : dim) - 1;
    if (ctx.outShape[d] === 0) ctx.fail('an empty piece has nothing to train.');
    return [new TorchSlice({ name: ctx.name(), axis, begin: splitStart(layer, ctx.inShape[d]), size: ctx.outShape[d] })];
  },
};
