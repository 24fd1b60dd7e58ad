/**
 * The networks of the lecture notes (../shared/seeds), built with the same
 * module names and nesting as the notes' PyTorch code so every path matches
 * `named_modules()` of that code.
 */
import { GraphBuilder, type ModuleDef } from '../graph/builder.js';
import { AdaptiveAvgPool2d, Add, AvgPool2d, Concat, Conv2d, Dropout, Flatten, Linear, MaxPool2d, ReLU, Tanh } from '../kinds/constructors.js';
import type { Graph } from '../graph/types.js';
import { basicConvRelu, inceptionV1, ninBlock, vggBlock } from './blocks.js';
import { flatSize, shapeOf } from './shape.js';

export interface ZooOptions {
  /** Input `[C, H, W]`; defaults to the notes' size. */
  input?: readonly [number, number, number];
  /** Number of classes (the notes use 10 for MNIST; ImageNet has 1000). */
  classes?: number;
}

type In = readonly [number, number, number];

/** LeNet-5, table 2-1 of 001: tanh and average pooling, 1×28×28. */
export function lenet5(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 28, 28];
  const net = new GraphBuilder('lenet5', input, 'LeNet-5');
  const features = net.seq('net', [Conv2d(input[0], 6, 5, { padding: 2 }), Tanh(), AvgPool2d(2, 2), Conv2d(6, 16, 5), Tanh(), AvgPool2d(2, 2), Conv2d(16, 120, 5), Tanh()], net.input);
  const flat = flatSize(net, features, 120);
  const out = net.module('net', 'Sequential', (m) => m.chain([Flatten(), Linear(flat, 84), Tanh(), Linear(84, o.classes ?? 10)], features, 8));
  return net.build(out);
}

/** The AlexNet of 001 for MNIST resized to 224: conv1 11/4 with padding 1, two 4096 layers. */
export function alexnetMnist(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 224, 224];
  const net = new GraphBuilder('alexnet-mnist', input, 'AlexNet (MNIST, lecture notes)');
  const convs = [
    Conv2d(input[0], 96, 11, { stride: 4, padding: 1 }), ReLU(), MaxPool2d(3, 2),
    Conv2d(96, 256, 5, { padding: 2 }), ReLU(), MaxPool2d(3, 2),
    Conv2d(256, 384, 3, { padding: 1 }), ReLU(),
    Conv2d(384, 384, 3, { padding: 1 }), ReLU(),
    Conv2d(384, 256, 3, { padding: 1 }), ReLU(), MaxPool2d(3, 2),
  ];
  const features = net.seq('net', convs, net.input);
  const flat = flatSize(net, features, 6400);
  const head = [Flatten(), Linear(flat, 4096), ReLU(), Dropout(0.5), Linear(4096, 4096), ReLU(), Dropout(0.5), Linear(4096, o.classes ?? 10)];
  return net.build(net.module('net', 'Sequential', (m) => m.chain(head, features, convs.length)));
}

/** The reduced AlexNet of 004 (d2l): conv1 without padding, one 4096 hidden layer. */
export function alexnetD2l(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 224, 224];
  const net = new GraphBuilder('alexnet-d2l', input, 'AlexNet (d2l, reduced)');
  const feature = net.seq(
    'conv',
    [
      Conv2d(input[0], 96, 11, { stride: 4 }), ReLU(), MaxPool2d(3, 2),
      Conv2d(96, 256, 5, { stride: 1, padding: 2 }), ReLU(), MaxPool2d(3, 2),
      Conv2d(256, 384, 3, { stride: 1, padding: 1 }), ReLU(),
      Conv2d(384, 384, 3, { stride: 1, padding: 1 }), ReLU(),
      Conv2d(384, 256, 3, { stride: 1, padding: 1 }), ReLU(), MaxPool2d(3, 2),
    ],
    net.input,
  );
  const flat = flatSize(net, feature, 6400);
  // forward: self.fc(feature.view(img.shape[0], -1))
  const v = net.fn('view', Flatten(), feature);
  return net.build(net.seq('fc', [Linear(flat, 4096), ReLU(), Dropout(0.5), Linear(4096, o.classes ?? 10)], v));
}

