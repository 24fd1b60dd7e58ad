/** Concat: `torch.cat` of one or more inputs (PyTorch accepts `torch.cat([x])`, which copies x). */
import { literal, optional, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Concat'),
    /** A dimension of the batched tensor; 1 is the channel axis. */
    dim: optional(f.dim),
  });

export type ConcatConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Concat',
  schema,
  category: 'merge',
  arity: 'many',
  minInputs: 1,
  functional: true,
  colour: 'concat',
} satisfies KindConfig<'Concat'>;

export const Concat = (dim?: number): ConcatConfig => (dim === undefined ? { kind: 'Concat' } : { kind: 'Concat', dim });
