/** Dropout2d, as `torch.nn.Dropout2d`: zeroes whole channels in training. */
import { gte, literal, lte, number, optional, strictObject } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Dropout2d'),
    p: optional(number().check(gte(0, say('must be between 0 and 1', '必须在 0 和 1 之间')), lte(1, 'must be between 0 and 1'))),
    inplace: f.bool,
  });

export type Dropout2dConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Dropout2d',
  schema,
  category: 'dropout',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Dropout2d'>;

export const Dropout2d = (p?: number): Dropout2dConfig => (p === undefined ? { kind: 'Dropout2d' } : { kind: 'Dropout2d', p });
