/** LayerNorm in tfjs: TorchLayerNorm over the tfjs axes that hold PyTorch's last dimensions. */
import { axisOfTorchDim } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { normalizedShape } from './analysis.js';
import { TorchLayerNorm } from './layer.js';

export const tfjs: KindTfjs<'LayerNorm'> = {
  kind: 'LayerNorm',
  compile(layer, ctx) {
    const rank = ctx.inShape.length;
    const k = normalizedShape(layer).length;
    const axes = Array.from({ length: k }, (_, i) => axisOfTorchDim(rank - k + i, rank) + 1).sort((a, b) => a - b);
    return [new TorchLayerNorm({ name: ctx.name(), axes, eps: layer.eps ?? 1e-5, affine: layer.elementwise_affine ?? true })];
  },
};
