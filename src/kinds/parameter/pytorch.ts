/** Parameter in PyTorch: `nn.Parameter(torch.full((96, 1, 1), 1e-06))`, an attribute of its owner that the forward reads. */
import { pyFloat, refuse, type KindPytorch } from '../pytorch-spec.js';

// A shape is always a tuple, even of one or three sizes: `(96,)`.
const shape = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

export const pytorch: KindPytorch<'Parameter'> = {
  kind: 'Parameter',
  module: (l) => `nn.Parameter(${(l.fill ?? 1) === 1 ? `torch.ones(${shape(l.shape)})` : `torch.full(${shape(l.shape)}, ${pyFloat(l.fill as number)})`})`,
  read: true,
  reads: {
    module: {
      names: ['torch.nn.Parameter', 'torch.nn.parameter.Parameter'],
      params: [{ name: 'data', default: null }, { name: 'requires_grad', default: true, fixed: true }],
      config: ({ data }) => {
        const t = typeof data === 'object' && data !== null && 'tensor' in data ? data.tensor : null;
        if (!t) return refuse('nn.Parameter needs a tensor made in place (torch.ones, torch.zeros, torch.full)', 'nn.Parameter 需要一个就地创建的张量（torch.ones、torch.zeros、torch.full）', 'Write e.g. nn.Parameter(torch.ones(96, 1, 1) * 1e-6).', '例如写 nn.Parameter(torch.ones(96, 1, 1) * 1e-6)。');
        if (t.fill === null) return refuse('nn.Parameter of a random tensor: cnn-graph records a constant fill', 'nn.Parameter 的初值是随机张量：cnn-graph 只记录常数初值', 'Write torch.zeros(...) or torch.full(..., value) (the shape and the count of parameters are what matter here).', '请写 torch.zeros(...) 或 torch.full(..., 值)（这里要紧的是形状和参数个数）。');
        return { shape: [...t.shape], ...(t.fill === 1 ? {} : { fill: t.fill }) };
      },
    },
  },
};
