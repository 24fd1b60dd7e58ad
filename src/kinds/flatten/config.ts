/** Flatten, as `torch.nn.Flatten` (or `torch.flatten`, functional). */
import { literal, optional, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Flatten'),
    /** Dimensions of the batched tensor, as in PyTorch (default 1 and -1). */
    start_dim: optional(f.dim),
    end_dim: optional(f.dim),
  });

export type FlattenConfig = ConfigFrom<typeof schema>;
type Opts = Omit<FlattenConfig, 'kind'>;

export const config = {
  kind: 'Flatten',
  schema,
  category: 'reshape',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Flatten'>;

export const Flatten = (opts: Partial<Opts> = {}): FlattenConfig => ({ kind: 'Flatten', ...opts });
