/** MaxPool2d from ONNX's MaxPool (kernel_shape, strides, pads, dilations, ceil_mode). */
import { asymmetricPadding, pair, refuse, symmetricPads, unsupportedAttribute, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'MaxPool2d'> = {
  kind: 'MaxPool2d',
  ops: {
    MaxPool(node) {
      const k = node.ints('kernel_shape');
      if (!k || k.length !== 2) {
        return refuse(`its kernel_shape is ${k ? JSON.stringify(k) : 'missing'}; cnn-graph reads 2-D pooling with a [height, width] kernel.`, 'Use MaxPool2d layers.', {
          message: `它的 kernel_shape 是 ${k ? JSON.stringify(k) : '缺失的'}；cnn-graph 只读取 [高, 宽] 窗口的二维汇聚。`,
          fix: '请使用 MaxPool2d 层。',
        });
      }
      const autoPad = node.string('auto_pad') ?? 'NOTSET';
      if (autoPad !== 'NOTSET' && autoPad !== 'VALID') return unsupportedAttribute(node, 'auto_pad', autoPad, 'Export with explicit pads (PyTorch always does).', '请以显式的 pads 导出（PyTorch 总是这样导出）。');
      const pads = node.ints('pads') ?? [0, 0, 0, 0];
      const padding = symmetricPads(pads);
      if (!padding) return asymmetricPadding(node, pads);
      const stride = node.ints('strides') ?? [1, 1];
      const dilation = node.ints('dilations') ?? [1, 1];
      return {
        config: {
          kind: 'MaxPool2d',
          kernel_size: pair(k),
          stride: pair(stride),
          ...(padding[0] || padding[1] ? { padding: pair(padding) } : {}),
          ...(dilation[0] !== 1 || dilation[1] !== 1 ? { dilation: pair(dilation) } : {}),
          ...(node.int('ceil_mode') ? { ceil_mode: true } : {}),
        },
        data: [0],
      };
    },
  },
};
