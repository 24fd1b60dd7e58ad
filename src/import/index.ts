/**
 * Network files in, one place for every format: which reader a file goes to,
 * by its name or, without a known extension, by its first bytes, and the
 * reading itself. Each reader returns what `parseNetwork` returns for JSON (a
 * graph, or diagnostics saying why there is none), so the CLI, the element and
 * the playground treat every format alike, and a new format is one more case
 * here, not a change to each command. Pure: no Node imports.
 */
import { parseNetwork, type ParseResult } from '../graph/json.js';
import { readPython, type PythonOptions } from './python/index.js';
import { MAX_ONNX_BYTES, readOnnx } from './onnx/read.js';
import { formatOfName } from './format.js';

export { formatOfBytes, formatOfName, MAX_ONNX_BYTES, networkNameOf, type NetworkFormat } from './format.js';

/** Options a format may use (PyTorch source: which class, which input; JSON: which input). */
export type ImportOptions = PythonOptions;

/** Binary formats, read from bytes; text formats go through `importNetwork` after a UTF-8 decode. */
export const BINARY_READERS: Readonly<Record<'onnx', { read: (bytes: Uint8Array, name?: string) => ParseResult; maxBytes: number }>> = {
  onnx: { read: (bytes, name) => readOnnx(bytes, name ? { name } : {}), maxBytes: MAX_ONNX_BYTES },
};

/** The text format of a file: by its extension, else by its content (JSON opens with `{` or `[`). */
export function formatOf(name: string, text: string): 'json' | 'python' {
  const named = formatOfName(name);
  if (named === 'python' || named === 'json') return named;
  return /^\uFEFF?\s*[{[]/.test(text) || text.trim() === '' ? 'json' : 'python';
}

/** A network from a file's text, in the given text format; never throws. */
export function importNetwork(text: string, format: 'json' | 'python', options: ImportOptions = {}): ParseResult {
  if (format === 'python') return readPython(text, options);
  const parsed = parseNetwork(text);
  // --input on a JSON network: the same network on another input, as `summary --input` analyses it.
  return options.input && parsed.graph ? { ...parsed, graph: { ...parsed.graph, input: options.input } } : parsed;
}
