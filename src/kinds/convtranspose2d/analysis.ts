import type { Layer } from '../../graph/types.js';
import { effectiveKernel, pair, transposedConvOutputSize, type Pair } from '../../analysis/arith.js';
import { dims, dimsZh, fail, fromZh, kernelText, ok, pairText, requireCHW } from '../common.js';
import type { AxisWindow, KindAnalysis } from '../spec.js';

type ConvT = Layer<'ConvTranspose2d'>;

/** PyTorch's arguments with their defaults, per axis. */
export function convTArgs(l: ConvT): { kernel: Pair; stride: Pair; padding: Pair; outputPadding: Pair; dilation: Pair; groups: number } {
  return {
    kernel: pair(l.kernel_size),
    stride: pair(l.stride ?? 1),
    padding: pair(l.padding ?? 0),
    outputPadding: pair(l.output_padding ?? 0),
    dilation: pair(l.dilation ?? 1),
    groups: l.groups ?? 1,
  };
}

const AXES = ['height', 'width'] as const;
const AXES_ZH = { height: '高', width: '宽' } as const;

/** `H: (5−1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 10`. */
function axisFormula(axis: 'H' | 'W' | 'H, W', input: number, k: number, s: number, p: number, d: number, op: number, out: number): string {
  return `${axis}: (${input}−1)·${s} − 2·${p} + ${d}·(${k}−1) + ${op} + 1 = ${out}`;
}

