/** MaxPool2d in PyTorch: `nn.MaxPool2d(kernel_size=3, stride=2, padding=1)`, or `F.max_pool2d(x, ...)` as a function. */
import { callText, kw, py, type KindPytorch, INPUT_PARAM, type PyParam } from '../pytorch-spec.js';
import type { Layer } from '../../graph/types.js';

const args = (l: Layer<'MaxPool2d'>) => [`kernel_size=${py(l.kernel_size)}`, kw('stride', l.stride, null), kw('padding', l.padding, 0), kw('dilation', l.dilation, 1), kw('ceil_mode', l.ceil_mode, false)];

// return_indices=True makes a pair (output, indices), which no layer is.
const PARAMS: readonly PyParam[] = [{ name: 'kernel_size' }, { name: 'stride', default: null }, { name: 'padding', default: 0 }, { name: 'dilation', default: 1 }, { name: 'return_indices', default: false, fixed: true }, { name: 'ceil_mode', default: false }];

export const pytorch: KindPytorch<'MaxPool2d'> = {
  kind: 'MaxPool2d',
  module: (l) => callText('nn.MaxPool2d', ...args(l)),
  call: (l, [x]) => callText('F.max_pool2d', x, ...args(l)),
  reads: {
    module: { names: ['torch.nn.MaxPool2d'], params: PARAMS },
    calls: [{ names: ['torch.nn.functional.max_pool2d', 'torch.max_pool2d'], params: [INPUT_PARAM, ...PARAMS] }],
  },
};
