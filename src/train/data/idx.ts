/**
 * Parser for the IDX file format used by MNIST (http://yann.lecun.com/exdb/mnist/).
 *
 * Layout (all integers big-endian):
 *   bytes 0-1  : 0x00 0x00
 *   byte  2    : element type (0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64)
 *   byte  3    : number of dimensions d (1..255)
 *   d × uint32 : size of each dimension
 *   data       : prod(dims) elements, row-major (last dimension varies fastest), big-endian
 *
 * Error policy: `parseIdx` never lets a low-level exception (RangeError from a DataView, a
 * huge allocation, …) escape. Every malformed input throws an `IdxError` — a subclass of
 * `Error` with a stable machine-readable `code` and a human-readable message that says what
 * was expected and what was found. Callers that prefer a value can use `tryParseIdx`, which
 * returns `{ ok: false, error }` instead of throwing.
 *
 * Browser-safe: no Node imports. Gzip (`.gz`) input is handled by `decodeIdx`, which uses
 * the WHATWG `DecompressionStream` available in browsers and in Node >= 18.
 */

export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxArray {
  type: IdxType;
  /** Dimension sizes, outermost first (e.g. [60000, 28, 28]). */
  dims: number[];
  /** Elements in row-major order, in native byte order. For uint8 this is a view (no copy) on the input. */
  data: IdxData;
}

export type IdxErrorCode =
  | 'not-bytes'
  | 'gzipped'
  | 'too-short'
  | 'bad-magic'
  | 'bad-type'
  | 'bad-rank'
  | 'truncated'
  | 'trailing-bytes'
  | 'unexpected-type'
  | 'unexpected-dims'
  | 'decompress-failed';

export class IdxError extends Error {
  readonly code: IdxErrorCode;
  constructor(code: IdxErrorCode, message: string) {
    super(message);
    this.name = 'IdxError';
    this.code = code;
  }
}

export interface IdxExpectation {
  /** Required element type. */
  type?: IdxType;
  /** Required dims; `null` entries accept any size (e.g. [null, 28, 28]). Checks the rank too. */
  dims?: (number | null)[];
  /** Prefix used in error messages, e.g. the file name. */
  label?: string;
}

const TYPE_BY_CODE: Record<number, { type: IdxType; size: number }> = {
  0x08: { type: 'uint8', size: 1 },
  0x09: { type: 'int8', size: 1 },
  0x0b: { type: 'int16', size: 2 },
  0x0c: { type: 'int32', size: 4 },
  0x0d: { type: 'float32', size: 4 },
  0x0e: { type: 'float64', size: 8 },
};

/** Type codes by name (for writers and tests). */
export const IDX_TYPE_CODE: Record<IdxType, number> = {
  uint8: 0x08,
  int8: 0x09,
  int16: 0x0b,
  int32: 0x0c,
  float32: 0x0d,
  float64: 0x0e,
};

/**
 * The same bytes typed as backed by a plain ArrayBuffer (what Blob and Web Crypto accept);
 * copies only if they live in a SharedArrayBuffer.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function toBytes(input: unknown, where: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new IdxError('not-bytes', `${where}expected a Uint8Array or ArrayBuffer, got ${describe(input)}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

function prefix(label: string | undefined): string {
  return label ? `${label}: ` : '';
}

/**
 * Parse an (uncompressed) IDX file. Throws `IdxError` on any malformed input; see the module
 * comment. A gzip-compressed input is reported as `code: 'gzipped'` (use `decodeIdx`).
 */
