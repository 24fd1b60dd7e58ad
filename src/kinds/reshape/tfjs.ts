/**
 * Reshape in tfjs, in PyTorch's element order: back to PyTorch's C, H, W
 * order, reshape there as `view` does, then into tfjs layout for the new rank
 * (as Flatten does), so the weights after it line up with PyTorch's.
 */
import * as tf from '@tensorflow/tfjs';
import { fromTorchOrder, isIdentity, toTorchOrder } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'Reshape'> = {
  kind: 'Reshape',
  compile(_layer, ctx) {
    const { inShape, outShape } = ctx;
    const before = toTorchOrder(inShape.length);
    const after = fromTorchOrder(outShape.length);
    return [
      ...(isIdentity(before) ? [] : [tf.layers.permute({ name: ctx.name('torch_order'), dims: before })]),
      tf.layers.reshape({ name: isIdentity(after) ? ctx.name() : ctx.name('view'), targetShape: [...outShape] }),
      ...(isIdentity(after) ? [] : [tf.layers.permute({ name: ctx.name(), dims: after })]),
    ];
  },
};
