/**
 * The JSON network format, validated with zod (one strict schema per layer
 * kind, so a typo such as `kernal_size` is caught and named).
 *
 * Written on `zod/mini`, zod's functional, tree-shakable API: the browser
 * element validates graphs too, and classic `zod` (whose `z` namespace drags
 * in every locale) was two thirds of its bundle.
 */
import { config, gte, int, lte, maxLength, minLength, refine, toJSONSchema, type infer as Infer } from 'zod/mini';
import { array, boolean, literal, nullable, number, object, optional, strictObject, string, tuple, union, unknown, type ZodMiniObject, type ZodMiniType } from 'zod/mini';
import { en } from 'zod/locales';
import { MAX_DIM } from './limits.js';
import { LAYER_KINDS, type LayerKind } from './types.js';

export const FORMAT = 'cnn-graph/1';

/**
 * The schemas, built on first use: the CLI's commands on zoo networks never
 * validate (their layers are trusted), and constructing ~200 zod schemas is
 * a measurable part of its start-up.
 */
/**
 * The Chinese of every sentence the schemas below say themselves, keyed by the
 * English (zod issues carry one message; validate.ts's issueTextZh looks the
 * Chinese up here). Filled as the schemas are built, by `say`.
 */
const ZH = new Map<string, string>();
const say = (en: string, zh: string): string => {
  ZH.set(en, zh);
  return en;
};

/** The Chinese of a message these schemas give, or undefined for zod's own. */
export const schemaMessageZh = (en: string): string | undefined => ZH.get(en);

