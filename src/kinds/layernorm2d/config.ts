/**
 * LayerNorm2d, as torchvision's ConvNeXt defines it (torchvision.models.convnext.LayerNorm2d):
 * a LayerNorm over the channels of each position of a C×H×W map (it permutes to
 * channels-last, normalises, and permutes back).
 */
import { literal, optional, refine, strictObject } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('LayerNorm2d'),
    /** torchvision passes it as LayerNorm's normalized_shape. */
    num_channels: f.posInt,
    eps: optional(f.real.check(refine((x: number) => x > 0, say('must be positive', '必须是正数')))),
    elementwise_affine: f.bool,
  });

export type LayerNorm2dConfig = ConfigFrom<typeof schema>;
type Opts = Omit<LayerNorm2dConfig, 'kind' | 'num_channels'>;

export const config = {
  kind: 'LayerNorm2d',
  schema,
  category: 'norm',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'LayerNorm2d'>;

export const LayerNorm2d = (num_channels: number, opts: Partial<Opts> = {}): LayerNorm2dConfig => ({ kind: 'LayerNorm2d', num_channels, ...opts });
