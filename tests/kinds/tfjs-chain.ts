/** A kind's tfjs layers for one layer, outside a network: what compileGraph builds from the kind's facet and the analysis's shapes. */
import type * as tf from '@tensorflow/tfjs';
import type { LayerRecord } from '../../src/analysis/analyze.js';
import type { Layer, Shape } from '../../src/graph/types.js';
import { KIND_ANALYSES } from '../../src/kinds/analysis.js';
import { KIND_TFJS } from '../../src/kinds/tfjs.js';
import type { KindTfjs, TfjsContext } from '../../src/kinds/tfjs-spec.js';

export function tfjsChain(layer: Layer, inputShapes: Shape[]): { chain: tf.layers.Layer[]; outShape: Shape } {
  const result = KIND_ANALYSES[layer.kind].outputShape(layer as never, inputShapes.map((shape) => ({ shape, from: 'in' })));
  if (!result.ok) throw new Error(result.error.message);
  let n = 0;
  const ctx: TfjsContext = {
    rec: { inputShapes, outputShape: result.shape } as unknown as LayerRecord,
    inShape: inputShapes[0],
    outShape: result.shape,
    zeros: true,
    name: (suffix) => `x${n++}${suffix ?? ''}`,
    seed: () => undefined,
    fail: (message) => {
      throw new Error(message);
    },
  };
  const facet = KIND_TFJS[layer.kind] as KindTfjs;
  if ('notTrainable' in facet) throw new Error(facet.notTrainable);
  return { chain: (facet.compile as (l: Layer, c: TfjsContext) => tf.layers.Layer[])(layer, ctx), outShape: result.shape };
}

