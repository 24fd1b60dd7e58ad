/** Conv2d from ONNX's Conv: the weight [out, in/groups, kh, kw] gives the channels; pads, a Pad before it included, its padding. */
import { asymmetricPadding, notAWeight, pair, refuse, symmetricPads, unsupportedAttribute, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Conv2d'> = {
  kind: 'Conv2d',
  ops: {
    Conv(node) {
      const w = node.weight(1);
      if (!w) return notAWeight(node, 1, 'weight');
      if (w.length !== 4) {
        return refuse(`its weight has ${w.length} dimensions (${w.join('×')}); cnn-graph reads 2-D convolutions, whose weight is out×in×kh×kw.`, 'Use Conv2d layers (1-D and 3-D convolutions are not supported).', {
          message: `它的权重有 ${w.length} 维（${w.join('×')}）；cnn-graph 只读取二维卷积，其权重是 输出×输入×kh×kw。`,
          fix: '请使用 Conv2d 层（不支持一维和三维卷积）。',
        });
      }
      const autoPad = node.string('auto_pad') ?? 'NOTSET';
      if (autoPad !== 'NOTSET' && autoPad !== 'VALID') return unsupportedAttribute(node, 'auto_pad', autoPad, 'Export with explicit pads (PyTorch always does).', '请以显式的 pads 导出（PyTorch 总是这样导出）。');
      const groups = node.int('group') ?? 1;
      const pads = autoPad === 'VALID' ? [0, 0, 0, 0] : node.ints('pads');
      const extra = node.pad(0);
      const padding = symmetricPads(pads, extra);
      if (!padding) return asymmetricPadding(node, pads ?? [0, 0, 0, 0]);
      const bias = node.inputs[2] ? node.weight(2) : undefined;
      if (node.inputs[2] && !bias) return notAWeight(node, 2, 'bias');
      const stride = node.ints('strides') ?? [1, 1];
      const dilation = node.ints('dilations') ?? [1, 1];
      return {
        config: {
          kind: 'Conv2d',
          in_channels: w[1] * groups,
          out_channels: w[0],
          kernel_size: pair(w.slice(2)),
          ...(stride[0] !== 1 || stride[1] !== 1 ? { stride: pair(stride) } : {}),
          ...(padding[0] || padding[1] ? { padding: pair(padding) } : {}),
          ...(dilation[0] !== 1 || dilation[1] !== 1 ? { dilation: pair(dilation) } : {}),
          ...(groups !== 1 ? { groups } : {}),
          ...(bias ? {} : { bias: false }),
        },
        data: [0],
        takesPad: !!extra,
      };
    },
  },
};
