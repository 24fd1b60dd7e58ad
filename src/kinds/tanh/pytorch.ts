/** Tanh in PyTorch: `nn.Tanh()`, or `torch.tanh(x)` as a function. */
import { type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Tanh'> = {
  kind: 'Tanh',
  module: () => 'nn.Tanh()',
  call: (_l, [x]) => `torch.tanh(${x})`,
  reads: { module: { names: ['torch.nn.Tanh'], params: [] }, calls: [{ names: ['torch.tanh', 'torch.nn.functional.tanh', 'torch.Tensor.tanh'], params: [INPUT_PARAM] }] },
};
