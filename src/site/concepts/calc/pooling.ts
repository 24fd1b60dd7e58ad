/**
 * concepts/pooling/: max and average pooling on a small example. The output size (and any
 * refusal) is the analysis's; the pooled values follow ATen's avg_pool2d divisor rule,
 * which the shape analysis has no reason to know (it changes values, not shapes).
 */
import { analyze, type Analysis } from '../../../analysis/analyze.js';
import { adaptiveWindow } from '../../../analysis/arith.js';
import { GraphBuilder } from '../../../graph/builder.js';
import { AdaptiveAvgPool2d, AvgPool2d, MaxPool2d } from '../../../kinds/constructors.js';
import { calculator, check, choice, esc, int, problems, tr } from './common.js';

export interface PoolParams {
  kind: 'max' | 'avg';
  h: number;
  k: number;
  s: number;
  p: number;
  ceil: boolean;
  countIncludePad: boolean;
}

/** The example input: small whole numbers, the same for every page load. */
export function exampleInput(h: number): number[][] {
  return Array.from({ length: h }, (_, i) => Array.from({ length: h }, (_, j) => (i * 3 + j * 5 + ((i * j) % 4)) % 7));
}

/**
 * ATen avg_pool2d along one axis: the window `[i·S − P, min(i·S − P + K, L + P))` is what
 * count_include_pad divides by; clamped to `[0, L)` it is what is summed (and the divisor
 * without count_include_pad). A ceil_mode overhang past the padding never counts.
 */
export function axisWindow(i: number, length: number, k: number, s: number, p: number): { start: number; end: number; padded: number; padStart: number; padEnd: number } {
  const start = i * s - p;
  const end = Math.min(start + k, length + p);
  return { start: Math.max(start, 0), end: Math.min(end, length), padded: end - start, padStart: start, padEnd: end };
}

export interface PoolResult {
  analysis: Analysis;
  input: number[][];
  out: number | null;
  /** Per output cell: value, divisor (average only), and the input window. */
  cells: { value: number; divisor: number; inside: number; rows: [number, number]; cols: [number, number]; padRows: [number, number]; padCols: [number, number] }[][];
}

