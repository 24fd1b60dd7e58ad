/**
 * The network IR: a validated, topologically ordered list of leaf layers with
 * PyTorch-style dotted paths, plus the modules those paths imply.
 *
 * The JSON format (`format: "cnn-graph/1"`) is this same shape, except that
 * `inputs` may be omitted (meaning "the layer listed before"). Each kind's
 * configuration is defined, with its schema, in src/kinds/<kind>/config.ts.
 */
import type { ConfigOf, LayerKind } from '../kinds/config.js';

/** An int, or a (height, width) pair, as PyTorch's `_pair` accepts. */
export type IntOrPair = number | readonly [number, number];

/** A tensor shape without the batch dimension: `[C, H, W]` or `[F]`. */
export type Shape = readonly number[];

export { LAYER_KINDS, type ConfigOf, type LayerConfig, type LayerKind } from '../kinds/config.js';

/** What every layer has besides its kind's configuration. */
export interface LayerCommon {
  /** Unique dotted path, e.g. `features.3` or `inception3a.branch2.1.conv`. */
  path: string;
  /** Producer paths; `"input"` is the network input. */
  inputs: readonly string[];
  /**
   * True when PyTorch applies this as a function (`F.relu`, `torch.cat`, `x + y`,
   * `torch.flatten`) rather than a module, so it has no module path there.
   */
  functional?: boolean;
}

export type Layer<K extends LayerKind = LayerKind> = LayerCommon & ConfigOf<K>;

/** A container (Inception, residual block, Sequential…): drawn as a collapsible box. */
export interface ModuleSpec {
  path: string;
  /** The PyTorch class name, e.g. `Inception`, `BasicBlock`, `Sequential`. */
  type: string;
  /** What to call it in pictures when the class name says little (`NiN block`). */
  label?: string;
  /**
   * The name its network's paper or notes give it, shown before what it
   * computes (`b3`, the notes' stage of d2l's GoogLeNet; `conv3_x`, ResNet's
   * stage), with `titleZh` on Chinese pages when it differs.
   */
  title?: string;
  titleZh?: string;
}

export interface AuxOutput {
  /** Path of the layer whose output is the auxiliary logits. */
  path: string;
  /** Weight of its loss in training (GoogLeNet: 0.3). */
  weight: number;
}

export interface Graph {
  name: string;
  /** `[C, H, W]` without the batch dimension. */
  input: readonly [number, number, number];
  layers: readonly Layer[];
  modules: readonly ModuleSpec[];
  /** Path of the layer producing the inference output. */
  output: string;
  /** Auxiliary classifiers: active in training only. */
  aux: readonly AuxOutput[];
  /** Free-form description shown in docs and the CLI. */
  title?: string;
}

export const INPUT = 'input';

/**
 * A diagnostic's words in Simplified Chinese, for readers of the site's /zh/
 * pages: the same numbers, layer paths and PyTorch argument names as the
 * English, in the notes' terms (输入通道, 填充, 步幅, 汇聚层).
 */
export interface ZhText {
  message: string;
  fix?: string;
}

/** A problem found in a network, as analysis and the JSON reader report it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  path: string;
  kind?: LayerKind;
  code: string;
  /** Full sentence, prefixed with the layer: `features.3 Conv2d: expects …`. */
  message: string;
  formula?: string;
  fix?: string;
  jsonPath?: (string | number)[];
  /** Where in a source file it is (1-based), for formats read from code (a `.py` file). */
  loc?: { line: number; column: number };
  /**
   * The message and fix in Simplified Chinese, with the same numbers and paths
   * (`features.3 Conv2d：需要 88 个输入通道，…`). Every diagnostic that
   * `analyze` and `parseNetwork` make has it; `message` and `fix` stay English.
   * Pick one with `diagnosticText(d, locale)`.
   */
  zh?: ZhText;
}

