/** AvgPool2d, as `torch.nn.AvgPool2d`. */
import { literal, nullable, optional, strictObject } from 'zod/mini';
import type { IntOrPair } from '../../graph/types.js';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('AvgPool2d'),
    kernel_size: f.posPair,
    /** PyTorch default: `stride=None`, meaning `kernel_size`. */
    stride: optional(nullable(f.posPair)),
    padding: optional(f.nonNegPair),
    ceil_mode: f.bool,
    count_include_pad: f.bool,
  });

export type AvgPool2dConfig = ConfigFrom<typeof schema>;
type Opts = Omit<AvgPool2dConfig, 'kind'>;

export const config = {
  kind: 'AvgPool2d',
  schema,
  category: 'pool',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'AvgPool2d'>;

/** `AvgPool2d(2, 2)` is kernel 2, stride 2, as in PyTorch's positional form. */
export const AvgPool2d = (kernel_size: IntOrPair, stride?: IntOrPair | Partial<Opts>, opts: Partial<Opts> = {}): AvgPool2dConfig =>
  typeof stride === 'object' && !Array.isArray(stride)
    ? { kind: 'AvgPool2d', kernel_size, ...(stride as Partial<Opts>) }
    : { kind: 'AvgPool2d', kernel_size, ...(stride !== undefined ? { stride: stride as IntOrPair } : {}), ...opts };