const CONV_ARCH: readonly (readonly [number, number, number])[] = [
  [1, 1, 64],
  [1, 64, 128],
  [2, 128, 256],
  [2, 256, 512],
  [2, 512, 512],
];

export interface VggOptions extends ZooOptions {
  /** Divide every width by this (the notes' `ratio = 8` for vgg11-small). */
  ratio?: number;
}

/** VGG-11 of 004: `vgg(conv_arch, fc_features, fc_hidden_units)`, five vgg_blocks then `fc`. */
export function vgg11(o: VggOptions = {}, name = 'vgg11'): Graph {
  const input: In = o.input ?? [1, 224, 224];
  const ratio = o.ratio ?? 1;
  const net = new GraphBuilder(name, input, ratio === 1 ? 'VGG-11 (notes)' : `VGG-11 (notes, widths ÷ ${ratio})`);
  let x = net.input;
  CONV_ARCH.forEach(([n, inC, outC], i) => {
    x = net.call(`vgg_block_${i + 1}`, vggBlock(n, i === 0 ? input[0] : Math.floor(inC / ratio), Math.floor(outC / ratio)), x);
  });
  const flat = flatSize(net, x, Math.floor((512 * 7 * 7) / ratio));
  const hidden = Math.floor(4096 / ratio);
  return net.build(net.seq('fc', [Flatten(), Linear(flat, hidden), ReLU(), Dropout(0.5), Linear(hidden, hidden), ReLU(), Dropout(0.5), Linear(hidden, o.classes ?? 10)], x));
}

export const vgg11Small = (o: VggOptions = {}): Graph => vgg11({ ratio: 8, ...o }, 'vgg11-small');

/** NiN of 004: four NiN blocks, the last with as many channels as classes, then global average pooling. */
export function nin(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 224, 224];
  const net = new GraphBuilder('nin', input, 'Network in Network');
  const y = net.chain(
    [
      ninBlock(input[0], 96, 11, 4, 0), MaxPool2d(3, 2),
      ninBlock(96, 256, 5, 1, 2), MaxPool2d(3, 2),
      ninBlock(256, 384, 3, 1, 1), MaxPool2d(3, 2),
      Dropout(0.5),
      ninBlock(384, o.classes ?? 10, 3, 1, 1),
      // The notes' GlobalAvgPool2d: avg_pool2d over the whole map, i.e. adaptive pooling to 1×1.
      AdaptiveAvgPool2d(1),
      Flatten(),
    ],
    net.input,
  );
  return net.build(y);
}

/** The Inception block of the lecture (001): 1×1; 1×1→3×3→3×3; 1×1→5×5; 1×1 — 16+24+24+24 = 88 channels. */
function lectureInception(inC: number): ModuleDef {
  return {
    type: 'Inception',
    build(m, x) {
      const b1 = m.layer('branch1', Conv2d(inC, 16, 1), x);
      const b2 = m.seq('branch2', [Conv2d(inC, 16, 1), Conv2d(16, 24, 3, { padding: 1 }), Conv2d(24, 24, 3, { padding: 1 })], x);
      const b3 = m.seq('branch3', [Conv2d(inC, 16, 1), Conv2d(16, 24, 5, { padding: 2 })], x);
      const b4 = m.layer('branch4', Conv2d(inC, 24, 1), x);
      return m.fn('cat', Concat(), [b1, b2, b3, b4]);
    },
  };
}

/** The lecture GoogLeNet (001, also 000 and 003): two 88-channel Inception blocks and Linear(1408, 10). */
export function googlenetMini(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 28, 28];
  const net = new GraphBuilder('googlenet-mini', input, 'GoogLeNet (lecture)');
  const parts = [Conv2d(input[0], 10, 5), ReLU(), MaxPool2d(2, 2), lectureInception(10), Conv2d(88, 20, 5), ReLU(), MaxPool2d(2, 2), lectureInception(20)];
  const x = net.seq('net', parts, net.input);
  const flat = flatSize(net, x, 1408);
  return net.build(net.module('net', 'Sequential', (m) => m.chain([Flatten(), Linear(flat, o.classes ?? 10)], x, parts.length)));
}

