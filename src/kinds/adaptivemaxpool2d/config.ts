/**
 * AdaptiveMaxPool2d, as `torch.nn.AdaptiveMaxPool2d(output_size)`. PyTorch's
 * `return_indices=True` returns a pair a network of this format cannot carry
 * on, so the argument is not part of the format (the schema refuses it).
 */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('AdaptiveMaxPool2d'),
    /** `null` in a pair keeps that input dimension, as in PyTorch. */
    output_size: f.adaptiveSize,
  });

export type AdaptiveMaxPool2dConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'AdaptiveMaxPool2d',
  schema,
  category: 'pool',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'AdaptiveMaxPool2d'>;

export const AdaptiveMaxPool2d = (output_size: AdaptiveMaxPool2dConfig['output_size']): AdaptiveMaxPool2dConfig => ({ kind: 'AdaptiveMaxPool2d', output_size });
