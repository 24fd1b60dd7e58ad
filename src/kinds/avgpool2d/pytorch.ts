/** AvgPool2d in PyTorch: `nn.AvgPool2d(kernel_size=2, stride=2)`, or `F.avg_pool2d(x, ...)` as a function. */
import { callText, kw, py, type KindPytorch, INPUT_PARAM, type PyParam } from '../pytorch-spec.js';
import type { Layer } from '../../graph/types.js';

const args = (l: Layer<'AvgPool2d'>) => [`kernel_size=${py(l.kernel_size)}`, kw('stride', l.stride, null), kw('padding', l.padding, 0), kw('ceil_mode', l.ceil_mode, false), kw('count_include_pad', l.count_include_pad, true)];

const PARAMS: readonly PyParam[] = [{ name: 'kernel_size', int: true }, { name: 'stride', default: null, int: true }, { name: 'padding', default: 0 }, { name: 'ceil_mode', default: false }, { name: 'count_include_pad', default: true }, { name: 'divisor_override', default: null, fixed: true }];

export const pytorch: KindPytorch<'AvgPool2d'> = {
  kind: 'AvgPool2d',
  module: (l) => callText('nn.AvgPool2d', ...args(l)),
  call: (l, [x]) => callText('F.avg_pool2d', x, ...args(l)),
  reads: {
    module: { names: ['torch.nn.AvgPool2d'], params: PARAMS },
    // F.avg_pool2d is ATen's own, whose stride default is an empty list ("the kernel size"); PyTorch has no torch.avg_pool2d.
    calls: [{ names: ['torch.nn.functional.avg_pool2d'], params: [INPUT_PARAM, PARAMS[0], { ...PARAMS[1], default: [] }, ...PARAMS.slice(2)] }],
  },
};
