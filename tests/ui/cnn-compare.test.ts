import { describe, expect, it } from 'vitest';
import { bottleneck, stack } from '../../src/zoo/compare.js';
import { formatInt } from '../../src/analysis/format.js';
import {
  chartGeometry,
  checkItems,
  compareFromAttributes,
  formatRatio,
  parseMetrics,
  relation,
  strings,
  summaries,
  textWidth,
  wrapLabel,
} from '../../src/ui/cnn-compare/cnn-compare.model.js';

describe('<cnn-compare> attributes → analysed configurations', () => {
  it('bottleneck: the notes’ 28×28×192 → 32 example, computed by src/zoo/compare.ts', () => {
    const r = compareFromAttributes({ kind: 'bottleneck', c: '192', h: '28', w: '28', k: '5', n: '32', r: '16' }, 'en');
    const c = bottleneck({ input: [192, 28, 28], out: 32, kernel: 5, reduce: 16 });
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.macs)).toEqual(c.variants.map((v) => v.macs));
    expect(r.items.map((i) => i.params)).toEqual(c.variants.map((v) => v.params));
    // The value the notes print wrongly (12,433,648): the computation says 12,443,648.
    expect(r.items[1].macsFormula).toBe('1²×28²×192×16 + 5²×28²×16×32 = 12,443,648');
    expect(r.items[0].macsFormula).toBe('5²×28²×192×32 = 120,422,400');
    expect(r.items.map((i) => i.label)).toEqual(['direct 5×5', '1×1 → 16 channels, then 5×5']);
  });

  it('bottleneck without bias: 002’s 512×8×8 → 64 example', () => {
    const r = compareFromAttributes({ kind: 'bottleneck', c: '512', h: '8', k: '3', n: '64', r: '24', bias: 'false' }, 'zh');
    expect(r.items.map((i) => i.params)).toEqual([512 * 64 * 9, 512 * 24 + 24 * 64 * 9]);
    expect(r.items[0].label).toBe('直接 3×3 卷积');
    expect(r.items[1].paramsFormula).toBe('512×24×1×1 + 24×64×3×3 = 26,112');
  });

  it('stack: n stacked 3×3 against one (2n+1)×(2n+1), with the receptive field from the analysis', () => {
    for (const n of [1, 2, 3, 5]) {
      const r = compareFromAttributes({ kind: 'stack', c: '10', n: String(n) }, 'en');
      const c = stack({ channels: 10, kernel: 2 * n + 1 });
      expect(r.items.map((i) => i.params)).toEqual([(2 * n + 1) ** 2 * 100, 9 * n * 100]);
      expect(r.items.map((i) => i.macs)).toEqual(c.variants.map((v) => v.macs));
      expect(r.items.map((i) => i.note)).toEqual([`receptive field ${2 * n + 1}×${2 * n + 1}`, `receptive field ${2 * n + 1}×${2 * n + 1}`]);
    }
  });

  it('a bad attribute names itself and the fix, in the locale', () => {
    const en = compareFromAttributes({ kind: 'bottleneck', k: 'five' }, 'en');
    expect(en.items).toEqual([]);
    expect(en.errors).toEqual([{ message: 'attribute k="five" must be a positive integer.', fix: 'Write it like k="5".' }]);
    const zh = compareFromAttributes({ kind: 'stack', n: '0' }, 'zh');
    expect(zh.errors[0].message).toBe('属性 n="0" 必须是正整数。');
  });

  it('an impossible configuration reports the analysis diagnostic (the layer, the numbers, the fix)', () => {
    // Padding keeps every kernel inside the input, so what can go wrong is size: counts beyond exact integers.
    const r = compareFromAttributes({ kind: 'bottleneck', c: '1000000', h: '1000000', k: '999', n: '1000000', r: '4' }, 'en');
    expect(r.items).toEqual([]);
    expect(r.errors[0].message).toBe('conv Conv2d: the output 1000000×1000000×1000000 is too large to analyse exactly (1.00e+18 values).');
    expect(r.errors[0].fix).toBe('Use a smaller input or fewer channels.');
  });

  it('no kind and no items: nothing, and an unknown kind says what is accepted', () => {
    expect(compareFromAttributes({ kind: null }, 'en')).toEqual({ items: [], comparison: null, errors: [] });
    expect(compareFromAttributes({ kind: 'wide' }, 'en').errors[0].message).toMatch(/kind="wide".*bottleneck.*stack/);
  });
});

