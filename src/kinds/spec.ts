/**
 * The contract every layer kind fulfils, one facet per file of its folder
 * (`src/kinds/<kind>/`): its config (the zod schema the type is inferred
 * from, arity, category) and its analysis (pure functions of the layer's
 * config and its input shapes; params come from weight *shapes*, never built
 * tensors). The tfjs facet's contract is in tfjs-spec.ts, so that nothing
 * here reaches tfjs.
 */
import type { infer as Infer, ZodMiniObject } from 'zod/mini';
import type { Layer, LayerKind, Shape, ZhText } from '../graph/types.js';
import type { Fields } from './fields.js';

export type { ZhText };

/** How MACs are counted (README, "Conventions"; src/analysis/conventions.ts says what each counts). */
export type Convention = 'default' | 'torchinfo' | 'fvcore';

export type Category = 'conv' | 'pool' | 'linear' | 'activation' | 'norm' | 'merge' | 'reshape' | 'dropout';

/** A kind's config facet (`<kind>/config.ts`). */
export interface KindConfig<K extends string = string> {
  kind: K;
  /** The strict schema of a layer of this kind: PyTorch's argument names, the fields every layer has, and `kind`. */
  schema(f: Fields): ZodMiniObject;
  category: Category;
  /**
   * How many inputs the layer takes: `none` (a parameter, which reads nothing),
   * `one`, `two` (exactly two, as `a * b`), or `many` (`minInputs` or more:
   * `x + y` needs 2, `torch.cat([x])` is fine with 1).
   */
  arity: 'none' | 'one' | 'two' | 'many';
  /** The fewest inputs of a `many` layer (default 2). */
  minInputs?: number;
  /** The default of a layer's `functional`: true where PyTorch runs it as a function (torch.cat, `x + y`). */
  functional: boolean;
  /** A colour of its own in the picture, instead of its category's. */
  colour?: 'concat' | 'add';
}

/** Tuples of the inferred type are read-only, as PyTorch's `_pair` arguments are values. */
type Frozen<T> = T extends readonly unknown[] ? { readonly [I in keyof T]: Frozen<T[I]> } : T;
type CommonKey = 'path' | 'inputs' | 'functional';

/** A kind's configuration type, inferred from its schema: everything but the fields every layer has. */
export type ConfigFrom<S extends (f: Fields) => ZodMiniObject> = { [P in keyof Infer<ReturnType<S>> as P extends CommonKey ? never : P]: Frozen<Infer<ReturnType<S>>[P]> };

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
  /** Input cells one output reads (at most). */
  kernel: number;
  /** Input cells between neighbouring outputs: below 1 for a layer that enlarges (1/S for ConvTranspose2d, input/output for Upsample). */
  stride: number;
  padBefore: number;
  dilation: number;
}

/** `identity`: same receptive field; `global`: sees the whole input; else per-axis windows. */
export type Window = 'identity' | 'global' | readonly [AxisWindow, AxisWindow];

/**
 * The order of a rank-3 sample's dimensions: PyTorch's C×H×W, or H×W×C after
 * a Permute to channels-last (ConvNeXt's block), where a Linear acts on the
 * channels as intended.
 */
export type Layout = 'channels-first' | 'channels-last';

/** Where an input comes from, for messages: `features.2 MaxPool2d 20×4×4`. */
export interface InputInfo {
  shape: Shape;
  /** Its layout: the network input is channels-first, a layer's output keeps its first input's unless the layer sets one. */
  layout?: Layout;
  from: string;
  /** `from` for the Chinese message (the network input reads `输入 1×28×28`); `from` when absent. */
  fromZh?: string;
}

/**
 * What a layer contributes to the words that say what a module computes
 * (`src/analysis/describe.ts`: `1×1 → 3×3`, `3×3 max pool`, `+ shortcut`).
 * Kinds without one (norms, activations, dropout, reshapes) add nothing.
 */
export type Motif =
  | {
      op: 'conv';
      kernel: readonly [number, number];
      stride: readonly [number, number];
      dilation: readonly [number, number];
      inChannels: number;
      outChannels: number;
      groups: number;
      /** A transposed convolution (it enlarges by its stride). */
      transposed: boolean;
    }
  /** `kernel`: the window, or `global` (the whole map to 1×1), or `adaptive` to `size`. */
  | { op: 'pool'; reduce: 'max' | 'avg'; kernel: readonly [number, number] | 'global' | 'adaptive'; stride: readonly [number, number]; size?: readonly [number, number] }
  | { op: 'linear'; out: number }
  /** Joins its inputs: `x + y`, `torch.cat`, `x * y`. */
  | { op: 'merge'; merge: 'add' | 'concat' | 'mul' }
  | { op: 'shuffle' }
  | { op: 'upsample' };

/**
 * A kind's analysis facet (`<kind>/analysis.ts`): pure functions of the
 * layer's config and its input shapes, and its words in both languages.
 */
export interface KindAnalysis<K extends LayerKind = LayerKind> {
  kind: K;
  /** Output shape, or the reason there is none (in English and Chinese). */
  outputShape(layer: Layer<K>, inputs: readonly InputInfo[]): ShapeResult;
  /** Learnable parameters (trainable unless the layer says otherwise). */
  weights(layer: Layer<K>): WeightSpec[];
  /** State that is not a parameter (BatchNorm's running statistics). */
  buffers(layer: Layer<K>): WeightSpec[];
  /** Multiply-accumulates for one sample under a convention. */
  macs(layer: Layer<K>, inputs: readonly Shape[], output: Shape, convention: Convention): number;
  /**
   * What the conventions other than `default` count of this kind, in the words
   * format.ts's CONVENTIONS puts in its sentence for that convention (absent:
   * nothing beyond what every convention counts).
   */
  macWords?: { torchinfo?: string; fvcore?: string };
  window(layer: Layer<K>, input: Shape): Window;
  /** The layout of its output when the layer sets one (a Permute to channels-last and back); absent: its first input's. */
  layout?(layer: Layer<K>): Layout | undefined;
  /** A short label in the notes' notation, e.g. `Conv2d 5×5 · 6 · s1 p2`. */
  label(layer: Layer<K>): string;
  /** `label`'s text on a Chinese page: PyTorch's notation stays, the few English words in it do not. */
  labelZh(label: string): string;
  /** The output-size formula with the real numbers, one line per axis that differs. */
  formula?(layer: Layer<K>, input: Shape, output: Shape): string[];
  /** Its part in a module's description, from its config and (when known) its first input's and its output's shapes; absent: none. */
  motif?(layer: Layer<K>, input: Shape | null, output: Shape | null): Motif | undefined;
}
