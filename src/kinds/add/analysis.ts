import { dims, dimsZh, fail, fromZh, ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'Add'> = {
  kind: 'Add',
  outputShape(_l, inputs) {
    const first = inputs[0];
    for (const other of inputs.slice(1)) {
      if (other.shape.length !== first.shape.length || other.shape.some((x, i) => x !== first.shape[i])) {
        const [a, b] = [first.shape, other.shape];
        const project = a.length === 3 && b.length === 3 && a[0] !== b[0];
        const stride = a[1] !== b[1] ? Math.round(b[1] / a[1]) || 1 : null;
        const fix = project
          ? `Project the shortcut with a 1×1 convolution (${b[0]}→${a[0]} channels${stride !== null ? `, stride ${stride}` : ''}) so both paths agree.`
          : 'Both paths of a residual connection must keep the same channels, height and width.';
        return fail('add-mismatch', `cannot add ${dims(a)} (${first.from}) and ${dims(b)} (${other.from}): shapes differ.`, fix, {
          message: `无法相加 ${dimsZh(a)}（${fromZh(first)}）和 ${dimsZh(b)}（${fromZh(other)}）：形状不同。`,
          fix: project
            ? `用 1×1 卷积把捷径投影过去（${b[0]}→${a[0]} 个通道${stride !== null ? `，步幅 ${stride}` : ''}），让两条路径的形状一致。`
            : '残差连接的两条路径必须保持相同的通道数、高和宽。',
        });
      }
    }
    return ok(first.shape);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: () => 'Add (+)',
  labelZh: (text) => text,
  motif: () => ({ op: 'merge', merge: 'add' }),
};
