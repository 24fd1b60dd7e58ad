/**
 * The mobile networks exactly as torchvision 0.14 builds them (weights=None),
 * with its module paths and class names: MobileNet v2 and v3 (small), MnasNet
 * 0.5 and EfficientNet-B0. All are built from inverted residuals: a 1×1
 * expansion, a depthwise k×k convolution, a linear 1×1 projection, and the
 * input added back when the shape allows.
 */
import { GraphBuilder, type ModuleDef, type Part, type Scope, type Tensor } from '../graph/builder.js';
import type { Graph, LayerConfig } from '../graph/types.js';
import { AdaptiveAvgPool2d, Add, BatchNorm2d, Conv2d, Dropout, Flatten, Hardsigmoid, Hardswish, Linear, Mean, Mul, ReLU, ReLU6, Sigmoid, SiLU, StochasticDepth } from '../kinds/constructors.js';
import type { ZooOptions } from './notes.js';

type In = readonly [number, number, number];
const IMAGENET: In = [3, 224, 224];

/** torchvision's `_make_divisible(v, 8)`: the nearest multiple of 8, never more than 10% below v. */
export function makeDivisible(v: number, divisor = 8): number {
  const rounded = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * v ? rounded + divisor : rounded;
}

interface BnOptions {
  eps?: number;
  momentum?: number;
}

/**
 * torchvision's `Conv2dNormActivation`: a bias-free convolution with padding
 * (k − 1)/2, BatchNorm, and the activation when there is one (Sequential
 * children 0, 1, 2).
 */
function convBnAct(inC: number, outC: number, kernel: number, opts: { stride?: number; groups?: number; act?: LayerConfig | null; bn?: BnOptions } = {}): ModuleDef {
  const conv = Conv2d(inC, outC, kernel, { ...(opts.stride && opts.stride > 1 ? { stride: opts.stride } : {}), padding: (kernel - 1) / 2, ...(opts.groups && opts.groups > 1 ? { groups: opts.groups } : {}), bias: false });
  const parts: Part[] = [conv, BatchNorm2d(outC, opts.bn ?? {})];
  if (opts.act) parts.push(opts.act);
  return { type: 'Conv2dNormActivation', build: (m, x) => m.chain(parts, x) };
}

/**
 * torchvision.ops `SqueezeExcitation`: global average pooling, fc1 (a 1×1
 * convolution down to `squeeze` channels), its activation, fc2 back up, the
 * gate (`scale_activation`), and `scale * input` as a function.
 */
function squeezeExcitation(channels: number, squeeze: number, activation: LayerConfig, gate: LayerConfig): ModuleDef {
  return {
    type: 'SqueezeExcitation',
    build(m, x) {
      let s = m.layer('avgpool', AdaptiveAvgPool2d(1), x);
      s = m.layer('fc1', Conv2d(channels, squeeze, 1), s);
      s = m.layer('activation', activation, s);
      s = m.layer('fc2', Conv2d(squeeze, channels, 1), s);
      s = m.layer('scale_activation', gate, s);
      return m.fn('mul', Mul(), [s, x]);
    },
  };
}

// ---------------------------------------------------------------- MobileNet v2

/** MobileNet v2's `InvertedResidual(inp, oup, stride, expand_ratio)`: `conv` is the Sequential; `x + conv(x)` when the shape stays. */
function invertedResidualV2(inp: number, oup: number, stride: number, expand: number): ModuleDef {
  const hidden = Math.round(inp * expand);
  const relu6 = () => ReLU6({ inplace: true });
  const parts: Part[] = [];
  if (expand !== 1) parts.push(convBnAct(inp, hidden, 1, { act: relu6() }));
  parts.push(convBnAct(hidden, hidden, 3, { stride, groups: hidden, act: relu6() }), Conv2d(hidden, oup, 1, { bias: false }), BatchNorm2d(oup));
  return {
    type: 'InvertedResidual',
    build(m, x) {
      const y = m.seq('conv', parts, x);
      return stride === 1 && inp === oup ? m.fn('add', Add(), [x, y]) : y;
    },
  };
}

