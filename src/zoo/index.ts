/** The model zoo: every network of the notes plus torchvision's canonical versions. */
import type { Graph } from '../graph/types.js';
import { nearestName, trustLayers } from '../graph/validate.js';
import { alexnetD2l, alexnetMnist, googlenet, googlenetMini, googlenetPaper, lenet5, nin, resnetMini, vgg11, vgg11Small, type VggOptions } from './notes.js';
import { tvDensenet121, tvInceptionV3, tvRegnetX400mf, tvSqueezenet10 } from './families.js';
import { tvEfficientnetB0, tvMnasnet05, tvMobilenetV2, tvMobilenetV3Small } from './mobile.js';
import { tvConvnextTiny, tvShufflenetV2x10 } from './tensorops.js';
import { tvAlexnet, tvGooglenet, tvResnet152, tvResnet18, tvResnet34, tvResnet50, tvResnext50, tvVgg11, tvVgg16, tvVgg19Bn, tvWideResnet50 } from './torchvision.js';

export type Family = 'LeNet' | 'AlexNet' | 'VGG' | 'NiN' | 'GoogLeNet' | 'ResNet' | 'Inception' | 'SqueezeNet' | 'WideResNet' | 'DenseNet' | 'ResNeXt' | 'MobileNet' | 'ShuffleNet' | 'MnasNet' | 'EfficientNet' | 'RegNet' | 'ConvNeXt';

/** How the notes train a network, and what they report. */
export interface TrainPreset {
  dataset: 'mnist' | 'fashion-mnist';
  optimizer: 'sgd' | 'adam';
  lr: number;
  momentum?: number;
  batchSize: number;
  epochs: number;
  /** Test accuracy the notes report (fraction), when they report one. */
  reference?: number;
  /** Where the numbers come from, and anything odd about them. */
  note: string;
  /** The same note in Chinese (the zh pages and a `<cnn-train>` under `lang="zh"`). */
  noteZh?: string;
}

export interface ZooEntry {
  id: string;
  title: string;
  /**
   * The title on Chinese pages, as Chinese courses write it: the networks' names stay
   * (LeNet-5, GoogLeNet), the qualifiers and descriptive words are Chinese (讲义, 论文, torchvision 版).
   */
  titleZh: string;
  family: Family;
  year: number;
  /** One line for `cnn-graph list`. */
  summary: string;
  /** The seed note(s) it comes from, or torchvision. */
  source: string;
  build: (o?: VggOptions) => Graph;
  preset?: TrainPreset;
}

const N001 = '001_a07d34ecd1697973.txt';
const N002 = '002_327777453aafdadb.txt';
const N004 = '004_f428c92a1f1bda1d.txt';

