/** Sigmoid in PyTorch: `nn.Sigmoid()`, or `torch.sigmoid(x)` as a function. */
import { type KindPytorch, INPUT_PARAM } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Sigmoid'> = {
  kind: 'Sigmoid',
  module: () => 'nn.Sigmoid()',
  call: (_l, [x]) => `torch.sigmoid(${x})`,
  reads: { module: { names: ['torch.nn.Sigmoid'], params: [] }, calls: [{ names: ['torch.sigmoid', 'torch.nn.functional.sigmoid', 'torch.Tensor.sigmoid'], params: [INPUT_PARAM] }] },
};
