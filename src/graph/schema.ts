/**
 * The JSON network format, validated with zod (one strict schema per layer
 * kind, so a typo such as `kernal_size` is caught and named).
 *
 * Written on `zod/mini`, zod's functional, tree-shakable API: the browser
 * element validates graphs too, and classic `zod` (whose `z` namespace drags
 * in every locale) was two thirds of its bundle.
 */
import { config, maxLength, minLength, toJSONSchema, type infer as Infer } from 'zod/mini';
import { array, literal, object, optional, strictObject, string, tuple, unknown, type ZodMiniObject, type ZodMiniType } from 'zod/mini';
import { en } from 'zod/locales';
import { KIND_CONFIGS, LAYER_KINDS, type LayerKind } from '../kinds/config.js';
import { fields as kindFields, say } from '../kinds/fields.js';

export { schemaMessageZh } from '../kinds/fields.js';

export const FORMAT = 'cnn-graph/1';

/**
 * The schemas, built on first use: the CLI's commands on zoo networks never
 * validate (their layers are trusted), and constructing ~200 zod schemas is
 * a measurable part of its start-up. Each layer kind's schema is its own
 * (src/kinds/<kind>/config.ts); this adds the network around them.
 */
function build() {
  // zod/mini ships no default locale; the messages we do not write ourselves
  // (e.g. "Too small: expected string to have >=1 characters") read as in classic zod.
  // Only when nobody configured one, so an application's own choice wins.
  if (!config().localeError) config(en());

  const f = kindFields();
  const { posInt, real, notEmpty } = f;
  const layers = {} as { [K in LayerKind]: ZodMiniObject };
  for (const kind of LAYER_KINDS) layers[kind] = KIND_CONFIGS[kind].schema(f);

  // The fields a network has both as a JSON document and as a Graph object.
  const fields = {
    name: string().check(minLength(1, notEmpty), maxLength(200)),
    title: optional(string().check(maxLength(500))),
    modules: optional(
      array(
        strictObject({
          path: string().check(minLength(1), maxLength(512)),
          type: string().check(minLength(1), maxLength(100)),
          label: optional(string().check(maxLength(200))),
          // The name its paper or notes give it (`b3`, `conv3_x`), shown before what it computes.
          title: optional(string().check(maxLength(200))),
          titleZh: optional(string().check(maxLength(200))),
        }),
      ).check(maxLength(100_000)),
    ),
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
