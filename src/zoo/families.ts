/**
 * torchvision families built from the kinds the notes already use (convolution, BatchNorm,
 * pooling, ReLU, concatenation, addition): DenseNet, Inception-v3, SqueezeNet and RegNet,
 * exactly as torchvision 0.14 builds them with `weights=None`, with torchvision's module
 * paths and class names, so that a path reads against `print(model)`. The ResNet variants
 * (ResNeXt, Wide ResNet) and VGG-19-BN live with their base classes in torchvision.ts.
 */
import { GraphBuilder, type ModuleDef, type Scope, type Tensor } from '../graph/builder.js';
import { AdaptiveAvgPool2d, Add, AvgPool2d, BatchNorm2d, Concat, Conv2d, Dropout, Flatten, Linear, MaxPool2d, ReLU } from '../kinds/constructors.js';
import type { Graph } from '../graph/types.js';
import { basicConvBn } from './blocks.js';
import type { ZooOptions } from './notes.js';

type In = readonly [number, number, number];
const IMAGENET: In = [3, 224, 224];
const relu = () => ReLU({ inplace: true });

// ---------------------------------------------------------------------------
// DenseNet (torchvision/models/densenet.py)

/**
 * `_DenseLayer`, whose forward takes the list of every earlier feature map of its block:
 * `torch.cat` of them, then BN–ReLU–1×1 conv to bn_size·k channels, BN–ReLU–3×3 conv to k
 * (the growth rate). The first layer of a block gets one tensor; `torch.cat([x], 1)` is x
 * itself, so it has no Concat.
 */
function denseLayer(m: Scope, features: readonly Tensor[], inC: number, growth: number, bnSize: number): Tensor {
  const x = features.length > 1 ? m.fn('cat', Concat(), features) : features[0]!;
  let y = m.layer('norm1', BatchNorm2d(inC), x);
  y = m.layer('relu1', relu(), y);
  y = m.layer('conv1', Conv2d(inC, bnSize * growth, 1, { bias: false }), y);
  y = m.layer('norm2', BatchNorm2d(bnSize * growth), y);
  y = m.layer('relu2', relu(), y);
  return m.layer('conv2', Conv2d(bnSize * growth, growth, 3, { padding: 1, bias: false }), y);
}

/** `_DenseBlock`: layer i reads the block input and the outputs of layers 1…i−1; the block returns all of them concatenated. */
function denseBlock(layers: number, inC: number, growth: number, bnSize: number): ModuleDef {
  return {
    type: '_DenseBlock',
    build(m, x) {
      const features = [x];
      for (let i = 0; i < layers; i++) {
        features.push(m.module(`denselayer${i + 1}`, '_DenseLayer', (l) => denseLayer(l, features, inC + i * growth, growth, bnSize)));
      }
      return m.fn('cat', Concat(), features);
    },
  };
}

/** `_Transition`: BN–ReLU–1×1 conv halving the channels, then a 2×2 average pool halving the size. */
function transition(inC: number, outC: number): ModuleDef {
  return {
    type: '_Transition',
    build: (m, x) => {
      let y = m.layer('norm', BatchNorm2d(inC), x);
      y = m.layer('relu', relu(), y);
      y = m.layer('conv', Conv2d(inC, outC, 1, { bias: false }), y);
      return m.layer('pool', AvgPool2d(2, 2), y);
    },
  };
}

function tvDensenet(name: string, title: string, growth: number, blockConfig: readonly number[], initFeatures: number, o: ZooOptions): Graph {
  const input = o.input ?? IMAGENET;
  const bnSize = 4;
  const net = new GraphBuilder(name, input, title);
  let c = initFeatures;
  const features = net.module('features', 'Sequential', (m) => {
    let x = m.layer('conv0', Conv2d(input[0], initFeatures, 7, { stride: 2, padding: 3, bias: false }), net.input);
    x = m.layer('norm0', BatchNorm2d(initFeatures), x);
    x = m.layer('relu0', relu(), x);
    x = m.layer('pool0', MaxPool2d(3, { stride: 2, padding: 1 }), x);
    blockConfig.forEach((layers, i) => {
      x = m.call(`denseblock${i + 1}`, denseBlock(layers, c, growth, bnSize), x);
      c += layers * growth;
      if (i < blockConfig.length - 1) {
        x = m.call(`transition${i + 1}`, transition(c, Math.floor(c / 2)), x);
        c = Math.floor(c / 2);
      }
    });
    return m.layer('norm5', BatchNorm2d(c), x);
  });
  // DenseNet.forward: F.relu, F.adaptive_avg_pool2d(…, (1, 1)), torch.flatten, classifier.
  let x = net.fn('relu', relu(), features);
  x = net.fn('adaptive_avg_pool2d', AdaptiveAvgPool2d([1, 1]), x);
  x = net.fn('flatten', Flatten(), x);
  return net.build(net.layer('classifier', Linear(c, o.classes ?? 1000), x));
}

