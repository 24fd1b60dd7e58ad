/** AdaptiveAvgPool2d in PyTorch: `nn.AdaptiveAvgPool2d((1, 1))`, or `F.adaptive_avg_pool2d(x, (1, 1))`. */
import { callText, py, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'AdaptiveAvgPool2d'> = {
  kind: 'AdaptiveAvgPool2d',
  module: (l) => callText('nn.AdaptiveAvgPool2d', py(l.output_size)),
  call: (l, [x]) => callText('F.adaptive_avg_pool2d', x, py(l.output_size)),
  reads: {
    module: { names: ['torch.nn.AdaptiveAvgPool2d'], params: [{ name: 'output_size', int: true }] },
    calls: [{ names: ['torch.nn.functional.adaptive_avg_pool2d'], params: [INPUT_PARAM, { name: 'output_size', int: true }] }],
  },
};
