import { dims, dimsZh, fail, fromZh, ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';

const product = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

export const analysis: KindAnalysis<'Reshape'> = {
  kind: 'Reshape',
  outputShape(l, [input]) {
    const total = product(input.shape);
    const text = `[${l.shape.join(', ')}]`;
    const free = l.shape.filter((x) => x === -1).length;
    if (free > 1) {
      return fail('reshape', `shape=${text} has ${free} entries of -1; PyTorch can infer only one dimension.`, 'Write every size but one.', {
        message: `shape=${text} 里有 ${free} 个 -1；PyTorch 只能推断一个维度。`,
        fix: '除了一个以外，把其余尺寸都写出来。',
      });
    }
    const known = product(l.shape.filter((x) => x !== -1));
    if (free === 1 ? total % known !== 0 : known !== total) {
      return fail(
        'reshape',
        `cannot reshape ${dims(input.shape)} (${total} values per sample, from ${input.from}) to ${text}: ${free ? `${total} is not a multiple of ${known}` : `that holds ${known} values`}.`,
        `Make the sizes multiply to ${total}, or write -1 for one of them (e.g. shape=[-1] flattens).`,
        {
          message: `无法把 ${dimsZh(input.shape)}（每个样本 ${total} 个值，来自 ${fromZh(input)}）变形为 ${text}：${free ? `${total} 不是 ${known} 的倍数` : `它有 ${known} 个值`}。`,
          fix: `让各尺寸之积等于 ${total}，或者把其中一个写成 -1（例如 shape=[-1] 就是拉平）。`,
        },
      );
    }
    return ok(l.shape.map((x) => (x === -1 ? total / known : x)));
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'global',
  label: (l) => `Reshape [${l.shape.join(', ')}]`,
  labelZh: (text) => text,
};