export const tvDensenet121 = (o: ZooOptions = {}): Graph => tvDensenet('torchvision-densenet121', 'DenseNet-121 (torchvision)', 32, [6, 12, 24, 16], 64, o);

// ---------------------------------------------------------------------------
// Inception-v3 (torchvision/models/inception.py). Every convolution is a BasicConv2d
// (bias-free conv, BatchNorm eps 0.001, F.relu); the pools inside the blocks are F.avg_pool2d
// and F.max_pool2d, and each block ends in torch.cat of its branches.

const bc = basicConvBn;

/** Apply named BasicConv2d modules one after another (`branch3x3dbl_1`, `_2`, `_3`). */
function convs(m: Scope, x: Tensor, parts: readonly [string, ModuleDef][]): Tensor {
  return parts.reduce((t, [name, part]) => m.call(name, part, t), x);
}

/** F.avg_pool2d(x, 3, stride 1, padding 1): the pooling branch of blocks A, C and E. */
const avgPool3 = (m: Scope, x: Tensor) => m.fn('avg_pool2d', AvgPool2d(3, { stride: 1, padding: 1 }), x);

function inceptionA(inC: number, poolFeatures: number): ModuleDef {
  return {
    type: 'InceptionA',
    build(m, x) {
      const b1 = m.call('branch1x1', bc(inC, 64, 1), x);
      const b5 = convs(m, x, [['branch5x5_1', bc(inC, 48, 1)], ['branch5x5_2', bc(48, 64, 5, { padding: 2 })]]);
      const b3 = convs(m, x, [['branch3x3dbl_1', bc(inC, 64, 1)], ['branch3x3dbl_2', bc(64, 96, 3, { padding: 1 })], ['branch3x3dbl_3', bc(96, 96, 3, { padding: 1 })]]);
      const bp = m.call('branch_pool', bc(inC, poolFeatures, 1), avgPool3(m, x));
      return m.fn('cat', Concat(), [b1, b5, b3, bp]);
    },
  };
}

/** Grid reduction 35 → 17: stride-2 convolutions beside a stride-2 max pool. */
function inceptionB(inC: number): ModuleDef {
  return {
    type: 'InceptionB',
    build(m, x) {
      const b3 = m.call('branch3x3', bc(inC, 384, 3, { stride: 2 }), x);
      const bd = convs(m, x, [['branch3x3dbl_1', bc(inC, 64, 1)], ['branch3x3dbl_2', bc(64, 96, 3, { padding: 1 })], ['branch3x3dbl_3', bc(96, 96, 3, { stride: 2 })]]);
      const bp = m.fn('max_pool2d', MaxPool2d(3, 2), x);
      return m.fn('cat', Concat(), [b3, bd, bp]);
    },
  };
}

/** 7×7 factorised into 1×7 and 7×1 convolutions. */
function inceptionC(inC: number, c7: number): ModuleDef {
  const row = (i: number, o: number) => bc(i, o, [1, 7], { padding: [0, 3] });
  const col = (i: number, o: number) => bc(i, o, [7, 1], { padding: [3, 0] });
  return {
    type: 'InceptionC',
    build(m, x) {
      const b1 = m.call('branch1x1', bc(inC, 192, 1), x);
      const b7 = convs(m, x, [['branch7x7_1', bc(inC, c7, 1)], ['branch7x7_2', row(c7, c7)], ['branch7x7_3', col(c7, 192)]]);
      const bd = convs(m, x, [
        ['branch7x7dbl_1', bc(inC, c7, 1)],
        ['branch7x7dbl_2', col(c7, c7)],
        ['branch7x7dbl_3', row(c7, c7)],
        ['branch7x7dbl_4', col(c7, c7)],
        ['branch7x7dbl_5', row(c7, 192)],
      ]);
      const bp = m.call('branch_pool', bc(inC, 192, 1), avgPool3(m, x));
      return m.fn('cat', Concat(), [b1, b7, bd, bp]);
    },
  };
}

