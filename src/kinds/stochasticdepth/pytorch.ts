/** StochasticDepth in PyTorch: torchvision's `torchvision.ops.StochasticDepth(0.1, 'row')`, or `torchvision.ops.stochastic_depth(x, 0.1, 'row', self.training)`. */
import { callText, py, pyFloat, type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'StochasticDepth'> = {
  kind: 'StochasticDepth',
  module: (l) => callText('torchvision.ops.StochasticDepth', pyFloat(l.p), py(l.mode)),
  call: (l, [x]) => callText('torchvision.ops.stochastic_depth', x, pyFloat(l.p), py(l.mode), 'self.training'),
  reads: {
    module: { names: ['torchvision.ops.StochasticDepth', 'torchvision.ops.stochastic_depth.StochasticDepth'], params: [{ name: 'p' }, { name: 'mode' }] },
    calls: [{ names: ['torchvision.ops.stochastic_depth'], params: [INPUT_PARAM, { name: 'p' }, { name: 'mode' }, { name: 'training', default: true, ignored: true }] }],
  },
};