export function pool(p: PoolParams): PoolResult {
  const b = new GraphBuilder('pool', [1, p.h, p.h]);
  const layer = p.kind === 'max' ? MaxPool2d(p.k, p.s, { padding: p.p, ...(p.ceil ? { ceil_mode: true } : {}) }) : AvgPool2d(p.k, p.s, { padding: p.p, ...(p.ceil ? { ceil_mode: true } : {}), ...(p.countIncludePad ? {} : { count_include_pad: false }) });
  const analysis = analyze(b.build(b.layer('pool', layer, b.input)));
  const out = analysis.output ? analysis.output[1] : null;
  const input = exampleInput(p.h);
  const cells: PoolResult['cells'] = [];
  if (out !== null && out <= 64) {
    for (let i = 0; i < out; i++) {
      const r = axisWindow(i, p.h, p.k, p.s, p.p);
      const row: PoolResult['cells'][number] = [];
      for (let j = 0; j < out; j++) {
        const c = axisWindow(j, p.h, p.k, p.s, p.p);
        const vals: number[] = [];
        for (let y = r.start; y < r.end; y++) for (let x = c.start; x < c.end; x++) vals.push(input[y][x]);
        const divisor = p.countIncludePad ? r.padded * c.padded : (r.end - r.start) * (c.end - c.start);
        const value = p.kind === 'max' ? Math.max(...vals) : vals.reduce((a, v) => a + v, 0) / divisor;
        row.push({ value, divisor, inside: vals.length, rows: [r.start, r.end], cols: [c.start, c.end], padRows: [r.padStart, r.padEnd], padCols: [c.padStart, c.padEnd] });
      }
      cells.push(row);
    }
  }
  return { analysis, input, out, cells };
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function inputTable(r: PoolResult, p: PoolParams, t: (en: string, zh: string) => string): string {
  const n = p.h + 2 * p.p;
  const rows: string[] = [];
  const hit = r.cells[0]?.[0];
  for (let y = -p.p; y < n - p.p; y++) {
    const tds: string[] = [];
    for (let x = -p.p; x < n - p.p; x++) {
      const inside = y >= 0 && y < p.h && x >= 0 && x < p.h;
      const inWin = hit && y >= hit.padRows[0] && y < hit.padRows[1] && x >= hit.padCols[0] && x < hit.padCols[1];
      tds.push(inside ? `<td${inWin ? ' class="hit"' : ''}>${r.input[y][x]}</td>` : `<td class="pad${inWin ? ' hit' : ''}">${p.kind === 'max' ? '−∞' : '0'}</td>`);
    }
    rows.push(`<tr>${tds.join('')}</tr>`);
  }
  return `<table class="grid-table" aria-label="${esc(t('Input with padding', '带填充的输入'))}"><caption>${t(`Input ${p.h}×${p.h}${p.p ? `, padding ${p.p}` : ''} (highlighted: the window of output (0, 0))`, `输入 ${p.h}×${p.h}${p.p ? `，填充 ${p.p}` : ''}（高亮：输出 (0, 0) 的窗口）`)}</caption>${rows.join('')}</table>`;
}

function outputTable(r: PoolResult, p: PoolParams, t: (en: string, zh: string) => string): string {
  if (!r.cells.length) return '';
  const rows = r.cells.map((row) => `<tr>${row.map((c) => `<td>${fmt(c.value)}${p.kind === 'avg' ? `<small>÷${c.divisor}</small>` : ''}</td>`).join('')}</tr>`);
  return `<table class="grid-table" data-value="pooled"><caption>${t(`Output ${r.out}×${r.out}`, `输出 ${r.out}×${r.out}`)}${p.kind === 'avg' ? t(' (small: the divisor)', '（小字：除数）') : ''}</caption>${rows.join('')}</table>`;
}

export const poolCalc = calculator<PoolParams>({
  id: 'pooling',
  fields: {
    kind: choice(['Pooling', '汇聚'], 'avg', [
      ['max', ['max (MaxPool2d)', '最大值（MaxPool2d）']],
      ['avg', ['average (AvgPool2d)', '平均（AvgPool2d）']],
    ]),
    h: int(['Input H (= W)', '输入 H（= W）'], 5, { max: 16 }),
    k: int(['Kernel K', '窗口 K'], 2, { max: 16 }),
    s: int(['Stride S', '步幅 S'], 2, { max: 16 }),
    p: int(['Padding P', '填充 P'], 1, { min: 0, max: 8, empty: 0 }),
    ceil: check('ceil_mode', false),
    countIncludePad: check('count_include_pad', true),
  },
  render(p, lang) {
    const t = tr(lang);
    if (p.h > 16) return { result: `<p class="calc-error">${t('The example is drawn for inputs up to 16×16.', '示例最多画 16×16 的输入。')}</p>`, tables: '' };
    const r = pool(p);
    if (r.out === null) return { result: problems(r.analysis.diagnostics, t), tables: '' };
    const rec = r.analysis.layers[0];
    const edge = r.cells.flat().some((c) => c.inside !== p.k * p.k);
    const note =
      p.kind === 'avg'
        ? edge
          ? p.countIncludePad
            ? t('Windows that overlap the padding divide by the whole window, padding zeros included (count_include_pad=True, PyTorch’s default), so edge values come out smaller.', '与填充重叠的窗口按整个窗口的大小去除，填充的 0 也算在内（count_include_pad=True，PyTorch 的默认值），所以边缘的值偏小。')
            : t('With count_include_pad=False, windows that overlap the padding divide only by the input values they cover.', 'count_include_pad=False 时，与填充重叠的窗口只除以它覆盖到的输入值个数。')
          : t('Every window lies inside the input, so count_include_pad makes no difference here; add padding to see it.', '每个窗口都在输入之内，所以这里 count_include_pad 没有影响；加上填充就能看到区别。')
        : t('Max pooling pads with −∞, so padding never wins.', '最大值汇聚用 −∞ 填充，所以填充永远不会被选中。');
    return {
      result: `<p class="calc-result">${t('Output', '输出')} <span class="big" data-value="out">${r.out}×${r.out}</span> · ${t('parameters', '参数量')} <span data-value="params">${r.analysis.totals.params}</span></p><p><code class="formula">${esc(rec.formula[0] ?? '')}</code></p><p>${note}</p>`,
      tables: `<div class="side">${inputTable(r, p, t)}${outputTable(r, p, t)}</div>`,
    };
  },
});

export interface AdaptiveParams {
  h: number;
  out: number;
}

export const adaptiveCalc = calculator<AdaptiveParams>({
  id: 'adaptive',
  fields: { h: int(['Input H', '输入 H'], 7, { max: 4096 }), out: int(['Output n', '输出 n'], 3, { max: 4096 }) },
  render(p, lang) {
    const t = tr(lang);
    const b = new GraphBuilder('adaptive', [1, p.h, p.h]);
    const a = analyze(b.build(b.layer('pool', AdaptiveAvgPool2d(p.out), b.input)));
    if (!a.ok || !a.output) return { windows: problems(a.diagnostics, t) };
    if (p.out > 64) return { windows: `<p>${t('Output', '输出')} ${a.output.slice(1).join('×')}</p>` };
    const rows = Array.from({ length: p.out }, (_, i) => {
      const [s, e] = adaptiveWindow(i, p.h, p.out);
      return `<tr><td class="num">${i}</td><td class="num">[${s}, ${e})</td><td class="num">${e - s}</td></tr>`;
    });
    return {
      windows: `<p class="calc-result">${t('Output', '输出')} <span class="big" data-value="adaptive-out">${a.output.slice(1).join('×')}</span></p>
<p><code class="formula">${esc(a.layers[0].formula[0] ?? '')}</code></p>
<div class="table-wrap" tabindex="0"><table data-value="adaptive-windows"><thead><tr><th>${t('output i', '输出 i')}</th><th>${t('input rows', '输入行')}</th><th>${t('size', '大小')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    };
  },
});
