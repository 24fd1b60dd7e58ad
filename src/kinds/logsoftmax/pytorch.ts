/** LogSoftmax in PyTorch: `nn.LogSoftmax(dim=1)`, or `F.log_softmax(x, dim=1)`. */
import { callText, type KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'LogSoftmax'> = {
  kind: 'LogSoftmax',
  module: (l) => callText('nn.LogSoftmax', `dim=${l.dim}`),
  call: (l, [x]) => callText('F.log_softmax', x, `dim=${l.dim}`),
};