/** Grid reduction 17 → 8. */
function inceptionD(inC: number): ModuleDef {
  return {
    type: 'InceptionD',
    build(m, x) {
      const b3 = convs(m, x, [['branch3x3_1', bc(inC, 192, 1)], ['branch3x3_2', bc(192, 320, 3, { stride: 2 })]]);
      const b7 = convs(m, x, [
        ['branch7x7x3_1', bc(inC, 192, 1)],
        ['branch7x7x3_2', bc(192, 192, [1, 7], { padding: [0, 3] })],
        ['branch7x7x3_3', bc(192, 192, [7, 1], { padding: [3, 0] })],
        ['branch7x7x3_4', bc(192, 192, 3, { stride: 2 })],
      ]);
      const bp = m.fn('max_pool2d', MaxPool2d(3, 2), x);
      return m.fn('cat', Concat(), [b3, b7, bp]);
    },
  };
}

/** The 8×8 blocks: 3×3 split into parallel 1×3 and 3×1 convolutions, each pair joined by its own torch.cat. */
function inceptionE(inC: number): ModuleDef {
  const pair = (m: Scope, x: Tensor, a: string, b: string, cat: string) =>
    m.fn(cat, Concat(), [m.call(a, bc(384, 384, [1, 3], { padding: [0, 1] }), x), m.call(b, bc(384, 384, [3, 1], { padding: [1, 0] }), x)]);
  return {
    type: 'InceptionE',
    build(m, x) {
      const b1 = m.call('branch1x1', bc(inC, 320, 1), x);
      const b3 = pair(m, m.call('branch3x3_1', bc(inC, 384, 1), x), 'branch3x3_2a', 'branch3x3_2b', 'branch3x3_cat');
      const bd0 = convs(m, x, [['branch3x3dbl_1', bc(inC, 448, 1)], ['branch3x3dbl_2', bc(448, 384, 3, { padding: 1 })]]);
      const bd = pair(m, bd0, 'branch3x3dbl_3a', 'branch3x3dbl_3b', 'branch3x3dbl_cat');
      const bp = m.call('branch_pool', bc(inC, 192, 1), avgPool3(m, x));
      return m.fn('cat', Concat(), [b1, b3, bd, bp]);
    },
  };
}

/** `InceptionAux` after Mixed_6e: F.avg_pool2d 5/3, 1×1 conv to 128, 5×5 conv to 768, global average pool, Linear. */
function inceptionAuxV3(inC: number, classes: number): ModuleDef {
  return {
    type: 'InceptionAux',
    label: 'auxiliary classifier',
    build(m, x) {
      let y = m.fn('avg_pool2d', AvgPool2d(5, 3), x);
      y = m.call('conv0', bc(inC, 128, 1), y);
      y = m.call('conv1', bc(128, 768, 5), y);
      y = m.fn('adaptive_avg_pool2d', AdaptiveAvgPool2d([1, 1]), y);
      y = m.fn('flatten', Flatten(), y);
      return m.layer('fc', Linear(768, classes), y);
    },
  };
}

/**
 * `inception_v3(weights=None)`: 3×299×299, aux_logits=True, transform_input=False. The
 * auxiliary head's logits count in training with weight 0.4, as torchvision's classification
 * reference adds them (`loss1 + 0.4 * loss2`).
 */