export function tvMobilenetV2(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-mobilenet-v2', input, 'MobileNet v2 (torchvision)');
  // t (expansion), c (channels), n (blocks), s (stride of the first).
  const settings = [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2], [6, 96, 3, 1], [6, 160, 3, 2], [6, 320, 1, 1]];
  const relu6 = () => ReLU6({ inplace: true });
  const parts: Part[] = [convBnAct(input[0], 32, 3, { stride: 2, act: relu6() })];
  let c = 32;
  for (const [t, out, n, s] of settings) {
    for (let i = 0; i < n; i++) {
      parts.push(invertedResidualV2(c, out, i === 0 ? s : 1, t));
      c = out;
    }
  }
  parts.push(convBnAct(c, 1280, 1, { act: relu6() }));
  let x = net.seq('features', parts, net.input);
  // forward(): nn.functional.adaptive_avg_pool2d(x, (1, 1)), then torch.flatten(x, 1).
  x = net.fn('adaptive_avg_pool2d', AdaptiveAvgPool2d([1, 1]), x);
  x = net.fn('flatten', Flatten(), x);
  return net.build(net.seq('classifier', [Dropout(0.2), Linear(1280, o.classes ?? 1000)], x));
}

// ---------------------------------------------------------------- MnasNet

/** MnasNet's BatchNorm momentum: `1 - 0.9997`, as torchvision computes it. */
const MNAS_BN = { momentum: 1 - 0.9997 };

/** MnasNet's `_InvertedResidual`: `layers` is a plain Sequential of eight modules; `layers(x) + x` when the shape stays. */
function mnasInvertedResidual(inC: number, outC: number, kernel: number, stride: number, expand: number): ModuleDef {
  const mid = inC * expand;
  const parts: Part[] = [
    Conv2d(inC, mid, 1, { bias: false }), BatchNorm2d(mid, MNAS_BN), ReLU({ inplace: true }),
    Conv2d(mid, mid, kernel, { padding: Math.floor(kernel / 2), ...(stride > 1 ? { stride } : {}), groups: mid, bias: false }), BatchNorm2d(mid, MNAS_BN), ReLU({ inplace: true }),
    Conv2d(mid, outC, 1, { bias: false }), BatchNorm2d(outC, MNAS_BN),
  ];
  return {
    type: '_InvertedResidual',
    build(m, x) {
      const y = m.seq('layers', parts, x);
      return inC === outC && stride === 1 ? m.fn('add', Add(), [y, x]) : y;
    },
  };
}

/** torchvision's `_stack`: a first block that may change the shape, then repeats at stride 1 (a Sequential). */
function mnasStack(inC: number, outC: number, kernel: number, stride: number, expand: number, repeats: number): ModuleDef {
  const blocks = [mnasInvertedResidual(inC, outC, kernel, stride, expand)];
  for (let i = 1; i < repeats; i++) blocks.push(mnasInvertedResidual(outC, outC, kernel, 1, expand));
  return { type: 'Sequential', build: (m, x) => m.chain(blocks, x) };
}

/** torchvision's `_round_to_multiple_of(val, 8)`: rounds up unless that is more than 10% above. */
function roundToMultipleOf(val: number, divisor: number, bias = 0.9): number {
  const v = Math.max(divisor, Math.floor((val + divisor / 2) / divisor) * divisor);
  return v >= bias * val ? v : v + divisor;
}

