/** LocalResponseNorm in tfjs: TorchLocalResponseNorm, PyTorch's α/n and window. */
import type { KindTfjs } from '../tfjs-spec.js';
import { TorchLocalResponseNorm } from './layer.js';

export const tfjs: KindTfjs<'LocalResponseNorm'> = {
  kind: 'LocalResponseNorm',
  compile(layer, ctx) {
    if (ctx.inShape.length !== 3) ctx.fail(`the trainer supports LocalResponseNorm on C×H×W maps only (here ${ctx.inShape.join('×')}).`);
    return [new TorchLocalResponseNorm({ name: ctx.name(), size: layer.size, alpha: layer.alpha ?? 1e-4, beta: layer.beta ?? 0.75, k: layer.k ?? 1 })];
  },
};
