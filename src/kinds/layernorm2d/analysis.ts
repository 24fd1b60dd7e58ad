import { fail, fromZh, ok, requireCHW } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'LayerNorm2d'> = {
  kind: 'LayerNorm2d',
  outputShape(l, [input]) {
    const bad = requireCHW('LayerNorm2d', input);
    if (bad) return bad;
    if (input.shape[0] !== l.num_channels) {
      return fail('channels', `expects num_channels=${l.num_channels} channels, receives ${input.shape[0]} (from ${input.from}).`, `Set num_channels=${input.shape[0]}.`, {
        message: `需要 num_channels=${l.num_channels} 个通道，收到的却是 ${input.shape[0]} 个（来自 ${fromZh(input)}）。`,
        fix: `设置 num_channels=${input.shape[0]}。`,
      });
    }
    return ok(input.shape);
  },
  weights: (l) => (l.elementwise_affine === false ? [] : [{ name: 'weight', shape: [l.num_channels] }, { name: 'bias', shape: [l.num_channels] }]),
  buffers: () => [],
  macs(l, [input], _out, convention) {
    // As LayerNorm: torchinfo counts its parameters, fvcore aten::layer_norm's 5 per element (4 without affine).
    if (convention === 'torchinfo') return l.elementwise_affine === false ? 0 : 2 * l.num_channels;
    if (convention === 'fvcore') return input.reduce((a, b) => a * b, 1) * (l.elementwise_affine === false ? 4 : 5);
    return 0;
  },
  macWords: { torchinfo: 'LayerNorm2d', fvcore: 'LayerNorm2d (the same)' },
  window: () => 'identity',
  label: (l) => `LayerNorm2d ${l.num_channels}`,
  labelZh: (text) => text,
};
