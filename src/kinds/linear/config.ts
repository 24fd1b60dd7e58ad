/** Linear, as `torch.nn.Linear`: acts on the last dimension. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Linear'),
    in_features: f.posInt,
    out_features: f.posInt,
    bias: f.bool,
  });

export type LinearConfig = ConfigFrom<typeof schema>;
type Opts = Omit<LinearConfig, 'kind'>;

export const config = {
  kind: 'Linear',
  schema,
  category: 'linear',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Linear'>;

export const Linear = (in_features: number, out_features: number, opts: Partial<Opts> = {}): LinearConfig => ({ kind: 'Linear', in_features, out_features, ...opts });
