/**
 * The playground's text in a URL: deflate-raw (CompressionStream, in every current browser and
 * Node ≥ 18) then base64url, in the hash, so a shared link carries the whole network and no
 * server ever sees it. `#n=<data>`; other hash keys are left for later use.
 */

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

/** The hash (without `#`) that carries `text`. */
export async function encodeShare(text: string): Promise<string> {
  const packed = await through(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `${KEY}=${toBase64Url(packed)}`;
}

/**
 * The text a hash carries (`#n=…` or `n=…`), null if the hash has none, or an Error if it has
 * one that cannot be read (cut short when pasted, say) — the page says so and keeps what it has.
 */
export async function decodeShare(hash: string): Promise<string | null | Error> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const data = params.get(KEY);
  if (data === null || data === '') return null;
  try {
    const bytes = await through(fromBase64Url(data), new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    return new Error(`The link's network could not be read (${e instanceof Error ? e.message : String(e)}); it may have been cut short when copied.`);
  }
}
