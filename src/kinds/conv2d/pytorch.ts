/** Conv2d in PyTorch: `nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)`. */
import { callText, kw, py, type KindPytorch, DEVICE_PARAMS } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Conv2d'> = {
  kind: 'Conv2d',
  module: (l) =>
    callText('nn.Conv2d', String(l.in_channels), String(l.out_channels), `kernel_size=${py(l.kernel_size)}`, kw('stride', l.stride, 1), kw('padding', l.padding, 0), kw('dilation', l.dilation, 1), kw('groups', l.groups, 1), kw('bias', l.bias, true)),
  reads: {
    module: {
      names: ['torch.nn.Conv2d'],
      params: [{ name: 'in_channels', int: true }, { name: 'out_channels', int: true }, { name: 'kernel_size', int: true }, { name: 'stride', default: 1 }, { name: 'padding', default: 0 }, { name: 'dilation', default: 1 }, { name: 'groups', default: 1 }, { name: 'bias', default: true }, { name: 'padding_mode', default: 'zeros', fixed: true }, ...DEVICE_PARAMS],
    },
  },
};
