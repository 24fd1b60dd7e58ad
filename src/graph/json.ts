/**
 * JSON in and out. `parseNetwork` never throws: malformed JSON, unknown kinds
 * and wrong types become diagnostics that name the JSON path and the layer.
 */
import type { Diagnostic } from '../analysis/analyze.js';
import { FORMAT, layerSchema, networkSchema } from './schema.js';
import { INPUT, LAYER_KINDS, type Graph, type Layer, type LayerKind } from './types.js';
import { issueText, jsonPathText, nearest, trustLayers, valueAt as at } from './validate.js';

/** Larger documents are refused before parsing, with a message saying so. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

export interface ParseResult {
  graph: Graph | null;
  diagnostics: Diagnostic[];
}

/** Line and column of a character offset, and the line itself, for JSON syntax errors. */
function locate(text: string, offset: number): { line: number; column: number; excerpt: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const end = text.indexOf('\n', offset);
  const lineText = text.slice(start, end < 0 ? undefined : end);
  const column = offset - start + 1;
  const from = Math.max(0, column - 40);
  return { line, column, excerpt: `${lineText.slice(from, from + 80)}\n${' '.repeat(column - 1 - from)}^` };
}

export function parseNetwork(text: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const err = (jsonPath: (string | number)[], message: string, fix?: string, layerPath = '', kind?: LayerKind) =>
    diagnostics.push({ severity: 'error', path: layerPath, ...(kind ? { kind } : {}), code: 'json', message, ...(fix ? { fix } : {}), jsonPath });

  if (text.length > MAX_JSON_BYTES) {
    err([], `The file is ${(text.length / 1048576).toFixed(1)} MiB; cnn-graph reads networks of up to ${MAX_JSON_BYTES / 1048576} MiB.`, 'Check that this is a network description, not a weights file.');
    return { graph: null, diagnostics };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const offset = m ? Number(m[1]) : text.length;
    const { line, column, excerpt } = locate(text, offset);
    const reason = msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    err([], `Not valid JSON at line ${line}, column ${column}: ${reason}.\n${excerpt}`, 'Check for a missing comma, quote or bracket near there (JSON allows no comments or trailing commas).');
    return { graph: null, diagnostics };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    err([], `A network must be a JSON object with "name", "input" and "layers", got ${Array.isArray(doc) ? 'a list' : JSON.stringify(doc)?.slice(0, 40)}.`, `Start from \`cnn-graph export lenet5\`.`);
    return { graph: null, diagnostics };
  }
  const top = networkSchema().safeParse(doc);
  if (!top.success) {
    for (const i of top.error.issues) err(i.path as (string | number)[], `${jsonPathText(i.path)}: ${issueText(i, at(doc, i.path))}.`);
    return { graph: null, diagnostics };
  }
  const net = top.data;
  const layers: Layer[] = [];
  net.layers.forEach((raw, index) => {
    const where = `layers[${index}]`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      err(['layers', index], `${where}: a layer must be an object with "path" and "kind", got ${JSON.stringify(raw)?.slice(0, 40)}.`);
      return;
    }
    const obj = raw as Record<string, unknown>;
    const name = typeof obj.path === 'string' && obj.path ? obj.path : where;
    const kind = obj.kind;
    if (typeof kind !== 'string' || !(LAYER_KINDS as readonly string[]).includes(kind)) {
      const hint = typeof kind === 'string' ? nearest(kind, LAYER_KINDS) : '';
      err(['layers', index, 'kind'], `${name}: ${kind === undefined ? 'has no "kind"' : `unknown layer kind ${JSON.stringify(kind)}`} (${where}).${hint}`, `Use one of: ${LAYER_KINDS.join(', ')}.`, typeof obj.path === 'string' ? obj.path : '');
      return;
    }
    const parsed = layerSchema(kind as LayerKind).safeParse(obj);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = jsonPathText(i.path);
        let fix: string | undefined;
        if (i.code === 'unrecognized_keys') {
          const known = Object.keys(layerSchema(kind as LayerKind).shape);
          fix = i.keys.map((k) => nearest(k, known).trim()).filter(Boolean).join(' ') || `${kind} accepts: ${known.join(', ')}.`;
        }
        err(['layers', index, ...(i.path as (string | number)[])], `${name} ${kind}: ${field === '(top level)' ? '' : field + ' '}${issueText(i, at(obj, i.path))} (${where}).`, fix, typeof obj.path === 'string' ? obj.path : '', kind as LayerKind);
      }
      return;
    }
    const l = parsed.data as unknown as Layer & { inputs?: string[] };
    const prev = layers.length ? layers[layers.length - 1].path : INPUT;
    layers.push({ ...l, inputs: l.inputs ?? [prev] } as Layer);
  });
  if (diagnostics.length) return { graph: null, diagnostics };
  const graph: Graph = {
    name: net.name,
    input: net.input,
    layers,
    modules: net.modules ?? [],
    output: net.output ?? layers[layers.length - 1].path,
    aux: net.aux ?? [],
    ...(net.title ? { title: net.title } : {}),
  };
  // Every layer just passed its kind's schema (a filled-in `inputs` is the
  // previous layer's checked path), so analysis need not check them again.
  return { graph: trustLayers(graph), diagnostics };
}

/** The JSON document for a graph: `inputs` left out where it is simply the layer before. */
export function networkToJSON(graph: Graph): Record<string, unknown> {
  let prev = INPUT;
  const layers = graph.layers.map((l) => {
    const { path, kind, inputs, functional, ...config } = l as Layer & Record<string, unknown>;
    const sequential = inputs.length === 1 && inputs[0] === prev;
    prev = path;
    return { path, kind, ...config, ...(sequential ? {} : { inputs: [...inputs] }), ...(functional ? { functional } : {}) };
  });
  const last = graph.layers[graph.layers.length - 1]?.path;
  return {
    format: FORMAT,
    name: graph.name,
    ...(graph.title ? { title: graph.title } : {}),
    input: [...graph.input],
    ...(graph.modules.length ? { modules: graph.modules.map((m) => ({ ...m })) } : {}),
    layers,
    ...(graph.output !== last ? { output: graph.output } : {}),
    ...(graph.aux.length ? { aux: graph.aux.map((a) => ({ ...a })) } : {}),
  };
}

/** Pretty JSON with one layer per line, readable in a diff and an editor. */
export function stringifyNetwork(graph: Graph): string {
  const doc = networkToJSON(graph);
  const { layers, ...rest } = doc as { layers: unknown[] } & Record<string, unknown>;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const inline = (v: unknown) => JSON.stringify(v);
  const modules = rest.modules as unknown[] | undefined;
  const headWithModules = modules ? head.replace(/"modules": \[[\s\S]*?\n  \]/, `"modules": [\n${modules.map((m) => '    ' + inline(m)).join(',\n')}\n  ]`) : head;
  return `${headWithModules},\n  "layers": [\n${layers.map((l) => '    ' + inline(l)).join(',\n')}\n  ]\n}\n`;
}

export { FORMAT };