export function tvMnasnet05(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-mnasnet0-5', input, 'MnasNet 0.5 (torchvision)');
  const alpha = 0.5;
  const d = [32, 16, 24, 40, 80, 96, 192, 320].map((x) => roundToMultipleOf(x * alpha, 8));
  const relu = () => ReLU({ inplace: true });
  const x = net.seq(
    'layers',
    [
      Conv2d(input[0], d[0], 3, { padding: 1, stride: 2, bias: false }), BatchNorm2d(d[0], MNAS_BN), relu(),
      // Depthwise separable, no skip.
      Conv2d(d[0], d[0], 3, { padding: 1, groups: d[0], bias: false }), BatchNorm2d(d[0], MNAS_BN), relu(),
      Conv2d(d[0], d[1], 1, { bias: false }), BatchNorm2d(d[1], MNAS_BN),
      mnasStack(d[1], d[2], 3, 2, 3, 3),
      mnasStack(d[2], d[3], 5, 2, 3, 3),
      mnasStack(d[3], d[4], 5, 2, 6, 3),
      mnasStack(d[4], d[5], 3, 1, 6, 2),
      mnasStack(d[5], d[6], 5, 2, 6, 4),
      mnasStack(d[6], d[7], 3, 1, 6, 1),
      Conv2d(d[7], 1280, 1, { bias: false }), BatchNorm2d(1280, MNAS_BN), relu(),
    ],
    net.input,
  );
  // forward(): x.mean([2, 3]), global average pooling that drops H and W.
  const pooled = net.fn('mean', Mean([2, 3]), x);
  return net.build(net.seq('classifier', [Dropout(0.2), Linear(1280, o.classes ?? 1000)], pooled));
}

// ---------------------------------------------------------------- MobileNet v3

/** MobileNet v3's BatchNorm: eps 0.001, momentum 0.01. */
const V3_BN: BnOptions = { eps: 0.001, momentum: 0.01 };

/** MobileNet v3's `InvertedResidual`: `block` holds expand (unless 1×), depthwise, SE (Hardsigmoid gate), project; `result += input` when the shape stays. */
function invertedResidualV3(inC: number, kernel: number, expanded: number, outC: number, se: boolean, hs: boolean, stride: number): ModuleDef {
  const act = () => (hs ? Hardswish({ inplace: true }) : ReLU({ inplace: true }));
  const parts: Part[] = [];
  if (expanded !== inC) parts.push(convBnAct(inC, expanded, 1, { act: act(), bn: V3_BN }));
  parts.push(convBnAct(expanded, expanded, kernel, { stride, groups: expanded, act: act(), bn: V3_BN }));
  if (se) parts.push(squeezeExcitation(expanded, makeDivisible(expanded / 4), ReLU(), Hardsigmoid()));
  parts.push(convBnAct(expanded, outC, 1, { bn: V3_BN }));
  return {
    type: 'InvertedResidual',
    build(m, x) {
      const y = m.seq('block', parts, x);
      return stride === 1 && inC === outC ? m.fn('add', Add(), [y, x]) : y;
    },
  };
}

export function tvMobilenetV3Small(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-mobilenet-v3-small', input, 'MobileNet v3 small (torchvision)');
  // input, kernel, expanded, out, SE, activation (HS: Hardswish, RE: ReLU), stride.
  const settings: [number, number, number, number, boolean, 'RE' | 'HS', number][] = [
    [16, 3, 16, 16, true, 'RE', 2],
    [16, 3, 72, 24, false, 'RE', 2],
    [24, 3, 88, 24, false, 'RE', 1],
    [24, 5, 96, 40, true, 'HS', 2],
    [40, 5, 240, 40, true, 'HS', 1],
    [40, 5, 240, 40, true, 'HS', 1],
    [40, 5, 120, 48, true, 'HS', 1],
    [48, 5, 144, 48, true, 'HS', 1],
    [48, 5, 288, 96, true, 'HS', 2],
    [96, 5, 576, 96, true, 'HS', 1],
    [96, 5, 576, 96, true, 'HS', 1],
  ];
  const parts: Part[] = [convBnAct(input[0], 16, 3, { stride: 2, act: Hardswish({ inplace: true }), bn: V3_BN })];
  for (const [i, k, e, out, se, a, s] of settings) parts.push(invertedResidualV3(i, k, e, out, se, a === 'HS', s));
  parts.push(convBnAct(96, 576, 1, { act: Hardswish({ inplace: true }), bn: V3_BN }));
  let x = net.seq('features', parts, net.input);
  x = net.layer('avgpool', AdaptiveAvgPool2d(1), x);
  x = net.fn('flatten', Flatten(), x);
  return net.build(net.seq('classifier', [Linear(576, 1024), Hardswish({ inplace: true }), Dropout(0.2), Linear(1024, o.classes ?? 1000)], x));
}

