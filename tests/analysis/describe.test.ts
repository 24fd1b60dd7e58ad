/**
 * What a module computes, in words (src/analysis/describe.ts): golden labels for
 * the modules of six zoo families, the general rules on networks the zoo does
 * not have (so a reader's own network is described by the same rules), and the
 * Chinese words.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { moduleDescriber } from '../../src/analysis/describe.js';
import { GraphBuilder, type ModuleDef } from '../../src/graph/builder.js';
import type { Graph } from '../../src/graph/types.js';
import { Add, AdaptiveAvgPool2d, BatchNorm2d, Concat, Conv2d, ConvTranspose2d, Linear, MaxPool2d, Mul, Parameter, ReLU, Sigmoid, Upsample } from '../../src/kinds/constructors.js';
import { ZOO, zooGraph } from '../../src/zoo/index.js';

const describer = (g: Graph) => moduleDescriber(g, analyze(g));
const zoo = (id: string) => describer(zooGraph(id) as Graph);
const headings = (id: string, paths: readonly string[], locale: 'en' | 'zh' = 'en') => {
  const d = zoo(id);
  return Object.fromEntries(paths.map((p) => [p, d.heading(p, locale)]));
};

describe('the zoo: what each module computes', () => {
  it('GoogLeNet (d2l): the notes’ stages b1–b5, and each Inception block’s four branches', () => {
    const want = {
      '0': 'b1 · 7×7/2 conv, 64 → 3×3/2 max pool',
      // As written in the notes, b2 has no ReLU between its convolutions; the words do not need one.
      '1': 'b2 · 1×1 → 3×3 conv, 192 → 3×3/2 max pool',
      '2': 'b3 · 2 × Inception → 3×3/2 max pool',
      '2.0': '1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 max pool → 1×1',
      '3': 'b4 · 5 × Inception → 3×3/2 max pool',
      '3.4': '1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 max pool → 1×1',
      '4': 'b5 · 2 × Inception → global avg pool',
    };
    expect(headings('googlenet', Object.keys(want))).toEqual(want);
  });

  it('GoogLeNet (paper, torchvision): the branches are modules of their own', () => {
    expect(headings('googlenet-paper', ['conv1', 'inception3a', 'inception3a.branch1', 'inception3a.branch2', 'inception3a.branch3', 'inception3a.branch4', 'aux1'])).toEqual({
      conv1: '7×7/2',
      inception3a: '1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 max pool → 1×1',
      'inception3a.branch1': '1×1',
      'inception3a.branch2': '1×1 → 3×3',
      'inception3a.branch3': '1×1 → 5×5',
      'inception3a.branch4': '3×3 max pool → 1×1',
      aux1: '5×5/3 avg pool → 1×1 → fc 1024 → fc 1000',
    });
    // torchvision's branch 3 is a 3×3, not the paper's 5×5 (a known slip it keeps for its weights).
    expect(zoo('torchvision-googlenet').heading('inception3a.branch3')).toBe('1×1 → 3×3');
  });

  it('ResNet-50: the paper’s stages conv2_x–conv5_x, bottlenecks with and without a projection', () => {
    const want = {
      layer1: 'conv2_x · 3 × Bottleneck',
      'layer1.0': '1×1 → 3×3 → 1×1 + 1×1 shortcut',
      'layer1.1': '1×1 → 3×3 → 1×1 + shortcut',
      layer2: 'conv3_x · 4 × Bottleneck',
      'layer2.0': '1×1 → 3×3/2 → 1×1 + 1×1/2 shortcut',
      'layer2.0.downsample': '1×1/2',
      layer3: 'conv4_x · 6 × Bottleneck',
      layer4: 'conv5_x · 3 × Bottleneck',
      'layer4.2': '1×1 → 3×3 → 1×1 + shortcut',
    };
    expect(headings('torchvision-resnet50', Object.keys(want))).toEqual(want);
    expect(headings('torchvision-resnet18', ['layer1.0', 'layer2.0'])).toEqual({ 'layer1.0': '2 × 3×3 + shortcut', 'layer2.0': '3×3/2 → 3×3 + 1×1/2 shortcut' });
    expect(zoo('torchvision-resnext50-32x4d').heading('layer2.0')).toBe('1×1 → 3×3/2 g32 → 1×1 + 1×1/2 shortcut');
  });

  it('VGG: a run of equal convolutions closed by a pool is written with its width', () => {
    expect(headings('torchvision-vgg16', ['features', 'classifier'])).toEqual({
      features: '2 × 3×3 conv, 64 → 2×2/2 max pool → 2 × 3×3 conv, 128 → 2×2/2 max pool → 3 × 3×3 conv, 256 → 2×2/2 max pool → 3 × 3×3 conv, 512 → 2×2/2 max pool → 3 × 3×3 conv, 512 → 2×2/2 max pool',
      classifier: '2 × fc 4096 → fc 1000',
    });
    expect(headings('vgg11', ['vgg_block_1', 'vgg_block_3'])).toEqual({ vgg_block_1: '3×3 conv, 64 → 2×2/2 max pool', vgg_block_3: '2 × 3×3 conv, 256 → 2×2/2 max pool' });
  });

  it('MobileNet v2: inverted residuals, the 1×1 before a depthwise 3×3 is its expansion', () => {
    const want = {
      features: '3×3/2 → 17 × InvertedResidual → 1×1',
      'features.0': '3×3/2',
      'features.1': '3×3 dw → 1×1',
      'features.1.conv.0': '3×3 dw',
      'features.2': 'expand 1×1 → 3×3/2 dw → 1×1',
      'features.3': 'expand 1×1 → 3×3 dw → 1×1 + shortcut',
      'features.14': 'expand 1×1 → 3×3/2 dw → 1×1',
      'features.18': '1×1',
      classifier: 'fc 1000',
    };
    expect(headings('torchvision-mobilenet-v2', Object.keys(want))).toEqual(want);
  });

  it('DenseNet-121: dense blocks, their layers and the transitions', () => {
    const want = {
      features: '7×7/2 conv, 64 → 3×3/2 max pool → DenseBlock → Transition → DenseBlock → Transition → DenseBlock → Transition → DenseBlock',
      'features.denseblock1': '6 × DenseLayer, densely connected',
      'features.denseblock1.denselayer1': '1×1 → 3×3',
      'features.denseblock1.denselayer6': '1×1 → 3×3',
      'features.transition1': '1×1 conv, 128 → 2×2/2 avg pool',
      'features.denseblock3': '24 × DenseLayer, densely connected',
    };
    expect(headings('torchvision-densenet121', Object.keys(want))).toEqual(want);
    // The class is torchvision's, read without its leading underscore.
    expect(zoo('torchvision-densenet121').className('features.denseblock1')).toBe('DenseBlock');
  });

  it('EfficientNet-B0: the paper’s stages, MBConv with squeeze-and-excitation', () => {
    const want = {
      features: '3×3/2 → 16 × MBConv → 1×1',
      'features.1': 'stage 2 · MBConv',
      'features.1.0': '3×3 dw → squeeze-excite → 1×1',
      'features.1.0.block.1': 'squeeze-excite',
      'features.2': 'stage 3 · 2 × MBConv',
      'features.2.0': 'expand 1×1 → 3×3/2 dw → squeeze-excite → 1×1',
      'features.2.1': 'expand 1×1 → 3×3 dw → squeeze-excite → 1×1 + shortcut',
      'features.3.0': 'expand 1×1 → 5×5/2 dw → squeeze-excite → 1×1',
      'features.7': 'stage 8 · MBConv',
    };
    expect(headings('torchvision-efficientnet-b0', Object.keys(want))).toEqual(want);
  });

  it('other families: Inception-v3’s nested branches, Fire, ConvNeXt’s layer scale, ShuffleNet’s split', () => {
    expect(zoo('torchvision-inception-v3').heading('Mixed_7b')).toBe('1×1 | 1×1 → (1×3 | 3×1) | 1×1 → 3×3 → (1×3 | 3×1) | 3×3 avg pool → 1×1');
    expect(zoo('torchvision-squeezenet1-0').heading('features.3')).toBe('1×1 → (1×1 | 3×3)');
    // γ·x (a learned Parameter times the block) is no branch.
    expect(zoo('torchvision-convnext-tiny').heading('features.1.0')).toBe('7×7 dw → fc 384 → fc 96 + shortcut');
    expect(zoo('torchvision-shufflenet-v2-x1-0').heading('stage2.1')).toBe('(identity | 1×1 → 3×3 dw → 1×1) → channel shuffle');
  });

  it('in Chinese: the notes’ terms, PyTorch’s notation kept', () => {
    expect(headings('googlenet', ['0', '2'], 'zh')).toEqual({ '0': 'b1 · 7×7/2 卷积，64 → 3×3/2 最大汇聚', '2': 'b3 · 2 × Inception → 3×3/2 最大汇聚' });
    expect(headings('torchvision-resnet50', ['layer2.0', 'layer1.1'], 'zh')).toEqual({ 'layer2.0': '1×1 → 3×3/2 → 1×1 + 1×1/2 捷径', 'layer1.1': '1×1 → 3×3 → 1×1 + 捷径' });
    expect(headings('torchvision-efficientnet-b0', ['features.1', 'features.2.1'], 'zh')).toEqual({
      'features.1': '阶段 2 · MBConv',
      'features.2.1': '扩展 1×1 → 3×3 逐通道 → 挤压-激励 → 1×1 + 捷径',
    });
    expect(zoo('torchvision-densenet121').heading('features.denseblock1', 'zh')).toBe('6 × DenseLayer，稠密连接');
    expect(zoo('torchvision-vgg16').heading('classifier', 'zh')).toBe('2 × 全连接 4096 → 全连接 1000');
  });

  it('every module of every zoo network has words, none of them a container’s class name', () => {
    for (const e of ZOO) {
      const g = e.build();
      const d = describer(g);
      for (const m of g.modules) {
        for (const locale of ['en', 'zh'] as const) {
          const h = d.heading(m.path, locale);
          expect(h, `${e.id} ${m.path}`).not.toBe('');
          expect(h, `${e.id} ${m.path}`).not.toMatch(/Sequential|undefined|NaN/);
        }
      }
    }
  });
});

/** A module of a reader's network, built with the builder: the rules, not a table, describe it. */
function oneModule(type: string, build: ModuleDef['build'], input: [number, number, number] = [16, 32, 32]): { text: string; zh: string } {
  const net = new GraphBuilder('mine', input);
  const y = net.call('block', { type, build }, net.input);
  const g = net.build(net.layer('head', Conv2d(64, 10, 1), y));
  const d = describer(g);
  return { text: d.heading('block'), zh: d.heading('block', 'zh') };
}

