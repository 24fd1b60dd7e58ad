/** LayerNorm in tfjs: TorchLayerNorm over the tfjs axes that hold PyTorch's last dimensions. */
import { axisOfTorchDim } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { normalizedShape } from './analysis.js';
import { TorchLayerNorm } from './layer.js';

export const tfjs: KindTfjs<'LayerNorm'> = {
  kind: 'LayerNorm',
  compile(layer, ctx) {
    const rank = ctx.inShape.length;
    const shape = [...normalizedShape(layer)];
    const k = shape.length;
    // γ's dimension i is PyTorch's sample dimension rank − k + i; tfjs holds it at some axis.
    const at = shape.map((_, i) => axisOfTorchDim(rank - k + i, rank) + 1);
    const axes = [...at].sort((a, b) => a - b);
    const perm = axes.map((a) => at.indexOf(a));
    return [new TorchLayerNorm({ name: ctx.name(), axes, shape, perm: perm.every((p, i) => p === i) ? null : perm, eps: layer.eps ?? 1e-5, affine: layer.elementwise_affine ?? true })];
  },
};
