/**
 * Structural checks on a graph, independent of shapes: unique paths, inputs
 * that exist and come earlier, the right number of inputs, a real output.
 */
import { LAYER_SPECS } from '../analysis/layers/index.js';
import { layerSchema } from './schema.js';
import { INPUT, type Graph, LAYER_KINDS } from './types.js';

export interface StructureIssue {
  path: string;
  code: string;
  message: string;
  fix?: string;
  /** Where in the JSON document, when the graph came from JSON. */
  jsonPath?: (string | number)[];
}

/**
 * Layers whose config already passed the schema. Layers are immutable values,
 * so re-analysing the same graph (another input size, another convention, the
 * UI after a collapse) does not validate them again.
 */
const validated = new WeakSet<object>();

/**
 * Mark a graph's layers as already valid. Only for graphs our own code builds
 * and the golden tests check (the zoo): it spares the CLI ~100 ms of cold
 * schema checks on ResNet-152. User graphs are always checked, once: by
 * parseNetwork, which marks the layers it has just checked with the same schemas.
 */
export function trustLayers(graph: Graph): Graph {
  for (const l of graph.layers) validated.add(l);
  return graph;
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(LAYER_KINDS);

export function checkStructure(graph: Graph): StructureIssue[] {
  const issues: StructureIssue[] = [];
  const seen = new Map<string, number>();
  const layers = graph.layers;
  const layerPaths = new Set<string>();
  for (const l of layers) layerPaths.add(l.path);
  // Plain loops: this runs on every analysis (ResNet-152: 515 layers).
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index];
    const path = layer.path;
    if (!KNOWN_KINDS.has(layer.kind)) {
      issues.push({ path, code: 'kind', message: `unknown layer kind "${layer.kind}".`, fix: `Use one of ${LAYER_KINDS.join(', ')}.`, jsonPath: ['layers', index, 'kind'] });
      // It still exists: the layers reading it are not "listed before" it.
      if (!seen.has(path)) seen.set(path, index);
      continue;
    }
    if (path === INPUT || path === '') {
      issues.push({ path, code: 'path', message: `"${path}" cannot name a layer; it is reserved for the network input.`, fix: 'Rename the layer.', jsonPath: ['layers', index, 'path'] });
    }
    const prev = seen.get(path);
    if (prev !== undefined) {
      issues.push({ path, code: 'duplicate', message: `the path "${path}" is used by layers ${prev} and ${index}.`, fix: 'Give every layer its own path (a module called twice gets a suffix, e.g. relu#2).', jsonPath: ['layers', index, 'path'] });
    }
    for (let dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
      const a = path.slice(0, dot);
      if (layerPaths.has(a)) {
        issues.push({ path, code: 'path-nesting', message: `"${a}" is a layer, so it cannot also contain "${path}".`, fix: `Rename one of them; only modules contain other paths.`, jsonPath: ['layers', index, 'path'] });
      }
    }
    if (!validated.has(layer)) {
      const config = layerSchema(layer.kind).safeParse(layer);
      if (config.success) validated.add(layer);
      else {
        for (const i of config.error.issues) {
          const field = i.path.map(String).join('.');
          issues.push({ path, code: 'config', message: `${field ? field + ' ' : ''}${i.code === 'unrecognized_keys' ? `has unknown field(s) ${i.keys.join(', ')}` : i.message}${field ? `, got ${JSON.stringify((layer as unknown as Record<string, unknown>)[String(i.path[0])])?.slice(0, 60)}` : ''}.`, fix: 'Check the layer\'s arguments against PyTorch\'s signature.', jsonPath: ['layers', index, ...(i.path as (string | number)[])] });
        }
        if (prev === undefined) seen.set(path, index);
        continue;
      }
    }
    const spec = LAYER_SPECS[layer.kind];
    const inputs = layer.inputs;
    const n = inputs.length;
    if (spec.arity === 'one' && n !== 1) {
      issues.push({ path, code: 'arity', message: `takes exactly one input, has ${n}.`, fix: n === 0 ? 'Name the layer it reads in "inputs".' : 'Join the inputs first with a Concat or Add layer.', jsonPath: ['layers', index, 'inputs'] });
    }
    if (spec.arity === 'many' && n < 2) {
      issues.push({ path, code: 'arity', message: `joins two or more inputs, has ${n}.`, fix: 'List every branch it joins in "inputs".', jsonPath: ['layers', index, 'inputs'] });
    }
    for (let j = 0; j < n; j++) {
      const src = inputs[j];
      if (src === INPUT || seen.has(src)) continue;
      const later = layerPaths.has(src);
      issues.push({
        path,
        code: later ? 'order' : 'unknown-input',
        message: later ? `reads "${src}", which is listed after it.` : `reads "${src}", which is not a layer of this network.`,
        fix: later ? 'List layers in the order they run (the graph must have no cycles).' : `Use "input" for the network input, or the path of an earlier layer.${nearest(src, [...seen.keys()])}`,
        jsonPath: ['layers', index, 'inputs', j],
      });
    }
    if (prev === undefined) seen.set(path, index);
  }
  if (layers.length === 0) {
    issues.push({ path: '', code: 'empty', message: 'the network has no layers.', fix: 'Add at least one layer.', jsonPath: ['layers'] });
  } else if (!layerPaths.has(graph.output)) {
    issues.push({ path: graph.output, code: 'output', message: `the output "${graph.output}" is not a layer of this network.`, fix: 'Set "output" to the path of the final layer, or leave it out to use the last layer.', jsonPath: ['output'] });
  }
  graph.aux.forEach((a, i) => {
    if (!layerPaths.has(a.path)) issues.push({ path: a.path, code: 'aux', message: `the auxiliary output "${a.path}" is not a layer of this network.`, fix: 'Name the last layer of the auxiliary head.', jsonPath: ['aux', i, 'path'] });
  });
  return issues;
}

/** " Did you mean "x"?" for a near miss, else "". */
export function nearest(word: string, candidates: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` Did you mean "${best}"?` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
