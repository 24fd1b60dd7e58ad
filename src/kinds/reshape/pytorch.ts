/** Reshape in PyTorch: `x.reshape(x.size(0), -1)` (the shape leaves the batch out). */
import type { KindPytorch } from '../pytorch-spec.js';

export const pytorch: KindPytorch<'Reshape'> = {
  kind: 'Reshape',
  call: (l, [x]) => `${x}.reshape(${[`${x}.size(0)`, ...l.shape.map(String)].join(', ')})`,
};
