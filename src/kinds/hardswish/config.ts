/** Hardswish, as `torch.nn.Hardswish`: x · ReLU6(x + 3) / 6, MobileNet v3's cheap swish. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Hardswish'),
    inplace: f.bool,
  });

export type HardswishConfig = ConfigFrom<typeof schema>;
type Opts = Omit<HardswishConfig, 'kind'>;

export const config = {
  kind: 'Hardswish',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Hardswish'>;

export const Hardswish = (opts: Partial<Opts> = {}): HardswishConfig => ({ kind: 'Hardswish', ...opts });
