/** MaxPool2d in PyTorch: `nn.MaxPool2d(kernel_size=3, stride=2, padding=1)`, or `F.max_pool2d(x, ...)` as a function. */
import { callText, kw, py, type KindPytorch, INPUT_PARAM, type PyParam } from '../pytorch-spec.js';
import type { Layer } from '../../graph/types.js';

const args = (l: Layer<'MaxPool2d'>) => [`kernel_size=${py(l.kernel_size)}`, kw('stride', l.stride, null), kw('padding', l.padding, 0), kw('dilation', l.dilation, 1), kw('ceil_mode', l.ceil_mode, false)];

// return_indices=True makes a pair (output, indices), which no layer is.
const KERNEL: readonly PyParam[] = [{ name: 'kernel_size', int: true }, { name: 'stride', default: null, int: true }, { name: 'padding', default: 0 }, { name: 'dilation', default: 1 }];
const RETURN_INDICES: PyParam = { name: 'return_indices', default: false, fixed: true };
const CEIL_MODE: PyParam = { name: 'ceil_mode', default: false };
// PyTorch's three orders: nn.MaxPool2d puts return_indices before ceil_mode, F.max_pool2d after it,
// and torch.max_pool2d has no return_indices and an empty stride for "the kernel size".
const PARAMS: readonly PyParam[] = [...KERNEL, RETURN_INDICES, CEIL_MODE];

export const pytorch: KindPytorch<'MaxPool2d'> = {
  kind: 'MaxPool2d',
  module: (l) => callText('nn.MaxPool2d', ...args(l)),
  call: (l, [x]) => callText('F.max_pool2d', x, ...args(l)),
  reads: {
    module: { names: ['torch.nn.MaxPool2d'], params: PARAMS },
    calls: [
      { names: ['torch.nn.functional.max_pool2d'], params: [INPUT_PARAM, ...KERNEL, CEIL_MODE, RETURN_INDICES] },
      { names: ['torch.max_pool2d'], params: [INPUT_PARAM, KERNEL[0], { ...KERNEL[1], default: [] }, KERNEL[2], KERNEL[3], CEIL_MODE] },
    ],
  },
};
