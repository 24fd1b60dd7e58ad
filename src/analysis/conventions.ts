/**
 * What each MAC convention counts, in words printed with every result. The
 * kinds say what the conventions count of them (their analysis's `macWords`).
 * Apart from format.ts, so that formatting a number does not load every kind.
 */
import { KIND_ANALYSES } from '../kinds/analysis.js';
import { KIND_CONFIGS, LAYER_KINDS } from '../kinds/config.js';
import type { Category, Convention } from '../kinds/spec.js';

/** Kinds with parameters are named first in a convention's sentence, then the others. */
const PROSE_ORDER: readonly Category[] = ['conv', 'linear', 'norm', 'pool', 'activation', 'merge', 'reshape', 'dropout'];

/** What the kinds say a convention counts of them (their analysis's `macWords`), in PROSE_ORDER. */
function macWords(convention: 'torchinfo' | 'fvcore'): string[] {
  const kinds = LAYER_KINDS.filter((k) => KIND_ANALYSES[k].macWords?.[convention]);
  kinds.sort((a, b) => PROSE_ORDER.indexOf(KIND_CONFIGS[a].category) - PROSE_ORDER.indexOf(KIND_CONFIGS[b].category));
  return kinds.map((k) => KIND_ANALYSES[k].macWords?.[convention] as string);
}

/** `a`, `a and b`, `a, b and c`. */
const andList = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** What each MAC convention counts, said once, printed with every result. */
export const CONVENTIONS: Record<Convention, { name: string; description: string }> = {
  default: {
    name: 'default',
    description: 'multiply-accumulates of convolutions and linear layers, bias excluded (the "multiply-adds" of the GoogLeNet and ResNet papers and of torchvision\'s published GFLOPS); FLOPs = 2 × MACs',
  },
  torchinfo: {
    name: 'torchinfo',
    description: `torchinfo's Mult-Adds: every parameter (bias included) times the output positions for convolutions, the parameter count for other layers with parameters (${macWords('torchinfo').join(', ')})`,
  },
  fvcore: {
    name: 'fvcore',
    description: `fvcore's counts (one per multiply-add): convolutions and linear layers bias excluded, plus ${andList(macWords('fvcore'))}`,
  },
};