export const analysis: KindAnalysis<'ConvTranspose2d'> = {
  kind: 'ConvTranspose2d',
  outputShape(l, [input]) {
    const bad = requireCHW('ConvTranspose2d', input);
    if (bad) return bad;
    const [c, h, w] = input.shape;
    const a = convTArgs(l);
    // PyTorch checks these when the module is built, before it sees an input.
    if (l.in_channels % a.groups !== 0 || l.out_channels % a.groups !== 0) {
      return fail(
        'groups',
        `groups=${a.groups} must divide both in_channels=${l.in_channels} and out_channels=${l.out_channels}.`,
        `Choose groups among the common divisors of ${l.in_channels} and ${l.out_channels}.`,
        { message: `groups=${a.groups} 必须同时整除 in_channels=${l.in_channels} 和 out_channels=${l.out_channels}。`, fix: `groups 应取 ${l.in_channels} 和 ${l.out_channels} 的公约数。` },
      );
    }
    if (c !== l.in_channels) {
      return fail(
        'channels',
        `expects ${l.in_channels} input channels, receives ${c} (from ${input.from}).`,
        `Set in_channels=${c}, or check the layer before it.`,
        { message: `需要 ${l.in_channels} 个输入通道，收到的却是 ${c} 个（来自 ${fromZh(input)}）。`, fix: `设置 in_channels=${c}，或者检查它前面的那一层。` },
      );
    }
    // ATen's slow_conv_transpose2d_shape_check: on each axis output_padding < stride or < dilation.
    for (const i of [0, 1] as const) {
      const op = a.outputPadding[i];
      const limit = Math.max(a.stride[i], a.dilation[i]);
      if (op >= limit) {
        const axis = AXES[i];
        return fail(
          'output-padding',
          `output_padding=${op} along ${axis} must be smaller than the stride (${a.stride[i]}) or the dilation (${a.dilation[i]}); ${limit === 1 ? 'with both 1 there is only one output size to choose from.' : `it only chooses among the ${limit} output sizes that a Conv2d with the same arguments maps back to this input size.`}`,
          limit === 1 ? 'Remove output_padding (it needs a stride above 1), or set stride=2.' : `Use output_padding below ${limit}.`,
          {
            message: `${AXES_ZH[axis]}方向上的 output_padding=${op} 必须小于步幅（${a.stride[i]}）或空洞（${a.dilation[i]}）；${limit === 1 ? '两者都是 1 时只有一种输出尺寸可选。' : `它只是在 ${limit} 种输出尺寸中选一种，同样参数的 Conv2d 都会把它们变回这个输入尺寸。`}`,
            fix: limit === 1 ? '去掉 output_padding（它需要大于 1 的步幅），或者设置 stride=2。' : `把 output_padding 改为小于 ${limit} 的数。`,
          },
        );
      }
    }
    const out = [h, w].map((n, i) => transposedConvOutputSize(n, a.kernel[i], a.stride[i], a.padding[i], a.dilation[i], a.outputPadding[i]));
    for (const i of [0, 1] as const) {
      if (out[i] >= 1) continue;
      const n = i === 0 ? h : w;
      const formula = axisFormula(i === 0 ? 'H' : 'W', n, a.kernel[i], a.stride[i], a.padding[i], a.dilation[i], a.outputPadding[i], out[i]);
      // The largest padding that leaves one output row: 2P ≤ (H−1)·S + D(K−1) + output_padding.
      const maxPad = Math.floor(((n - 1) * a.stride[i] + effectiveKernel(a.kernel[i], a.dilation[i]) - 1 + a.outputPadding[i]) / 2);
      const axis = AXES[i];
      return fail(
        'output-size',
        `output ${axis} would be ${out[i]}: padding=${a.padding[i]} crops more than the ${n}-pixel input spreads to. Input ${dims(input.shape)} from ${input.from}.`,
        `Use padding of at most ${maxPad} along ${axis}, a larger kernel or stride, or feed a larger input.`,
        {
          message: `输出的${AXES_ZH[axis]}会是 ${out[i]}：padding=${a.padding[i]} 裁掉的比 ${n} 个像素的输入展开后的还多。输入为 ${dimsZh(input.shape)}，来自 ${fromZh(input)}。`,
          fix: `把${AXES_ZH[axis]}方向的 padding 减到不超过 ${maxPad}，加大卷积核或步幅，或者输入更大的图像。`,
        },
        formula,
      );
    }
    return ok([l.out_channels, out[0], out[1]]);
  },
  weights(l) {
    const [kh, kw] = pair(l.kernel_size);
    // PyTorch stores a transposed convolution's weight input channels first: [in, out/groups, kh, kw].
    const w = [{ name: 'weight', shape: [l.in_channels, l.out_channels / (l.groups ?? 1), kh, kw] }];
    return l.bias === false ? w : [...w, { name: 'bias', shape: [l.out_channels] }];
  },
  buffers: () => [],
  macs(l, [input], out, convention) {
    const [kh, kw] = pair(l.kernel_size);
    const weights = l.in_channels * (l.out_channels / (l.groups ?? 1)) * kh * kw;
    // torchinfo: every parameter (bias included) times the output positions, as for any convolution.
    if (convention === 'torchinfo') return (weights + (l.bias === false ? 0 : l.out_channels)) * out[1] * out[2];
    // Every input pixel meets every weight once (FlopCounterMode's and fvcore's transposed rule):
    // H_in·W_in·C_in·(C_out/groups)·kh·kw, whatever the padding crops afterwards.
    return input[1] * input[2] * weights;
  },
  window(l) {
    // Neighbouring outputs are 1/S input pixels apart, and one output reads at most ⌊D(K−1)/S⌋+1 input pixels per axis.
    const a = convTArgs(l);
    const axis = (i: 0 | 1): AxisWindow => ({ kernel: Math.floor((a.dilation[i] * (a.kernel[i] - 1)) / a.stride[i]) + 1, stride: 1 / a.stride[i], padBefore: 0, dilation: 1 });
    return [axis(0), axis(1)];
  },
  label(l) {
    const a = convTArgs(l);
    const extras = [
      a.outputPadding.some((x) => x > 0) ? `op${pairText(a.outputPadding)}` : '',
      a.groups > 1 ? `g${a.groups}` : '',
      a.dilation.some((x) => x > 1) ? `d${pairText(a.dilation)}` : '',
    ].filter(Boolean);
    return `ConvTranspose2d ${kernelText(l.kernel_size)} · ${l.out_channels} · s${pairText(a.stride)} p${pairText(a.padding)}${extras.length ? ' ' + extras.join(' ') : ''}`;
  },
  labelZh: (text) => text,
  motif(l) {
    const a = convTArgs(l);
    return { op: 'conv', kernel: a.kernel, stride: a.stride, dilation: a.dilation, inChannels: l.in_channels, outChannels: l.out_channels, groups: a.groups, transposed: true };
  },
  formula(l, input, output) {
    const a = convTArgs(l);
    const line = (axis: 'H' | 'W' | 'H, W', i: 0 | 1) => axisFormula(axis, input[i + 1], a.kernel[i], a.stride[i], a.padding[i], a.dilation[i], a.outputPadding[i], output[i + 1]);
    const same = input[1] === input[2] && [a.kernel, a.stride, a.padding, a.dilation, a.outputPadding].every((p) => p[0] === p[1]);
    return same ? [line('H, W', 0)] : [line('H', 0), line('W', 1)];
  },
};
