/**
 * A branch that feeds nothing (issue 11): an SE branch whose multiply is
 * missing is neither the output nor an auxiliary head. It is not taken for a
 * head: a warning names where it ends, the layers and MACs of the branch, and
 * its MACs count in the totals, as PyTorch's forward runs it anyway.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { AdaptiveAvgPool2d, Conv2d, Linear, Flatten, ReLU, Sigmoid } from '../../src/kinds/constructors.js';

/** conv → relu → pool → flatten → fc, with an SE branch off the relu: pool, 1×1 squeeze, ReLU, 1×1 excite, sigmoid, and no multiply. */
function seWithoutMul(aux = false) {
  const b = new GraphBuilder('se', [3, 8, 8]);
  const x = b.layer('relu', ReLU(), b.layer('conv', Conv2d(3, 16, 3, { padding: 1 }), b.input));
  const s = b.seq('se', [AdaptiveAvgPool2d(1), Conv2d(16, 4, 1), ReLU(), Conv2d(4, 16, 1), Sigmoid()], x);
  if (aux) b.auxOutput(s, 0.3);
  const y = b.layer('fc', Linear(16, 10), b.layer('flatten', Flatten(), b.layer('pool', AdaptiveAvgPool2d(1), x)));
  return b.build(y);
}

describe('a branch that feeds nothing', () => {
  it('is warned about where it ends, in English and Chinese, with its layers and MACs', () => {
    const a = analyze(seWithoutMul());
    expect(a.ok).toBe(true);
    // se.1: 16·4 MACs, se.3: 4·16 MACs (1×1 convolutions on 1×1 maps).
    expect(a.diagnostics.map((d) => [d.severity, d.path, d.code, d.message, d.zh?.message])).toEqual([
      [
        'warning',
        'se.4',
        'dangling',
        'se.4 Sigmoid: no layer reads its output, and it is neither the output ("fc") nor an auxiliary head; the branch ending here (se.0, se.1, se.2, se.3, se.4: 5 layers, 128 MACs) counts in the totals, as PyTorch\'s forward still runs it.',
        'se.4 Sigmoid：没有任何层读取它的输出，它既不是输出（"fc"），也不是辅助分类器；到这里为止的分支（se.0、se.1、se.2、se.3、se.4：5 层，128 次乘加）照样计入总数，因为 PyTorch 的前向传播仍会执行它。',
      ],
    ]);
    expect(a.diagnostics[0].fix).toMatch(/Mul/);
  });

  it('is not taken for an auxiliary head: its MACs count on the inference path', () => {
    const a = analyze(seWithoutMul());
    const se = a.layers.filter((r) => r.path.startsWith('se.'));
    expect(se.every((r) => !r.aux)).toBe(true);
    const conv = 3 * 16 * 9 * 64;
    expect(a.totals.macs).toBe(conv + 128 + 160);
    expect(a.totals.auxMacs).toBe(0);
  });

  it('listed in aux, it is an auxiliary head, counted apart, without a warning', () => {
    const a = analyze(seWithoutMul(true));
    expect(a.diagnostics).toEqual([]);
    expect(a.layers.filter((r) => r.path.startsWith('se.')).every((r) => r.aux)).toBe(true);
    expect(a.totals.auxMacs).toBe(128);
  });
});
