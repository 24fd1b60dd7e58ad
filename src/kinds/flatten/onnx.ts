/** Flatten from ONNX's Flatten: axis 1 is PyTorch's start_dim=1 (torch.flatten(x, 1), nn.Flatten()). */
import { refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Flatten'> = {
  kind: 'Flatten',
  ops: {
    Flatten(node) {
      const axis = node.int('axis') ?? 1;
      const rank = (node.shape(0)?.length ?? 3) + 1;
      const a = axis < 0 ? axis + rank : axis;
      if (a === 1) return { config: { kind: 'Flatten' }, data: [0] };
      if (a === 0) {
        return refuse('it flattens the batch into the features (axis=0).', 'Flatten from axis 1 (torch.flatten(x, 1)).', {
          message: '它把批量维也展平进了特征（axis=0）。',
          fix: '请从第 1 维开始展平（torch.flatten(x, 1)）。',
        });
      }
      // ONNX's Flatten always gives a matrix: the dimensions from `axis` on become one, those before it another.
      return refuse(`it flattens into a matrix at axis ${axis}, which mixes features into the batch dimension.`, 'Flatten from axis 1 (torch.flatten(x, 1)).', {
        message: `它在第 ${axis} 维处展平成矩阵，会把特征混进批量维。`,
        fix: '请从第 1 维开始展平（torch.flatten(x, 1)）。',
      });
    },
  },
};