// ---------------------------------------------------------------- EfficientNet

/** EfficientNet's `MBConv`: `block` (expand unless 1×, depthwise, SE with a Sigmoid gate, project), then drop-path and `result += input` when the shape stays. */
function mbConv(inC: number, outC: number, expandRatio: number, kernel: number, stride: number, sdProb: number): ModuleDef {
  const expanded = makeDivisible(inC * expandRatio);
  const silu = () => SiLU({ inplace: true });
  const parts: Part[] = [];
  if (expanded !== inC) parts.push(convBnAct(inC, expanded, 1, { act: silu() }));
  parts.push(convBnAct(expanded, expanded, kernel, { stride, groups: expanded, act: silu() }));
  parts.push(squeezeExcitation(expanded, Math.max(1, Math.floor(inC / 4)), silu(), Sigmoid()));
  parts.push(convBnAct(expanded, outC, 1));
  return {
    type: 'MBConv',
    build(m: Scope, x: Tensor) {
      const y = m.seq('block', parts, x);
      if (!(stride === 1 && inC === outC)) return y;
      // The module exists in every block, but forward() calls it only on the residual path.
      const dropped = m.layer('stochastic_depth', StochasticDepth(sdProb, 'row'), y);
      return m.fn('add', Add(), [dropped, x]);
    },
  };
}

export function tvEfficientnetB0(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-efficientnet-b0', input, 'EfficientNet-B0 (torchvision)');
  // expand ratio, kernel, stride, in, out, layers (width and depth multipliers 1.0 for B0).
  const settings = [[1, 3, 1, 32, 16, 1], [6, 3, 2, 16, 24, 2], [6, 5, 2, 24, 40, 2], [6, 3, 2, 40, 80, 3], [6, 5, 1, 80, 112, 3], [6, 5, 2, 112, 192, 4], [6, 3, 1, 192, 320, 1]];
  const stochasticDepthProb = 0.2;
  const total = settings.reduce((a, s) => a + s[5], 0);
  const parts: Part[] = [convBnAct(input[0], 32, 3, { stride: 2, act: SiLU({ inplace: true }) })];
  let blockId = 0;
  for (const [t, k, s, inC, outC, n] of settings) {
    const stage: ModuleDef[] = [];
    for (let i = 0; i < n; i++) {
      // torchvision: the drop probability grows linearly with the block's index over the whole network.
      const sdProb = (stochasticDepthProb * blockId) / total;
      stage.push(mbConv(i === 0 ? inC : outC, outC, t, k, i === 0 ? s : 1, sdProb));
      blockId++;
    }
    // The paper's stages (Tan & Le 2019, table 1): the stem is stage 1, these are 2 to 8.
    const number = parts.length + 1;
    parts.push({ type: 'Sequential', title: `stage ${number}`, titleZh: `阶段 ${number}`, build: (m, x) => m.chain(stage, x) });
  }
  parts.push(convBnAct(320, 1280, 1, { act: SiLU({ inplace: true }) }));
  let x = net.seq('features', parts, net.input);
  x = net.layer('avgpool', AdaptiveAvgPool2d(1), x);
  x = net.fn('flatten', Flatten(), x);
  return net.build(net.seq('classifier', [Dropout(0.2), Linear(1280, o.classes ?? 1000)], x));
}
