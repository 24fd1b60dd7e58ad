/**
 * Split from ONNX's Split: one node with several outputs becomes one layer per
 * output (a Split layer is one piece, `index`, as in the JSON format). Sizes
 * are an input from opset 13, an attribute before; without them, equal pieces.
 */
import { refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Split'> = {
  kind: 'Split',
  ops: {
    /**
     * A Slice of the channels with step 1 (torch writes x.chunk(2, dim=1) so):
     * one piece of a split into the channels before, inside and after it.
     */
    Slice(node) {
      const [starts, ends] = [node.constant(1), node.constant(2)];
      const axes = node.inputs[3] ? node.constant(3) : [0];
      const steps = node.inputs[4] ? node.constant(4) : [1];
      const shape = node.shape(0);
      const one = (v: readonly (number | 'batch')[] | undefined) => (v && v.length === 1 && typeof v[0] === 'number' ? v[0] : undefined);
      const [s0, e0, axis, step] = [one(starts), one(ends), one(axes), one(steps)];
      const rank = (shape?.length ?? 0) + 1;
      const dim = axis !== undefined && axis < 0 ? axis + rank : axis;
      if (!shape || s0 === undefined || e0 === undefined || step !== 1 || dim === undefined || dim < 1 || dim >= rank) {
        return refuse('it slices in a way cnn-graph reads only as a piece of one feature dimension (constant start and end, step 1, not the batch).', 'Slice the channels with constant bounds (x[:, a:b]) or split them (x.chunk(2, dim=1)).', {
          message: '它的切片方式不是 cnn-graph 能读取的形式（只读取某一特征维上、起止为常量、步长为 1 的一段，且不是批量维）。',
          fix: '请用常量边界切通道（x[:, a:b]）或切分通道（x.chunk(2, dim=1)）。',
        });
      }
      const size = shape[dim - 1];
      const clamp = (x: number) => Math.min(Math.max(x < 0 ? x + size : x, 0), size);
      const [a, b] = [clamp(s0), clamp(e0)];
      const sections = [a, Math.max(b - a, 0), size - Math.max(a, b)].filter((x, i) => i === 1 || x > 0);
      return { config: { kind: 'Split', split_size_or_sections: sections, dim, index: a > 0 ? 1 : 0 }, data: [0] };
    },
    Split(node) {
      const given = node.inputs[1] ? node.constant(1) : node.ints('split');
      const dim = node.int('axis') ?? 0;
      const n = node.inputs.length && node.outputs > 0 ? node.outputs : 1;
      let sizes: number[];
      if (given) {
        if (given.some((v) => typeof v !== 'number')) return refuse('its sizes depend on the batch size.', 'Split the channels: x.split(sizes, dim=1).', { message: '它的切分大小依赖批量大小。', fix: '请在通道上切分：x.split(sizes, dim=1)。' });
        sizes = given as number[];
      } else {
        const shape = node.shape(0);
        const axis = dim < 0 ? dim + (shape?.length ?? 0) + 1 : dim;
        const total = shape && axis >= 1 ? shape[axis - 1] : undefined;
        if (total === undefined || total % n !== 0) {
          return refuse('it splits into equal pieces of a size that is not known here.', 'Give the sizes (x.split([a, b], dim=1)).', { message: '它切分成大小相等的块，但这里不知道块的大小。', fix: '请给出各块的大小（x.split([a, b], dim=1)）。' });
        }
        sizes = Array.from({ length: n }, () => total / n);
      }
      return { config: { kind: 'Split', split_size_or_sections: sizes, dim, index: 0 }, pieces: sizes.map((_, index) => ({ kind: 'Split', split_size_or_sections: sizes, dim, index })), data: [0] };
    },
  },
};
