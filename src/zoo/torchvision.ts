/**
 * The canonical ImageNet networks exactly as torchvision builds them
 * (torchvision.models, weights=None), with torchvision's module paths.
 */
import { GraphBuilder, type ModuleDef, type Scope, type Tensor } from '../graph/builder.js';
import { AdaptiveAvgPool2d, Add, BatchNorm2d, Conv2d, Dropout, Flatten, Linear, MaxPool2d, ReLU } from '../kinds/constructors.js';
import type { Graph } from '../graph/types.js';
import { basicConvBn, inceptionV1 } from './blocks.js';
import type { ZooOptions } from './notes.js';

type In = readonly [number, number, number];
const IMAGENET: In = [3, 224, 224];

export function tvAlexnet(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-alexnet', input, 'AlexNet (torchvision)');
  const r = () => ReLU({ inplace: true });
  let x = net.seq(
    'features',
    [
      Conv2d(input[0], 64, 11, { stride: 4, padding: 2 }), r(), MaxPool2d(3, 2),
      Conv2d(64, 192, 5, { padding: 2 }), r(), MaxPool2d(3, 2),
      Conv2d(192, 384, 3, { padding: 1 }), r(),
      Conv2d(384, 256, 3, { padding: 1 }), r(),
      Conv2d(256, 256, 3, { padding: 1 }), r(), MaxPool2d(3, 2),
    ],
    net.input,
  );
  x = net.layer('avgpool', AdaptiveAvgPool2d([6, 6]), x);
  x = net.fn('flatten', Flatten(), x);
  const classes = o.classes ?? 1000;
  return net.build(net.seq('classifier', [Dropout(0.5), Linear(256 * 6 * 6, 4096), r(), Dropout(0.5), Linear(4096, 4096), r(), Linear(4096, classes)], x));
}

const VGG_CFG = {
  A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
} as const;

/** torchvision's `vgg(cfg, batch_norm)`: with batch_norm, each convolution is followed by BatchNorm2d before its ReLU. */
function tvVgg(name: string, title: string, cfg: readonly (number | 'M')[], o: ZooOptions, batchNorm = false): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder(name, input, title);
  const parts = [];
  let c = input[0];
  for (const v of cfg) {
    if (v === 'M') parts.push(MaxPool2d(2, 2));
    else {
      parts.push(Conv2d(c, v, 3, { padding: 1 }), ...(batchNorm ? [BatchNorm2d(v)] : []), ReLU({ inplace: true }));
      c = v;
    }
  }
  let x = net.seq('features', parts, net.input);
  x = net.layer('avgpool', AdaptiveAvgPool2d([7, 7]), x);
  x = net.fn('flatten', Flatten(), x);
  const r = () => ReLU({ inplace: true });
  return net.build(net.seq('classifier', [Linear(512 * 7 * 7, 4096), r(), Dropout(0.5), Linear(4096, 4096), r(), Dropout(0.5), Linear(4096, o.classes ?? 1000)], x));
}

export const tvVgg11 = (o: ZooOptions = {}): Graph => tvVgg('torchvision-vgg11', 'VGG-11 (torchvision)', VGG_CFG.A, o);
export const tvVgg16 = (o: ZooOptions = {}): Graph => tvVgg('torchvision-vgg16', 'VGG-16 (torchvision)', VGG_CFG.D, o);
export const tvVgg19Bn = (o: ZooOptions = {}): Graph => tvVgg('torchvision-vgg19-bn', 'VGG-19 with BatchNorm (torchvision)', VGG_CFG.E, o, true);