function build() {
  // zod/mini ships no default locale; the messages we do not write ourselves
  // (e.g. "Too small: expected string to have >=1 characters") read as in classic zod.
  // Only when nobody configured one, so an application's own choice wins.
  if (!config().localeError) config(en());

  // Range before integrality, so 1e300 reads "must be at most …", not "must be a whole number".
  const whole = (x: number) => Number.isInteger(x);
  const atMost = say(`must be at most ${MAX_DIM}`, `不能大于 ${MAX_DIM}`);
  const wholeMsg = say('must be a whole number', '必须是整数');
  const posInt = number().check(gte(1, say('must be at least 1', '不能小于 1')), lte(MAX_DIM, atMost), refine(whole, wholeMsg));
  const nonNegInt = number().check(gte(0, say('must be at least 0', '不能小于 0')), lte(MAX_DIM, atMost), refine(whole, wholeMsg));
  const intOrPair = (n: typeof posInt) => union([n, tuple([n, n])], { error: say('must be an integer or a [height, width] pair of integers', '必须是整数或 [高, 宽] 整数对') });
  const posPair = intOrPair(posInt);
  const nonNegPair = intOrPair(nonNegInt);
  const dim = number().check(int(wholeMsg), gte(-8), lte(8));
  const real = number().check(refine(Number.isFinite, say('must be a finite number', '必须是有限的数')));
  const notEmpty = say('must not be empty', '不能为空');
  const bool = optional(boolean());

  const common = {
    path: string().check(minLength(1, notEmpty), maxLength(512, say('is too long (512 characters at most)', '太长了（最多 512 个字符）'))),
    inputs: optional(array(string().check(maxLength(512))).check(maxLength(4096))),
    functional: bool,
  };

  const layers: { [K in LayerKind]: ZodMiniObject } = {
    Conv2d: strictObject({
      ...common,
      kind: literal('Conv2d'),
      in_channels: posInt,
      out_channels: posInt,
      kernel_size: posPair,
      stride: optional(posPair),
      padding: optional(union([nonNegInt, tuple([nonNegInt, nonNegInt]), literal('same'), literal('valid')], { error: say('must be an integer, a [height, width] pair, "same" or "valid"', '必须是整数、[高, 宽] 整数对、"same" 或 "valid"') })),
      dilation: optional(posPair),
      groups: optional(posInt),
      bias: bool,
    }),
    MaxPool2d: strictObject({
      ...common,
      kind: literal('MaxPool2d'),
      kernel_size: posPair,
      stride: optional(nullable(posPair)),
      padding: optional(nonNegPair),
      dilation: optional(posPair),
      ceil_mode: bool,
    }),
    AvgPool2d: strictObject({
      ...common,
      kind: literal('AvgPool2d'),
      kernel_size: posPair,
      stride: optional(nullable(posPair)),
      padding: optional(nonNegPair),
      ceil_mode: bool,
      count_include_pad: bool,
    }),
    AdaptiveAvgPool2d: strictObject({
      ...common,
      kind: literal('AdaptiveAvgPool2d'),
      output_size: union([posInt, tuple([nullable(posInt), nullable(posInt)])], { error: say('must be an integer or a [height, width] pair (null keeps that size)', '必须是整数或 [高, 宽] 对（null 表示保持该方向的尺寸）') }),
    }),
    Linear: strictObject({ ...common, kind: literal('Linear'), in_features: posInt, out_features: posInt, bias: bool }),
    Flatten: strictObject({ ...common, kind: literal('Flatten'), start_dim: optional(dim), end_dim: optional(dim) }),
    ReLU: strictObject({ ...common, kind: literal('ReLU'), inplace: bool }),
    Tanh: strictObject({ ...common, kind: literal('Tanh') }),
    Sigmoid: strictObject({ ...common, kind: literal('Sigmoid') }),
    Softmax: strictObject({ ...common, kind: literal('Softmax'), dim: optional(dim) }),
    Dropout: strictObject({ ...common, kind: literal('Dropout'), p: optional(number().check(gte(0, say('must be between 0 and 1', '必须在 0 和 1 之间')), lte(1, 'must be between 0 and 1'))), inplace: bool }),
    BatchNorm2d: strictObject({
      ...common,
      kind: literal('BatchNorm2d'),
      num_features: posInt,
      eps: optional(real.check(refine((x: number) => x > 0, say('must be positive', '必须是正数')))),
      momentum: optional(nullable(real)),
      affine: bool,
      track_running_stats: bool,
    }),
    LocalResponseNorm: strictObject({ ...common, kind: literal('LocalResponseNorm'), size: posInt, alpha: optional(real), beta: optional(real), k: optional(real) }),
    Concat: strictObject({ ...common, kind: literal('Concat'), dim: optional(dim) }),
    Add: strictObject({ ...common, kind: literal('Add') }),
  };

  // The fields a network has both as a JSON document and as a Graph object.
  const fields = {
    name: string().check(minLength(1, notEmpty), maxLength(200)),
    title: optional(string().check(maxLength(500))),
    modules: optional(array(strictObject({ path: string().check(minLength(1), maxLength(512)), type: string().check(minLength(1), maxLength(100)), label: optional(string().check(maxLength(200))) })).check(maxLength(100_000))),
    layers: array(unknown()).check(minLength(1, say('must list at least one layer', '至少要列出一层')), maxLength(100_000, say('has more than 100,000 layers', '超过了 100,000 层'))),
    output: optional(string()),
    aux: optional(array(strictObject({ path: string(), weight: real })).check(maxLength(64))),
  };
  const { name, title, ...rest } = fields;
  const network = strictObject({
    $schema: optional(string()),
    format: optional(literal(FORMAT, { error: say(`must be "${FORMAT}"`, `必须是 "${FORMAT}"`) })),
    name,
    title,
    input: tuple([posInt, posInt, posInt], { error: say('must be [channels, height, width], three positive integers', '必须是 [通道, 高, 宽] 三个正整数') }),
    ...rest,
  });
  // A Graph object from code: the same fields, where other properties are
  // the caller's own business. Its input is checked by analysis, which may
  // be given another one.
  const graph = object(fields);
  return { layers, network, graph };
}

let built: ReturnType<typeof build> | null = null;
const schemas = () => (built ??= build());

/** One strict schema per layer kind. */
export const layerSchema = <K extends LayerKind>(kind: K): ZodMiniObject => schemas().layers[kind];

/** The top level of a network document (its layers are checked one by one with `layerSchema`). */
export const networkSchema = () => schemas().network;

/** The top level of a Graph object handed to analysis by code (layers again one by one). */
export const graphSchema = () => schemas().graph;

export type NetworkJSON = Infer<ReturnType<typeof networkSchema>>;

/** A JSON Schema document for editors (autocompletion in the playground and IDEs). */
export function networkJsonSchema(): object {
  const layer = { anyOf: LAYER_KINDS.map((k) => toJSONSchema(layerSchema(k) as ZodMiniType, { io: 'input' })) };
  const top = toJSONSchema(networkSchema(), { io: 'input' }) as { properties: Record<string, unknown> } & Record<string, unknown>;
  return { ...top, title: 'cnn-graph network', properties: { ...top.properties, layers: { type: 'array', minItems: 1, items: layer } } };
}
