import type { Shape } from '../../graph/types.js';
import { dims, dimsZh, fail, fromZh, ok } from '../common.js';
import type { Issue, KindAnalysis, ShapeResult } from '../spec.js';

/**
 * PyTorch's broadcasting (torch.broadcast_shapes) of per-sample shapes: sizes
 * are aligned from the right, and each pair must be equal or contain a 1. The
 * result has the longer rank. `at` is the first clashing axis of the output.
 */
export function broadcast(a: Shape, b: Shape): { shape: Shape } | { at: number; sizes: [number, number] } {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return { at: i, sizes: [x, y] };
    out.push(x === 1 ? y : x);
  }
  return { shape: out };
}

export const analysis: KindAnalysis<'Mul'> = {
  kind: 'Mul',
  outputShape(_l, [a, b]): ShapeResult {
    const r = broadcast(a.shape, b.shape);
    if (!('shape' in r)) {
      const dim = r.at + 1; // PyTorch code counts the batch as dimension 0
      const [x, y] = r.sizes;
      return fail(
        'mul-mismatch',
        `cannot multiply ${dims(a.shape)} (${a.from}) by ${dims(b.shape)} (${b.from}): sizes ${x} and ${y} differ at dimension ${dim} (the batch is 0), and neither is 1.`,
        `Broadcasting pairs the sizes from the right; each pair must be equal or one of them 1. Make the second ${x} (or 1) at dimension ${dim}, e.g. ${x}×1×1 to scale each of ${x} channels.`,
        {
          message: `无法将 ${dimsZh(a.shape)}（${fromZh(a)}）与 ${dimsZh(b.shape)}（${fromZh(b)}）相乘：第 ${dim} 维（批量维为第 0 维）上的大小 ${x} 和 ${y} 不同，且都不是 1。`,
          fix: `广播从右往左逐维配对，每对大小必须相等或其中一个为 1。把第二个输入第 ${dim} 维的大小改成 ${x}（或 1），例如 ${x}×1×1 可以逐通道缩放这 ${x} 个通道。`,
        },
      );
    }
    // With the batch in front, a shorter operand's batch lines up with a feature axis of the longer one (PyTorch pads the batched shape on the left).
    const [short, long] = a.shape.length < b.shape.length ? [a, b] : [b, a];
    const warnings: Issue[] = [];
    if (short.shape.length < long.shape.length) {
      const axis = long.shape.length - short.shape.length; // the batched index of the long operand's axis facing the short one's batch
      warnings.push({
        code: 'mul-rank',
        message: `${dims(short.shape)} (${short.from}) has fewer dimensions than ${dims(long.shape)} (${long.from}): in PyTorch its batch dimension lines up with dimension ${axis} of the other (size ${long.shape[axis - 1]}), so with a batch larger than 1 it is not a per-sample product (and usually an error).`,
        fix: `Give both the same number of dimensions (reshape ${dims(short.shape)} to ${dims([...Array(long.shape.length - short.shape.length).fill(1), ...short.shape])}).`,
        zh: {
          message: `${dimsZh(short.shape)}（${fromZh(short)}）的维数比 ${dimsZh(long.shape)}（${fromZh(long)}）少：在 PyTorch 里它的批量维会与另一个输入的第 ${axis} 维（大小 ${long.shape[axis - 1]}）对齐，所以批量大于 1 时它不再是逐样本相乘（通常会直接报错）。`,
          fix: `让两个输入的维数相同（把 ${dimsZh(short.shape)} 变形为 ${dimsZh([...Array(long.shape.length - short.shape.length).fill(1), ...short.shape])}）。`,
        },
      });
    }
    return ok(r.shape, warnings);
  },
  weights: () => [],
  buffers: () => [],
  // An elementwise product: no convention counts it (torchinfo sees no module, fvcore has no handle for aten::mul).
  macs: () => 0,
  window: () => 'identity',
  label: () => 'Mul (×)',
  labelZh: (text) => text,
  motif: () => ({ op: 'merge', merge: 'mul' }),
};
