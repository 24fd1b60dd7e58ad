/** LogSoftmax in PyTorch: `nn.LogSoftmax(dim=1)`, or `F.log_softmax(x, dim=1)`. */
import { callText, type KindPytorch, INPUT_PARAM, refuse, type PyArgs } from '../pytorch-spec.js';

// PyTorch's dim=None is deprecated and picks the batch of a 3-D tensor: the layer needs its dim.
const needDim = (a: PyArgs) => (typeof a.dim === 'number' ? { dim: a.dim } : refuse('LogSoftmax needs its dim (dim=None is deprecated in PyTorch and picks the batch of a 3-D tensor)', 'LogSoftmax 需要给出 dim（PyTorch 已弃用 dim=None，它对三维张量会选中批量维）', 'Write dim=1 for the class scores.', '对类别得分请写 dim=1。'));

export const pytorch: KindPytorch<'LogSoftmax'> = {
  kind: 'LogSoftmax',
  module: (l) => callText('nn.LogSoftmax', `dim=${l.dim}`),
  call: (l, [x]) => callText('F.log_softmax', x, `dim=${l.dim}`),
  reads: {
    module: { names: ['torch.nn.LogSoftmax'], params: [{ name: 'dim', default: null, int: true }], config: needDim },
    // torch.log_softmax and x.log_softmax are ATen's: dim is required there, and there is no _stacklevel.
    calls: [
      { names: ['torch.nn.functional.log_softmax'], params: [INPUT_PARAM, { name: 'dim', default: null, int: true }, { name: '_stacklevel', default: 3, ignored: true }, { name: 'dtype', default: null, fixed: true }], config: needDim },
      { names: ['torch.log_softmax', 'torch.Tensor.log_softmax'], params: [INPUT_PARAM, { name: 'dim', int: true }, { name: 'dtype', default: null, fixed: true }], config: needDim },
    ],
  },
};
