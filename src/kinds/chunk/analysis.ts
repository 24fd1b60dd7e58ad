import { noSuchPiece, ok, pieceDim } from '../common.js';
import type { KindAnalysis } from '../spec.js';
import type { Layer } from '../../graph/types.js';

/** PyTorch's pieces: ceil(n / chunks) each, the last one smaller, and fewer than `chunks` when they run out. */
export function chunkPieces(n: number, chunks: number): number[] {
  const size = Math.ceil(n / chunks);
  const pieces: number[] = [];
  for (let at = 0; at < n; at += size) pieces.push(Math.min(size, n - at));
  return pieces;
}

export const chunkStart = (l: Layer<'Chunk'>, n: number): number => l.index * Math.ceil(n / l.chunks);

export const analysis: KindAnalysis<'Chunk'> = {
  kind: 'Chunk',
  outputShape(l, [input]) {
    const at = pieceDim('chunk', l.dim ?? 0, input);
    if ('fail' in at) return at.fail;
    const pieces = chunkPieces(input.shape[at.d], l.chunks);
    if (l.index >= pieces.length) return noSuchPiece(`chunk(${l.chunks})`, `chunk(${l.chunks}) `, l.index, pieces, input, at.d);
    const out = [...input.shape];
    out[at.d] = pieces[l.index];
    return ok(out);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => `Chunk ${l.index + 1}/${l.chunks}${(l.dim ?? 0) === 1 ? '' : ` dim=${l.dim ?? 0}`}`,
  labelZh: (text) => text,
};
