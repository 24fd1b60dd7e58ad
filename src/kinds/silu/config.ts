/** SiLU, as `torch.nn.SiLU`: x · sigmoid(x) (swish), EfficientNet's activation. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('SiLU'),
    inplace: f.bool,
  });

export type SiLUConfig = ConfigFrom<typeof schema>;
type Opts = Omit<SiLUConfig, 'kind'>;

export const config = {
  kind: 'SiLU',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'SiLU'>;

export const SiLU = (opts: Partial<Opts> = {}): SiLUConfig => ({ kind: 'SiLU', ...opts });
