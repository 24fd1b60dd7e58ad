/**
 * Shared pieces of the custom tfjs layers: the types tfjs-layers does not
 * export from its root, and the few tensor helpers several layers need.
 * Every layer works on channels-last (NHWC) tensors.
 */
import * as tf from '@tensorflow/tfjs';

/** tfjs-layers' `LayerArgs` (name, trainable, …), which the package does not export by name. */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
/** A symbolic shape, batch first: `[null, H, W, C]`. */
export type SymbolicShape = (number | null)[];
export type Kwargs = Record<string, unknown>;
/** tfjs-layers' `Initializer` class, which the package does not export by name. */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;
export type LayerVariable = tf.layers.Layer['weights'][number];
/** Per-axis padding `[[top, bottom], [left, right]]`. */
export type Padding2D = [[number, number], [number, number]];

/** The one tensor of a single-input layer. */
export function one(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (Array.isArray(inputs)) {
    if (inputs.length !== 1) throw new Error(`expected one input tensor, got ${inputs.length}`);
    return inputs[0];
  }
  return inputs;
}

export function oneShape(s: SymbolicShape | SymbolicShape[]): SymbolicShape {
  if (Array.isArray(s[0]) || s.length === 0) {
    const list = s as SymbolicShape[];
    if (list.length !== 1) throw new Error(`expected one input shape, got ${list.length}`);
    return list[0];
  }
  return s as SymbolicShape;
}

/** The output length of a 'valid' sliding window (tf's arithmetic, no padding, no rounding up). */
export function validLength(input: number | null, kernel: number, stride: number, dilation = 1): number | null {
  if (input === null) return null;
  return Math.floor((input - (dilation * (kernel - 1) + 1)) / stride) + 1;
}

export function isZeroPadding(p: Padding2D): boolean {
  return p[0][0] === 0 && p[0][1] === 0 && p[1][0] === 0 && p[1][1] === 0;
}

/**
 * Every `s`-th row and column starting at 0, as a strided convolution or pool
 * takes them from the stride-1 result. tfjs has no gradient for StridedSlice,
 * so this pads to a multiple of the stride, reshapes and slices, all of which
 * have gradients on every backend.
 */
export function subsample(x: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  return tf.tidy(() => {
    let y = x;
    const [n, h, w, c] = y.shape;
    if (sh > 1) {
      const oh = Math.ceil(h / sh);
      if (oh * sh !== h) y = tf.pad(y, [[0, 0], [0, oh * sh - h], [0, 0], [0, 0]]);
      y = tf.reshape(y, [n, oh, sh * w * c]).slice([0, 0, 0], [n, oh, w * c]).reshape([n, oh, w, c]);
    }
    if (sw > 1) {
      const rows = y.shape[1];
      const ow = Math.ceil(w / sw);
      if (ow * sw !== w) y = tf.pad(y, [[0, 0], [0, 0], [0, ow * sw - w], [0, 0]]);
      y = tf.slice(tf.reshape(y, [n, rows, ow, sw * c]) as tf.Tensor4D, [0, 0, 0, 0], [n, rows, ow, c]);
    }
    return y;
  });
}

/** An initializer as a layer config stores it: `{className, config}`. */
export function initializerConfig(init: Initializer): tf.serialization.ConfigDict {
  return { className: init.getClassName(), config: init.getConfig() };
}

/**
 * The initializer itself, from a live one or from its stored config (a model
 * loaded back from JSON hands the constructor the config).
 */
export function initializerFrom(v: Initializer | tf.serialization.ConfigDict): Initializer {
  if (typeof (v as Initializer).apply === 'function') return v as Initializer;
  const dict = v as tf.serialization.ConfigDict;
  const className = String(dict.className);
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`unknown initializer ${className}`);
  const [cls, fromConfig] = entry;
  return fromConfig(cls, (dict.config ?? {}) as tf.serialization.ConfigDict) as Initializer;
}

export interface PoolArgs extends LayerArgs {
  kernel: [number, number];
  stride: [number, number];
  /** Padding applied before a 'valid' window: PyTorch's padding, plus the ceil_mode overhang at the end. */
  padding: Padding2D;
}

/** The output of a 'valid' window after explicit padding (and dilation), as both pooling layers compute it. */
export function pooledShape(input: SymbolicShape, a: { kernel: [number, number]; stride: [number, number]; padding: Padding2D; dilation?: [number, number] }): SymbolicShape {
  const [n, h, w, c] = input;
  const d = a.dilation ?? [1, 1];
  const ph = h === null ? null : h + a.padding[0][0] + a.padding[0][1];
  const pw = w === null ? null : w + a.padding[1][0] + a.padding[1][1];
  return [n, validLength(ph, a.kernel[0], a.stride[0], d[0]), validLength(pw, a.kernel[1], a.stride[1], d[1]), c];
}

/**
 * `A_h · X · A_wᵀ` on every channel of an NHWC batch: a separable linear map
 * of the rows and columns (adaptive pooling's windows, interpolation), with
 * `ah` the `OH × H` and `aw` the `OW × W` matrix, row-major. Built of
 * transposes and matrix products, which have gradients on every backend.
 */
export function separable(x: tf.Tensor4D, ah: ArrayLike<number>, oh: number, aw: ArrayLike<number>, ow: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, c] = x.shape;
    const mh = tf.tensor2d(Float32Array.from(ah), [oh, h]);
    const mw = tf.tensor2d(Float32Array.from(aw), [ow, w]);
    // Rows: [N,H,W,C] → [N·W·C, H] · A_hᵀ → [N,W,C,OH]; then columns likewise.
    const rows = tf.matMul(tf.transpose(x, [0, 2, 3, 1]).reshape([n * w * c, h]), mh, false, true).reshape([n, w, c, oh]);
    const cols = tf.matMul(tf.transpose(rows, [0, 3, 2, 1]).reshape([n * oh * c, w]), mw, false, true).reshape([n, oh, c, ow]);
    return tf.transpose(cols, [0, 1, 3, 2]) as tf.Tensor4D;
  });
}

export interface SizedArgs extends LayerArgs {
  /** Output height and width, from the analysis (never worked out here). */
  outputSize: [number, number];
}

/**
 * A layer whose output is an NHWC map of a fixed height and width taken from
 * the analysis (adaptive pooling, upsampling): the size, the output shape and
 * the config; a subclass says only how one map becomes the other.
 */
export abstract class SizedLayer extends tf.layers.Layer {
  readonly outputSize: [number, number];

  constructor(args: SizedArgs) {
    super(args);
    this.outputSize = args.outputSize;
  }

  override computeOutputShape(inputShape: SymbolicShape | SymbolicShape[]): SymbolicShape {
    const [n, , , c] = oneShape(inputShape);
    return [n, this.outputSize[0], this.outputSize[1], c];
  }

  /** The output for one NHWC input of height `h` and width `w` (inside a tidy). */
  protected abstract resize(x: tf.Tensor4D, h: number, w: number, oh: number, ow: number): tf.Tensor;

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs) as tf.Tensor4D;
      const [, h, w] = x.shape;
      return this.resize(x, h, w, this.outputSize[0], this.outputSize[1]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), outputSize: this.outputSize };
  }
}
