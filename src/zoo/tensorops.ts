/**
 * ShuffleNet v2 and ConvNeXt exactly as torchvision 0.14 builds them
 * (torchvision.models.shufflenet_v2_x1_0 and convnext_tiny, weights=None),
 * with torchvision's module paths and class names. What their forward passes
 * do as functions (x.chunk, torch.cat, channel_shuffle, x.mean, the layer
 * scale's product, `result += input`) are functional layers named after the
 * forward's own words.
 */
import { GraphBuilder, type ModuleDef } from '../graph/builder.js';
import { AdaptiveAvgPool2d, Add, BatchNorm2d, ChannelShuffle, Chunk, Concat, Conv2d, Flatten, GELU, LayerNorm, LayerNorm2d, Linear, MaxPool2d, Mean, Mul, Parameter, Permute, ReLU, StochasticDepth } from '../kinds/constructors.js';
import type { Graph } from '../graph/types.js';
import type { ZooOptions } from './notes.js';

type In = readonly [number, number, number];
const IMAGENET: In = [3, 224, 224];

/**
 * ShuffleNet v2's unit. Stride 1: half the channels pass untouched (x1), the
 * other half (x2) go through branch2; stride 2: both branches see the whole
 * input. Then torch.cat and channel_shuffle(out, 2) mix the halves.
 */
function invertedResidual(inp: number, oup: number, stride: number): ModuleDef {
  const f = oup / 2;
  const dw = (c: number) => Conv2d(c, c, 3, { stride, padding: 1, bias: false, groups: c });
  return {
    type: 'InvertedResidual',
    build(m, x) {
      const branch2 = (from: number, input: typeof x) =>
        m.seq('branch2', [Conv2d(from, f, 1, { bias: false }), BatchNorm2d(f), ReLU({ inplace: true }), dw(f), BatchNorm2d(f), Conv2d(f, f, 1, { bias: false }), BatchNorm2d(f), ReLU({ inplace: true })], input);
      let out;
      if (stride === 1) {
        const x1 = m.fn('x1', Chunk(2, 1, 0), x);
        const x2 = m.fn('x2', Chunk(2, 1, 1), x);
        out = m.fn('cat', Concat(1), [x1, branch2(f, x2)]);
      } else {
        const b1 = m.seq('branch1', [dw(inp), BatchNorm2d(inp), Conv2d(inp, f, 1, { bias: false }), BatchNorm2d(f), ReLU({ inplace: true })], x);
        out = m.fn('cat', Concat(1), [b1, branch2(inp, x)]);
      }
      return m.fn('channel_shuffle', ChannelShuffle(2), out);
    },
  };
}

export function tvShufflenetV2x10(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-shufflenet-v2-x1-0', input, 'ShuffleNet v2 1.0× (torchvision)');
  const repeats = [4, 8, 4];
  const widths = [24, 116, 232, 464, 1024];
  let x = net.seq('conv1', [Conv2d(input[0], widths[0], 3, { stride: 2, padding: 1, bias: false }), BatchNorm2d(widths[0]), ReLU({ inplace: true })], net.input);
  x = net.layer('maxpool', MaxPool2d(3, { stride: 2, padding: 1 }), x);
  let c = widths[0];
  repeats.forEach((n, i) => {
    const out = widths[i + 1];
    const units = [invertedResidual(c, out, 2), ...Array.from({ length: n - 1 }, () => invertedResidual(out, out, 1))];
    x = net.seq(`stage${i + 2}`, units, x);
    c = out;
  });
  x = net.seq('conv5', [Conv2d(c, widths[4], 1, { bias: false }), BatchNorm2d(widths[4]), ReLU({ inplace: true })], x);
  x = net.fn('mean', Mean([2, 3]), x); // globalpool
  return net.build(net.layer('fc', Linear(widths[4], o.classes ?? 1000), x));
}

/**
 * ConvNeXt's block: a depthwise 7×7, then, channels-last, LayerNorm and an
 * inverted bottleneck of two Linear layers (4× wider) with one GELU; back to
 * channels-first, scaled per channel by the learnable layer_scale (1e-6 at
 * first), dropped in training by stochastic depth, and added to the input.
 */
function cnBlock(dim: number, sdProb: number): ModuleDef {
  return {
    type: 'CNBlock',
    build(m, x) {
      const y = m.seq(
        'block',
        [Conv2d(dim, dim, 7, { padding: 3, groups: dim }), Permute([0, 2, 3, 1]), LayerNorm(dim, { eps: 1e-6 }), Linear(dim, 4 * dim), GELU(), Linear(4 * dim, dim), Permute([0, 3, 1, 2])],
        x,
      );
      const scale = m.fn('layer_scale', Parameter([dim, 1, 1], 1e-6), []);
      const scaled = m.fn('mul', Mul(), [scale, y]);
      return m.fn('add', Add(), [m.layer('stochastic_depth', StochasticDepth(sdProb, 'row'), scaled), x]);
    },
  };
}

export function tvConvnextTiny(o: ZooOptions = {}): Graph {
  const input = o.input ?? IMAGENET;
  const net = new GraphBuilder('torchvision-convnext-tiny', input, 'ConvNeXt-T (torchvision)');
  const setting: [number, number | null, number][] = [[96, 192, 3], [192, 384, 3], [384, 768, 9], [768, null, 3]];
  const total = setting.reduce((a, s) => a + s[2], 0);
  const ln2d = (c: number) => LayerNorm2d(c, { eps: 1e-6 });
  let x = net.module('features', 'Sequential', (features) => {
    // The stem: Conv2dNormActivation without an activation, a 4×4 "patchify" convolution of stride 4.
    let y = features.seq(0, [Conv2d(input[0], 96, 4, { stride: 4 }), ln2d(96)], net.input, 'Conv2dNormActivation');
    let id = 0;
    let at = 1;
    for (const [c, out, n] of setting) {
      const blocks: ModuleDef[] = [];
      // torchvision: stochastic_depth_prob (0.1 for convnext_tiny) grows linearly with the block's index.
      for (let b = 0; b < n; b++) blocks.push(cnBlock(c, (0.1 * id++) / (total - 1)));
      y = features.seq(at++, blocks, y);
      if (out !== null) y = features.seq(at++, [ln2d(c), Conv2d(c, out, 2, { stride: 2 })], y);
    }
    return y;
  });
  x = net.layer('avgpool', AdaptiveAvgPool2d(1), x);
  return net.build(net.seq('classifier', [ln2d(768), Flatten(), Linear(768, o.classes ?? 1000)], x));
}
