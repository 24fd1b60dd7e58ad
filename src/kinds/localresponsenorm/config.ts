/** LocalResponseNorm, as `torch.nn.LocalResponseNorm`. */
import { literal, optional, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('LocalResponseNorm'),
    size: f.posInt,
    alpha: optional(f.real),
    beta: optional(f.real),
    k: optional(f.real),
  });

export type LocalResponseNormConfig = ConfigFrom<typeof schema>;
type Opts = Omit<LocalResponseNormConfig, 'kind'>;

export const config = {
  kind: 'LocalResponseNorm',
  schema,
  category: 'norm',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'LocalResponseNorm'>;

export const LocalResponseNorm = (size: number, opts: Partial<Opts> = {}): LocalResponseNormConfig => ({ kind: 'LocalResponseNorm', size, ...opts });
