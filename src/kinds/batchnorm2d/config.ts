/** BatchNorm2d, as `torch.nn.BatchNorm2d`. */
import { literal, nullable, optional, refine, strictObject } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('BatchNorm2d'),
    num_features: f.posInt,
    eps: optional(f.real.check(refine((x: number) => x > 0, say('must be positive', '必须是正数')))),
    /** PyTorch's momentum (weight of the new batch statistic); null: cumulative average. */
    momentum: optional(nullable(f.real)),
    affine: f.bool,
    track_running_stats: f.bool,
  });

export type BatchNorm2dConfig = ConfigFrom<typeof schema>;
type Opts = Omit<BatchNorm2dConfig, 'kind'>;

export const config = {
  kind: 'BatchNorm2d',
  schema,
  category: 'norm',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'BatchNorm2d'>;

export const BatchNorm2d = (num_features: number, opts: Partial<Opts> = {}): BatchNorm2dConfig => ({ kind: 'BatchNorm2d', num_features, ...opts });
