/** Softmax, as `torch.nn.Softmax`. */
import { literal, optional, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Softmax'),
    /** A dimension of the batched tensor (default 1, the class axis). */
    dim: optional(f.dim),
  });

export type SoftmaxConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Softmax',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Softmax'>;

export const Softmax = (dim?: number): SoftmaxConfig => (dim === undefined ? { kind: 'Softmax' } : { kind: 'Softmax', dim });
