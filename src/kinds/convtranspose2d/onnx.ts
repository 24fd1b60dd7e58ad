/** ConvTranspose2d from ONNX's ConvTranspose: the weight is [in, out/groups, kh, kw]. */
import { asymmetricPadding, notAWeight, pair, refuse, symmetricPads, unsupportedAttribute, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'ConvTranspose2d'> = {
  kind: 'ConvTranspose2d',
  ops: {
    ConvTranspose(node) {
      const w = node.weight(1);
      if (!w) return notAWeight(node, 1, 'weight');
      if (w.length !== 4) {
        return refuse(`its weight has ${w.length} dimensions (${w.join('×')}); cnn-graph reads 2-D transposed convolutions, whose weight is in×out×kh×kw.`, 'Use ConvTranspose2d layers.', {
          message: `它的权重有 ${w.length} 维（${w.join('×')}）；cnn-graph 只读取二维转置卷积，其权重是 输入×输出×kh×kw。`,
          fix: '请使用 ConvTranspose2d 层。',
        });
      }
      const autoPad = node.string('auto_pad') ?? 'NOTSET';
      if (autoPad !== 'NOTSET') return unsupportedAttribute(node, 'auto_pad', autoPad, 'Export with explicit pads (PyTorch always does).', '请以显式的 pads 导出（PyTorch 总是这样导出）。');
      if (node.ints('output_shape')) return unsupportedAttribute(node, 'output_shape', JSON.stringify(node.ints('output_shape')), 'Give pads and output_padding instead (PyTorch exports those).', '请改用 pads 和 output_padding（PyTorch 导出的就是这两个）。');
      const pads = node.ints('pads') ?? [0, 0, 0, 0];
      const padding = symmetricPads(pads);
      if (!padding) return asymmetricPadding(node, pads);
      const groups = node.int('group') ?? 1;
      const bias = node.inputs[2] ? node.weight(2) : undefined;
      if (node.inputs[2] && !bias) return notAWeight(node, 2, 'bias');
      const stride = node.ints('strides') ?? [1, 1];
      const dilation = node.ints('dilations') ?? [1, 1];
      const outPad = node.ints('output_padding') ?? [0, 0];
      return {
        config: {
          kind: 'ConvTranspose2d',
          in_channels: w[0],
          out_channels: w[1] * groups,
          kernel_size: pair(w.slice(2)),
          ...(stride[0] !== 1 || stride[1] !== 1 ? { stride: pair(stride) } : {}),
          ...(padding[0] || padding[1] ? { padding: pair(padding) } : {}),
          ...(outPad[0] || outPad[1] ? { output_padding: pair(outPad) } : {}),
          ...(dilation[0] !== 1 || dilation[1] !== 1 ? { dilation: pair(dilation) } : {}),
          ...(groups !== 1 ? { groups } : {}),
          ...(bias ? {} : { bias: false }),
        },
        data: [0],
      };
    },
  },
};
