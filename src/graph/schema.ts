/**
 * The JSON network format, validated with zod (one strict schema per layer
 * kind, so a typo such as `kernal_size` is caught and named).
 */
import { z } from 'zod';
import { MAX_DIM } from './limits.js';
import { LAYER_KINDS, type LayerKind } from './types.js';

export const FORMAT = 'cnn-graph/1';

// Range before integrality, so 1e300 reads "must be at most …", not "must be a whole number".
const whole = (x: number) => Number.isInteger(x);
const posInt = z.number().min(1, 'must be at least 1').max(MAX_DIM, `must be at most ${MAX_DIM}`).refine(whole, 'must be a whole number');
const nonNegInt = z.number().min(0, 'must be at least 0').max(MAX_DIM, `must be at most ${MAX_DIM}`).refine(whole, 'must be a whole number');
const intOrPair = (n: typeof posInt) => z.union([n, z.tuple([n, n])], { error: 'must be an integer or a [height, width] pair of integers' });
const posPair = intOrPair(posInt);
const nonNegPair = intOrPair(nonNegInt);
const dim = z.number().int('must be a whole number').min(-8).max(8);
const real = z.number().refine(Number.isFinite, 'must be a finite number');

const common = {
  path: z.string().min(1, 'must not be empty').max(512, 'is too long (512 characters at most)'),
  inputs: z.array(z.string().max(512)).max(4096).optional(),
  functional: z.boolean().optional(),
};

export const LAYER_SCHEMAS: { [K in LayerKind]: z.ZodObject } = {
  Conv2d: z.strictObject({
    ...common,
    kind: z.literal('Conv2d'),
    in_channels: posInt,
    out_channels: posInt,
    kernel_size: posPair,
    stride: posPair.optional(),
    padding: z.union([nonNegInt, z.tuple([nonNegInt, nonNegInt]), z.literal('same'), z.literal('valid')], { error: 'must be an integer, a [height, width] pair, "same" or "valid"' }).optional(),
    dilation: posPair.optional(),
    groups: posInt.optional(),
    bias: z.boolean().optional(),
  }),
  MaxPool2d: z.strictObject({
    ...common,
    kind: z.literal('MaxPool2d'),
    kernel_size: posPair,
    stride: posPair.nullable().optional(),
    padding: nonNegPair.optional(),
    dilation: posPair.optional(),
    ceil_mode: z.boolean().optional(),
  }),
  AvgPool2d: z.strictObject({
    ...common,
    kind: z.literal('AvgPool2d'),
    kernel_size: posPair,
    stride: posPair.nullable().optional(),
    padding: nonNegPair.optional(),
    ceil_mode: z.boolean().optional(),
    count_include_pad: z.boolean().optional(),
  }),
  AdaptiveAvgPool2d: z.strictObject({
    ...common,
    kind: z.literal('AdaptiveAvgPool2d'),
    output_size: z.union([posInt, z.tuple([posInt.nullable(), posInt.nullable()])], { error: 'must be an integer or a [height, width] pair (null keeps that size)' }),
  }),
  Linear: z.strictObject({ ...common, kind: z.literal('Linear'), in_features: posInt, out_features: posInt, bias: z.boolean().optional() }),
  Flatten: z.strictObject({ ...common, kind: z.literal('Flatten'), start_dim: dim.optional(), end_dim: dim.optional() }),
  ReLU: z.strictObject({ ...common, kind: z.literal('ReLU'), inplace: z.boolean().optional() }),
  Tanh: z.strictObject({ ...common, kind: z.literal('Tanh') }),
  Sigmoid: z.strictObject({ ...common, kind: z.literal('Sigmoid') }),
  Softmax: z.strictObject({ ...common, kind: z.literal('Softmax'), dim: dim.optional() }),
  Dropout: z.strictObject({ ...common, kind: z.literal('Dropout'), p: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(), inplace: z.boolean().optional() }),
  BatchNorm2d: z.strictObject({
    ...common,
    kind: z.literal('BatchNorm2d'),
    num_features: posInt,
    eps: real.refine((x) => x > 0, 'must be positive').optional(),
    momentum: real.nullable().optional(),
    affine: z.boolean().optional(),
    track_running_stats: z.boolean().optional(),
  }),
  LocalResponseNorm: z.strictObject({ ...common, kind: z.literal('LocalResponseNorm'), size: posInt, alpha: real.optional(), beta: real.optional(), k: real.optional() }),
  Concat: z.strictObject({ ...common, kind: z.literal('Concat'), dim: dim.optional() }),
  Add: z.strictObject({ ...common, kind: z.literal('Add') }),
};

export const NETWORK_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT, { error: `must be "${FORMAT}"` }).optional(),
  name: z.string().min(1, 'must not be empty').max(200),
  title: z.string().max(500).optional(),
  input: z.tuple([posInt, posInt, posInt], { error: 'must be [channels, height, width], three positive integers' }),
  modules: z.array(z.strictObject({ path: z.string().min(1).max(512), type: z.string().min(1).max(100), label: z.string().max(200).optional() })).max(100_000).optional(),
  layers: z.array(z.unknown()).min(1, 'must list at least one layer').max(100_000, 'has more than 100,000 layers'),
  output: z.string().optional(),
  aux: z.array(z.strictObject({ path: z.string(), weight: real })).max(64).optional(),
});

export type NetworkJSON = z.infer<typeof NETWORK_SCHEMA>;

/** A JSON Schema document for editors (autocompletion in the playground and IDEs). */
export function networkJsonSchema(): object {
  const layer = { anyOf: LAYER_KINDS.map((k) => z.toJSONSchema(LAYER_SCHEMAS[k], { io: 'input' })) };
  const top = z.toJSONSchema(NETWORK_SCHEMA, { io: 'input' }) as { properties: Record<string, unknown> } & Record<string, unknown>;
  return { ...top, title: 'cnn-graph network', properties: { ...top.properties, layers: { type: 'array', minItems: 1, items: layer } } };
}
