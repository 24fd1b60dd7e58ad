/**
 * Reshape: `x.reshape(x.size(0), *shape)` or `x.view(x.size(0), *shape)`, a
 * function in PyTorch. `shape` leaves the batch out; one entry may be -1.
 */
import { array, int, literal, maxLength, minLength, number, refine, strictObject } from 'zod/mini';
import { gte, lte } from 'zod/mini';
import { MAX_DIM } from '../../graph/limits.js';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Reshape'),
    /** The shape of one sample, without the batch; -1 is inferred from the others. */
    shape: array(
      number().check(
        int(say('must be a whole number', '必须是整数')),
        gte(-1, say('must be a positive size or -1', '必须是正的尺寸或 -1')),
        lte(MAX_DIM, say(`must be at most ${MAX_DIM}`, `不能大于 ${MAX_DIM}`)),
        refine((x: number) => x !== 0, say('must be a positive size or -1', '必须是正的尺寸或 -1')),
      ),
    ).check(minLength(1, f.notEmpty), maxLength(8)),
  });

export type ReshapeConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Reshape',
  schema,
  category: 'reshape',
  arity: 'one',
  functional: true,
} satisfies KindConfig<'Reshape'>;

export const Reshape = (shape: readonly number[]): ReshapeConfig => ({ kind: 'Reshape', shape });
