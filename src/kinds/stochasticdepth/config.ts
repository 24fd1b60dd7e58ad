/** StochasticDepth, as `torchvision.ops.StochasticDepth(p, mode)`: drops a residual branch in training (EfficientNet, ConvNeXt). */
import { enum as zenum, gte, literal, lte, number, strictObject } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('StochasticDepth'),
    /** The probability of zeroing the branch; required, as in torchvision. */
    p: number().check(gte(0, say('must be between 0 and 1', '必须在 0 和 1 之间')), lte(1, 'must be between 0 and 1')),
    /** `row`: each sample of the batch is dropped on its own; `batch`: the whole batch at once. Required, as in torchvision. */
    mode: zenum(['row', 'batch'], { error: say("must be 'row' or 'batch'", "必须是 'row' 或 'batch'") }),
  });

export type StochasticDepthConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'StochasticDepth',
  schema,
  category: 'dropout',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'StochasticDepth'>;

export const StochasticDepth = (p: number, mode: StochasticDepthConfig['mode']): StochasticDepthConfig => ({ kind: 'StochasticDepth', p, mode });