export function parseIdx(input: Uint8Array | ArrayBuffer, expect: IdxExpectation = {}): IdxArray {
  const where = prefix(expect.label);
  const bytes = toBytes(input, where);
  if (isGzip(bytes)) {
    throw new IdxError('gzipped', `${where}input is gzip-compressed; decompress it first (decodeIdx does this)`);
  }
  if (bytes.length < 4) {
    throw new IdxError('too-short', `${where}IDX header needs at least 4 bytes, got ${bytes.length}`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new IdxError('bad-magic', `${where}bad IDX magic number ${magic}: the first two bytes must be 00 00`);
  }
  const typeInfo = TYPE_BY_CODE[bytes[2]];
  if (!typeInfo) {
    throw new IdxError(
      'bad-type',
      `${where}unknown IDX element type 0x${bytes[2].toString(16).padStart(2, '0')} (expected 08, 09, 0b, 0c, 0d or 0e)`,
    );
  }
  const rank = bytes[3];
  if (rank === 0) throw new IdxError('bad-rank', `${where}IDX file declares 0 dimensions`);
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) {
    throw new IdxError(
      'truncated',
      `${where}truncated IDX header: ${rank} dimensions need ${headerSize} header bytes, file has ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let count = 1;
  for (let i = 0; i < rank; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    dims.push(d);
    count *= d; // exact while < 2^53; a product past that is larger than any file anyway
  }
  const dataBytes = bytes.length - headerSize;
  const needed = count * typeInfo.size;
  if (needed > dataBytes) {
    throw new IdxError(
      'truncated',
      `${where}truncated IDX data: dims [${dims.join(', ')}] of ${typeInfo.type} need ${needed} data bytes, file has ${dataBytes}`,
    );
  }
  if (needed < dataBytes) {
    throw new IdxError(
      'trailing-bytes',
      `${where}IDX size mismatch: dims [${dims.join(', ')}] of ${typeInfo.type} need ${needed} data bytes, file has ${dataBytes} (${dataBytes - needed} extra)`,
    );
  }
  if (expect.type !== undefined && expect.type !== typeInfo.type) {
    throw new IdxError('unexpected-type', `${where}expected IDX element type ${expect.type}, found ${typeInfo.type}`);
  }
  if (expect.dims !== undefined) {
    const ok = expect.dims.length === rank && expect.dims.every((d, i) => d === null || d === dims[i]);
    if (!ok) {
      const want = expect.dims.map((d) => (d === null ? '*' : String(d))).join(', ');
      throw new IdxError('unexpected-dims', `${where}expected IDX dims [${want}], found [${dims.join(', ')}]`);
    }
  }
  return { type: typeInfo.type, dims, data: readData(view, headerSize, count, typeInfo.type, bytes) };
}

function readData(view: DataView, off: number, n: number, type: IdxType, bytes: Uint8Array): IdxData {
  switch (type) {
    case 'uint8':
      return bytes.subarray(off, off + n);
    case 'int8':
      return new Int8Array(bytes.buffer, bytes.byteOffset + off, n);
    case 'int16': {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(off + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(off + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(off + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(off + 8 * i, false);
      return out;
    }
  }
}

export type IdxResult = { ok: true; value: IdxArray } | { ok: false; error: IdxError };

/** Like `parseIdx`, but returns the `IdxError` as a value instead of throwing it. */
export function tryParseIdx(input: Uint8Array | ArrayBuffer, expect: IdxExpectation = {}): IdxResult {
  try {
    return { ok: true, value: parseIdx(input, expect) };
  } catch (e) {
    if (e instanceof IdxError) return { ok: false, error: e };
    throw e; // a bug in this module, not a property of the input
  }
}

/**
 * Gunzip with the WHATWG DecompressionStream (browsers, Node >= 18). Non-gzip input is
 * returned unchanged. Corrupt gzip data throws `IdxError('decompress-failed')`.
 */
export async function gunzipIfNeeded(input: Uint8Array | ArrayBuffer, label?: string): Promise<Uint8Array> {
  const bytes = toBytes(input, prefix(label));
  if (!isGzip(bytes)) return bytes;
  if (typeof DecompressionStream === 'undefined') {
    throw new IdxError('decompress-failed', `${prefix(label)}gzip input but DecompressionStream is not available here`);
  }
  try {
    const stream = new Blob([plainBytes(bytes)]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new IdxError('decompress-failed', `${prefix(label)}gzip decompression failed: ${(e as Error).message}`);
  }
}

/** Parse an IDX file that may be gzip-compressed. Throws `IdxError` (rejects) on malformed input. */
export async function decodeIdx(input: Uint8Array | ArrayBuffer, expect: IdxExpectation = {}): Promise<IdxArray> {
  return parseIdx(await gunzipIfNeeded(input, expect.label), expect);
}

/** Serialise an array to IDX (big-endian). Used by tests and tooling. */
export function encodeIdx(arr: IdxArray): Uint8Array {
  const size = TYPE_BY_CODE[IDX_TYPE_CODE[arr.type]].size;
  const n = arr.dims.reduce((a, b) => a * b, 1);
  if (n !== arr.data.length) {
    throw new IdxError('unexpected-dims', `encodeIdx: dims [${arr.dims.join(', ')}] hold ${n} elements, data has ${arr.data.length}`);
  }
  const header = 4 + 4 * arr.dims.length;
  const out = new Uint8Array(header + n * size);
  const view = new DataView(out.buffer);
  out[2] = IDX_TYPE_CODE[arr.type];
  out[3] = arr.dims.length;
  arr.dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < n; i++) {
    const v = arr.data[i];
    const o = header + i * size;
    switch (arr.type) {
      case 'uint8': view.setUint8(o, v); break;
      case 'int8': view.setInt8(o, v); break;
      case 'int16': view.setInt16(o, v, false); break;
      case 'int32': view.setInt32(o, v, false); break;
      case 'float32': view.setFloat32(o, v, false); break;
      case 'float64': view.setFloat64(o, v, false); break;
    }
  }
  return out;
}