export function tvInceptionV3(o: ZooOptions = {}): Graph {
  const input = o.input ?? ([3, 299, 299] as In);
  const classes = o.classes ?? 1000;
  const net = new GraphBuilder('torchvision-inception-v3', input, 'Inception-v3 (torchvision)');
  let x = net.call('Conv2d_1a_3x3', bc(input[0], 32, 3, { stride: 2 }), net.input);
  x = net.call('Conv2d_2a_3x3', bc(32, 32, 3), x);
  x = net.call('Conv2d_2b_3x3', bc(32, 64, 3, { padding: 1 }), x);
  x = net.layer('maxpool1', MaxPool2d(3, 2), x);
  x = net.call('Conv2d_3b_1x1', bc(64, 80, 1), x);
  x = net.call('Conv2d_4a_3x3', bc(80, 192, 3), x);
  x = net.layer('maxpool2', MaxPool2d(3, 2), x);
  x = net.call('Mixed_5b', inceptionA(192, 32), x);
  x = net.call('Mixed_5c', inceptionA(256, 64), x);
  x = net.call('Mixed_5d', inceptionA(288, 64), x);
  x = net.call('Mixed_6a', inceptionB(288), x);
  x = net.call('Mixed_6b', inceptionC(768, 128), x);
  x = net.call('Mixed_6c', inceptionC(768, 160), x);
  x = net.call('Mixed_6d', inceptionC(768, 160), x);
  x = net.call('Mixed_6e', inceptionC(768, 192), x);
  const aux = net.call('AuxLogits', inceptionAuxV3(768, classes), x);
  x = net.call('Mixed_7a', inceptionD(768), x);
  x = net.call('Mixed_7b', inceptionE(1280), x);
  x = net.call('Mixed_7c', inceptionE(2048), x);
  x = net.layer('avgpool', AdaptiveAvgPool2d([1, 1]), x);
  // Inception3 drops out before it flattens.
  x = net.layer('dropout', Dropout(0.5), x);
  x = net.fn('flatten', Flatten(), x);
  const y = net.layer('fc', Linear(2048, classes), x);
  net.auxOutput(aux, 0.4);
  return net.build(y);
}

// ---------------------------------------------------------------------------
// SqueezeNet (torchvision/models/squeezenet.py)

/** `Fire`: a 1×1 squeeze convolution, then 1×1 and 3×3 expand convolutions side by side, joined by torch.cat. */
function fire(inC: number, squeeze: number, e1: number, e3: number): ModuleDef {
  return {
    type: 'Fire',
    build(m, x) {
      const s = m.layer('squeeze_activation', relu(), m.layer('squeeze', Conv2d(inC, squeeze, 1), x));
      const a = m.layer('expand1x1_activation', relu(), m.layer('expand1x1', Conv2d(squeeze, e1, 1), s));
      const b = m.layer('expand3x3_activation', relu(), m.layer('expand3x3', Conv2d(squeeze, e3, 3, { padding: 1 }), s));
      return m.fn('cat', Concat(), [a, b]);
    },
  };
}

/** `squeezenet1_0()`: no fully connected layer; a 1×1 convolution to the classes and global average pooling. */
export function tvSqueezenet10(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const classes = o.classes ?? 1000;
  const net = new GraphBuilder('torchvision-squeezenet1-0', input, 'SqueezeNet 1.0 (torchvision)');
  const pool = () => MaxPool2d(3, { stride: 2, ceil_mode: true });
  let x = net.seq(
    'features',
    [
      Conv2d(input[0], 96, 7, { stride: 2 }), relu(), pool(),
      fire(96, 16, 64, 64), fire(128, 16, 64, 64), fire(128, 32, 128, 128), pool(),
      fire(256, 32, 128, 128), fire(256, 48, 192, 192), fire(384, 48, 192, 192), fire(384, 64, 256, 256), pool(),
      fire(512, 64, 256, 256),
    ],
    net.input,
  );
  x = net.seq('classifier', [Dropout(0.5), Conv2d(512, classes, 1), relu(), AdaptiveAvgPool2d([1, 1])], x);
  return net.build(net.fn('flatten', Flatten(), x));
}

// ---------------------------------------------------------------------------
// RegNet (torchvision/models/regnet.py)

