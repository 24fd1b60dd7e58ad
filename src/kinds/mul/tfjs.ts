/** Mul in tfjs: an elementwise product broadcast as PyTorch does, on the shapes the analysis found. */
import type { KindTfjs } from '../tfjs-spec.js';
import { Mul } from './layer.js';

export const tfjs: KindTfjs<'Mul'> = {
  kind: 'Mul',
  compile: (_layer, ctx) => [new Mul({ name: ctx.name(), shapes: [[...ctx.rec.inputShapes[0]!], [...ctx.rec.inputShapes[1]!]], outShape: [...ctx.outShape] })],
};
