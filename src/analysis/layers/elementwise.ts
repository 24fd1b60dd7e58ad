/** Layers that keep the shape and have no parameters: activations and dropout. */
import type { LayerKind } from '../../graph/types.js';
import { fail, ok } from './common.js';
import { unbatchedDim } from './flatten.js';
import type { Category, LayerKindSpec } from './spec.js';

function shapePreserving<K extends LayerKind>(kind: K, category: Category, label: LayerKindSpec<K>['label']): LayerKindSpec<K> {
  return {
    kind,
    category,
    arity: 'one',
    outputShape: (_l, [input]) => ok(input.shape),
    weights: () => [],
    buffers: () => [],
    macs: () => 0,
    window: () => 'identity',
    label,
  };
}

export const relu = shapePreserving('ReLU', 'activation', () => 'ReLU');
export const tanh = shapePreserving('Tanh', 'activation', () => 'Tanh');
export const sigmoid = shapePreserving('Sigmoid', 'activation', () => 'Sigmoid');

export const dropout: LayerKindSpec<'Dropout'> = {
  ...shapePreserving('Dropout', 'dropout', (l) => `Dropout p=${l.p ?? 0.5}`),
  outputShape(l, [input]) {
    const p = l.p ?? 0.5;
    if (!(p >= 0 && p <= 1)) return fail('probability', `p=${p} is not a probability.`, 'Use 0 ≤ p ≤ 1 (PyTorch default 0.5).', { message: `p=${p} 不是一个概率。`, fix: '取 0 ≤ p ≤ 1（PyTorch 默认 0.5）。' });
    return ok(input.shape);
  },
};

export const softmax: LayerKindSpec<'Softmax'> = {
  ...shapePreserving('Softmax', 'activation', (l) => `Softmax dim=${l.dim ?? 1}`),
  outputShape(l, [input]) {
    const d = unbatchedDim(l.dim ?? 1, input.shape.length);
    if (d === null || d < 0) {
      return fail('dim', `dim=${l.dim ?? 1} is not a feature dimension of the batched input (N×${input.shape.join('×')}).`, 'Use dim=1 for class scores.', {
        message: `dim=${l.dim ?? 1} 不是带批量维的输入（N×${input.shape.join('×')}）的特征维度。`,
        fix: '对各类别的得分请用 dim=1。',
      });
    }
    return ok(input.shape);
  },
};
