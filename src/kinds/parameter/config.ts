/**
 * Parameter: a learnable tensor that a module owns itself, outside every leaf
 * layer (`nn.Parameter`), e.g. ConvNeXt's `layer_scale`, which its block
 * applies as `self.layer_scale * x`. It reads nothing; its path is the
 * parameter's qualified name (`features.1.0.layer_scale`), and a Mul or Add
 * broadcasts it. Its elements count in the totals, as `sum(p.numel())` counts them.
 */
import { array, literal, maxLength, optional, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Parameter'),
    /** The parameter's shape, as PyTorch's (`[96, 1, 1]` for a per-channel scale of a C×H×W map); no batch. */
    shape: array(f.posInt).check(maxLength(8)),
    /** The constant its owner fills it with at construction (ConvNeXt: `torch.ones(dim, 1, 1) * layer_scale`, 1e-6); default 1. */
    fill: optional(f.real),
  });

export type ParameterConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Parameter',
  schema,
  // A learnable scale or offset, drawn with the normalisations whose γ and β it resembles.
  category: 'norm',
  arity: 'none',
  // Not a module call: PyTorch reads the attribute inside its owner's forward.
  functional: true,
} satisfies KindConfig<'Parameter'>;

export const Parameter = (shape: readonly number[], fill?: number): ParameterConfig => (fill === undefined ? { kind: 'Parameter', shape } : { kind: 'Parameter', shape, fill });
