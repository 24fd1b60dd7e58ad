/** ConvTranspose2d in tfjs: tfjs's transposed convolution, cropped and padded to PyTorch's window (layer.ts). */
import { torchBiasInit, torchWeightInit } from '../tfjs-common.js';
import type { KindTfjs } from '../tfjs-spec.js';
import { convTArgs } from './analysis.js';
import { TransposedConv2d } from './layer.js';

export const tfjs: KindTfjs<'ConvTranspose2d'> = {
  kind: 'ConvTranspose2d',
  compile(layer, ctx) {
    const a = convTArgs(layer);
    // PyTorch's fan_in of a transposed weight [C_in, C_out/groups, kh, kw] is C_out/groups·kh·kw.
    const fanIn = (layer.out_channels / a.groups) * a.kernel[0] * a.kernel[1];
    return [
      new TransposedConv2d({
        name: ctx.name(),
        filters: layer.out_channels,
        kernel: [...a.kernel],
        stride: [...a.stride],
        padding: [...a.padding],
        outputPadding: [...a.outputPadding],
        dilation: [...a.dilation],
        groups: a.groups,
        useBias: layer.bias !== false,
        kernelInitializer: torchWeightInit(ctx.seed(), ctx.zeros),
        biasInitializer: torchBiasInit(fanIn, ctx.seed(), ctx.zeros),
      }),
    ];
  },
};
