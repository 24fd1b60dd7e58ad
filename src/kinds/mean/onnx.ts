/** Mean from ONNX's ReduceMean (axes an attribute up to opset 17, an input from 18; keepdims defaults to 1). */
import { refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Mean'> = {
  kind: 'Mean',
  ops: {
    ReduceMean(node) {
      const fromInput = node.inputs[1] ? node.constant(1) : undefined;
      const axes = fromInput ?? node.ints('axes');
      if (!axes || axes.some((v) => typeof v !== 'number')) {
        return refuse('it averages over every dimension (no axes), the batch included.', 'Average over the feature dimensions: x.mean([2, 3]).', { message: '它对所有维度求平均（没有 axes），包括批量维。', fix: '请只在特征维上求平均：x.mean([2, 3])。' });
      }
      return { config: { kind: 'Mean', dim: [...(axes as number[])], ...(node.int('keepdims') ?? 1 ? { keepdim: true } : {}) }, data: [0] };
    },
  },
};
