import { dims, dimsZh, fail, fromZh, ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';
import type { Layer } from '../../graph/types.js';

export const normalizedShape = (l: Layer<'LayerNorm'>): readonly number[] => (typeof l.normalized_shape === 'number' ? [l.normalized_shape] : l.normalized_shape);
const product = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

export const analysis: KindAnalysis<'LayerNorm'> = {
  kind: 'LayerNorm',
  outputShape(l, [input]) {
    const ns = normalizedShape(l);
    const shape = input.shape;
    const tail = shape.slice(Math.max(0, shape.length - ns.length));
    if (ns.length > shape.length || ns.some((x, i) => x !== tail[i])) {
      // PyTorch: the input must end with normalized_shape ([*, 10]).
      const last = shape[shape.length - 1];
      const choices = shape.map((_, i) => shape.slice(i)).reverse().map((s) => (s.length === 1 ? `${s[0]}` : `[${s.join(', ')}]`));
      return fail(
        'normalized-shape',
        `normalized_shape=[${ns.join(', ')}] must be the last ${ns.length === 1 ? 'dimension' : `${ns.length} dimensions`} of its input, which is ${dims(shape)} (from ${input.from})${ns.length <= shape.length ? `, ending in ${dims(tail)}` : ''}.`,
        `Set normalized_shape=${last === undefined ? '…' : choices.join(' or ')}${shape.length === 3 ? ' (LayerNorm2d normalises a C×H×W map over its channels)' : ''}.`,
        {
          message: `normalized_shape=[${ns.join(', ')}] 必须是输入最后的 ${ns.length} 维，而输入是 ${dimsZh(shape)}（来自 ${fromZh(input)}）${ns.length <= shape.length ? `，最后几维是 ${dimsZh(tail)}` : ''}。`,
          fix: `设置 normalized_shape=${choices.join(' 或 ')}${shape.length === 3 ? '（要在 C×H×W 特征图的通道上归一化，用 LayerNorm2d）' : ''}。`,
        },
      );
    }
    return ok(shape);
  },
  // γ and β have normalized_shape each (PyTorch 1.13 has no bias=False).
  weights: (l) => (l.elementwise_affine === false ? [] : [{ name: 'weight', shape: normalizedShape(l) }, { name: 'bias', shape: normalizedShape(l) }]),
  buffers: () => [],
  macs(l, [input], _out, convention) {
    // torchinfo: output_size[0] × parameters; fvcore: aten::layer_norm, 5 per element with affine, 4 without.
    if (convention === 'torchinfo') return l.elementwise_affine === false ? 0 : 2 * product(normalizedShape(l));
    if (convention === 'fvcore') return product(input) * (l.elementwise_affine === false ? 4 : 5);
    return 0;
  },
  macWords: { torchinfo: 'LayerNorm', fvcore: 'LayerNorm (5 per element with affine, 4 without)' },
  window: () => 'identity',
  label: (l) => `LayerNorm ${normalizedShape(l).join('×')}`,
  labelZh: (text) => text,
};
