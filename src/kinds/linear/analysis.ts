import { dims, dimsZh, fail, fromZh, ok } from '../common.js';
import type { KindAnalysis } from '../spec.js';

export const analysis: KindAnalysis<'Linear'> = {
  kind: 'Linear',
  outputShape(l, [input]) {
    if (input.shape.length === 0) return fail('rank', `receives a scalar (from ${input.from}).`, 'Feed Linear a vector.', { message: `收到的是一个标量（来自 ${fromZh(input)}）。`, fix: '给 Linear 输入一个向量。' });
    // PyTorch applies Linear to the last dimension, whatever the rank.
    const last = input.shape[input.shape.length - 1];
    if (last !== l.in_features) {
      const flat = input.shape.reduce((a, b) => a * b, 1);
      const map = input.shape.length > 1;
      const fits = map && flat === l.in_features;
      const fix = fits
        ? `Insert a Flatten before it: ${dims(input.shape)} flattens to ${flat}.`
        : map
          ? `A Flatten before it would give ${flat} features: set in_features=${flat} and add a Flatten.`
          : `Set in_features=${last}, or check the layer before it.`;
      return fail(
        'features',
        `expects in_features=${l.in_features}, receives ${map ? `${dims(input.shape)}, whose last dimension is ${last}` : last} (from ${input.from}).`,
        fix,
        {
          message: `需要 in_features=${l.in_features}，收到的却是 ${map ? `${dimsZh(input.shape)}，它的最后一维是 ${last}` : last}（来自 ${fromZh(input)}）。`,
          fix: fits
            ? `在它前面加一个 Flatten：${dimsZh(input.shape)} 拉平后正好是 ${flat}。`
            : map
              ? `在它前面加 Flatten 会得到 ${flat} 个特征：设置 in_features=${flat}，并加上 Flatten。`
              : `设置 in_features=${last}，或者检查它前面的那一层。`,
        },
      );
    }
    const shape = [...input.shape.slice(0, -1), l.out_features];
    const warnings =
      // After a Permute to channels-last (ConvNeXt), the last dimension is the channels: as intended.
      input.shape.length > 1 && input.layout !== 'channels-last'
        ? [
            {
              code: 'linear-rank',
              message: `acts on the last dimension of a ${dims(input.shape)} tensor, as PyTorch does; did you mean to Flatten first?`,
              zh: { message: `和 PyTorch 一样，只作用于 ${dimsZh(input.shape)} 张量的最后一维；是不是应该先 Flatten？` },
            },
          ]
        : undefined;
    return ok(shape, warnings);
  },
  weights: (l) => [{ name: 'weight', shape: [l.out_features, l.in_features] }, ...(l.bias === false ? [] : [{ name: 'bias', shape: [l.out_features] }])],
  buffers: () => [],
  macs(l, [input], _out, convention) {
    const rows = input.slice(0, -1).reduce((a, b) => a * b, 1);
    const bias = convention === 'torchinfo' && l.bias !== false ? l.out_features : 0;
    // torchinfo counts output_size[0] × params, i.e. once per sample, not per row.
    if (convention === 'torchinfo') return l.in_features * l.out_features + bias;
    return rows * l.in_features * l.out_features;
  },
  macWords: { torchinfo: 'Linear' },
  window: () => 'global',
  label: (l) => `Linear ${l.in_features}→${l.out_features}`,
  labelZh: (text) => text,
  motif: (l) => ({ op: 'linear', out: l.out_features }),
};
