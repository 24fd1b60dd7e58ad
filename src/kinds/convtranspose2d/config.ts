/** ConvTranspose2d: a transposed 2-D convolution, as `torch.nn.ConvTranspose2d`. */
import { literal, optional, strictObject, tuple, union } from 'zod/mini';
import type { IntOrPair } from '../../graph/types.js';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('ConvTranspose2d'),
    in_channels: f.posInt,
    out_channels: f.posInt,
    kernel_size: f.posPair,
    stride: optional(f.posPair),
    /** Numbers only: PyTorch's transposed convolution has no 'same' or 'valid'. */
    padding: optional(union([f.nonNegInt, tuple([f.nonNegInt, f.nonNegInt])], { error: say("must be an integer or a [height, width] pair of integers (a transposed convolution has no 'same' or 'valid')", "必须是整数或 [高, 宽] 整数对（转置卷积没有 'same' 或 'valid'）") })),
    /** Rows and columns added at the end of the output (smaller than the stride or the dilation). */
    output_padding: optional(f.nonNegPair),
    groups: optional(f.posInt),
    bias: f.bool,
    dilation: optional(f.posPair),
  });

export type ConvTranspose2dConfig = ConfigFrom<typeof schema>;
type Opts = Omit<ConvTranspose2dConfig, 'kind'>;

export const config = {
  kind: 'ConvTranspose2d',
  schema,
  category: 'conv',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'ConvTranspose2d'>;

/** `ConvTranspose2d(64, 32, 2, { stride: 2 })`, PyTorch's positional form. */
export const ConvTranspose2d = (in_channels: number, out_channels: number, kernel_size: IntOrPair, opts: Partial<Opts> = {}): ConvTranspose2dConfig => ({
  kind: 'ConvTranspose2d',
  in_channels,
  out_channels,
  kernel_size,
  ...opts,
});
