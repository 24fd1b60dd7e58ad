/** Hardsigmoid, as `torch.nn.Hardsigmoid`: ReLU6(x + 3) / 6, MobileNet v3's cheap sigmoid (its squeeze-and-excitation gate). */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Hardsigmoid'),
    inplace: f.bool,
  });

export type HardsigmoidConfig = ConfigFrom<typeof schema>;
type Opts = Omit<HardsigmoidConfig, 'kind'>;

export const config = {
  kind: 'Hardsigmoid',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'Hardsigmoid'>;

export const Hardsigmoid = (opts: Partial<Opts> = {}): HardsigmoidConfig => ({ kind: 'Hardsigmoid', ...opts });
