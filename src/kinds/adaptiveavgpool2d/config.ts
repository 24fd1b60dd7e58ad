/** AdaptiveAvgPool2d, as `torch.nn.AdaptiveAvgPool2d`. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('AdaptiveAvgPool2d'),
    /** `null` in a pair keeps that input dimension, as in PyTorch. */
    output_size: f.adaptiveSize,
  });

export type AdaptiveAvgPool2dConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'AdaptiveAvgPool2d',
  schema,
  category: 'pool',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'AdaptiveAvgPool2d'>;

export const AdaptiveAvgPool2d = (output_size: AdaptiveAvgPool2dConfig['output_size']): AdaptiveAvgPool2dConfig => ({ kind: 'AdaptiveAvgPool2d', output_size });
