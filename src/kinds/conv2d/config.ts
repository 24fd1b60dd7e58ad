/** Conv2d: a 2-D convolution, as `torch.nn.Conv2d`. */
import { literal, optional, strictObject, tuple, union } from 'zod/mini';
import type { IntOrPair } from '../../graph/types.js';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Conv2d'),
    in_channels: f.posInt,
    out_channels: f.posInt,
    kernel_size: f.posPair,
    stride: optional(f.posPair),
    /** An int, a pair, or PyTorch's string modes. */
    padding: optional(union([f.nonNegInt, tuple([f.nonNegInt, f.nonNegInt]), literal('same'), literal('valid')], { error: say('must be an integer, a [height, width] pair, "same" or "valid"', '必须是整数、[高, 宽] 整数对、"same" 或 "valid"') })),
    dilation: optional(f.posPair),
    groups: optional(f.posInt),
    bias: f.bool,
  });

export type Conv2dConfig = ConfigFrom<typeof schema>;
type Opts = Omit<Conv2dConfig, 'kind'>;

export const config = {
  kind: 'Conv2d',
  schema,
  category: 'conv',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Conv2d'>;

export const Conv2d = (in_channels: number, out_channels: number, kernel_size: IntOrPair, opts: Partial<Opts> = {}): Conv2dConfig => ({
  kind: 'Conv2d',
  in_channels,
  out_channels,
  kernel_size,
  ...opts,
});
