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

/** cnn-graph JSON and PyTorch source are text; ONNX is a protobuf (bytes). */
export type NetworkFormat = 'json' | 'python' | 'onnx';

/** Options a format may use (PyTorch source: which class, which input; JSON: which input). */
export type ImportOptions = PythonOptions;

/** Binary formats, read from bytes; text formats go through `importNetwork` after a UTF-8 decode. */
export const BINARY_READERS: Readonly<Record<'onnx', { read: (bytes: Uint8Array, name?: string) => ParseResult; maxBytes: number }>> = {
  onnx: { read: (bytes, name) => readOnnx(bytes, name ? { name } : {}), maxBytes: MAX_ONNX_BYTES },
};

/** The format a file name says, or undefined when its extension is none of ours. */
export function formatOfName(name: string): NetworkFormat | undefined {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.py$/i.test(name)) return 'python';
  if (/\.onnx$/i.test(name)) return 'onnx';
  return undefined;
}

/**
 * The format of a file's first bytes: an ONNX ModelProto as exporters write it
 * starts with its ir_version (field 1, a varint: byte 0x08); JSON starts (after
 * a byte-order mark and white space) with `{` or `[`; other text is read as
 * Python. Binary and UTF-16 files are named as such by the text decoder.
 */
export function formatOfBytes(bytes: Uint8Array): NetworkFormat {
  if (bytes[0] === 0x08 && bytes.length > 1 && bytes[1] > 0 && bytes[1] < 0x80) return 'onnx';
  let k = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (k < bytes.length && (bytes[k] === 0x20 || bytes[k] === 0x09 || bytes[k] === 0x0a || bytes[k] === 0x0d)) k++;
  return k === bytes.length || bytes[k] === 0x7b || bytes[k] === 0x5b ? 'json' : 'python';
}

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

/** `resnet18.onnx` → `resnet18`: the network's name from its file's. */
export const networkNameOf = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;
