/**
 * Reading a network file without trusting it: stat first (a FIFO, a device
 * such as /dev/urandom or a directory is refused before any read, so nothing
 * hangs), then at most MAX_JSON_BYTES + 1 bytes, then a strict UTF-8 decode
 * (UTF-16 and binary files are named as such instead of echoing their bytes).
 */
import { open, stat } from 'node:fs/promises';
import { MAX_JSON_BYTES } from '../graph/json.js';

/** Why a file cannot be read as a network, in both languages. */
export class FileRefused extends Error {
  constructor(
    message: string,
    readonly fix: string,
    readonly zh: { message: string; fix: string },
  ) {
    super(message);
  }
}

const MIB = 1048576;

export async function readNetworkFile(path: string, limit = MAX_JSON_BYTES): Promise<string> {
  return decodeText(await readNetworkBytes(path, limit));
}

/**
 * The file's bytes, with the same guards (a regular file, at most `limit`
 * bytes, counted while reading): binary formats (ONNX) are read this way.
 */
export async function readNetworkBytes(path: string, limit: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!info.isFile()) {
    const what = info.isFIFO() ? 'a pipe (FIFO)' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'not a regular file';
    const whatZh = info.isFIFO() ? '一个管道（FIFO）' : info.isCharacterDevice() || info.isBlockDevice() ? '一个设备' : info.isSocket() ? '一个套接字' : '不是普通文件';
    throw new FileRefused(`this is ${what}, not a regular file; cnn-graph reads networks from .json files.`, 'Save the network to a file first, e.g. `cnn-graph export lenet5 > mynet.json`.', {
      message: `这是${whatZh}，不是普通文件；cnn-graph 从 .json 文件读取网络。`,
      fix: '先把网络保存成文件，例如 `cnn-graph export lenet5 > mynet.json`。',
    });
  }
  if (info.size > limit) throw tooBig(info.size, limit, true);
  const handle = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    // The size can change between stat and read: read one byte past the limit to know.
    const buffer = new Uint8Array(Math.min(limit + 1, info.size + 1 || 1));
    let filled = 0;
    let grown = buffer;
    for (;;) {
      if (filled === grown.length) {
        if (grown.length > limit) break;
        const next = new Uint8Array(Math.min(limit + 1, grown.length * 2));
        next.set(grown);
        grown = next;
      }
      const { bytesRead } = await handle.read(grown, filled, grown.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit) throw tooBig(filled, limit, false);
    bytes = grown.subarray(0, filled);
  } finally {
    await handle.close();
  }
  return bytes;
}

function tooBig(size: number, limit: number, known: boolean): FileRefused {
  // Past the limit while reading (the file grew since stat): its size is not known, only that it is over.
  const said = known ? (size / MIB).toFixed(1) : `over ${limit / MIB}`;
  const saidZh = known ? `有 ${(size / MIB).toFixed(1)}` : `超过 ${limit / MIB}`;
  return new FileRefused(`the file is ${said} MiB; cnn-graph reads networks of up to ${limit / MIB} MiB.`, 'Check that this is a network description, not a weights file.', {
    message: `文件${saidZh} MiB；cnn-graph 只读取不超过 ${limit / MIB} MiB 的网络。`,
    fix: '请确认这是网络的描述文件，而不是权重文件。',
  });
}

/** UTF-8 text (a byte-order mark is dropped), or a FileRefused naming what the bytes look like. */
export function decodeText(bytes: Uint8Array): string {
  // With a byte-order mark, or without one: JSON starts with an ASCII character, one zero byte beside it.
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const ascii16 = (k: number) => (bytes[k] === 0) !== (bytes[k + 1] === 0) && bytes[k] < 0x80 && bytes[k + 1] < 0x80;
  if (bom || (bytes.length >= 4 && ascii16(0) && ascii16(2) && (bytes[0] === 0) === (bytes[2] === 0))) {
    throw new FileRefused('not a UTF-8 text file: it is UTF-16 text.', 'Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).', {
      message: '不是 UTF-8 文本文件：它是 UTF-16 文本。',
      fix: '请把它另存为 UTF-8 编码（多数编辑器里：“以某种编码保存” → UTF-8）。',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = '\0';
  }
  if (text.includes('\0')) {
    throw new FileRefused('not a UTF-8 text file: it holds bytes that are not text (is it binary, e.g. weights or an image?).', 'Give the JSON description of the network (`cnn-graph export lenet5` shows one).', {
      message: '不是 UTF-8 文本文件：里面有不是文本的字节（是不是二进制文件，比如权重或图片？）。',
      fix: '请给出网络的 JSON 描述（`cnn-graph export lenet5` 可以看到一个例子）。',
    });
  }
  return text;
}
