/**
 * Upsample from ONNX's Resize (opset 11 on) with constant scales [1, 1, sh, sw]
 * or sizes [n, c, h, w]: nearest, linear (bilinear) or cubic (bicubic).
 */
import { refuse, unsupportedAttribute, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Upsample'> = {
  kind: 'Upsample',
  ops: {
    Resize(node) {
      const mode = node.string('mode') ?? 'nearest';
      const modes: Record<string, 'nearest' | 'bilinear' | 'bicubic'> = { nearest: 'nearest', linear: 'bilinear', cubic: 'bicubic' };
      if (!modes[mode]) return unsupportedAttribute(node, 'mode', mode, 'Use nearest, bilinear or bicubic upsampling.', '请使用 nearest、bilinear 或 bicubic 上采样。');
      const ctm = node.string('coordinate_transformation_mode') ?? 'half_pixel';
      const scales = node.inputs[2] ? node.constant(2) : undefined;
      const sizes = node.inputs[3] ? node.constant(3) : undefined;
      const spatial = (v: readonly (number | 'batch')[] | undefined) => (v && v.length === 4 && v.slice(2).every((x) => typeof x === 'number') ? (v.slice(2) as number[]) : undefined);
      const s = spatial(scales?.length ? scales : undefined);
      const z = spatial(sizes);
      if (!s && !z) {
        return refuse('its scales or sizes are not constants over N×C×H×W.', 'Upsample with a fixed scale_factor or size (nn.Upsample(scale_factor=2)).', {
          message: '它的 scales 或 sizes 不是 N×C×H×W 上的常量。',
          fix: '请用固定的 scale_factor 或 size 上采样（nn.Upsample(scale_factor=2)）。',
        });
      }
      const m = modes[mode];
      const round = (x: number) => Number(x.toPrecision(7));
      return {
        config: {
          kind: 'Upsample',
          ...(s ? { scale_factor: s[0] === s[1] ? round(s[0]) : [round(s[0]), round(s[1])] } : { size: (z as number[])[0] === (z as number[])[1] ? (z as number[])[0] : [(z as number[])[0], (z as number[])[1]] }),
          ...(m !== 'nearest' ? { mode: m } : {}),
          ...(m !== 'nearest' && ctm === 'align_corners' ? { align_corners: true } : {}),
        },
        data: [0],
      };
    },
  },
};
