import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { bottleneck, stack } from '../../src/zoo/compare.js';
import { convOutputSize, poolOutputSize } from '../../src/analysis/arith.js';
import { formatInt } from '../../src/analysis/format.js';
import { zooGraph } from '../../src/zoo/index.js';
import { avgPoolAxisScale } from '../../src/kinds/avgpool2d/layer.js';
import { auxHeads, auxItems, googlenetPaper } from '../../src/site/concepts/auxiliary.js';
import { lossCalc } from '../../src/site/concepts/calc/auxiliary.js';
import { CALCULATORS } from '../../src/site/concepts/calc/index.js';
import { CONCEPTS, conceptPath } from '../../src/site/concepts/common.js';
import { multiChannel, multiChannelCalc, multiChannelItems } from '../../src/site/concepts/calc/multi-channel.js';
import { headCalc } from '../../src/site/concepts/calc/nin-gap.js';
import { heads, ninBlocks } from '../../src/site/concepts/nin-gap.js';
import { inceptionExample, NOTES } from '../../src/site/concepts/one-by-one.js';
import { outputSize, outputSizeCalc } from '../../src/site/concepts/calc/output-size.js';
import { axisWindow, pool } from '../../src/site/concepts/calc/pooling.js';
import { residual } from '../../src/site/concepts/calc/residual.js';
import { perC2, stackOf } from '../../src/site/concepts/calc/stacked.js';
import { pages } from '../../src/site/pages/concepts.js';
import { pageContext } from '../../src/site/shell.js';

