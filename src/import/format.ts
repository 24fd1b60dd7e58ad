/**
 * Which reader a network file goes to, and how large a file each may be, with
 * none of the readers: the element decides this before it loads a reader
 * lazily (the ONNX reader brings protobufjs, the Python one a parser), so a
 * page that only ever shows JSON never downloads them. `index.ts` re-exports
 * all of it beside the readers themselves.
 */

/** cnn-graph JSON and PyTorch source are text; ONNX is a protobuf (bytes). */
export type NetworkFormat = 'json' | 'python' | 'onnx';

/** Larger ONNX files are refused before decoding: a model with its weights may be large, but not this large. */
export const MAX_ONNX_BYTES = 512 * 1024 * 1024;

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

/** `resnet18.onnx` → `resnet18`: the network's name from its file's. */
export const networkNameOf = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;

/**
 * A stream's bytes, or how many it had passed `max` with: reading stops there and the
 * stream is cancelled, so a huge download or a decompression bomb is never held whole.
 */
export async function readCapped(stream: ReadableStream<Uint8Array>, max: number): Promise<{ bytes: Uint8Array } | { over: number }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return { over: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes };
}
