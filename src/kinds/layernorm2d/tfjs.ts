/** LayerNorm2d in tfjs: TorchLayerNorm over the channel axis, which channels-last already puts last. */
import { TorchLayerNorm } from '../layernorm/layer.js';
import type { KindTfjs } from '../tfjs-spec.js';

export const tfjs: KindTfjs<'LayerNorm2d'> = {
  kind: 'LayerNorm2d',
  compile: (layer, ctx) => [new TorchLayerNorm({ name: ctx.name(), axes: [3], shape: [layer.num_channels], perm: null, eps: layer.eps ?? 1e-5, affine: layer.elementwise_affine ?? true })],
};
