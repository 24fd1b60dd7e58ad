import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { IdxError, decodeIdx, encodeIdx, gunzipIfNeeded, isGzip, parseIdx, tryParseIdx } from '../../../src/train/data/idx.js';

/** A small valid uint8 IDX file: dims [2, 3, 4], values 0..23. */
function sample(): Uint8Array {
  return encodeIdx({ type: 'uint8', dims: [2, 3, 4], data: Uint8Array.from({ length: 24 }, (_, i) => i) });
}

function expectIdxError(fn: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an IdxError to be thrown').toBeInstanceOf(IdxError);
  const err = caught as IdxError;
  expect(err).toBeInstanceOf(Error);
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
}

describe('parseIdx: valid input', () => {
  it('reads header, dims and uint8 data (as a view)', () => {
    const bytes = sample();
    expect(bytes.length).toBe(16 + 24);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 0, 8, 3]);
    const arr = parseIdx(bytes);
    expect(arr.type).toBe('uint8');
    expect(arr.dims).toEqual([2, 3, 4]);
    expect(Array.from(arr.data)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(arr.data.buffer).toBe(bytes.buffer);
  });

  it('accepts an ArrayBuffer and a Uint8Array at an offset', () => {
    const bytes = sample();
    expect(parseIdx(bytes.slice().buffer).dims).toEqual([2, 3, 4]);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 7);
    expect(Array.from(parseIdx(padded.subarray(7)).data)).toEqual(Array.from(parseIdx(bytes).data));
  });

  it('decodes big-endian multi-byte types', () => {
    const cases = [
      { type: 'int8', data: Int8Array.from([-128, -1, 0, 127]) },
      { type: 'int16', data: Int16Array.from([-32768, -2, 258, 32767]) },
      { type: 'int32', data: Int32Array.from([-2147483648, -3, 16909060, 2147483647]) },
      { type: 'float32', data: Float32Array.from([-1.5, 0, 3.25, 1e-3]) },
      { type: 'float64', data: Float64Array.from([-1.5, Math.PI, 1e300, -0]) },
    ] as const;
    for (const c of cases) {
      const bytes = encodeIdx({ type: c.type, dims: [4], data: c.data });
      const back = parseIdx(bytes);
      expect(back.type).toBe(c.type);
      expect(Array.from(back.data)).toEqual(Array.from(c.data));
    }
    // explicit byte order: int16 0x0102 is stored as 01 02
    const be = encodeIdx({ type: 'int16', dims: [1], data: Int16Array.from([0x0102]) });
    expect(Array.from(be.subarray(8))).toEqual([1, 2]);
  });

  it('checks expected type and dims when asked', () => {
    expect(parseIdx(sample(), { type: 'uint8', dims: [null, 3, 4] }).dims).toEqual([2, 3, 4]);
    expectIdxError(() => parseIdx(sample(), { dims: [2, 28, 28], label: 'x.idx' }), 'unexpected-dims', /x\.idx: expected IDX dims \[2, 28, 28\], found \[2, 3, 4\]/);
    expectIdxError(() => parseIdx(sample(), { dims: [24] }), 'unexpected-dims', /expected IDX dims \[24\]/);
    expectIdxError(() => parseIdx(sample(), { type: 'float32' }), 'unexpected-type', /expected IDX element type float32, found uint8/);
  });
});

describe('parseIdx: malformed input gives IdxError with a clear message', () => {
  it('bad magic number', () => {
    const b = sample();
    b[0] = 0x12;
    expectIdxError(() => parseIdx(b), 'bad-magic', /bad IDX magic number 12 00 08 03/);
  });

  it('unknown element type', () => {
    const b = sample();
    b[2] = 0x07;
    expectIdxError(() => parseIdx(b), 'bad-type', /unknown IDX element type 0x07/);
  });

  it('zero dimensions', () => {
    expectIdxError(() => parseIdx(Uint8Array.from([0, 0, 8, 0])), 'bad-rank', /0 dimensions/);
  });

  it('too short for a header', () => {
    expectIdxError(() => parseIdx(new Uint8Array(0)), 'too-short', /at least 4 bytes, got 0/);
    expectIdxError(() => parseIdx(Uint8Array.from([0, 0])), 'too-short', /got 2/);
  });

  it('truncated header (dims cut off)', () => {
    expectIdxError(() => parseIdx(sample().subarray(0, 10)), 'truncated', /3 dimensions need 16 header bytes, file has 10/);
  });

  it('truncated data', () => {
    expectIdxError(() => parseIdx(sample().subarray(0, 39)), 'truncated', /need 24 data bytes, file has 23/);
  });

  it('wrong dims: data longer than the dims say', () => {
    const b = new Uint8Array(sample().length + 5);
    b.set(sample());
    expectIdxError(() => parseIdx(b), 'trailing-bytes', /size mismatch.*need 24 data bytes, file has 29 \(5 extra\)/);
  });

  it('wrong dims: huge declared sizes do not allocate or crash', () => {
    const b = sample();
    new DataView(b.buffer).setUint32(4, 0xffffffff, false);
    expectIdxError(() => parseIdx(b), 'truncated', /truncated IDX data/);
    const many = new Uint8Array(4 + 4 * 255);
    many[2] = 0x0e;
    many[3] = 255;
    many.fill(0xff, 4);
    expectIdxError(() => parseIdx(many), 'truncated', /truncated IDX data/);
  });

  it('gzip input is recognised, not misparsed', () => {
    expectIdxError(() => parseIdx(gzipSync(sample())), 'gzipped', /gzip-compressed/);
  });

  it('non-bytes input', () => {
    expectIdxError(() => parseIdx('hello' as unknown as Uint8Array), 'not-bytes', /expected a Uint8Array or ArrayBuffer, got string/);
    expectIdxError(() => parseIdx(null as unknown as Uint8Array), 'not-bytes', /got null/);
  });

  it('tryParseIdx returns the error as a value', () => {
    const r = tryParseIdx(Uint8Array.from([1, 2, 3, 4, 5]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-magic');
    const ok = tryParseIdx(sample());
    expect(ok.ok && ok.value.dims).toEqual([2, 3, 4]);
  });

  it('no input of a random-byte fuzz escapes as anything but IdxError', () => {
    let seed = 1;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) & 0xff;
    for (let t = 0; t < 2000; t++) {
      const n = rnd() % 40;
      const b = Uint8Array.from({ length: n }, rnd);
      if (t % 2 === 0 && n >= 4) {
        b[0] = 0;
        b[1] = 0;
        b[2] = [8, 9, 0x0b, 0x0c, 0x0d, 0x0e][rnd() % 6];
        b[3] = rnd() % 4;
      }
      const r = tryParseIdx(b); // would rethrow a non-IdxError
      expect(typeof r.ok).toBe('boolean');
    }
  });
});

describe('gzip', () => {
  it('decodeIdx gunzips with DecompressionStream', async () => {
    const gz = gzipSync(sample());
    expect(isGzip(gz)).toBe(true);
    const arr = await decodeIdx(gz, { dims: [2, 3, 4] });
    expect(Array.from(arr.data)).toEqual(Array.from(parseIdx(sample()).data));
    expect((await decodeIdx(sample())).dims).toEqual([2, 3, 4]);
  });

  it('corrupt gzip rejects with IdxError', async () => {
    const gz = gzipSync(sample());
    const bad = gz.subarray(0, gz.length - 12);
    await expect(gunzipIfNeeded(bad)).rejects.toMatchObject({ name: 'IdxError', code: 'decompress-failed' });
  });
});
