/**
 * Network files in: which reader a file goes to, by its name or, without a
 * known extension, by its first bytes. Each reader returns what
 * `parseNetwork` returns for JSON (a graph, or diagnostics saying why there
 * is none), so the CLI and the element treat every format alike. Pure: no
 * Node imports.
 */
import type { ParseResult } from '../graph/json.js';
import { MAX_ONNX_BYTES, readOnnx } from './onnx/read.js';

export type NetworkFormat = 'json' | 'onnx';

/** Binary formats, read from bytes; text formats (JSON) go through `parseNetwork` after a UTF-8 decode. */
export const BINARY_READERS: Readonly<Record<Exclude<NetworkFormat, 'json'>, { read: (bytes: Uint8Array, name?: string) => ParseResult; maxBytes: number }>> = {
  onnx: { read: (bytes, name) => readOnnx(bytes, name ? { name } : {}), maxBytes: MAX_ONNX_BYTES },
};

/** The format a file name says, or undefined when its extension is none of ours. */
export function formatOfName(name: string): NetworkFormat | undefined {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.onnx$/i.test(name)) return 'onnx';
  return undefined;
}

/**
 * The format of a file's first bytes: JSON starts (after a byte-order mark and
 * white space) with `{` or `[`; an ONNX ModelProto as exporters write it with
 * its ir_version (field 1, a varint: byte 0x08). Anything else is left to the
 * JSON reader, whose messages name binary and UTF-16 files.
 */
export function formatOfBytes(bytes: Uint8Array): NetworkFormat {
  if (bytes[0] === 0x08 && bytes.length > 1 && bytes[1] > 0 && bytes[1] < 0x80) return 'onnx';
  return 'json';
}

/** `resnet18.onnx` → `resnet18`: the network's name from its file's. */
export const networkNameOf = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;
