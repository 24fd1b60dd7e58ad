/** LayerNorm2d in PyTorch: torchvision's, `torchvision.models.convnext.LayerNorm2d(96, eps=1e-06)` (nn.LayerNorm over the channels of N×C×H×W). */
import { callText, kw, kwFloat, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'LayerNorm2d'> = {
  kind: 'LayerNorm2d',
  module: (l) => callText('torchvision.models.convnext.LayerNorm2d', String(l.num_channels), kwFloat('eps', l.eps, 1e-5), kw('elementwise_affine', l.elementwise_affine, true)),
  reads: { module: { names: ['torchvision.models.convnext.LayerNorm2d'], params: [{ name: 'num_channels' }, { name: 'eps', default: 1e-5 }, { name: 'elementwise_affine', default: true }] } },
};
