import type { Layer } from '../../graph/types.js';
import { convOutputSize, pair, samePadding } from '../../analysis/arith.js';
import { dims, fail, fromZh, kernelText, ok, pairText, requireCHW, sameWindow, windowFits, windowFormula } from '../common.js';
import type { AxisWindow, KindAnalysis } from '../spec.js';

type Conv = Layer<'Conv2d'>;

type ConvWindows = [[AxisWindow, number], [AxisWindow, number]];

/** Per-axis window including the padding PyTorch applies on each side. */
function computeConvWindows(l: Conv): ConvWindows {
  const k = pair(l.kernel_size);
  const s = pair(l.stride ?? 1);
  const d = pair(l.dilation ?? 1);
  const axis = (i: 0 | 1): [AxisWindow, number] => {
    let before: number;
    let after: number;
    if (l.padding === 'same') [before, after] = samePadding(k[i], d[i]);
    else if (l.padding === 'valid' || l.padding === undefined) [before, after] = [0, 0];
    else before = after = pair(l.padding)[i];
    return [{ kernel: k[i], stride: s[i], padBefore: before, dilation: d[i] }, after];
  };
  return [axis(0), axis(1)];
}

// Analysis asks for the same layer's windows four times in a row (shape,
// window, label, formula); layers are immutable values, so remember the last.
let lastLayer: Conv | null = null;
let lastWindows: ConvWindows | null = null;

/** Per-axis window including the padding PyTorch applies on each side (treat as read-only). */
export function convWindows(l: Conv): ConvWindows {
  if (l !== lastLayer || !lastWindows) {
    lastWindows = computeConvWindows(l);
    lastLayer = l;
  }
  return lastWindows;
}

export const analysis: KindAnalysis<'Conv2d'> = {
  kind: 'Conv2d',
  outputShape(l, [input]) {
    const bad = requireCHW('Conv2d', input);
    if (bad) return bad;
    const [c, h, w] = input.shape;
    const groups = l.groups ?? 1;
    if (c !== l.in_channels) {
      return fail(
        'channels',
        `expects ${l.in_channels} input channels, receives ${c} (from ${input.from}).`,
        `Set in_channels=${c}, or check the layer before it.`,
        { message: `需要 ${l.in_channels} 个输入通道，收到的却是 ${c} 个（来自 ${fromZh(input)}）。`, fix: `设置 in_channels=${c}，或者检查它前面的那一层。` },
      );
    }
    if (l.in_channels % groups !== 0 || l.out_channels % groups !== 0) {
      return fail(
        'groups',
        `groups=${groups} must divide both in_channels=${l.in_channels} and out_channels=${l.out_channels}.`,
        `Choose groups among the common divisors of ${l.in_channels} and ${l.out_channels}.`,
        { message: `groups=${groups} 必须同时整除 in_channels=${l.in_channels} 和 out_channels=${l.out_channels}。`, fix: `groups 应取 ${l.in_channels} 和 ${l.out_channels} 的公约数。` },
      );
    }
    if (l.padding === 'same' && pair(l.stride ?? 1).some((s) => s !== 1)) {
      const stride = pairText(pair(l.stride ?? 1));
      return fail('same-stride', `padding='same' is not supported for strided convolutions (stride=${stride}) in PyTorch.`, 'Use stride=1, or give the padding as a number.', {
        message: `PyTorch 的卷积在步幅不为 1 时（这里 stride=${stride}）不支持 padding='same'。`,
        fix: '改用 stride=1，或者把 padding 写成具体的数。',
      });
    }
    const [[wh, ah], [ww, aw]] = convWindows(l);
    for (const [axis, size, win, after] of [['height', h, wh, ah], ['width', w, ww, aw]] as const) {
      const issue = windowFits('Conv2d', axis, size, win, after);
      if (issue) {
        const message = `${issue.message} Input ${dims(input.shape)} from ${input.from}.`;
        return { ok: false, error: { ...issue, message, zh: { ...issue.zh, message: `${issue.zh.message}输入为 ${dims(input.shape)}，来自 ${fromZh(input)}。` } } };
      }
    }
    const oh = convOutputSize(h, wh.kernel, wh.stride, wh.padBefore, wh.dilation, ah);
    const ow = convOutputSize(w, ww.kernel, ww.stride, ww.padBefore, ww.dilation, aw);
    return ok([l.out_channels, oh, ow]);
  },
  weights(l) {
    const [kh, kw] = pair(l.kernel_size);
    const w = [{ name: 'weight', shape: [l.out_channels, l.in_channels / (l.groups ?? 1), kh, kw] }];
    return l.bias === false ? w : [...w, { name: 'bias', shape: [l.out_channels] }];
  },
  buffers: () => [],
  macs(l, _inputs, out, convention) {
    const [kh, kw] = pair(l.kernel_size);
    const positions = out[1] * out[2];
    const perOutput = (l.in_channels / (l.groups ?? 1)) * kh * kw;
    // torchinfo multiplies every parameter (bias included) by the output positions.
    if (convention === 'torchinfo') return (l.out_channels * perOutput + (l.bias === false ? 0 : l.out_channels)) * positions;
    return l.out_channels * positions * perOutput;
  },
  window(l) {
    const [[h], [w]] = convWindows(l);
    return [h, w];
  },
  label(l) {
    const [[h, ah], [w, aw]] = convWindows(l);
    const s = pairText([h.stride, w.stride]);
    const p = l.padding === 'same' ? 'same' : h.padBefore === ah && w.padBefore === aw ? pairText([h.padBefore, w.padBefore]) : `${h.padBefore}+${ah}`;
    const extras = [l.groups && l.groups > 1 ? `g${l.groups}` : '', h.dilation > 1 || w.dilation > 1 ? `d${pairText([h.dilation, w.dilation])}` : ''].filter(Boolean);
    return `Conv2d ${kernelText(l.kernel_size)} · ${l.out_channels} · s${s} p${p}${extras.length ? ' ' + extras.join(' ') : ''}`;
  },
  labelZh: (text) => text,
  motif: (l) => ({ op: 'conv', kernel: pair(l.kernel_size), stride: pair(l.stride ?? 1), dilation: pair(l.dilation ?? 1), inChannels: l.in_channels, outChannels: l.out_channels, groups: l.groups ?? 1, transposed: false }),
  formula(l, input, output) {
    const [[h, ah], [w, aw]] = convWindows(l);
    if (input[1] === input[2] && output[1] === output[2] && ah === aw && sameWindow(h, w)) return [windowFormula('H, W', input[1], h, ah, output[1])];
    return [windowFormula('H', input[1], h, ah, output[1]), windowFormula('W', input[2], w, aw, output[2])];
  },
};
