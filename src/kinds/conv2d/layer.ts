/**
 * Conv2d for the cases tfjs's `conv2d` layer cannot train: groups > 1, and
 * dilation > 1 (tfjs has no Conv2D gradient for dilation, and refuses a
 * stride together with a dilation). A dilated kernel is spread out with zeros
 * (`D·(K−1)+1` wide) before an ordinary convolution: the same numbers, d²
 * times the multiply-adds, and gradients on every backend.
 * The kernel is stored as `[KH, KW, C_in/groups, C_out]`, PyTorch's
 * `[C_out, C_in/groups, KH, KW]` transposed, so group `g` owns output
 * channels `g·C_out/groups …` and input channels `g·C_in/groups …` as in PyTorch.
 */
import * as tf from '@tensorflow/tfjs';
import { type Initializer, initializerConfig, initializerFrom, isZeroPadding, one, oneShape, validLength, type Kwargs, type LayerArgs, type LayerVariable, type Padding2D, type SymbolicShape } from '../../train/layers/common.js';

export interface GroupedConvArgs extends LayerArgs {
  filters: number;
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  groups: number;
  padding: Padding2D;
  useBias: boolean;
  kernelInitializer: Initializer | tf.serialization.ConfigDict;
  biasInitializer: Initializer | tf.serialization.ConfigDict;
}

export class GroupedConv2d extends tf.layers.Layer {
  static className = 'TorchConv2d';
  readonly filters: number;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly dilation: [number, number];
  readonly groups: number;
  readonly padding: Padding2D;
  readonly useBias: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernelVar: LayerVariable | null = null;
  private biasVar: LayerVariable | null = null;

  constructor(args: GroupedConvArgs) {
    super(args);
    this.filters = args.filters;
    this.kernel = args.kernel;
    this.stride = args.stride;
    this.dilation = args.dilation;
    this.groups = args.groups;
    this.padding = args.padding;
    this.useBias = args.useBias;
    this.kernelInitializer = initializerFrom(args.kernelInitializer);
    this.biasInitializer = initializerFrom(args.biasInitializer);
  }

  override build(inputShape: SymbolicShape | SymbolicShape[]): void {
    const channels = oneShape(inputShape)[3];
    if (channels === null || channels % this.groups !== 0 || this.filters % this.groups !== 0) {
      throw new Error(`${this.name}: groups=${this.groups} must divide ${channels} input and ${this.filters} output channels`);
    }
    this.kernelVar = this.addWeight('kernel', [this.kernel[0], this.kernel[1], channels / this.groups, this.filters], 'float32', this.kernelInitializer);
    if (this.useBias) this.biasVar = this.addWeight('bias', [this.filters], 'float32', this.biasInitializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const [n, h, w] = oneShape(inputShape);
    const ph = h === null ? null : h + this.padding[0][0] + this.padding[0][1];
    const pw = w === null ? null : w + this.padding[1][0] + this.padding[1][1];
    return [n, validLength(ph, this.kernel[0], this.stride[0], this.dilation[0]), validLength(pw, this.kernel[1], this.stride[1], this.dilation[1]), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      let x = one(inputs) as tf.Tensor4D;
      if (!isZeroPadding(this.padding)) x = tf.pad(x, [[0, 0], this.padding[0], this.padding[1], [0, 0]]);
      const kernel = dilateKernel((this.kernelVar as LayerVariable).read() as tf.Tensor4D, this.dilation);
      const stride = this.stride;
      const inC = x.shape[3];
      let y: tf.Tensor4D;
      if (this.groups === 1) {
        y = tf.conv2d(x, kernel, stride, 'valid', 'NHWC');
      } else if (this.groups === inC) {
        // Depthwise: output channel c·m + j reads input channel c, the same order as PyTorch's.
        const depthwise = tf.reshape(kernel, [this.kernel[0], this.kernel[1], inC, this.filters / inC]) as tf.Tensor4D;
        y = tf.depthwiseConv2d(x, depthwise, stride, 'valid', 'NHWC');
      } else {
        const xs = tf.split(x, this.groups, 3);
        const ks = tf.split(kernel, this.groups, 3);
        y = tf.concat(xs.map((xi, g) => tf.conv2d(xi as tf.Tensor4D, ks[g] as tf.Tensor4D, stride, 'valid', 'NHWC')), 3);
      }
      return this.biasVar ? tf.add(y, this.biasVar.read()) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernel: this.kernel,
      stride: this.stride,
      dilation: this.dilation,
      groups: this.groups,
      padding: this.padding,
      useBias: this.useBias,
      kernelInitializer: initializerConfig(this.kernelInitializer),
      biasInitializer: initializerConfig(this.biasInitializer),
    };
  }
}

/**
 * `[KH, KW, I, O]` → `[D_h(KH−1)+1, D_w(KW−1)+1, I, O]` with the taps `D` apart
 * and zeros between, built from pad/reshape/slice so the kernel keeps its gradient.
 */
export function dilateKernel(kernel: tf.Tensor4D, [dh, dw]: [number, number]): tf.Tensor4D {
  if (dh === 1 && dw === 1) return kernel;
  return tf.tidy(() => {
    const [kh, kw, i, o] = kernel.shape;
    let k = tf.reshape(kernel, [kh, 1, kw, 1, i, o]);
    k = tf.pad(k, [[0, 0], [0, dh - 1], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
    k = tf.reshape(k, [kh * dh, kw * dw, i, o]);
    return tf.slice(k as tf.Tensor4D, [0, 0, 0, 0], [dh * (kh - 1) + 1, dw * (kw - 1) + 1, i, o]);
  });
}

tf.serialization.registerClass(GroupedConv2d);
