import { fail, fromZh, ok, requireCHW } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'BatchNorm2d'> = {
  kind: 'BatchNorm2d',
  outputShape(l, [input]) {
    const bad = requireCHW('BatchNorm2d', input);
    if (bad) return bad;
    if (input.shape[0] !== l.num_features) {
      return fail('channels', `expects num_features=${l.num_features} channels, receives ${input.shape[0]} (from ${input.from}).`, `Set num_features=${input.shape[0]}.`, {
        message: `需要 num_features=${l.num_features} 个通道，收到的却是 ${input.shape[0]} 个（来自 ${fromZh(input)}）。`,
        fix: `设置 num_features=${input.shape[0]}。`,
      });
    }
    return ok(input.shape);
  },
  // γ and β are the learnable parameters; running mean/var are buffers.
  weights: (l) => (l.affine === false ? [] : [{ name: 'weight', shape: [l.num_features] }, { name: 'bias', shape: [l.num_features] }]),
  buffers: (l) =>
    l.track_running_stats === false
      ? []
      : [
          { name: 'running_mean', shape: [l.num_features] },
          { name: 'running_var', shape: [l.num_features] },
          { name: 'num_batches_tracked', shape: [] },
        ],
  macs(l, [input], _out, convention) {
    // torchinfo: output_size[0] × parameters; fvcore (eval): one op per element, two with affine.
    if (convention === 'torchinfo') return l.affine === false ? 0 : 2 * l.num_features;
    if (convention === 'fvcore') return input.reduce((a, b) => a * b, 1) * (l.affine === false ? 1 : 2);
    return 0;
  },
  macWords: { torchinfo: 'BatchNorm2d', fvcore: 'BatchNorm2d at inference (1 per element, 2 with affine)' },
  window: () => 'identity',
  label: (l) => `BatchNorm2d ${l.num_features}`,
  labelZh: (text) => text,
};
