/**
 * The contract every layer kind fulfils: pure functions of the layer's config
 * and its input shapes. Params come from weight *shapes*, never built tensors.
 */
import type { Layer, LayerKind, Shape, ZhText } from '../../graph/types.js';

export type { ZhText };

/** How MACs are counted; see src/analysis/conventions.ts. */
export type Convention = 'default' | 'torchinfo' | 'fvcore';

export type Category = 'conv' | 'pool' | 'linear' | 'activation' | 'norm' | 'merge' | 'reshape' | 'dropout';

/** A problem found in one layer, phrased to teach: what, with numbers, and the fix. */
export interface Issue {
  code: string;
  message: string;
  /** The arithmetic with the real numbers, when there is a formula. */
  formula?: string;
  fix?: string;
  /** The same message and fix in Chinese; required, so no diagnostic can be made without it. */
  zh: ZhText;
}

export type ShapeResult = { ok: true; shape: Shape; warnings?: Issue[] } | { ok: false; error: Issue };

export interface WeightSpec {
  name: string;
  shape: readonly number[];
}

/** One spatial axis of a sliding window, for receptive fields and formulas. */
export interface AxisWindow {
  kernel: number;
  stride: number;
  padBefore: number;
  dilation: number;
}

/** `identity`: same receptive field; `global`: sees the whole input; else per-axis windows. */
export type Window = 'identity' | 'global' | readonly [AxisWindow, AxisWindow];

/** Where an input comes from, for messages: `features.2 MaxPool2d 20×4×4`. */
export interface InputInfo {
  shape: Shape;
  from: string;
  /** `from` for the Chinese message (the network input reads `输入 1×28×28`); `from` when absent. */
  fromZh?: string;
}

export interface LayerKindSpec<K extends LayerKind = LayerKind> {
  kind: K;
  category: Category;
  /** How many inputs the layer takes (Concat and Add: 2 or more). */
  arity: 'one' | 'many';
  /** Output shape, or the reason there is none. */
  outputShape(layer: Layer<K>, inputs: readonly InputInfo[]): ShapeResult;
  /** Learnable parameters (trainable unless the layer says otherwise). */
  weights(layer: Layer<K>): WeightSpec[];
  /** State that is not a parameter (BatchNorm's running statistics). */
  buffers(layer: Layer<K>): WeightSpec[];
  /** Multiply-accumulates for one sample under a convention. */
  macs(layer: Layer<K>, inputs: readonly Shape[], output: Shape, convention: Convention): number;
  window(layer: Layer<K>, input: Shape): Window;
  /** A short label in the notes' notation, e.g. `Conv2d 5×5 · 6 · s1 p2`. */
  label(layer: Layer<K>): string;
  /** The output-size formula with the real numbers, one line per axis that differs. */
  formula?(layer: Layer<K>, input: Shape, output: Shape): string[];
}
