/**
 * ConvTranspose2d with PyTorch's arguments. tfjs's `conv2dTranspose` knows
 * only 'same' and 'valid' padding, no output_padding, no groups and no
 * dilation, so this layer computes the full 'valid' scatter (every input
 * pixel times the whole kernel, `(H−1)·S + D(K−1) + 1` long), then keeps
 * PyTorch's window of it: `P` cropped at the start, the output `(H−1)·S − 2P
 * + D(K−1) + output_padding + 1` long, rows past the scatter being zeros (only
 * the bias reaches them). A dilated kernel is spread out with zeros first
 * (conv2d's dilateKernel), groups are separate transposed convolutions
 * concatenated in PyTorch's channel order. Every op has a gradient on every
 * backend (conv2dTranspose's are conv2d and Conv2DBackpropFilter).
 * The kernel is stored as `[KH, KW, C_out/groups, C_in]`, tfjs's transposed
 * layout, which is PyTorch's `[C_in, C_out/groups, KH, KW]` with the axes
 * permuted like any convolution kernel's.
 */
import * as tf from '@tensorflow/tfjs';
import { transposedConvOutputSize } from '../../analysis/arith.js';
import { type Initializer, initializerConfig, initializerFrom, one, oneShape, type Kwargs, type LayerArgs, type LayerVariable, type SymbolicShape } from '../../train/layers/common.js';
import { dilateKernel } from '../conv2d/layer.js';

type P2 = [number, number];

export interface TransposedConvArgs extends LayerArgs {
  filters: number;
  kernel: P2;
  stride: P2;
  padding: P2;
  outputPadding: P2;
  dilation: P2;
  groups: number;
  useBias: boolean;
  kernelInitializer: Initializer | tf.serialization.ConfigDict;
  biasInitializer: Initializer | tf.serialization.ConfigDict;
}

export class TransposedConv2d extends tf.layers.Layer {
  static className = 'TorchConvTranspose2d';
  readonly filters: number;
  readonly kernel: P2;
  readonly stride: P2;
  readonly padding: P2;
  readonly outputPadding: P2;
  readonly dilation: P2;
  readonly groups: number;
  readonly useBias: boolean;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernelVar: LayerVariable | null = null;
  private biasVar: LayerVariable | null = null;

  constructor(args: TransposedConvArgs) {
    super(args);
    this.filters = args.filters;
    this.kernel = args.kernel;
    this.stride = args.stride;
    this.padding = args.padding;
    this.outputPadding = args.outputPadding;
    this.dilation = args.dilation;
    this.groups = args.groups;
    this.useBias = args.useBias;
    this.kernelInitializer = initializerFrom(args.kernelInitializer);
    this.biasInitializer = initializerFrom(args.biasInitializer);
  }

  override build(inputShape: SymbolicShape | SymbolicShape[]): void {
    const channels = oneShape(inputShape)[3];
    if (channels === null || channels % this.groups !== 0 || this.filters % this.groups !== 0) {
      throw new Error(`${this.name}: groups=${this.groups} must divide ${channels} input and ${this.filters} output channels`);
    }
    // fan_in of [KH, KW, C_out/groups, C_in] is C_out/groups·KH·KW, PyTorch's for a transposed weight.
    this.kernelVar = this.addWeight('kernel', [this.kernel[0], this.kernel[1], this.filters / this.groups, channels], 'float32', this.kernelInitializer);
    if (this.useBias) this.biasVar = this.addWeight('bias', [this.filters], 'float32', this.biasInitializer);
    this.built = true;
  }

  private outLength(input: number | null, i: 0 | 1): number | null {
    return input === null ? null : transposedConvOutputSize(input, this.kernel[i], this.stride[i], this.padding[i], this.dilation[i], this.outputPadding[i]);
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const [n, h, w] = oneShape(inputShape);
    return [n, this.outLength(h, 0), this.outLength(w, 1), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs) as tf.Tensor4D;
      const [n, h, w] = x.shape;
      const kernel = dilateKernel((this.kernelVar as LayerVariable).read() as tf.Tensor4D, this.dilation);
      const [kh, kw] = kernel.shape;
      const full: P2 = [(h - 1) * this.stride[0] + kh, (w - 1) * this.stride[1] + kw];
      const perGroup = this.filters / this.groups;
      const scatter = (xi: tf.Tensor4D, ki: tf.Tensor4D) => tf.conv2dTranspose(xi, ki, [n, full[0], full[1], perGroup], this.stride, 'valid');
      let y: tf.Tensor4D;
      if (this.groups === 1) y = scatter(x, kernel);
      else {
        // Group g reads input channels g·C_in/groups… and writes output channels g·C_out/groups…, as in PyTorch.
        const xs = tf.split(x, this.groups, 3) as tf.Tensor4D[];
        const ks = tf.split(kernel, this.groups, 3) as tf.Tensor4D[];
        y = tf.concat(xs.map((xi, g) => scatter(xi, ks[g])), 3);
      }
      // PyTorch's window of the scatter: from P, out long; past the scatter's end only zeros.
      const out: P2 = [this.outLength(h, 0) as number, this.outLength(w, 1) as number];
      const beyond = [0, 1].map((i) => Math.max(0, this.padding[i] + out[i] - full[i]));
      if (beyond[0] > 0 || beyond[1] > 0) y = tf.pad(y, [[0, 0], [0, beyond[0]], [0, beyond[1]], [0, 0]]);
      if (this.padding[0] > 0 || this.padding[1] > 0 || out[0] !== y.shape[1] || out[1] !== y.shape[2]) {
        y = tf.slice(y, [0, this.padding[0], this.padding[1], 0], [n, out[0], out[1], this.filters]);
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
      padding: this.padding,
      outputPadding: this.outputPadding,
      dilation: this.dilation,
      groups: this.groups,
      useBias: this.useBias,
      kernelInitializer: initializerConfig(this.kernelInitializer),
      biasInitializer: initializerConfig(this.biasInitializer),
    };
  }
}

tf.serialization.registerClass(TransposedConv2d);
