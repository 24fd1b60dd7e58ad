/** LocalResponseNorm in PyTorch: `nn.LocalResponseNorm(5, alpha=0.0001, beta=0.75, k=2.0)`. */
import { callText, kwFloat, type KindPytorch, INPUT_PARAM, type PyParam } from '../pytorch-spec.js';
import type { Layer } from '../../graph/types.js';

const args = (l: Layer<'LocalResponseNorm'>) => [String(l.size), kwFloat('alpha', l.alpha, 1e-4), kwFloat('beta', l.beta, 0.75), kwFloat('k', l.k, 1)];

const PARAMS: readonly PyParam[] = [{ name: 'size', int: true }, { name: 'alpha', default: 1e-4 }, { name: 'beta', default: 0.75 }, { name: 'k', default: 1, float: true }];

export const pytorch: KindPytorch<'LocalResponseNorm'> = {
  kind: 'LocalResponseNorm',
  module: (l) => callText('nn.LocalResponseNorm', ...args(l)),
  call: (l, [x]) => callText('F.local_response_norm', x, ...args(l)),
  reads: {
    module: { names: ['torch.nn.LocalResponseNorm'], params: PARAMS },
    calls: [{ names: ['torch.nn.functional.local_response_norm'], params: [INPUT_PARAM, ...PARAMS] }],
  },
};
