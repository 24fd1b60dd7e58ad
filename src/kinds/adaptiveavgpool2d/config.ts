/** AdaptiveAvgPool2d, as `torch.nn.AdaptiveAvgPool2d`. */
import { literal, nullable, strictObject, tuple, union } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('AdaptiveAvgPool2d'),
    /** `null` in a pair keeps that input dimension, as in PyTorch. */
    output_size: union([f.posInt, tuple([nullable(f.posInt), nullable(f.posInt)])], { error: say('must be an integer or a [height, width] pair (null keeps that size)', '必须是整数或 [高, 宽] 对（null 表示保持该方向的尺寸）') }),
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