/** torchvision GoogLeNet without auxiliary heads; its branch 3 uses a 3×3 kernel (a known deviation from the paper). */
export function tvGooglenet(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-googlenet', input, 'GoogLeNet (torchvision)');
  const inc = (i: number, a: number, b: number, c: number, d: number, e: number, f: number) => inceptionV1(i, a, b, c, d, e, f, basicConvBn, { branch3Kernel: 3, poolCeil: true });
  const pool = (k = 3) => MaxPool2d(k, { stride: 2, ceil_mode: true });
  let x = net.call('conv1', basicConvBn(input[0], 64, 7, { stride: 2, padding: 3 }), net.input);
  x = net.layer('maxpool1', pool(), x);
  x = net.call('conv2', basicConvBn(64, 64, 1), x);
  x = net.call('conv3', basicConvBn(64, 192, 3, { padding: 1 }), x);
  x = net.layer('maxpool2', pool(), x);
  x = net.call('inception3a', inc(192, 64, 96, 128, 16, 32, 32), x);
  x = net.call('inception3b', inc(256, 128, 128, 192, 32, 96, 64), x);
  x = net.layer('maxpool3', pool(), x);
  x = net.call('inception4a', inc(480, 192, 96, 208, 16, 48, 64), x);
  x = net.call('inception4b', inc(512, 160, 112, 224, 24, 64, 64), x);
  x = net.call('inception4c', inc(512, 128, 128, 256, 24, 64, 64), x);
  x = net.call('inception4d', inc(512, 112, 144, 288, 32, 64, 64), x);
  x = net.call('inception4e', inc(528, 256, 160, 320, 32, 128, 128), x);
  x = net.layer('maxpool4', pool(2), x);
  x = net.call('inception5a', inc(832, 256, 160, 320, 32, 128, 128), x);
  x = net.call('inception5b', inc(832, 384, 192, 384, 48, 128, 128), x);
  x = net.layer('avgpool', AdaptiveAvgPool2d([1, 1]), x);
  x = net.fn('flatten', Flatten(), x);
  x = net.layer('dropout', Dropout(0.2), x);
  return net.build(net.layer('fc', Linear(1024, o.classes ?? 1000), x));
}

/**
 * ResNet blocks. torchvision's block owns one `relu` module and calls it two
 * (BasicBlock) or three (Bottleneck) times; later calls get the paths
 * `relu#2`, `relu#3`.
 */
function basicBlock(inC: number, planes: number, stride: number): ModuleDef {
  return {
    type: 'BasicBlock',
    build(m, x) {
      let y = m.layer('conv1', Conv2d(inC, planes, 3, { stride, padding: 1, bias: false }), x);
      y = m.layer('bn1', BatchNorm2d(planes), y);
      y = m.layer('relu', ReLU({ inplace: true }), y);
      y = m.layer('conv2', Conv2d(planes, planes, 3, { padding: 1, bias: false }), y);
      y = m.layer('bn2', BatchNorm2d(planes), y);
      const identity = downsample(m, inC, planes, stride, x);
      return m.layer('relu#2', ReLU({ inplace: true }), m.fn('add', Add(), [y, identity]));
    },
  };
}

/**
 * torchvision's Bottleneck: width = planes × (base_width / 64) × groups inside the block
 * (ResNeXt: 32 groups of 4 → 128 at planes 64; Wide ResNet: base_width 128 → twice as wide).
 */
function bottleneck(inC: number, planes: number, stride: number, groups = 1, baseWidth = 64): ModuleDef {
  const out = planes * 4;
  const width = Math.floor(planes * (baseWidth / 64)) * groups;
  return {
    type: 'Bottleneck',
    build(m, x) {
      let y = m.layer('conv1', Conv2d(inC, width, 1, { bias: false }), x);
      y = m.layer('bn1', BatchNorm2d(width), y);
      y = m.layer('relu', ReLU({ inplace: true }), y);
      // torchvision (v1.5) puts the stride on the 3×3 convolution.
      y = m.layer('conv2', Conv2d(width, width, 3, { stride, padding: 1, bias: false, ...(groups > 1 ? { groups } : {}) }), y);
      y = m.layer('bn2', BatchNorm2d(width), y);
      y = m.layer('relu#2', ReLU({ inplace: true }), y);
      y = m.layer('conv3', Conv2d(width, out, 1, { bias: false }), y);
      y = m.layer('bn3', BatchNorm2d(out), y);
      const identity = downsample(m, inC, out, stride, x);
      return m.layer('relu#3', ReLU({ inplace: true }), m.fn('add', Add(), [y, identity]));
    },
  };
}

