/**
 * One place that turns a file's text into a network, by format: cnn-graph
 * JSON, or PyTorch source. The CLI (and later the playground) ask here, so a
 * new format is one more case, not a change to each command.
 */
import { parseNetwork, type ParseResult } from '../graph/json.js';
import { readPython, type PythonOptions } from './python/index.js';

export type SourceFormat = 'json' | 'python';

/** Options a format may use (PyTorch source: which class, which input). */
export type ImportOptions = PythonOptions;

/**
 * The format of a file, by its extension, else by its content: JSON opens
 * with `{` (after a byte-order mark or spaces), anything else is read as Python.
 */
export function formatOf(name: string, text: string): SourceFormat {
  if (/\.py$/i.test(name)) return 'python';
  if (/\.json$/i.test(name)) return 'json';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'python';
}

/** A network from a file's text, in the given format; never throws. */
export function importNetwork(text: string, format: SourceFormat, options: ImportOptions = {}): ParseResult {
  if (format === 'python') return readPython(text, options);
  const parsed = parseNetwork(text);
  // --input on a JSON network: the same network on another input, as `summary --input` analyses it.
  return options.input && parsed.graph ? { ...parsed, graph: { ...parsed.graph, input: options.input } } : parsed;
}
