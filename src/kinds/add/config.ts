/** Add: `x + y` of two or more inputs (a residual connection). */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({ ...f.common, kind: literal('Add') });

export type AddConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Add',
  schema,
  category: 'merge',
  arity: 'many',
  functional: true,
  colour: 'add',
} satisfies KindConfig<'Add'>;

export const Add = (): AddConfig => ({ kind: 'Add' });
