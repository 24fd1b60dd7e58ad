/** MaxPool2d, as `torch.nn.MaxPool2d`. */
import { literal, nullable, optional, strictObject } from 'zod/mini';
import type { IntOrPair } from '../../graph/types.js';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('MaxPool2d'),
    kernel_size: f.posPair,
    /** PyTorch default: `stride=None`, meaning `kernel_size`. */
    stride: optional(nullable(f.posPair)),
    padding: optional(f.nonNegPair),
    dilation: optional(f.posPair),
    ceil_mode: f.bool,
  });

export type MaxPool2dConfig = ConfigFrom<typeof schema>;
type Opts = Omit<MaxPool2dConfig, 'kind'>;

export const config = {
  kind: 'MaxPool2d',
  schema,
  category: 'pool',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'MaxPool2d'>;

/** `MaxPool2d(3, 2)` is kernel 3, stride 2, as in PyTorch's positional form. */
export const MaxPool2d = (kernel_size: IntOrPair, stride?: IntOrPair | Partial<Opts>, opts: Partial<Opts> = {}): MaxPool2dConfig =>
  typeof stride === 'object' && !Array.isArray(stride)
    ? { kind: 'MaxPool2d', kernel_size, ...(stride as Partial<Opts>) }
    : { kind: 'MaxPool2d', kernel_size, ...(stride !== undefined ? { stride: stride as IntOrPair } : {}), ...opts };
