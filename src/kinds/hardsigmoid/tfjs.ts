/** Hardsigmoid in tfjs: PyTorch's formula (tfjs's hardSigmoid is Keras's 0.2x + 0.5, not PyTorch's x/6 + 1/2). */
import type { KindTfjs } from '../tfjs-spec.js';
import { Elementwise } from '../elementwise-layer.js';

export const tfjs: KindTfjs<'Hardsigmoid'> = {
  kind: 'Hardsigmoid',
  compile: (_layer, ctx) => [new Elementwise({ name: ctx.name(), op: 'hardsigmoid' })],
};
