/**
 * What the new kinds say when they refuse, beyond the fixture's yes or no:
 * the numbers, the reason and the fix, in English and Chinese; and where a
 * Linear on a C×H×W map is intended (after a Permute to channels-last).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Graph } from '../../src/graph/types.js';

const one = (input: [number, number, number], layer: Record<string, unknown>): Graph => ({ name: 'one', input, layers: [{ path: 'x', inputs: ['input'], ...layer }], modules: [], output: 'x', aux: [] }) as unknown as Graph;
const words = (g: Graph) => analyze(g).diagnostics.map((d) => [d.message, d.fix, d.zh?.message, d.zh?.fix]);

describe('the new kinds refuse with the numbers and the fix', () => {
  it('a Permute that moves the batch: PyTorch allows it, the per-sample shape would depend on the batch size', () => {
    expect(words(one([4, 5, 6], { kind: 'Permute', dims: [1, 0, 2, 3] }))).toEqual([[
      "x Permute: dims=[1, 0, 2, 3] moves the batch dimension away from the front; PyTorch allows it, but the result's shape then depends on the batch size, and cnn-graph analyses one sample.",
      'Keep 0 first and reorder only the dimensions after it.',
      'x Permute：dims=[1, 0, 2, 3] 把批量维移离了最前面；PyTorch 允许这样做，但结果的形状会随批量大小而变，而 cnn-graph 分析的是单个样本。',
      '让 0 保持在最前，只重排它后面的维度。',
    ]]);
  });

  it("a Chunk on PyTorch's default dim=0 cuts the batch; the fix is dim=1", () => {
    const [[message, fix, zh]] = words(one([116, 4, 4], { kind: 'Chunk', chunks: 2, index: 0 }));
    expect(message).toBe("x Chunk: dim=0 is the batch dimension (PyTorch's default for chunk is dim=0); cutting the batch changes the batch size, and cnn-graph analyses one sample.");
    expect(fix).toBe('Set dim=1 to cut the channels.');
    expect(zh).toMatch(/批量维/);
  });

  it('an index past the last piece lists the pieces PyTorch makes (6 channels in 4 chunks are 2, 2, 2)', () => {
    const [[message, fix]] = words(one([6, 4, 4], { kind: 'Chunk', chunks: 4, dim: 1, index: 3 }));
    expect(message).toBe('x Chunk: index=3, but chunk(4) gives 3 pieces (2, 2, 2) of dimension 1 of 6×4×4 (from input 6×4×4).');
    expect(fix).toBe('Use an index from 0 to 2.');
  });

  it('a LayerNorm whose normalized_shape is not the end of its input names the sizes that would fit', () => {
    const [[message, fix, , zhFix]] = words(one([3, 5, 12], { kind: 'LayerNorm', normalized_shape: 10 }));
    expect(message).toBe('x LayerNorm: normalized_shape=[10] must be the last dimension of its input, which is 3×5×12 (from input 3×5×12), ending in 12.');
    expect(fix).toBe('Set normalized_shape=12 or [5, 12] or [3, 5, 12] (LayerNorm2d normalises a C×H×W map over its channels).');
    expect(zhFix).toBe('设置 normalized_shape=12 或 [5, 12] 或 [3, 5, 12]（要在 C×H×W 特征图的通道上归一化，用 LayerNorm2d）。');
  });

  it('a Reshape to the wrong size says how many values a sample has', () => {
    const [[message, fix]] = words(one([16, 5, 5], { kind: 'Reshape', shape: [7, -1] }));
    expect(message).toBe('x Reshape: cannot reshape 16×5×5 (400 values per sample, from input 16×5×5) to [7, -1]: 400 is not a multiple of 7.');
    expect(fix).toBe('Make the sizes multiply to 400, or write -1 for one of them (e.g. shape=[-1] flattens).');
  });

  it('a ChannelShuffle whose groups do not divide the channels lists the groups that do', () => {
    const [[message, fix]] = words(one([6, 7, 7], { kind: 'ChannelShuffle', groups: 4 }));
    expect(message).toBe('x ChannelShuffle: 6 channels (from input 6×7×7) cannot be dealt into groups=4 equal groups: 6 is not a multiple of 4.');
    expect(fix).toBe('Use a groups value that divides 6 (2, 3, 6), or change the channels before it.');
  });
});

describe("a Linear on a C×H×W map: a forgotten Flatten, unless the map was made channels-last (ConvNeXt's block)", () => {
  const net = (permute: boolean): Graph =>
    ({
      name: 'n',
      input: [8, 4, 4],
      layers: [
        ...(permute ? [{ path: 'p', kind: 'Permute', dims: [0, 2, 3, 1], inputs: ['input'] }] : []),
        { path: 'fc', kind: 'Linear', in_features: permute ? 8 : 4, out_features: 8, inputs: [permute ? 'p' : 'input'] },
        { path: 'g', kind: 'GELU', inputs: ['fc'] },
        { path: 'fc2', kind: 'Linear', in_features: 8, out_features: 8, inputs: ['g'] },
      ],
      modules: [],
      output: 'fc2',
      aux: [],
    }) as unknown as Graph;

  it('warns on a channels-first map, for each Linear', () => {
    expect(analyze(net(false)).diagnostics.map((d) => [d.code, d.path])).toEqual([['linear-rank', 'fc'], ['linear-rank', 'fc2']]);
  });

  it('does not after a Permute to channels-last, however many layers follow it', () => {
    expect(analyze(net(true)).diagnostics).toEqual([]);
  });
});
