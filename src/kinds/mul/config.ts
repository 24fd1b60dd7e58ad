/** Mul: `a * b` (`torch.mul`) of two inputs with PyTorch's broadcasting, as a squeeze-and-excitation block scales its input. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) => strictObject({ ...f.common, kind: literal('Mul') });

export type MulConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Mul',
  schema,
  category: 'merge',
  arity: 'two',
  functional: true,
} satisfies KindConfig<'Mul'>;

export const Mul = (): MulConfig => ({ kind: 'Mul' });