const ENTRIES: readonly ZooEntry[] = [
  {
    id: 'lenet5', title: 'LeNet-5', titleZh: 'LeNet-5', family: 'LeNet', year: 1998, build: lenet5, source: `${N001} table 2-1`,
    summary: 'LeNet-5 on 1×28×28: two 5×5 conv + tanh + average-pool stages, C5, two fully connected layers',
    preset: { dataset: 'mnist', optimizer: 'sgd', lr: 0.9, batchSize: 256, epochs: 5, reference: 0.9794, note: '001 §2.4–2.5: SGD lr 0.9, batch 256, 5 epochs; test accuracy 97.94%.', noteZh: '001 §2.4–2.5：SGD，学习率 0.9，批量 256，5 轮；测试集准确率 97.94%。' },
  },
  {
    id: 'alexnet-mnist', title: 'AlexNet (MNIST, lecture)', titleZh: 'AlexNet（MNIST，讲义）', family: 'AlexNet', year: 2012, build: alexnetMnist, source: `${N001} table 3-1`,
    summary: 'AlexNet for 1×224×224 MNIST: conv1 11/4 padding 1, three 3×3 convs, two 4096 layers, 10 classes',
    preset: { dataset: 'mnist', optimizer: 'sgd', lr: 0.1, batchSize: 128, epochs: 10, reference: 0.993, note: '001 §3.4–3.5: SGD lr 0.1, batch 128, 10 epochs, MNIST resized to 224; test accuracy 99.30%. (The listing loads FashionMNIST while the text says MNIST; the figure fits MNIST.)', noteZh: '001 §3.4–3.5：SGD，学习率 0.1，批量 128，10 轮，MNIST 放大到 224；测试集准确率 99.30%。（代码加载的是 FashionMNIST，正文却说 MNIST；这个结果与 MNIST 相符。）' },
  },
  {
    id: 'alexnet-d2l', title: 'AlexNet (d2l, reduced)', titleZh: 'AlexNet（d2l，缩小版）', family: 'AlexNet', year: 2012, build: alexnetD2l, source: N004,
    summary: 'The d2l AlexNet of 004: conv1 without padding, one 4096 hidden layer (the second is commented out)',
    preset: { dataset: 'fashion-mnist', optimizer: 'adam', lr: 0.001, batchSize: 16, epochs: 3, note: '004: Adam lr 0.001, batch 16, 3 epochs on Fashion-MNIST at 224; no accuracy is printed in the text.', noteZh: '004：Adam，学习率 0.001，批量 16，在 224 的 Fashion-MNIST 上训练 3 轮；正文没有给出准确率。' },
  },
  {
    id: 'vgg11', title: 'VGG-11 (notes)', titleZh: 'VGG-11（笔记）', family: 'VGG', year: 2014, build: vgg11, source: `${N004} conv_arch`,
    summary: 'VGG-11 of 004: five vgg_blocks (1,1,2,2,2 convs) and a 25088→4096→4096→10 head, 1×224×224',
    preset: { dataset: 'fashion-mnist', optimizer: 'adam', lr: 0.001, batchSize: 16, epochs: 5, note: '004 trains the ratio-8 version; same settings given here.', noteZh: '004 训练的是宽度除以 8 的版本；这里给出相同的设置。' },
  },
  {
    id: 'vgg11-small', title: 'VGG-11 ÷ 8 (notes)', titleZh: 'VGG-11 宽度 ÷ 8（笔记）', family: 'VGG', year: 2014, build: vgg11Small, source: `${N004} small_conv_arch, ratio 8`,
    summary: 'VGG-11 with every width divided by 8 (ratio = 8), as 004 trains it',
    preset: { dataset: 'fashion-mnist', optimizer: 'adam', lr: 0.001, batchSize: 16, epochs: 5, note: '004: Adam lr 0.001, batch 16, 5 epochs; no accuracy is printed in the text.', noteZh: '004：Adam，学习率 0.001，批量 16，5 轮；正文没有给出准确率。' },
  },
  {
    id: 'nin', title: 'Network in Network', titleZh: '网络中的网络（NiN）', family: 'NiN', year: 2013, build: nin, source: N004,
    summary: 'NiN of 004: four NiN blocks (k×k conv + two 1×1 convs), global average pooling instead of fully connected layers',
    preset: { dataset: 'fashion-mnist', optimizer: 'adam', lr: 0.002, batchSize: 128, epochs: 5, note: '004: Adam lr 0.002, batch 128, 5 epochs; no accuracy is printed in the text.', noteZh: '004：Adam，学习率 0.002，批量 128，5 轮；正文没有给出准确率。' },
  },
  {
    id: 'googlenet-mini', title: 'GoogLeNet (lecture)', titleZh: 'GoogLeNet（讲义）', family: 'GoogLeNet', year: 2014, build: googlenetMini, source: `${N001} §4, also 000 and 003`,
    summary: 'The lecture GoogLeNet on 1×28×28: two 88-channel Inception blocks, Linear(1408, 10)',
    preset: { dataset: 'mnist', optimizer: 'sgd', lr: 0.1, batchSize: 128, epochs: 10, reference: 0.9892, note: '001 §4.4–4.5: SGD lr 0.1, batch 128, 10 epochs; test accuracy 98.92%. (000 and 003 use SGD lr 0.1 momentum 0.5, batch 64.)', noteZh: '001 §4.4–4.5：SGD，学习率 0.1，批量 128，10 轮；测试集准确率 98.92%。（000 和 003 用 SGD，学习率 0.1，动量 0.5，批量 64。）' },
  },
  {
    id: 'googlenet', title: 'GoogLeNet (d2l, 96×96)', titleZh: 'GoogLeNet（d2l，96×96）', family: 'GoogLeNet', year: 2014, build: googlenet, source: N004,
    summary: 'The full d2l GoogLeNet of 004 on 1×96×96: nine Inception blocks, global average pooling, 10 classes',
    preset: { dataset: 'fashion-mnist', optimizer: 'adam', lr: 0.001, batchSize: 16, epochs: 5, note: '004: Adam lr 0.001, batch 16, 5 epochs at 96×96; not run by the author.', noteZh: '004：Adam，学习率 0.001，批量 16，在 96×96 上训练 5 轮；作者没有运行。' },
  },
  {
    id: 'googlenet-paper', title: 'GoogLeNet (paper)', titleZh: 'GoogLeNet（论文）', family: 'GoogLeNet', year: 2014, build: googlenetPaper, source: N002,
    summary: 'GoogLeNet as in the paper (002): 3×224×224, 1000 classes, Inception 3a–5b, two auxiliary classifiers (loss weight 0.3)',
  },
  {
    id: 'resnet-mini', title: 'ResNet (lecture)', titleZh: 'ResNet（讲义）', family: 'ResNet', year: 2015, build: resnetMini, source: `${N001} §5, also 000 and 003`,
    summary: 'The lecture residual network on 1×28×28: two residual blocks (conv–ReLU–conv + x), Linear(512, 10)',
    preset: { dataset: 'mnist', optimizer: 'sgd', lr: 0.1, batchSize: 128, epochs: 10, reference: 0.9892, note: '001 §5.4–5.5: SGD lr 0.1, batch 128, 10 epochs; test accuracy 98.92%.', noteZh: '001 §5.4–5.5：SGD，学习率 0.1，批量 128，10 轮；测试集准确率 98.92%。' },
  },
  { id: 'torchvision-alexnet', title: 'AlexNet (torchvision)', titleZh: 'AlexNet（torchvision 版）', family: 'AlexNet', year: 2012, build: tvAlexnet, source: 'torchvision.models.alexnet', summary: "torchvision's AlexNet (one-GPU variant): 3×224×224, 1000 classes" },
  { id: 'torchvision-vgg11', title: 'VGG-11 (torchvision)', titleZh: 'VGG-11（torchvision 版）', family: 'VGG', year: 2014, build: tvVgg11, source: 'torchvision.models.vgg11', summary: "torchvision's VGG-11 (configuration A), no BatchNorm" },
  { id: 'torchvision-vgg16', title: 'VGG-16 (torchvision)', titleZh: 'VGG-16（torchvision 版）', family: 'VGG', year: 2014, build: tvVgg16, source: 'torchvision.models.vgg16', summary: "torchvision's VGG-16 (configuration D), no BatchNorm" },
  { id: 'torchvision-googlenet', title: 'GoogLeNet (torchvision)', titleZh: 'GoogLeNet（torchvision 版）', family: 'GoogLeNet', year: 2014, build: tvGooglenet, source: 'torchvision.models.googlenet(aux_logits=False)', summary: "torchvision's GoogLeNet with BatchNorm, without auxiliary heads" },
  { id: 'torchvision-resnet18', title: 'ResNet-18 (torchvision)', titleZh: 'ResNet-18（torchvision 版）', family: 'ResNet', year: 2015, build: tvResnet18, source: 'torchvision.models.resnet18', summary: 'ResNet-18: BasicBlocks [2, 2, 2, 2]' },
  { id: 'torchvision-resnet34', title: 'ResNet-34 (torchvision)', titleZh: 'ResNet-34（torchvision 版）', family: 'ResNet', year: 2015, build: tvResnet34, source: 'torchvision.models.resnet34', summary: 'ResNet-34: BasicBlocks [3, 4, 6, 3]' },
  { id: 'torchvision-resnet50', title: 'ResNet-50 (torchvision)', titleZh: 'ResNet-50（torchvision 版）', family: 'ResNet', year: 2015, build: tvResnet50, source: 'torchvision.models.resnet50', summary: 'ResNet-50: Bottlenecks [3, 4, 6, 3], stride on the 3×3 (v1.5)' },
  { id: 'torchvision-resnet152', title: 'ResNet-152 (torchvision)', titleZh: 'ResNet-152（torchvision 版）', family: 'ResNet', year: 2015, build: tvResnet152, source: 'torchvision.models.resnet152', summary: 'ResNet-152: Bottlenecks [3, 8, 36, 3]' },
  { id: 'torchvision-vgg19-bn', title: 'VGG-19 with BatchNorm (torchvision)', titleZh: 'VGG-19（带 BatchNorm，torchvision 版）', family: 'VGG', year: 2014, build: tvVgg19Bn, source: 'torchvision.models.vgg19_bn', summary: "torchvision's VGG-19 (configuration E) with BatchNorm after every convolution" },
  { id: 'torchvision-inception-v3', title: 'Inception-v3 (torchvision)', titleZh: 'Inception-v3（torchvision 版）', family: 'Inception', year: 2015, build: tvInceptionV3, source: 'torchvision.models.inception_v3', summary: 'Inception-v3 on 3×299×299: factorised Inception modules A–E, auxiliary classifier AuxLogits (loss weight 0.4)' },
  { id: 'torchvision-squeezenet1-0', title: 'SqueezeNet 1.0 (torchvision)', titleZh: 'SqueezeNet 1.0（torchvision 版）', family: 'SqueezeNet', year: 2016, build: tvSqueezenet10, source: 'torchvision.models.squeezenet1_0', summary: 'SqueezeNet 1.0: eight Fire modules (1×1 squeeze, then 1×1 and 3×3 expand), a 1×1 convolution as classifier' },
  { id: 'torchvision-wide-resnet50-2', title: 'Wide ResNet-50-2 (torchvision)', titleZh: 'Wide ResNet-50-2（torchvision 版）', family: 'WideResNet', year: 2016, build: tvWideResnet50, source: 'torchvision.models.wide_resnet50_2', summary: 'Wide ResNet-50-2: ResNet-50 with bottlenecks twice as wide inside' },
  { id: 'torchvision-densenet121', title: 'DenseNet-121 (torchvision)', titleZh: 'DenseNet-121（torchvision 版）', family: 'DenseNet', year: 2016, build: tvDensenet121, source: 'torchvision.models.densenet121', summary: 'DenseNet-121: dense blocks [6, 12, 24, 16], growth rate 32, each layer reads all earlier features' },
  { id: 'torchvision-resnext50-32x4d', title: 'ResNeXt-50 32×4d (torchvision)', titleZh: 'ResNeXt-50 32×4d（torchvision 版）', family: 'ResNeXt', year: 2016, build: tvResnext50, source: 'torchvision.models.resnext50_32x4d', summary: 'ResNeXt-50 32×4d: ResNet-50 with 3×3 convolutions in 32 groups of 4 channels' },
  { id: 'torchvision-regnet-x-400mf', title: 'RegNetX-400MF (torchvision)', titleZh: 'RegNetX-400MF（torchvision 版）', family: 'RegNet', year: 2020, build: tvRegnetX400mf, source: 'torchvision.models.regnet_x_400mf', summary: 'RegNetX-400MF: four stages of residual bottlenecks with grouped 3×3 convolutions, widths from the RegNet design space' },
  { id: 'torchvision-shufflenet-v2-x1-0', title: 'ShuffleNet v2 1.0× (torchvision)', titleZh: 'ShuffleNet v2 1.0×（torchvision 版）', family: 'ShuffleNet', year: 2018, build: tvShufflenetV2x10, source: 'torchvision.models.shufflenet_v2_x1_0', summary: 'ShuffleNet v2 1.0×: channel split, two branches joined by torch.cat and a channel shuffle; stages of [4, 8, 4] units, widths 116, 232, 464' },
  { id: 'torchvision-convnext-tiny', title: 'ConvNeXt-T (torchvision)', titleZh: 'ConvNeXt-T（torchvision 版）', family: 'ConvNeXt', year: 2022, build: tvConvnextTiny, source: 'torchvision.models.convnext_tiny', summary: 'ConvNeXt-T: 4×4 patchify stem, blocks [3, 3, 9, 3] of depthwise 7×7, LayerNorm, a 4× inverted bottleneck with GELU, layer scale' },
  { id: 'torchvision-mobilenet-v2', title: 'MobileNet v2 (torchvision)', titleZh: 'MobileNet v2（torchvision 版）', family: 'MobileNet', year: 2018, build: tvMobilenetV2, source: 'torchvision.models.mobilenet_v2', summary: 'MobileNet v2: 17 inverted residuals (1×1 expand, 3×3 depthwise, linear 1×1 project) with ReLU6' },
  { id: 'torchvision-mobilenet-v3-small', title: 'MobileNet v3 small (torchvision)', titleZh: 'MobileNet v3 小型（torchvision 版）', family: 'MobileNet', year: 2019, build: tvMobilenetV3Small, source: 'torchvision.models.mobilenet_v3_small', summary: 'MobileNet v3 small: 11 inverted residuals found by NAS, squeeze-and-excitation, Hardswish' },
  { id: 'torchvision-mnasnet0-5', title: 'MnasNet 0.5 (torchvision)', titleZh: 'MnasNet 0.5（torchvision 版）', family: 'MnasNet', year: 2019, build: tvMnasnet05, source: 'torchvision.models.mnasnet0_5', summary: 'MnasNet-B1 at width 0.5: stacks of inverted residuals (3×3 and 5×5) found by NAS, x.mean([2, 3]) head' },
  { id: 'torchvision-efficientnet-b0', title: 'EfficientNet-B0 (torchvision)', titleZh: 'EfficientNet-B0（torchvision 版）', family: 'EfficientNet', year: 2019, build: tvEfficientnetB0, source: 'torchvision.models.efficientnet_b0', summary: 'EfficientNet-B0: 16 MBConv blocks with squeeze-and-excitation, SiLU, stochastic depth up to 0.2' },
];

