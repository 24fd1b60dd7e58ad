/** BatchNorm2d in PyTorch: `nn.BatchNorm2d(64, eps=0.001)`. */
import { callText, kw, kwFloat, py, pyFloat, type KindPytorch, DEVICE_PARAMS } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'BatchNorm2d'> = {
  kind: 'BatchNorm2d',
  module: (l) =>
    callText(
      'nn.BatchNorm2d',
      String(l.num_features),
      kwFloat('eps', l.eps, 1e-5),
      // momentum=None is PyTorch's cumulative average; a number is a float.
      kw('momentum', l.momentum, 0.1, (m) => (m === null ? py(null) : pyFloat(m as number))),
      kw('affine', l.affine, true),
      kw('track_running_stats', l.track_running_stats, true),
    ),
  reads: { module: { names: ['torch.nn.BatchNorm2d'], params: [{ name: 'num_features', int: true }, { name: 'eps', default: 1e-5 }, { name: 'momentum', default: 0.1 }, { name: 'affine', default: true }, { name: 'track_running_stats', default: true }, ...DEVICE_PARAMS] } },
};
