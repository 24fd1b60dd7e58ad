/**
 * Reshape from ONNX's Reshape with a constant target shape, or one the file
 * computes from x.size(0) (torch's `x.view(x.size(0), -1)`, folded by the
 * reader): the first entry must keep the batch (x.size(0), the batch size
 * the file was exported with, 0, or -1 with the rest fixed); the rest is the
 * shape of one sample.
 */
import { refuse, type KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Reshape'> = {
  kind: 'Reshape',
  ops: {
    Reshape(node) {
      const target = node.constant(1);
      const data = node.constant(0);
      if (data && target) return { value: data };
      if (!target) {
        return refuse('its target shape is computed from the data, not from constants and the input sizes.', 'Reshape to a shape written in the code, e.g. x.view(x.size(0), -1).', {
          message: '它的目标形状是由数据计算出来的，而不是由常量和输入尺寸得到的。',
          fix: '请重塑为代码里写定的形状，例如 x.view(x.size(0), -1)。',
        });
      }
      const [first, ...rest] = target;
      const input = node.shape(0);
      const restFixed = rest.every((v) => typeof v === 'number' && v > 0);
      // x.size(0) is 'batch' where the file's batch is dynamic, and the exported batch size where it is not.
      const keepsBatch = first === 'batch' || first === 0 || (first === -1 && restFixed) || (node.batch !== undefined && first === node.batch);
      if (!keepsBatch || rest.includes('batch') || rest.length === 0) {
        return refuse(`its target shape ${JSON.stringify(target)} does not keep the batch as its first dimension; cnn-graph reads shapes per sample.`, 'Keep the batch first: x.view(x.size(0), ...) or x.flatten(1).', {
          message: `它的目标形状 ${JSON.stringify(target)} 没有把批量维保留为第一维；cnn-graph 按单个样本读取形状。`,
          fix: '请把批量维放在最前：x.view(x.size(0), ...) 或 x.flatten(1)。',
        });
      }
      // ONNX's 0 copies the input's size at that position (unless allowzero).
      const shape = (rest as number[]).map((v, i) => (v === 0 && !node.int('allowzero') ? (input?.[i] ?? 0) : v));
      if (shape.includes(0)) {
        return refuse(`its target shape ${JSON.stringify(target)} copies a size (0) of an input whose shape is not known here.`, 'Write the size out.', { message: `它的目标形状 ${JSON.stringify(target)} 复制了一个形状未知的输入的尺寸（0）。`, fix: '请写出具体的尺寸。' });
      }
      return { config: { kind: 'Reshape', shape }, data: [0], fn: 'view' };
    },
  },
};