/** The zoo; each builder's layers are marked valid (see trustLayers), since tests check every one. */
export const ZOO: readonly ZooEntry[] = ENTRIES.map((e) => ({ ...e, build: (o?: VggOptions) => trustLayers(e.build(o)) }));

export const ZOO_IDS = ZOO.map((e) => e.id);

export function zooEntry(id: string): ZooEntry | undefined {
  return ZOO.find((e) => e.id === id);
}

/** Build a zoo network by id; undefined for an unknown id. */
export function zooGraph(id: string, options?: VggOptions): Graph | undefined {
  return zooEntry(id)?.build(options);
}

/** Lowercase letters and digits only: `ResNet-50`, `resnet_50` and `resnet50` read alike. */
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The zoo id a mistyped one most likely means, or "": the same letters and
 * digits (`LeNet-5` → `lenet5`), then an id whose last parts they are
 * (`resnet-50` → `torchvision-resnet50`), then the nearest by edit distance.
 */
/**
 * The zoo ids for a message: the first few and how many more, so an "unknown model" message stays
 * short however large the zoo grows (it listed all of them, 38 ids by now).
 */
export function zooIdsHint(locale: 'en' | 'zh' = 'en', first = 8): string {
  const shown = ZOO_IDS.slice(0, first);
  const more = ZOO_IDS.length - shown.length;
  if (locale === 'zh') return more > 0 ? `${shown.join('、')} 等 ${ZOO_IDS.length} 个（完整列表见 cnn-graph list）` : shown.join('、');
  return more > 0 ? `${shown.join(', ')} and ${more} more (cnn-graph list has them all)` : shown.join(', ');
}

export function nearestZooId(word: string): string {
  const w = squash(word.slice(0, 200));
  if (!w) return '';
  const exact = ZOO_IDS.find((id) => squash(id) === w);
  if (exact) return exact;
  // The id without its leading parts (`torchvision-`): whole parts only, so `lenet` is not `googlenet`'s tail.
  const tail = ZOO_IDS.find((id) => id.split('-').some((_, k, parts) => k > 0 && squash(parts.slice(k).join('')) === w));
  if (tail) return tail;
  const near = nearestName(w, ZOO_IDS.map(squash));
  return near ? (ZOO_IDS.find((id) => squash(id) === near) ?? '') : '';
}