describe('<cnn-compare> ratios, summaries and bars', () => {
  it('formats ratios and relations against the first item', () => {
    expect(formatRatio(120422400 / 12443648)).toBe('9.68');
    expect(formatRatio(49 / 27)).toBe('1.81');
    expect(formatRatio(27.44)).toBe('27.4');
    expect(formatRatio(2)).toBe('2');
    expect(relation(12443648, 120422400, 'en')).toBe('9.68× fewer (−89.7%)');
    expect(relation(200, 100, 'en')).toBe('2× more (+100.0%)');
    expect(relation(5, 5, 'zh')).toBe('相同');
    expect(relation(12443648, 120422400, 'zh')).toBe('减少到 1/9.68（−89.7%）');
  });

  it('summaries speak of the metrics shown', () => {
    const items = [
      { label: 'A', macs: 100, params: 10 },
      { label: 'B', macs: 25, params: 10 },
    ];
    expect(summaries(items, 'en')).toEqual(['B: 4× fewer MACs and the same parameters compared with A.']);
    expect(summaries(items, 'en', ['params'])).toEqual(['B: the same parameters compared with A.']);
    expect(summaries(items, 'zh')).toEqual(['B：与A相比，乘加次数减少到 1/4，参数量相同。']);
    expect(summaries(items.slice(0, 1), 'en')).toEqual([]);
  });

  it('bars on a phone: the numbers go under the bars, which keep a readable length (not 40 px and 4 px)', () => {
    const items = [
      { label: 'direct 5×5', macs: 120422400, params: 153632 },
      { label: '1×1 → 16 channels, then 5×5', macs: 12443648, params: 15920 },
    ];
    for (const locale of ['en', 'zh'] as const) {
      const g = chartGeometry(items, ['macs', 'params'], 340, locale);
      for (const grp of g.groups) {
        const [a, b] = grp.bars;
        expect(a.width, locale).toBeGreaterThanOrEqual(190);
        expect(b.width, locale).toBeGreaterThanOrEqual(19);
        expect(b.width / a.width).toBeCloseTo(b.value / a.value, 2);
        for (const bar of grp.bars) {
          // Under its bar, starting where the bar starts, inside the width.
          expect(bar.textY).toBeGreaterThan(bar.y + bar.height);
          expect(bar.textX).toBe(g.x0);
          expect(bar.textX + textWidth(bar.text + (bar.relation ? ` · ${bar.relation}` : ''))).toBeLessThanOrEqual(g.width + 1);
        }
      }
      // The next row starts below the previous row's number.
      const rows = g.groups.flatMap((x) => x.bars);
      rows.slice(1).forEach((r, i) => expect(r.y).toBeGreaterThan(rows[i]!.textY));
    }
    // Wide enough: the numbers stay beside the bars.
    const wide = chartGeometry(items, ['macs'], 800, 'en').groups[0]!.bars[0]!;
    expect(wide.textX).toBe(wide.x + wide.width + 6);
  });

  it('bars: one group per metric, lengths proportional to the values on a shared zero', () => {
    const items = [
      { label: 'direct', macs: 120422400, params: 153632 },
      { label: 'reduced', macs: 12443648, params: 15920 },
      { label: 'none', macs: 0, params: 1 },
    ];
    const g = chartGeometry(items, ['macs', 'params'], 800, 'en');
    expect(g.groups.map((x) => x.metric)).toEqual(['macs', 'params']);
    for (const grp of g.groups) {
      const [a, b] = grp.bars;
      expect(b.width / a.width).toBeCloseTo(b.value / a.value, 2);
      expect(grp.bars.every((bar) => bar.x === g.x0)).toBe(true);
      // Every bar and its text fit in the width.
      for (const bar of grp.bars) expect(bar.x + bar.width + 6 + textWidth(bar.text + (bar.relation ? ` · ${bar.relation}` : ''))).toBeLessThanOrEqual(g.width + 1);
    }
    expect(g.groups[0].bars[2].width).toBe(0);
    expect(g.groups[1].bars[2].width).toBeGreaterThanOrEqual(1);
    expect(g.groups[0].bars[1].text).toBe(formatInt(12443648));
    expect(g.groups[0].bars[1].relation).toBe('9.68× fewer (−89.7%)');
    expect(g.groups[0].title).toBe('MACs');
    expect(chartGeometry(items, ['params'], 800, 'zh').groups.map((x) => x.title)).toEqual([strings('zh').params]);
    // Rows do not overlap.
    const ys = g.groups.flatMap((x) => x.bars.map((b) => b.y));
    ys.slice(1).forEach((y, i) => expect(y).toBeGreaterThanOrEqual(ys[i] + 16));
  });

  it('metrics attribute: known words in order, default both', () => {
    expect(parseMetrics('params macs')).toEqual(['params', 'macs']);
    expect(parseMetrics('params, params')).toEqual(['params']);
    expect(parseMetrics('flops')).toEqual(['macs', 'params']);
    expect(parseMetrics(null)).toEqual(['macs', 'params']);
  });

  it('long labels wrap into two lines that fit, at a space or between CJK characters', () => {
    expect(wrapLabel('short', 200)).toEqual(['short']);
    const en = wrapLabel('1×1 → 16 channels, then 5×5', 120);
    expect(en).toHaveLength(2);
    expect(en.join(' ')).toBe('1×1 → 16 channels, then 5×5');
    expect(textWidth(en[0])).toBeLessThanOrEqual(120);
    const zh = wrapLabel('先 1×1 降维到 16 通道，再 5×5 卷积', 130);
    expect(zh).toHaveLength(2);
    expect(zh.join('')).toBe('先 1×1 降维到 16 通道，再 5×5 卷积');
  });

  it('items set from script are checked: label and two non-negative counts', () => {
    expect(checkItems([{ label: 'a', macs: 1, params: 0 }])).toEqual([]);
    expect(checkItems([{ label: 'a', macs: -1, params: 0 }, { macs: 1, params: NaN }])).toEqual([
      'items[0] (a): macs must be a non-negative number, got -1.',
      'items[1]: label must be a non-empty string.',
      'items[1] (?): params must be a non-negative number, got null.',
    ]);
    expect(checkItems('x')).toEqual(['items must be an array of { label, macs, params } objects.']);
  });
});