/** torch.round: halves go to the even neighbour. */
const roundHalfEven = (v: number): number => {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

/** torchvision's `_make_divisible` (from the TF MobileNet code): nearest multiple, never more than 10% below. */
function makeDivisible(v: number, divisor: number): number {
  const n = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  return n < 0.9 * v ? n + divisor : n;
}

export interface RegnetStage {
  depth: number;
  width: number;
  groupWidth: number;
}

/**
 * `BlockParams.from_init_params`: the RegNet design space's quantised linear rule. Block j
 * would have width w_0 + w_a·j; it is snapped to w_0·w_m^k (k integer) and to a multiple of 8,
 * and runs of equal widths become stages. Widths are then made divisible by the group width.
 */
export function regnetStages(depth: number, w0: number, wa: number, wm: number, groupWidth: number): RegnetStage[] {
  const widths: number[] = [];
  for (let j = 0; j < depth; j++) {
    const k = roundHalfEven(Math.log((j * wa + w0) / w0) / Math.log(wm));
    widths.push(roundHalfEven((w0 * wm ** k) / 8) * 8);
  }
  const stages: RegnetStage[] = [];
  for (const w of widths) {
    const last = stages.at(-1);
    if (last && last.width === w) last.depth++;
    else stages.push({ depth: 1, width: w, groupWidth });
  }
  // _adjust_widths_groups_compatibilty with bottleneck multiplier 1.
  return stages.map((s) => {
    const g = Math.min(s.groupWidth, s.width);
    return { ...s, width: makeDivisible(s.width, g), groupWidth: g };
  });
}

/** `Conv2dNormActivation`: conv (bias-free), BatchNorm, ReLU unless `act` is false; children 0, 1, 2. */
function convNormAct(inC: number, outC: number, kernel: number, opts: { stride?: number; groups?: number; act?: boolean } = {}): ModuleDef {
  const { act = true, groups = 1, stride = 1 } = opts;
  return {
    type: 'Conv2dNormActivation',
    build: (m, x) =>
      m.chain(
        [
          Conv2d(inC, outC, kernel, { ...(stride !== 1 ? { stride } : {}), padding: (kernel - 1) / 2, ...(groups > 1 ? { groups } : {}), bias: false }),
          BatchNorm2d(outC),
          ...(act ? [relu()] : []),
        ],
        x,
      ),
  };
}

/** `ResBottleneckBlock`: `x = self.proj(x) + self.f(x)` (or `x + self.f(x)`), then ReLU; f = 1×1, grouped 3×3, 1×1. */
function resBottleneckBlock(inC: number, outC: number, stride: number, groupWidth: number): ModuleDef {
  return {
    type: 'ResBottleneckBlock',
    build(m, x) {
      const shortcut = inC !== outC || stride !== 1 ? m.call('proj', convNormAct(inC, outC, 1, { stride, act: false }), x) : x;
      const f = m.module('f', 'BottleneckTransform', (t) => {
        const a = t.call('a', convNormAct(inC, outC, 1), x);
        const b = t.call('b', convNormAct(outC, outC, 3, { stride, groups: outC / groupWidth }), a);
        return t.call('c', convNormAct(outC, outC, 1, { act: false }), b);
      });
      return m.layer('activation', relu(), m.fn('add', Add(), [shortcut, f]));
    },
  };
}

function tvRegnet(name: string, title: string, stages: readonly RegnetStage[], o: ZooOptions): Graph {
  const input = o.input ?? IMAGENET;
  const stem = 32;
  const net = new GraphBuilder(name, input, title);
  let x = net.seq('stem', [Conv2d(input[0], stem, 3, { stride: 2, padding: 1, bias: false }), BatchNorm2d(stem), relu()], net.input, 'SimpleStemIN');
  let c = stem;
  x = net.module('trunk_output', 'Sequential', (trunk) => {
    let t = x;
    stages.forEach((s, i) => {
      t = trunk.module(`block${i + 1}`, 'AnyStage', (stage) => {
        let u = t;
        for (let j = 0; j < s.depth; j++) {
          u = stage.call(`block${i + 1}-${j}`, resBottleneckBlock(j === 0 ? c : s.width, s.width, j === 0 ? 2 : 1, s.groupWidth), u);
        }
        return u;
      });
      c = s.width;
    });
    return t;
  });
  x = net.layer('avgpool', AdaptiveAvgPool2d([1, 1]), x);
  x = net.fn('flatten', Flatten(), x);
  return net.build(net.layer('fc', Linear(c, o.classes ?? 1000), x));
}

/** `regnet_x_400mf()`: depth 22, w_0 24, w_a 24.48, w_m 2.54, group width 16, no squeeze-excitation. */
export const tvRegnetX400mf = (o: ZooOptions = {}): Graph =>
  tvRegnet('torchvision-regnet-x-400mf', 'RegNetX-400MF (torchvision)', regnetStages(22, 24, 24.48, 2.54, 16), o);
