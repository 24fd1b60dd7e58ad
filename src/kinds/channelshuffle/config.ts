/**
 * ChannelShuffle, as `torch.nn.ChannelShuffle(groups)`; torchvision's
 * ShuffleNet v2 calls its own `channel_shuffle(x, groups)` (view, transpose,
 * view), the same operation as a function (`functional: true`).
 */
import { literal, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('ChannelShuffle'),
    groups: f.posInt,
  });

export type ChannelShuffleConfig = ConfigFrom<typeof schema>;
type Opts = Omit<ChannelShuffleConfig, 'kind' | 'groups'>;

export const config = {
  kind: 'ChannelShuffle',
  schema,
  category: 'reshape',
  arity: 'one',
  functional: false,
} satisfies KindConfig<'ChannelShuffle'>;

export const ChannelShuffle = (groups: number, opts: Partial<Opts> = {}): ChannelShuffleConfig => ({ kind: 'ChannelShuffle', groups, ...opts });
