/** Upsample, as `torch.nn.Upsample` (F.interpolate on a C×H×W map). */
import { boolean, literal, number, optional, refine, strictObject, tuple, union } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

/** Every mode nn.Upsample passes to F.interpolate; `linear` and `trilinear` need a 1-D or 3-D input, which the analysis says. */
export const UPSAMPLE_MODES = ['nearest', 'linear', 'bilinear', 'bicubic', 'trilinear', 'area', 'nearest-exact'] as const;
export type UpsampleMode = (typeof UPSAMPLE_MODES)[number];

const schema = (f: Fields) => {
  const positive = number().check(refine((x: number) => Number.isFinite(x) && x > 0, say('must be a positive finite number', '必须是有限的正数')));
  return strictObject({
    ...f.common,
    kind: literal('Upsample'),
    /** The output height and width (one int: both). Exactly one of size and scale_factor. */
    size: optional(f.posPair),
    /** The factor on height and width; the output is ⌊H·scale⌋ (double precision, as PyTorch). */
    scale_factor: optional(union([positive, tuple([positive, positive])], { error: say('must be a positive number or a [height, width] pair of positive numbers', '必须是正数或 [高, 宽] 正数对') })),
    mode: optional(union(UPSAMPLE_MODES.map((m) => literal(m)), { error: say(`must be one of ${UPSAMPLE_MODES.map((m) => `"${m}"`).join(', ')}`, `必须是 ${UPSAMPLE_MODES.map((m) => `"${m}"`).join('、')} 之一`) })),
    /** Only for linear, bilinear, bicubic and trilinear (PyTorch's default None reads as false there). */
    align_corners: optional(boolean()),
    /** Interpolate with input/output instead of 1/scale_factor (PyTorch's default None: false). */
    recompute_scale_factor: optional(boolean()),
  });
};

export type UpsampleConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Upsample',
  schema,
  category: 'pool',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Upsample'>;

/** `Upsample({ scale_factor: 2, mode: 'bilinear' })`: nn.Upsample takes keywords. */
export const Upsample = (opts: Omit<UpsampleConfig, 'kind'>): UpsampleConfig => ({ kind: 'Upsample', ...opts });
