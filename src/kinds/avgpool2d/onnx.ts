/**
 * AvgPool2d from ONNX's AveragePool. ONNX's count_include_pad defaults to 0,
 * PyTorch's to True; torch 1.13 exports a padded AvgPool2d that counts the
 * padding as a zero Pad followed by an unpadded AveragePool, which is read
 * back as one AvgPool2d with that padding.
 */
import { asymmetricPadding, pair, refuse, symmetricPads, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'AvgPool2d'> = {
  kind: 'AvgPool2d',
  ops: {
    AveragePool(node) {
      const k = node.ints('kernel_shape');
      if (!k || k.length !== 2) {
        return refuse(`its kernel_shape is ${k ? JSON.stringify(k) : 'missing'}; cnn-graph reads 2-D pooling with a [height, width] kernel.`, 'Use AvgPool2d layers.', {
          message: `它的 kernel_shape 是 ${k ? JSON.stringify(k) : '缺失的'}；cnn-graph 只读取 [高, 宽] 窗口的二维汇聚。`,
          fix: '请使用 AvgPool2d 层。',
        });
      }
      const ceil = !!node.int('ceil_mode');
      const own = node.ints('pads') ?? [0, 0, 0, 0];
      const extra = node.pad(0);
      if (extra && (own.some((p) => p !== 0) || ceil)) {
        return refuse('a Pad before it adds padding that PyTorch would count in the average, and the pool pads itself too or rounds up (ceil_mode); there is no one AvgPool2d for that.', 'Give the pool its padding directly: nn.AvgPool2d(kernel, stride, padding=p).', {
          message: '它之前的 Pad 增加了会计入平均值的填充，而这个汇聚层自己也填充或向上取整（ceil_mode）；没有一个 AvgPool2d 与之对应。',
          fix: '请直接给汇聚层填充：nn.AvgPool2d(kernel, stride, padding=p)。',
        });
      }
      const padding = symmetricPads(own, extra);
      if (!padding) return asymmetricPadding(node, own);
      const padded = padding[0] !== 0 || padding[1] !== 0;
      const stride = node.ints('strides') ?? [1, 1];
      return {
        config: {
          kind: 'AvgPool2d',
          kernel_size: pair(k),
          stride: pair(stride),
          ...(padded ? { padding: pair(padding) } : {}),
          ...(ceil ? { ceil_mode: true } : {}),
          // Without padding there is nothing to count or not.
          ...(padded && !extra && !node.int('count_include_pad') ? { count_include_pad: false } : {}),
        },
        data: [0],
        takesPad: !!extra,
      };
    },
  },
};
