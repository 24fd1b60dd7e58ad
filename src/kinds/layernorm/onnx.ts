/** LayerNorm from ONNX's LayerNormalization (opset 17): the scale's shape is normalized_shape. */
import { notAWeight, refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'LayerNorm'> = {
  kind: 'LayerNorm',
  ops: {
    LayerNormalization(node) {
      const scale = node.weight(1);
      if (!scale) return notAWeight(node, 1, 'scale');
      const axis = node.int('axis') ?? -1;
      if (axis >= 0 || -axis !== scale.length) {
        return refuse(`it normalises from axis ${axis} with a scale of shape ${scale.join('×')}; PyTorch's LayerNorm normalises the last dimensions, as many as its normalized_shape has.`, 'Use nn.LayerNorm(normalized_shape) over the last dimensions.', {
          message: `它从第 ${axis} 维开始归一化，scale 的形状是 ${scale.join('×')}；PyTorch 的 LayerNorm 只归一化最后几维，个数与 normalized_shape 相同。`,
          fix: '请在最后几维上使用 nn.LayerNorm(normalized_shape)。',
        });
      }
      const eps = node.float('epsilon') ?? 1e-5;
      const bias = node.inputs[2] ? node.weight(2) : undefined;
      if (node.inputs[2] && !bias) return notAWeight(node, 2, 'bias');
      return {
        config: { kind: 'LayerNorm', normalized_shape: scale.length === 1 ? scale[0] : [...scale], ...(Math.abs(eps - 1e-5) > 1e-11 ? { eps: Number(eps.toPrecision(7)) } : {}) },
        data: [0],
      };
    },
  },
};
