/** Building blocks shared by several zoo networks, each mirroring the notes' PyTorch class. */
import type { ModuleDef, Scope, Tensor } from '../graph/builder.js';
import { BatchNorm2d, Concat, Conv2d, MaxPool2d, ReLU } from '../kinds/constructors.js';
import type { IntOrPair } from '../graph/types.js';

/** The notes' `vgg_block(num_convs, in, out)`: 3×3 convolutions with ReLU, then a 2×2 max pool. */
export function vggBlock(numConvs: number, inChannels: number, outChannels: number): ModuleDef {
  return {
    type: 'Sequential',
    label: 'VGG block',
    build(m, x) {
      const parts = [];
      for (let i = 0; i < numConvs; i++) parts.push(Conv2d(i === 0 ? inChannels : outChannels, outChannels, 3, { padding: 1 }), ReLU());
      return m.chain([...parts, MaxPool2d(2, 2)], x);
    },
  };
}

/** The notes' `nin_block`: one k×k convolution and two 1×1 convolutions, each with ReLU. */
export function ninBlock(inChannels: number, outChannels: number, kernel: number, stride: number, padding: number): ModuleDef {
  return {
    type: 'Sequential',
    label: 'NiN block',
    build: (m, x) =>
      m.chain([Conv2d(inChannels, outChannels, kernel, { stride, padding }), ReLU(), Conv2d(outChannels, outChannels, 1), ReLU(), Conv2d(outChannels, outChannels, 1), ReLU()], x),
  };
}

/** `BasicConv2d`: a convolution followed by a ReLU module (the 002 GoogLeNet). */
export function basicConvRelu(inC: number, outC: number, kernel: number, opts: { stride?: number; padding?: number } = {}): ModuleDef {
  return {
    type: 'BasicConv2d',
    build(m, x) {
      const y = m.layer('conv', Conv2d(inC, outC, kernel, opts), x);
      return m.layer('relu', ReLU({ inplace: true }), y);
    },
  };
}

/** torchvision's `BasicConv2d`: bias-free convolution, BatchNorm (eps 0.001), functional ReLU. */
export function basicConvBn(inC: number, outC: number, kernel: IntOrPair, opts: { stride?: IntOrPair; padding?: IntOrPair } = {}): ModuleDef {
  return {
    type: 'BasicConv2d',
    build(m, x) {
      const y = m.layer('conv', Conv2d(inC, outC, kernel, { ...opts, bias: false }), x);
      const z = m.layer('bn', BatchNorm2d(outC, { eps: 0.001 }), y);
      return m.fn('relu', ReLU({ inplace: true }), z);
    },
  };
}

/**
 * The paper's Inception(in, #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj),
 * four branches joined on the channel axis. `conv` makes each convolution unit;
 * torchvision's branch 3 uses a 3×3 kernel where the paper has 5×5.
 */
export function inceptionV1(
  inC: number,
  c1: number,
  c3r: number,
  c3: number,
  c5r: number,
  c5: number,
  pool: number,
  conv: (i: number, o: number, k: number, o2?: { padding?: number }) => ModuleDef,
  opts: { branch3Kernel?: number; poolCeil?: boolean } = {},
): ModuleDef {
  const k5 = opts.branch3Kernel ?? 5;
  return {
    type: 'Inception',
    build(m: Scope, x: Tensor) {
      const b1 = m.call('branch1', conv(inC, c1, 1), x);
      const b2 = m.seq('branch2', [conv(inC, c3r, 1), conv(c3r, c3, 3, { padding: 1 })], x);
      const b3 = m.seq('branch3', [conv(inC, c5r, 1), conv(c5r, c5, k5, { padding: (k5 - 1) / 2 })], x);
      const b4 = m.seq('branch4', [MaxPool2d(3, { stride: 1, padding: 1, ...(opts.poolCeil ? { ceil_mode: true } : {}) }), conv(inC, pool, 1)], x);
      return m.fn('cat', Concat(), [b1, b2, b3, b4]);
    },
  };
}

