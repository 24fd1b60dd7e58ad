/** Dropout, as `torch.nn.Dropout`. */
import { gte, literal, lte, number, optional, strictObject } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Dropout'),
    p: optional(number().check(gte(0, say('must be between 0 and 1', '必须在 0 和 1 之间')), lte(1, 'must be between 0 and 1'))),
    inplace: f.bool,
  });

export type DropoutConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Dropout',
  schema,
  category: 'dropout',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Dropout'>;

export const Dropout = (p?: number): DropoutConfig => (p === undefined ? { kind: 'Dropout' } : { kind: 'Dropout', p });
