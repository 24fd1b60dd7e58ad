/**
 * Structural checks on a graph, independent of shapes: unique paths, inputs
 * that exist and come earlier, the right number of inputs, a real output.
 */
import { LAYER_SPECS } from '../analysis/layers/index.js';
import { LAYER_SCHEMAS } from './schema.js';
import { INPUT, type Graph, LAYER_KINDS } from './types.js';
import { ancestors } from './paths.js';

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
 * schema checks on ResNet-152. User graphs are always checked.
 */
export function trustLayers(graph: Graph): Graph {
  for (const l of graph.layers) validated.add(l);
  return graph;
}

export function checkStructure(graph: Graph): StructureIssue[] {
  const issues: StructureIssue[] = [];
  const seen = new Map<string, number>();
  const layerPaths = new Set(graph.layers.map((l) => l.path));
  graph.layers.forEach((layer, index) => {
    const at = ['layers', index];
    if (!(LAYER_KINDS as readonly string[]).includes(layer.kind)) {
      issues.push({ path: layer.path, code: 'kind', message: `unknown layer kind "${layer.kind}".`, fix: `Use one of ${LAYER_KINDS.join(', ')}.`, jsonPath: [...at, 'kind'] });
      return;
    }
    if (layer.path === INPUT || layer.path === '') {
      issues.push({ path: layer.path, code: 'path', message: `"${layer.path}" cannot name a layer; it is reserved for the network input.`, fix: 'Rename the layer.', jsonPath: [...at, 'path'] });
    }
    const prev = seen.get(layer.path);
    if (prev !== undefined) {
      issues.push({ path: layer.path, code: 'duplicate', message: `the path "${layer.path}" is used by layers ${prev} and ${index}.`, fix: 'Give every layer its own path (a module called twice gets a suffix, e.g. relu#2).', jsonPath: [...at, 'path'] });
    }
    for (const a of ancestors(layer.path)) {
      if (layerPaths.has(a)) {
        issues.push({ path: layer.path, code: 'path-nesting', message: `"${a}" is a layer, so it cannot also contain "${layer.path}".`, fix: `Rename one of them; only modules contain other paths.`, jsonPath: [...at, 'path'] });
      }
    }
    const config = validated.has(layer) ? null : LAYER_SCHEMAS[layer.kind].safeParse(layer);
    if (config?.success) validated.add(layer);
    if (config && !config.success) {
      for (const i of config.error.issues) {
        const field = i.path.map(String).join('.');
        issues.push({ path: layer.path, code: 'config', message: `${field ? field + ' ' : ''}${i.code === 'unrecognized_keys' ? `has unknown field(s) ${i.keys.join(', ')}` : i.message}${field ? `, got ${JSON.stringify((layer as unknown as Record<string, unknown>)[String(i.path[0])])?.slice(0, 60)}` : ''}.`, fix: 'Check the layer\'s arguments against PyTorch\'s signature.', jsonPath: [...at, ...(i.path as (string | number)[])] });
      }
      if (prev === undefined) seen.set(layer.path, index);
      return;
    }
    const spec = LAYER_SPECS[layer.kind];
    const n = layer.inputs.length;
    if (spec.arity === 'one' && n !== 1) {
      issues.push({ path: layer.path, code: 'arity', message: `takes exactly one input, has ${n}.`, fix: n === 0 ? 'Name the layer it reads in "inputs".' : 'Join the inputs first with a Concat or Add layer.', jsonPath: [...at, 'inputs'] });
    }
    if (spec.arity === 'many' && n < 2) {
      issues.push({ path: layer.path, code: 'arity', message: `joins two or more inputs, has ${n}.`, fix: 'List every branch it joins in "inputs".', jsonPath: [...at, 'inputs'] });
    }
    layer.inputs.forEach((src, j) => {
      if (src === INPUT) return;
      if (!seen.has(src)) {
        const later = layerPaths.has(src);
        issues.push({
          path: layer.path,
          code: later ? 'order' : 'unknown-input',
          message: later ? `reads "${src}", which is listed after it.` : `reads "${src}", which is not a layer of this network.`,
          fix: later ? 'List layers in the order they run (the graph must have no cycles).' : `Use "input" for the network input, or the path of an earlier layer.${nearest(src, [...seen.keys()])}`,
          jsonPath: [...at, 'inputs', j],
        });
      }
    });
    if (prev === undefined) seen.set(layer.path, index);
  });
  if (graph.layers.length === 0) {
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
