/** Chunk: one piece of `x.chunk(chunks, dim)`, i.e. `x.chunk(chunks, dim)[index]` (a function in PyTorch). */
import { literal, optional, strictObject } from 'zod/mini';
import type { Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Chunk'),
    chunks: f.posInt,
    /** A dimension of the batched tensor (PyTorch's default, 0, is the batch: write 1 for the channels). */
    dim: optional(f.dim),
    /** Which piece this layer is. */
    index: f.nonNegInt,
  });

export type ChunkConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Chunk',
  schema,
  category: 'reshape',
  arity: 'one',
  functional: true,
} satisfies KindConfig<'Chunk'>;

export const Chunk = (chunks: number, dim: number, index: number): ChunkConfig => ({ kind: 'Chunk', chunks, dim, index });
