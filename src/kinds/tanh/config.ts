/** Tanh, as `torch.nn.Tanh`. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({ ...f.common, kind: literal('Tanh') });

export type TanhConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Tanh',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Tanh'>;

export const Tanh = (): TanhConfig => ({ kind: 'Tanh' });
