/** GELU, as `torch.nn.GELU` (or `F.gelu`, functional). */
import { literal, optional, strictObject, union } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('GELU'),
    /** 'none' (default): x·Φ(x) with the exact normal CDF; 'tanh': the tanh approximation. */
    approximate: optional(union([literal('none'), literal('tanh')], { error: say("must be 'none' or 'tanh'", "必须是 'none' 或 'tanh'") })),
  });

export type GELUConfig = ConfigFrom<typeof schema>;
type Opts = Omit<GELUConfig, 'kind'>;

export const config = {
  kind: 'GELU',
  schema,
  category: 'activation',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'GELU'>;

export const GELU = (opts: Partial<Opts> = {}): GELUConfig => ({ kind: 'GELU', ...opts });
