/**
 * BatchNorm2d from ONNX's BatchNormalization: scale and B are the learnable
 * parameters, input_mean and input_var the running statistics (buffers).
 * ONNX's momentum weighs the old statistic (1 − PyTorch's momentum).
 */
import { notAWeight, refuse, type KindOnnx } from '../onnx-spec.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.abs(b);

export const onnx: KindOnnx<'BatchNorm2d'> = {
  kind: 'BatchNorm2d',
  ops: {
    BatchNormalization(node) {
      for (const [i, what] of [[1, 'scale'], [2, 'bias'], [3, 'running mean'], [4, 'running variance']] as const) if (!node.weight(i)) return notAWeight(node, i, what);
      const c = node.weight(1) as readonly number[];
      if (c.length !== 1) {
        return refuse(`its scale has shape ${c.join('×')}; BatchNorm2d's is one number per channel.`, 'Use nn.BatchNorm2d.', { message: `它的 scale 形状是 ${c.join('×')}；BatchNorm2d 每个通道一个数。`, fix: '请使用 nn.BatchNorm2d。' });
      }
      const shape = node.shape(0);
      if (shape && shape.length !== 3) {
        return refuse(`it normalises a ${shape.length + 1}-D tensor; cnn-graph reads BatchNorm2d, over N×C×H×W.`, 'Use nn.BatchNorm2d on feature maps.', {
          message: `它归一化的是 ${shape.length + 1} 维张量；cnn-graph 只读取 N×C×H×W 上的 BatchNorm2d。`,
          fix: '请在特征图上使用 nn.BatchNorm2d。',
        });
      }
      const eps = node.float('epsilon') ?? 1e-5;
      const momentum = 1 - (node.float('momentum') ?? 0.9);
      return {
        config: {
          kind: 'BatchNorm2d',
          num_features: c[0],
          // The file stores float32: 1e-5 reads 9.99999974e-6.
          ...(close(eps, 1e-5) ? {} : { eps: Number(eps.toPrecision(7)) }),
          ...(close(momentum, 0.1) ? {} : { momentum: Number(momentum.toPrecision(7)) }),
        },
        data: [0],
      };
    },
  },
};
