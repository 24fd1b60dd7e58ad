/**
 * LogSoftmax, as `torch.nn.LogSoftmax(dim)`. `dim` is required here: PyTorch's
 * `dim=None` is deprecated and picks the dimension from the tensor's rank
 * (0, the batch, for a 3-D tensor), so a network should say which one it means.
 */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('LogSoftmax'),
    /** A dimension of the batched tensor, as in PyTorch (1: the class scores). */
    dim: f.dim,
  });

export type LogSoftmaxConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'LogSoftmax',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'LogSoftmax'>;

export const LogSoftmax = (dim: number): LogSoftmaxConfig => ({ kind: 'LogSoftmax', dim });
