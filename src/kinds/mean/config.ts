/** Mean: `x.mean(dim, keepdim)` (`torch.mean`), as MnasNet's `x.mean([2, 3])` global average pooling. */
import { array, literal, minLength, strictObject, union } from 'zod/mini';
import { say, type Fields } from '../fields.js';
import type { ConfigFrom, KindConfig } from '../spec.js';

const schema = (f: Fields) =>
  strictObject({
    ...f.common,
    kind: literal('Mean'),
    /** Dimensions of the batched tensor, as in PyTorch code (`[2, 3]`: height and width of N×C×H×W). */
    dim: union([f.dim, array(f.dim).check(minLength(1, say('must list at least one dimension', '至少要列出一个维度')))], {
      error: say('must be a dimension or a list of dimensions (the batch is 0)', '必须是一个维度或维度列表（批量维为 0）'),
    }),
    keepdim: f.bool,
  });

export type MeanConfig = ConfigFrom<typeof schema>;

export const config = {
  kind: 'Mean',
  schema,
  category: 'pool',
  arity: 'one',
  functional: true,
} satisfies KindConfig<'Mean'>;

export const Mean = (dim: MeanConfig['dim'], opts: { keepdim?: boolean } = {}): MeanConfig => ({ kind: 'Mean', dim, ...opts });
