/** Permute, as torchvision's `torchvision.ops.misc.Permute(dims)` (or `x.permute(...)`, functional). */
import { array, literal, maxLength, minLength, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Permute'),
    /** The new order of the batched tensor's dimensions, as in PyTorch: `[0, 2, 3, 1]` makes N×C×H×W channels-last. */
    dims: array(f.dim).check(minLength(1, f.notEmpty), maxLength(9)),
  });

export type PermuteConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Permute',
  schema,
  category: 'reshape',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Permute'>;

export const Permute = (dims: readonly number[]): PermuteConfig => ({ kind: 'Permute', dims });
