/** ReLU6, as `torch.nn.ReLU6`: min(max(x, 0), 6), the clipped ReLU of MobileNet v2. */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('ReLU6'),
    inplace: f.bool,
  });

export type ReLU6Config = ConfigFrom<typeof schema>;
type Opts = Omit<ReLU6Config, 'kind'>;

export const config = {
  kind: 'ReLU6',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'ReLU6'>;

export const ReLU6 = (opts: Partial<Opts> = {}): ReLU6Config => ({ kind: 'ReLU6', ...opts });