describe('concept pages', () => {
  it('have the fixed slugs, an overview, titles and bodies in both languages', async () => {
    expect(pages.map((p) => p.path)).toEqual([
      'concepts/index.html',
      ...['output-size', 'multi-channel', 'pooling', 'one-by-one', 'stacked-3x3', 'nin-gap', 'residual', 'auxiliary'].map((s) => `concepts/${s}/index.html`),
    ]);
    expect(CONCEPTS.map((c) => conceptPath(c.slug))).toEqual(pages.slice(1).map((p) => p.path));
    for (const p of pages) {
      const en = await p.body(pageContext('en', p.path));
      const zh = await p.body(pageContext('zh', p.path));
      for (const html of [en, zh]) expect(html).not.toMatch(/undefined|NaN|\[object /);
      expect(zh).toMatch(/[\u4e00-\u9fff]{8}/);
      expect(p.title.zh).toMatch(/[\u4e00-\u9fff]/);
      // Every calculator form names a registered calculator, and its slots are filled.
      for (const m of en.matchAll(/data-calc="([^"]+)"/g)) expect(CALCULATORS[m[1]]).toBeDefined();
    }
  }, 60_000);

  it('one-by-one: the notes’ totals are checked against the computation, and the difference is stated', async () => {
    const c = inceptionExample();
    const same = bottleneck({ input: [192, 28, 28], out: 32, kernel: 5, reduce: 16 });
    expect(c.variants[1].macs).toBe(same.variants[1].macs);
    const diff = c.variants[1].macs - NOTES.inception.reduced;
    expect(diff).not.toBe(0);
    const page = pages.find((p) => p.path === 'concepts/one-by-one/index.html')!;
    const en = await page.body(pageContext('en', page.path));
    expect(en).toContain(formatInt(c.variants[1].macs));
    expect(en).toContain(`${formatInt(Math.abs(diff))} short`);
    expect(en).toContain('kind="bottleneck" c="192" h="28" w="28" k="5" n="32" r="16"');
    const zh = await page.body(pageContext('zh', page.path));
    expect(zh).toContain(`少了 ${formatInt(Math.abs(diff))}`);
  });
});

describe('calculator fields', () => {
  it('read the form by the fields: blanks and junk fall back, choices outside the options fall back, checkboxes are on or absent', () => {
    const read = outputSizeCalc.read;
    // A blank padding or stride reads as 0 and 1 (what an empty box means), not as the page's default 1 and 2.
    expect(read({ layer: 'max', h: '9', k: '3', p: '', s: ' ', d: 'x' })).toEqual({ layer: 'max', h: 9, k: 3, p: 0, s: 1, d: 1, ceil: false });
    expect(read({ layer: 'lstm', h: '7.9', k: '-2', ceil: 'on' })).toEqual({ layer: 'conv', h: 7, k: -2, p: 0, s: 1, d: 1, ceil: true });
    expect(lossCalc.read({ main: '0.75', aux1: '', weight: '1e-1' })).toEqual({ main: 0.75, aux1: 1.8, aux2: 1.5, weight: 0.1 });
  });

  it('the page form is drawn from the same fields, with the values the page computed for fixed fields', async () => {
    const nin = pages.find((p) => p.path === 'concepts/nin-gap/index.html');
    const html = await nin!.body(pageContext('en', nin!.path));
    const h = heads(4096);
    for (const [name, v] of [['c', h.input[0]], ['h', h.input[1]], ['w', h.input[2]], ['classes', h.classes]] as const) expect(html).toContain(`<input type="hidden" name="${name}" value="${v}">`);
    expect(CALCULATORS['nin-head'].render(headCalc.read({ hidden: '4096', c: String(h.input[0]), h: String(h.input[1]), w: String(h.input[2]), classes: String(h.classes) }) as never, 'en').result).toContain(formatInt(h.dense.totals.params));
  });
});

describe('output-size calculator', () => {
  it('agrees with src/analysis/arith.ts on a sweep of settings, and draws one window per output', () => {
    for (const layer of ['conv', 'max', 'avg'] as const)
      for (const h of [1, 4, 7, 10])
        for (const k of [1, 2, 3, 5])
          for (const p of [0, 1, 2])
            for (const s of [1, 2, 3])
              for (const ceil of [false, true]) {
                const d = layer === 'avg' ? 1 : 1 + (h % 2);
                const r = outputSize({ layer, h, k, p, s, d, ceil });
                const pool = layer !== 'conv';
                const expected = pool ? poolOutputSize(h, k, s, p, d, ceil) : convOutputSize(h, k, s, p, d);
                const refused = (pool && p > Math.floor(k / 2)) || expected < 1 || (!pool && d * (k - 1) + 1 > h + 2 * p);
                if (refused) {
                  expect(r.out).toBeNull();
                  expect(r.diagnostics[0].message).toMatch(/^layer (Conv2d|MaxPool2d|AvgPool2d): /);
                } else {
                  expect(r.out).toBe(expected);
                  expect(r.windows).toHaveLength(expected);
                  // Every window starts inside the input or the left padding (PyTorch's ceil_mode rule).
                  for (const w of r.windows) expect(w.start).toBeLessThan(h + (pool ? 0 : p));
                }
              }
  });

  it('explains the dropped ceil_mode window and the notes’ fractional result', () => {
    // (6 + 2 − 3)/2 = 2.5 rounds up to 3, + 1: the 4th window starts at 5, inside the input, so it is kept.
    const r = outputSize({ layer: 'max', h: 6, k: 3, p: 1, s: 2, d: 1, ceil: true });
    expect(r.out).toBe(poolOutputSize(6, 3, 2, 1, 1, true));
    expect(r.out).toBe(poolOutputSize(6, 3, 2, 1, 1, false) + 1);
    const html = outputSizeCalc.render({ layer: 'max', h: 6, k: 3, p: 1, s: 2, d: 1, ceil: true }, 'en');
    expect(r.dropped).toBeNull();
    expect(html.result).toContain(`⌈(6 + 2·1 − (3−1) − 1)/2⌉ + 1 = ${r.out}`);
    // The page's example (H 5, K 2, S 2, P 1): rounding up asks for a window starting in the right padding.
    const dropped = outputSize({ layer: 'max', h: 5, k: 2, p: 1, s: 2, d: 1, ceil: true });
    expect(dropped.out).toBe(poolOutputSize(5, 2, 2, 1, 1, false));
    expect(dropped.dropped?.start).toBe(dropped.out! * 2 - 1);
    expect(dropped.dropped!.start).toBeGreaterThanOrEqual(5);
    expect(outputSizeCalc.render(dropped.params, 'zh').notes).toContain('丢弃');
    const alex = outputSize({ layer: 'conv', h: 224, k: 11, p: 1, s: 4, d: 1, ceil: false });
    expect([alex.notes, alex.out]).toEqual([54.75, 54]);
    expect(outputSizeCalc.render(alex.params, 'en').notes).toContain('gives 54.75, not a whole number: PyTorch rounds down to 54');
  });

  it('bad input is explained by the analysis, naming the layer and the fix', () => {
    const html = outputSizeCalc.render({ layer: 'conv', h: 4, k: 9, p: 0, s: 1, d: 1, ceil: false }, 'en');
    expect(html.result).toContain('layer Conv2d: Conv2d kernel spans 9 along height but the padded input is only 4');
    expect(html.result).toContain('Use a kernel of at most 4');
    expect(outputSizeCalc.render({ layer: 'max', h: 8, k: 2, p: 0, s: 0, d: 1, ceil: false }, 'zh').result).toContain('stride must be at least 1');
  });
});

describe('the other calculators', () => {
  it('multi-channel: parameters from the weight shapes, groups, and the fully connected comparison', () => {
    const p = { cin: 6, cout: 12, k: 3, groups: 3, h: 10, bias: true };
    const r = multiChannel(p);
    expect(r.conv.totals.params).toBe(12 * (6 / 3) * 9 + 12);
    expect(r.conv.totals.macs).toBe(12 * 10 * 10 * (6 / 3) * 9);
    const items = multiChannelItems(r, p, 'en');
    expect(items[0].params).toBe(600 * 1200 + 1200);
    expect(multiChannelCalc.render({ ...p, groups: 4 }, 'en').result).toContain('groups=4 must divide both in_channels=6 and out_channels=12');
  });

  it('pooling: the divisors follow ATen (checked against the training layer’s table) and the values are window averages', () => {
    for (const cip of [true, false])
      for (const [h, k, s, pad] of [
        [5, 2, 2, 1],
        [6, 3, 2, 1],
        [7, 3, 3, 0],
      ])
        for (const ceil of [false, true]) {
          const r = pool({ kind: 'avg', h, k, s, p: pad, ceil, countIncludePad: cip });
          const out = r.out!;
          const scale = avgPoolAxisScale(h, k, s, pad, out, cip);
          for (let i = 0; i < out; i++) {
            const a = axisWindow(i, h, k, s, pad);
            expect(k / (cip ? a.padded : a.end - a.start)).toBeCloseTo(scale[i], 12);
            expect(r.cells[i][i].divisor).toBe((cip ? a.padded : a.end - a.start) ** 2);
          }
        }
    const m = pool({ kind: 'max', h: 4, k: 2, s: 2, p: 0, ceil: false, countIncludePad: true });
    expect(m.cells[0][0].value).toBe(Math.max(m.input[0][0], m.input[0][1], m.input[1][0], m.input[1][1]));
    expect(CALCULATORS['pooling'].render({ kind: 'max', h: 4, k: 3, s: 1, p: 2, ceil: false, countIncludePad: true } as never, 'en').result).toContain('more than half the kernel');
  });

  it('stacked 3×3: 27C² against 49C² for n = 3, receptive fields equal', () => {
    const c = stackOf({ c: 8, n: 3, h: 20 });
    expect(perC2(c, 8)).toEqual([49, 27]);
    expect(c.variants[0].receptiveField?.size).toEqual(c.variants[1].receptiveField?.size);
    expect(stack({ channels: 8, kernel: 7, size: [20, 20] }).variants[1].macs).toBe(c.variants[1].macs);
  });

  it('NiN: blocks split into k×k and 1×1, and the heads are analysed from the zoo network’s feature map', () => {
    const a = analyze(zooGraph('nin')!);
    const rows = ninBlocks(a);
    expect(rows).toHaveLength(4);
    expect(rows.reduce((s, r) => s + r.kxk + r.oneByOne, 0)).toBe(a.totals.params);
    const h = heads(4096);
    expect(h.input).toEqual([384, 5, 5]);
    expect(h.classes).toBe(10);
    expect(h.dense.totals.params).toBe(9600 * 4096 + 4096 + 4096 * 4096 + 4096 + 4096 * 10 + 10);
    expect(h.nin.totals.params).toBe(rows[3].kxk + rows[3].oneByOne);
  });

  it('residual: identity with a channel change is refused with the projection fix; projection works', () => {
    const bad = residual({ cin: 64, cout: 128, stride: 2, h: 56, shortcut: 'identity' });
    expect(bad.analysis.ok).toBe(false);
    expect(bad.analysis.diagnostics[0].message).toContain('cannot add 128×28×28');
    expect(bad.analysis.diagnostics[0].fix).toContain('Project the shortcut with a 1×1 convolution (64→128 channels, stride 2)');
    const good = residual({ cin: 64, cout: 128, stride: 2, h: 56, shortcut: 'projection' });
    expect(good.analysis.output).toEqual([128, 28, 28]);
    expect(good.analysis.layers.find((l) => l.path === 'block.shortcut')?.params).toBe(64 * 128 + 128);
  });

  it('auxiliary: heads counted apart, items sum to the totals, loss weighted 0.3', () => {
    const a = googlenetPaper();
    const hs = auxHeads(a);
    expect(hs).toHaveLength(2);
    expect(hs.reduce((s, m) => s + m.params, 0)).toBe(a.totals.auxParams);
    const items = auxItems(a, 'en');
    expect(items.reduce((s, i) => s + i.params, 0)).toBe(a.totals.params);
    expect(lossCalc.render({ main: 1, aux1: 2, aux2: 3, weight: 0.3 }, 'en').result).toContain('<span data-value="loss">2.5</span>');
  });
});
