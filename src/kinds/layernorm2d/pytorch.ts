/** LayerNorm2d in PyTorch: torchvision's, `torchvision.models.convnext.LayerNorm2d(96, eps=1e-06)` (nn.LayerNorm over the channels of N×C×H×W). */
import { callText, DEVICE_PARAMS, kw, kwFloat, refuse, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'LayerNorm2d'> = {
  kind: 'LayerNorm2d',
  module: (l) => callText('torchvision.models.convnext.LayerNorm2d', String(l.num_channels), kwFloat('eps', l.eps, 1e-5), kw('elementwise_affine', l.elementwise_affine, true)),
  reads: {
    module: {
      names: ['torchvision.models.convnext.LayerNorm2d'],
      // torchvision's LayerNorm2d is nn.LayerNorm with its own forward: PyTorch calls the channel count normalized_shape.
      params: [{ name: 'normalized_shape', int: true }, { name: 'eps', default: 1e-5 }, { name: 'elementwise_affine', default: true }, ...DEVICE_PARAMS],
      config: ({ normalized_shape: n, eps, elementwise_affine: affine }) => {
        const c = Array.isArray(n) && n.length === 1 ? n[0] : n;
        if (typeof c !== 'number') return refuse('LayerNorm2d normalizes the channels only: normalized_shape is their count', 'LayerNorm2d 只对通道做归一化：normalized_shape 是通道数', 'Write LayerNorm2d(96) with the number of channels.', '请写 LayerNorm2d(96)，参数是通道数。');
        return { num_channels: c, ...(eps !== undefined && eps !== 1e-5 ? { eps: eps as number } : {}), ...(affine !== undefined && affine !== true ? { elementwise_affine: affine as boolean } : {}) };
      },
    },
  },
};