/** The d2l Inception of 004: paths p1…p4, ReLU applied functionally after each convolution. */
function d2lInception(inC: number, c1: number, c2: readonly [number, number], c3: readonly [number, number], c4: number): ModuleDef {
  return {
    type: 'Inception',
    build(m, x) {
      const p1 = m.fn('relu1', ReLU(), m.layer('p1_1', Conv2d(inC, c1, 1), x));
      const p2a = m.fn('relu2_1', ReLU(), m.layer('p2_1', Conv2d(inC, c2[0], 1), x));
      const p2 = m.fn('relu2_2', ReLU(), m.layer('p2_2', Conv2d(c2[0], c2[1], 3, { padding: 1 }), p2a));
      const p3a = m.fn('relu3_1', ReLU(), m.layer('p3_1', Conv2d(inC, c3[0], 1), x));
      const p3 = m.fn('relu3_2', ReLU(), m.layer('p3_2', Conv2d(c3[0], c3[1], 5, { padding: 2 }), p3a));
      const p4 = m.fn('relu4', ReLU(), m.layer('p4_2', Conv2d(inC, c4, 1), m.layer('p4_1', MaxPool2d(3, { stride: 1, padding: 1 }), x)));
      return m.fn('cat', Concat(), [p1, p2, p3, p4]);
    },
  };
}

/** The full GoogLeNet of 004 (d2l) on 1×96×96: blocks b1…b5 (the notes' names, given as the modules' titles), global average pooling, Linear(1024, 10). */
export function googlenet(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 96, 96];
  const net = new GraphBuilder('googlenet', input, 'GoogLeNet (d2l, 96×96)');
  const pool = () => MaxPool2d(3, { stride: 2, padding: 1 });
  const b1 = net.seq(0, [Conv2d(input[0], 64, 7, { stride: 2, padding: 3 }), ReLU(), pool()], net.input, 'Sequential', { title: 'b1' });
  // As written in the notes, b2 has no ReLU between its convolutions.
  const b2 = net.seq(1, [Conv2d(64, 64, 1), Conv2d(64, 192, 3, { padding: 1 }), pool()], b1, 'Sequential', { title: 'b2' });
  const b3 = net.seq(2, [d2lInception(192, 64, [96, 128], [16, 32], 32), d2lInception(256, 128, [128, 192], [32, 96], 64), pool()], b2, 'Sequential', { title: 'b3' });
  const b4 = net.seq(
    3,
    [
      d2lInception(480, 192, [96, 208], [16, 48], 64),
      d2lInception(512, 160, [112, 224], [24, 64], 64),
      d2lInception(512, 128, [128, 256], [24, 64], 64),
      d2lInception(512, 112, [144, 288], [32, 64], 64),
      d2lInception(528, 256, [160, 320], [32, 128], 128),
      pool(),
    ],
    b3,
    'Sequential',
    { title: 'b4' },
  );
  const b5 = net.seq(4, [d2lInception(832, 256, [160, 320], [32, 128], 128), d2lInception(832, 384, [192, 384], [48, 128], 128), AdaptiveAvgPool2d(1)], b4, 'Sequential', { title: 'b5' });
  const flat = net.layer(5, Flatten(), b5);
  return net.build(net.layer(6, Linear(1024, o.classes ?? 10), flat));
}

/** The auxiliary classifier of 002: average pool 5/3, 1×1 conv to 128, two Linear layers with dropout. */
function inceptionAux(inC: number, classes: number, flat: number): ModuleDef {
  return {
    type: 'InceptionAux',
    label: 'auxiliary classifier',
    build(m, x) {
      const p = m.layer('averagePool', AvgPool2d(5, 3), x);
      const c = m.call('conv', basicConvRelu(inC, 128, 1), p);
      const f = m.fn('flatten', Flatten(), c);
      const d1 = m.fn('dropout1', Dropout(0.5), f);
      const h = m.fn('relu', ReLU({ inplace: true }), m.layer('fc1', Linear(flat, 1024), d1));
      const d2 = m.fn('dropout2', Dropout(0.5), h);
      return m.layer('fc2', Linear(1024, classes), d2);
    },
  };
}

