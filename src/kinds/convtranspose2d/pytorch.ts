/** ConvTranspose2d in PyTorch: `nn.ConvTranspose2d(64, 32, kernel_size=2, stride=2)`. */
import { callText, kw, py, type KindPytorch, DEVICE_PARAMS } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'ConvTranspose2d'> = {
  kind: 'ConvTranspose2d',
  module: (l) =>
    callText(
      'nn.ConvTranspose2d',
      String(l.in_channels),
      String(l.out_channels),
      `kernel_size=${py(l.kernel_size)}`,
      kw('stride', l.stride, 1),
      kw('padding', l.padding, 0),
      kw('output_padding', l.output_padding, 0),
      kw('groups', l.groups, 1),
      kw('bias', l.bias, true),
      kw('dilation', l.dilation, 1),
    ),
  reads: {
    module: {
      names: ['torch.nn.ConvTranspose2d'],
      params: [{ name: 'in_channels', int: true }, { name: 'out_channels', int: true }, { name: 'kernel_size', int: true }, { name: 'stride', default: 1 }, { name: 'padding', default: 0 }, { name: 'output_padding', default: 0 }, { name: 'groups', default: 1 }, { name: 'bias', default: true }, { name: 'dilation', default: 1 }, { name: 'padding_mode', default: 'zeros', fixed: true }, ...DEVICE_PARAMS],
    },
  },
};
