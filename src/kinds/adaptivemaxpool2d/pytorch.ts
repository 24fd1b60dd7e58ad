/** AdaptiveMaxPool2d in PyTorch: `nn.AdaptiveMaxPool2d((1, 1))`, or `F.adaptive_max_pool2d(x, (1, 1))`. */
import { callText, py, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'AdaptiveMaxPool2d'> = {
  kind: 'AdaptiveMaxPool2d',
  module: (l) => callText('nn.AdaptiveMaxPool2d', py(l.output_size)),
  call: (l, [x]) => callText('F.adaptive_max_pool2d', x, py(l.output_size)),
  reads: {
    module: { names: ['torch.nn.AdaptiveMaxPool2d'], params: [{ name: 'output_size', int: true }, { name: 'return_indices', default: false, fixed: true }] },
    calls: [{ names: ['torch.nn.functional.adaptive_max_pool2d'], params: [INPUT_PARAM, { name: 'output_size', int: true }, { name: 'return_indices', default: false, fixed: true }] }],
  },
};
