/** LayerNorm, as `torch.nn.LayerNorm`: normalises over the last dimensions of each sample. */
import { array, literal, maxLength, minLength, optional, refine, strictObject, union } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('LayerNorm'),
    /** The sizes of the last dimensions normalised over (an int: the last one), as PyTorch's. */
    normalized_shape: union([f.posInt, array(f.posInt).check(minLength(1, f.notEmpty), maxLength(8))], {
      error: say('must be a positive integer or a list of positive integers (the last dimensions of the input)', '必须是正整数，或正整数列表（输入的最后几维）'),
    }),
    eps: optional(f.real.check(refine((x: number) => x > 0, say('must be positive', '必须是正数')))),
    elementwise_affine: f.bool,
  });

export type LayerNormConfig = ConfigFrom<typeof schema>;
type Opts = Omit<LayerNormConfig, 'kind' | 'normalized_shape'>;

export const config = {
  kind: 'LayerNorm',
  schema,
  category: 'norm',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'LayerNorm'>;

export const LayerNorm = (normalized_shape: LayerNormConfig['normalized_shape'], opts: Partial<Opts> = {}): LayerNormConfig => ({ kind: 'LayerNorm', normalized_shape, ...opts });
