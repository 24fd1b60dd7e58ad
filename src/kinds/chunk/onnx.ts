/** Chunk has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Chunk'> = {
  kind: 'Chunk',
  ops: {},
  none: "ONNX writes x.chunk(n, dim) as a Split node with equal sizes, which becomes Split layers.",
};
