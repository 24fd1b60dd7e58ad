/** Sigmoid, as `torch.nn.Sigmoid`. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({ ...f.common, kind: literal('Sigmoid') });

export type SigmoidConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Sigmoid',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Sigmoid'>;

export const Sigmoid = (): SigmoidConfig => ({ kind: 'Sigmoid' });