describe('the rules, on networks the zoo does not have', () => {
  it('a residual block with a projection shortcut: the longer path is the work, the other the shortcut', () => {
    const r = oneModule('MyBlock', (m, x) => {
      const a = m.layer('bn', BatchNorm2d(64), m.layer('c2', Conv2d(64, 64, 3, { padding: 1 }), m.layer('relu', ReLU(), m.layer('c1', Conv2d(16, 64, 3, { stride: 2, padding: 1 }), x))));
      const s = m.layer('proj', Conv2d(16, 64, 1, { stride: 2 }), x);
      return m.fn('add', Add(), [s, a]);
    });
    expect(r.text).toBe('3×3/2 → 3×3 + 1×1/2 shortcut');
    expect(r.zh).toBe('3×3/2 → 3×3 + 1×1/2 捷径');
  });

  it('squeeze-and-excitation written inline (no module of its own) is one step', () => {
    const r = oneModule('Gate', (m, x) => {
      const c = m.layer('conv', Conv2d(16, 64, 3, { padding: 1 }), x);
      const s = m.layer('sig', Sigmoid(), m.layer('fc2', Conv2d(4, 64, 1), m.layer('act', ReLU(), m.layer('fc1', Conv2d(64, 4, 1), m.layer('pool', AdaptiveAvgPool2d(1), c)))));
      return m.fn('scale', Mul(), [c, s]);
    });
    expect(r.text).toBe('3×3 → squeeze-excite');
  });

  it('a product that is no excitation (no global pool first) is two paths', () => {
    const r = oneModule('Product', (m, x) => m.fn('mul', Mul(), [m.layer('a', Conv2d(16, 64, 1), x), m.layer('b', Conv2d(16, 64, 3, { padding: 1 }), x)]));
    expect(r.text).toBe('1×1 × 3×3');
  });

  it('a chain of layers each reading all before it, concatenated, is dense', () => {
    const r = oneModule('Dense', (m, x) => {
      const a = m.layer('l1', Conv2d(16, 16, 3, { padding: 1 }), x);
      const b = m.layer('l2', Conv2d(32, 16, 3, { padding: 1 }), m.fn('cat1', Concat(), [x, a]));
      const c = m.layer('l3', Conv2d(48, 16, 3, { padding: 1 }), m.fn('cat2', Concat(), [x, a, b]));
      return m.layer('out', Conv2d(64, 64, 1), m.fn('cat3', Concat(), [x, a, b, c]));
    });
    expect(r.text).toBe('(3 × 3×3, densely connected) → 1×1');
  });

  it('a branch that splits again is nested in parentheses; an empty path is the identity', () => {
    const r = oneModule('Split', (m, x) => {
      const stem = m.layer('stem', Conv2d(16, 16, 1), x);
      const inner = m.fn('inner', Concat(), [m.layer('a', Conv2d(16, 8, [1, 3], { padding: [0, 1] }), stem), m.layer('b', Conv2d(16, 8, [3, 1], { padding: [1, 0] }), stem)]);
      return m.fn('cat', Concat(), [x, inner, m.layer('c', Conv2d(16, 32, 3, { padding: 2, dilation: 2 }), x)]);
    });
    expect(r.text).toBe('identity | 1×1 → (1×3 | 3×1) | 3×3 d2');
    expect(r.zh).toBe('恒等 | 1×1 → (1×3 | 3×1) | 3×3 d2');
  });

  it('a learned scale (a Parameter times the path) adds nothing; grouped, transposed and upsampling layers say so', () => {
    const r = oneModule('Decoder', (m, x) => {
      const g = m.layer('grouped', Conv2d(16, 64, 3, { padding: 1, groups: 4 }), x);
      const t = m.layer('up', ConvTranspose2d(64, 64, 2, { stride: 2 }), g);
      const u = m.layer('resize', Upsample({ scale_factor: 0.5, mode: 'nearest' }), t);
      return m.fn('scaled', Mul(), [m.fn('gamma', Parameter([64, 1, 1]), []), u]);
    });
    expect(r.text).toBe('3×3 g4 → 2×2/2 transposed → upsample');
  });

  it('a module of norms and activations only is called by its class; a label replaces the class', () => {
    expect(oneModule('NormAct', (m, x) => m.layer('relu', ReLU(), m.layer('bn', BatchNorm2d(16), m.layer('c', Conv2d(16, 64, 1), x)))).text).toBe('1×1');
    const net = new GraphBuilder('mine', [16, 8, 8]);
    const y = net.call('pre', { type: 'PreAct', label: 'pre-activation', build: (m, x) => m.layer('relu', ReLU(), m.layer('bn', BatchNorm2d(16), x)) }, net.input);
    const g = net.build(net.call('stage', { type: 'Sequential', build: (m, x) => m.chain([{ type: 'PreAct', label: 'pre-activation', build: (s, z) => s.layer('relu', ReLU(), z) }, MaxPool2d(2)], x) }, y));
    const d = describer(g);
    expect(d.heading('pre')).toBe('pre-activation');
    expect(d.heading('stage')).toBe('pre-activation → 2×2/2 max pool');
  });

  it('a module holding a long chain is described in one walk (no recursion per layer, no ancestor sets)', () => {
    const r = oneModule('Deep', (m, x) => {
      let y = x;
      for (let i = 0; i < 20_000; i++) y = m.layer(`c${i}`, Conv2d(i === 0 ? 16 : 64, 64, 3, { padding: 1 }), y);
      return m.fn('add', Add(), [m.layer('proj', Conv2d(16, 64, 1), x), y]);
    }, [16, 4, 4]);
    expect(r.text).toBe('20000 × 3×3 + 1×1 shortcut');
  });

  it('a title goes first; a title that is not text is left out', () => {
    const net = new GraphBuilder('mine', [3, 32, 32]);
    const y = net.seq('stem', [Conv2d(3, 16, 3, { padding: 1 }), ReLU()], net.input, 'Sequential', { title: 'stage 1', titleZh: '阶段 1' });
    const g = net.build(y);
    expect(describer(g).heading('stem')).toBe('stage 1 · 3×3');
    expect(describer(g).heading('stem', 'zh')).toBe('阶段 1 · 3×3');
    const odd = { ...g, modules: [{ path: 'stem', type: 'Sequential', title: 42 as unknown as string }] };
    expect(describer(odd).heading('stem')).toBe('3×3');
  });
});
