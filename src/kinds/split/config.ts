/** Split: one piece of `x.split(split_size_or_sections, dim)`, i.e. `x.split(...)[index]` (a function in PyTorch). */
import { array, literal, maxLength, minLength, optional, strictObject, union } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Split'),
    /** An int: pieces of that size (the last may be smaller); a list: the size of each piece, summing to the dimension. */
    split_size_or_sections: union([f.posInt, array(f.nonNegInt).check(minLength(1, f.notEmpty), maxLength(4096))], {
      error: say('must be a positive integer (the size of each piece) or a list of sizes', '必须是正整数（每块的大小）或大小的列表'),
    }),
    /** A dimension of the batched tensor (PyTorch's default, 0, is the batch: write 1 for the channels). */
    dim: optional(f.dim),
    /** Which piece this layer is. */
    index: f.nonNegInt,
  });

export type SplitConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Split',
  schema,
  category: 'reshape',
  arity: 'one',
  functional: true,
} satisfies KindConfig<'Split'>;

export const Split = (split_size_or_sections: SplitConfig['split_size_or_sections'], dim: number, index: number): SplitConfig => ({ kind: 'Split', split_size_or_sections, dim, index });
