/** LayerNorm in PyTorch: `nn.LayerNorm(96, eps=1e-06)` (it owns its weights: a module only). */
import { callText, kw, kwFloat, py, type KindPytorch, DEVICE_PARAMS } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'LayerNorm'> = {
  kind: 'LayerNorm',
  module: (l) => callText('nn.LayerNorm', py(l.normalized_shape, true), kwFloat('eps', l.eps, 1e-5), kw('elementwise_affine', l.elementwise_affine, true)),
  reads: { module: { names: ['torch.nn.LayerNorm'], params: [{ name: 'normalized_shape', int: true }, { name: 'eps', default: 1e-5 }, { name: 'elementwise_affine', default: true }, ...DEVICE_PARAMS] } },
};
