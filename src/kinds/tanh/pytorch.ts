/** Tanh in PyTorch: `nn.Tanh()`, or `torch.tanh(x)` as a function. */
import type { KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Tanh'> = {
  kind: 'Tanh',
  module: () => 'nn.Tanh()',
  call: (_l, [x]) => `torch.tanh(${x})`,
};
