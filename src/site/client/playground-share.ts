/**
 * The playground's text in a URL: deflate-raw (CompressionStream, in every current browser and
 * Node ≥ 18) then base64url, in the hash, so a shared link carries the whole network and no
 * server ever sees it. `#n=<data>`; a PyTorch text adds `&f=py` (and the class and input shape
 * chosen beside it, `&c=Net&i=3x32x32`). A link without `f` is JSON, as every link before the
 * PyTorch tab was.
 */

import { MAX_JSON_BYTES } from '../../graph/json.js';
import { readCapped } from '../../import/format.js';

const KEY = 'n';

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * The most a link may unpack to: the JSON reader's limit. Deflate packs a repetitive text a
 * thousandfold, so a 65 KB link can hold 50 MB (18 s of a blocked page) and a 390 KB one enough
 * to crash the tab; the stream is read chunk by chunk and dropped past this.
 */
export const MAX_SHARE_BYTES = MAX_JSON_BYTES;

/** A link that cannot be opened; `zh` says the same in Chinese. */
export class ShareError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

async function inflate(bytes: Uint8Array, max: number): Promise<Uint8Array | null> {
  const read = await readCapped(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')), max);
  return 'over' in read ? null : read.bytes;
}

/** Which tab a link opens, and what was chosen beside a PyTorch text. */
export interface ShareFormat {
  format: 'json' | 'python';
  className?: string;
  input?: string;
}

/** The hash (without `#`) that carries `text` (and, for a PyTorch text, its format and choices). */
export async function encodeShare(text: string, how: ShareFormat = { format: 'json' }): Promise<string> {
  const packed = await through(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const extra = new URLSearchParams();
  if (how.format === 'python') {
    extra.set('f', 'py');
    if (how.className) extra.set('c', how.className);
    if (how.input) extra.set('i', how.input);
  }
  const more = extra.toString();
  return `${KEY}=${toBase64Url(packed)}${more ? `&${more}` : ''}`;
}

/** The format a hash names (JSON when it names none: the links made before the PyTorch tab). */
export function shareFormat(hash: string): ShareFormat {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('f') !== 'py') return { format: 'json' };
  const className = params.get('c');
  const input = params.get('i');
  return { format: 'python', ...(className ? { className } : {}), ...(input ? { input } : {}) };
}

/**
 * The text a hash carries (`#n=…` or `n=…`), null if the hash has none, or a ShareError if it
 * has one that cannot be read (cut short when pasted, say, or more than `max` bytes once
 * unpacked) — the page says so and keeps what it has.
 */
export async function decodeShare(hash: string, max = MAX_SHARE_BYTES): Promise<string | null | ShareError> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const data = params.get(KEY);
  if (data === null || data === '') return null;
  try {
    const bytes = await inflate(fromBase64Url(data), max);
    if (bytes === null) {
      const kb = Math.ceil(data.length / 1000).toLocaleString('en');
      const mib = (max / 1048576).toFixed(0);
      return new ShareError(
        `The link's network unpacks to more than ${mib} MiB (from ${kb} KB of link), more than the playground reads; it was not opened.`,
        `链接里的网络解压后超过 ${mib} MiB（链接本身 ${kb} KB），超出了演练场能读取的大小，所以没有打开。`,
      );
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    return new ShareError(
      `The link's network could not be read (${e instanceof Error ? e.message : String(e)}); it may have been cut short when copied.`,
      '链接里的网络无法读取（可能复制时被截断了）。',
    );
  }
}
