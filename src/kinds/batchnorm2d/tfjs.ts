/** BatchNorm2d in tfjs: TorchBatchNorm2d, with PyTorch's momentum and running variance. */
import type { KindTfjs } from '../tfjs-spec.js';
import { TorchBatchNorm2d } from './layer.js';

export const tfjs: KindTfjs<'BatchNorm2d'> = {
  kind: 'BatchNorm2d',
  compile: (layer, ctx) => [
    new TorchBatchNorm2d({
      name: ctx.name(),
      eps: layer.eps ?? 1e-5,
      momentum: layer.momentum === undefined ? 0.1 : layer.momentum,
      affine: layer.affine ?? true,
      trackRunningStats: layer.track_running_stats ?? true,
    }),
  ],
};
