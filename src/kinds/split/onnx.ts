/**
 * Split from ONNX's Split: one node with several outputs becomes one layer per
 * output (a Split layer is one piece, `index`, as in the JSON format). Sizes
 * are an input from opset 13, an attribute before; without them, equal pieces.
 */
import { refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Split'> = {
  kind: 'Split',
  ops: {
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