/** GoogLeNet as in the paper (002): 3×224×224, 1000 classes, ceil-mode pools, two auxiliary classifiers (loss weight 0.3). */
export function googlenetPaper(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [3, 224, 224];
  const classes = o.classes ?? 1000;
  const net = new GraphBuilder('googlenet-paper', input, 'GoogLeNet (paper, with auxiliary classifiers)');
  const inc = (i: number, a: number, b: number, c: number, d: number, e: number, f: number) => inceptionV1(i, a, b, c, d, e, f, basicConvRelu);
  const pool = () => MaxPool2d(3, { stride: 2, ceil_mode: true });
  let x = net.call('conv1', basicConvRelu(input[0], 64, 7, { stride: 2, padding: 3 }), net.input);
  x = net.layer('maxpool1', pool(), x);
  x = net.call('conv2', basicConvRelu(64, 64, 1), x);
  x = net.call('conv3', basicConvRelu(64, 192, 3, { padding: 1 }), x);
  x = net.layer('maxpool2', pool(), x);
  x = net.call('inception3a', inc(192, 64, 96, 128, 16, 32, 32), x);
  x = net.call('inception3b', inc(256, 128, 128, 192, 32, 96, 64), x);
  x = net.layer('maxpool3', pool(), x);
  x = net.call('inception4a', inc(480, 192, 96, 208, 16, 48, 64), x);
  const auxFlat = (t: typeof x) => {
    const s = shapeOf(net, t);
    // AvgPool2d(5, 3) then 128 channels: 128 × ((H−5)/3+1)² (2048 at 14×14).
    return s ? 128 * (Math.floor((s[1] - 5) / 3) + 1) * (Math.floor((s[2] - 5) / 3) + 1) : 2048;
  };
  const aux1 = net.call('aux1', inceptionAux(512, classes, auxFlat(x)), x);
  x = net.call('inception4b', inc(512, 160, 112, 224, 24, 64, 64), x);
  x = net.call('inception4c', inc(512, 128, 128, 256, 24, 64, 64), x);
  x = net.call('inception4d', inc(512, 112, 144, 288, 32, 64, 64), x);
  const aux2 = net.call('aux2', inceptionAux(528, classes, auxFlat(x)), x);
  x = net.call('inception4e', inc(528, 256, 160, 320, 32, 128, 128), x);
  x = net.layer('maxpool4', pool(), x);
  x = net.call('inception5a', inc(832, 256, 160, 320, 32, 128, 128), x);
  x = net.call('inception5b', inc(832, 384, 192, 384, 48, 128, 128), x);
  x = net.layer('avgpool', AdaptiveAvgPool2d([1, 1]), x);
  x = net.fn('flatten', Flatten(), x);
  x = net.layer('dropout', Dropout(0.4), x);
  const y = net.layer('fc', Linear(1024, classes), x);
  net.auxOutput(aux1, 0.3);
  net.auxOutput(aux2, 0.3);
  return net.build(y);
}

/** The residual block of the notes: conv–ReLU–conv, then ReLU(x + y). */
function residualBlock(c: number): ModuleDef {
  return {
    type: 'ResidualBlock',
    build(m, x) {
      const y = m.seq('net', [Conv2d(c, c, 3, { padding: 1 }), ReLU(), Conv2d(c, c, 3, { padding: 1 })], x);
      return m.fn('relu', ReLU(), m.fn('add', Add(), [x, y]));
    },
  };
}

/** The residual network of the notes (001, 000, 003): two residual blocks and Linear(512, 10). */
export function resnetMini(o: ZooOptions = {}): Graph {
  const input: In = o.input ?? [1, 28, 28];
  const net = new GraphBuilder('resnet-mini', input, 'ResNet (lecture)');
  const parts = [Conv2d(input[0], 16, 5), ReLU(), MaxPool2d(2), residualBlock(16), Conv2d(16, 32, 5), ReLU(), MaxPool2d(2), residualBlock(32)];
  const x = net.seq('net', parts, net.input);
  const flat = flatSize(net, x, 512);
  return net.build(net.module('net', 'Sequential', (m) => m.chain([Flatten(), Linear(flat, o.classes ?? 10)], x, parts.length)));
}
