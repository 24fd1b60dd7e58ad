/** Chunk in tfjs: the piece's slice along the tfjs axis of PyTorch's dim. */
import { torchDimToAxis } from '../tfjs-common.js';
import { TorchSlice } from '../tfjs-slice.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { chunkStart } from './analysis.js';

export const tfjs: KindTfjs<'Chunk'> = {
  kind: 'Chunk',
  compile(layer, ctx) {
    const dim = layer.dim ?? 0;
    const axis = torchDimToAxis(dim, ctx.inShape.length, ctx);
    const d = (dim < 0 ? dim + ctx.inShape.length + 1 : dim) - 1;
    return [new TorchSlice({ name: ctx.name(), axis, begin: chunkStart(layer, ctx.inShape[d]), size: ctx.outShape[d] })];
  },
};