/** A 1×1 strided projection when the shortcut must change shape, else the identity. */
function downsample(m: Scope, inC: number, outC: number, stride: number, x: Tensor): Tensor {
  if (stride === 1 && inC === outC) return x;
  return m.seq('downsample', [Conv2d(inC, outC, 1, { stride, bias: false }), BatchNorm2d(outC)], x);
}

interface ResnetSpec {
  name: string;
  title: string;
  block: (inC: number, planes: number, stride: number) => ModuleDef;
  expansion: number;
  layers: readonly number[];
}

const RESNETS: Record<18 | 34 | 50 | 152, Omit<ResnetSpec, 'name' | 'title'>> = {
  18: { block: basicBlock, expansion: 1, layers: [2, 2, 2, 2] },
  34: { block: basicBlock, expansion: 1, layers: [3, 4, 6, 3] },
  50: { block: bottleneck, expansion: 4, layers: [3, 4, 6, 3] },
  152: { block: bottleneck, expansion: 4, layers: [3, 8, 36, 3] },
};

function tvResnet(depth: 18 | 34 | 50 | 152, o: ZooOptions): Graph {
  return resnet({ name: `torchvision-resnet${depth}`, title: `ResNet-${depth} (torchvision)`, ...RESNETS[depth] }, o);
}

/** torchvision's `ResNet` class, which also builds ResNeXt (groups, width_per_group) and Wide ResNet (width_per_group 128). */
function resnet(spec: ResnetSpec, o: ZooOptions): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder(spec.name, input, spec.title);
  let x = net.layer('conv1', Conv2d(input[0], 64, 7, { stride: 2, padding: 3, bias: false }), net.input);
  x = net.layer('bn1', BatchNorm2d(64), x);
  x = net.layer('relu', ReLU({ inplace: true }), x);
  x = net.layer('maxpool', MaxPool2d(3, { stride: 2, padding: 1 }), x);
  let inC = 64;
  [64, 128, 256, 512].forEach((planes, i) => {
    const blocks: ModuleDef[] = [];
    for (let b = 0; b < spec.layers[i]; b++) {
      blocks.push(spec.block(inC, planes, b === 0 && i > 0 ? 2 : 1));
      inC = planes * spec.expansion;
    }
    // The paper's names for the stages (He et al. 2015, table 1): layer1 is conv2_x.
    x = net.seq(`layer${i + 1}`, blocks, x, 'Sequential', { title: `conv${i + 2}_x` });
  });
  x = net.layer('avgpool', AdaptiveAvgPool2d([1, 1]), x);
  x = net.fn('flatten', Flatten(), x);
  return net.build(net.layer('fc', Linear(512 * spec.expansion, o.classes ?? 1000), x));
}

export const tvResnet18 = (o: ZooOptions = {}): Graph => tvResnet(18, o);
export const tvResnet34 = (o: ZooOptions = {}): Graph => tvResnet(34, o);
export const tvResnet50 = (o: ZooOptions = {}): Graph => tvResnet(50, o);
export const tvResnet152 = (o: ZooOptions = {}): Graph => tvResnet(152, o);
export const tvResnext50 = (o: ZooOptions = {}): Graph =>
  resnet({ name: 'torchvision-resnext50-32x4d', title: 'ResNeXt-50 32×4d (torchvision)', block: (i, p, s) => bottleneck(i, p, s, 32, 4), expansion: 4, layers: [3, 4, 6, 3] }, o);
export const tvWideResnet50 = (o: ZooOptions = {}): Graph =>
  resnet({ name: 'torchvision-wide-resnet50-2', title: 'Wide ResNet-50-2 (torchvision)', block: (i, p, s) => bottleneck(i, p, s, 1, 128), expansion: 4, layers: [3, 4, 6, 3] }, o);
