import { fail, fromZh, ok, requireCHW } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'ChannelShuffle'> = {
  kind: 'ChannelShuffle',
  outputShape(l, [input]) {
    const bad = requireCHW('ChannelShuffle', input);
    if (bad) return bad;
    const c = input.shape[0];
    if (c % l.groups !== 0) {
      const near = [...Array(c).keys()].map((i) => i + 1).filter((g) => c % g === 0 && g > 1);
      return fail('groups', `${c} channels (from ${input.from}) cannot be dealt into groups=${l.groups} equal groups: ${c} is not a multiple of ${l.groups}.`, `Use a groups value that divides ${c}${near.length ? ` (${near.slice(0, 6).join(', ')})` : ''}, or change the channels before it.`, {
        message: `${c} 个通道（来自 ${fromZh(input)}）无法平均分成 groups=${l.groups} 组：${c} 不是 ${l.groups} 的倍数。`,
        fix: `groups 要能整除 ${c}${near.length ? `（${near.slice(0, 6).join('、')}）` : ''}，或者改变它前面的通道数。`,
      });
    }
    return ok(input.shape);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => `ChannelShuffle g=${l.groups}`,
  labelZh: (text) => text,
  motif: () => ({ op: 'shuffle' }),
};
