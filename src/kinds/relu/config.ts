/** ReLU, as `torch.nn.ReLU` (or `F.relu`, functional). */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('ReLU'),
    inplace: f.bool,
  });

export type ReLUConfig = ConfigFrom<typeof schema>;
type Opts = Omit<ReLUConfig, 'kind'>;

export const config = {
  kind: 'ReLU',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'ReLU'>;

export const ReLU = (opts: Partial<Opts> = {}): ReLUConfig => ({ kind: 'ReLU', ...opts });
