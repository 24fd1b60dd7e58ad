/**
 * The contract of a kind's tfjs facet (`<kind>/tfjs.ts`, imported only by
 * training, so the element bundle never pulls tfjs): how a layer of that kind
 * compiles to channels-last tfjs layers with PyTorch's semantics, or why it
 * cannot be trained.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LayerRecord } from '../analysis/analyze.js';
import type { Layer, LayerKind, Shape } from '../graph/types.js';

/** What the compiler hands a kind: the layer's analysis record, names, seeds, and a way to refuse. */
export interface TfjsContext {
  rec: LayerRecord;
  /** The first input's shape and the output's, from the analysis (`[C, H, W]` or `[F]`). */
  inShape: Shape;
  outShape: Shape;
  /** Initialise every weight to 0 (`CompileOptions.init: 'zeros'`). */
  zeros: boolean;
  /** A unique tfjs layer name from the layer's path, with a suffix for a helper layer. */
  name: (suffix?: string) => string;
  /** The next weight initialiser seed (undefined: unseeded). */
  seed: () => number | undefined;
  /** Refuse the layer with a reason (a CompileError naming it). */
  fail: (message: string) => never;
}

export type KindTfjs<K extends LayerKind = LayerKind> =
  | {
      kind: K;
      /** The tfjs layers that compute this layer, applied in order; the last one's output is the layer's. */
      compile(layer: Layer<K>, ctx: TfjsContext): tf.layers.Layer[];
    }
  | {
      kind: K;
      /** Why the trainer cannot express this kind; compiling a network that uses it fails with this reason. */
      notTrainable: string;
    };
