/** Sigmoid in PyTorch: `nn.Sigmoid()`, or `torch.sigmoid(x)` as a function. */
import type { KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Sigmoid'> = {
  kind: 'Sigmoid',
  module: () => 'nn.Sigmoid()',
  call: (_l, [x]) => `torch.sigmoid(${x})`,
};
