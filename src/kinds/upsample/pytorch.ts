/** Upsample in PyTorch: `nn.Upsample(scale_factor=2.0, mode='bilinear')`, or `F.interpolate(x, ...)` as a function. */
import { callText, kw, pyFloat, type KindPytorch, type PyValue, INPUT_PARAM, type PyParam } from '../pytorch-spec.js';
import type { Layer } from '../../graph/types.js';

// scale_factor is a float in PyTorch; a pair of them is a tuple.
const floats = (v: PyValue) => (Array.isArray(v) ? `(${v.map((x) => pyFloat(x as number)).join(', ')})` : pyFloat(v as number));
const args = (l: Layer<'Upsample'>) => [kw('size', l.size, null), kw('scale_factor', l.scale_factor, null, floats), kw('mode', l.mode, 'nearest'), kw('align_corners', l.align_corners, null), kw('recompute_scale_factor', l.recompute_scale_factor, null)];

const PARAMS: readonly PyParam[] = [{ name: 'size', default: null, int: true }, { name: 'scale_factor', default: null }, { name: 'mode', default: 'nearest' }, { name: 'align_corners', default: null }, { name: 'recompute_scale_factor', default: null }];

export const pytorch: KindPytorch<'Upsample'> = {
  kind: 'Upsample',
  module: (l) => callText('nn.Upsample', ...args(l)),
  call: (l, [x]) => callText('F.interpolate', x, ...args(l)),
  reads: {
    module: { names: ['torch.nn.Upsample'], params: PARAMS },
    calls: [{ names: ['torch.nn.functional.interpolate'], params: [INPUT_PARAM, ...PARAMS, { name: 'antialias', default: false, fixed: true }] }],
  },
};
