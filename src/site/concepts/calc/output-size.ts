/**
 * concepts/output-size/: the sliding-window calculator. The output size, its formula with
 * the real numbers and every refusal come from `analyze()` of a one-layer network; the
 * window positions from src/analysis/arith.ts. Nothing here re-derives the count.
 */
import { analyze, type Diagnostic } from '../../../analysis/analyze.js';
import { convOutputSize, effectiveKernel } from '../../../analysis/arith.js';
import { GraphBuilder } from '../../../graph/builder.js';
import { AvgPool2d, Conv2d, MaxPool2d } from '../../../kinds/constructors.js';
import type { LayerConfig } from '../../../graph/types.js';
import { calculator, check, choice, esc, int, problems, tr } from './common.js';

export type WindowLayer = 'conv' | 'max' | 'avg';

export interface OutputSizeParams {
  layer: WindowLayer;
  h: number;
  k: number;
  p: number;
  s: number;
  d: number;
  ceil: boolean;
}

export interface Window1D {
  index: number;
  /** First input position the window covers (negative: in the left padding). */
  start: number;
  /** Positions of the kernel's taps (`start + j·D`). */
  taps: number[];
}

export interface OutputSizeResult {
  params: OutputSizeParams;
  /** PyTorch's output size along H (and W: the input is square), or null when it refuses. */
  out: number | null;
  /** `H, W: ⌊(…)/S⌋ + 1 = out` from the analysis. */
  formula: string[];
  diagnostics: Diagnostic[];
  windows: Window1D[];
  /** ceil_mode: the window the rounding up asked for but PyTorch drops (it would start in the right padding). */
  dropped: Window1D | null;
  /** The notes' `(H + 2P − FH)/S + 1`, as a real number (no dilation there). */
  notes: number;
  /** The layer as PyTorch would write it. */
  code: string;
}

/** The layer with these settings; dilation and ceil_mode only where PyTorch has them. */
export function windowLayer(p: OutputSizeParams): LayerConfig {
  if (p.layer === 'conv') return Conv2d(1, 1, p.k, { stride: p.s, padding: p.p, ...(p.d !== 1 ? { dilation: p.d } : {}) });
  if (p.layer === 'max') return MaxPool2d(p.k, p.s, { padding: p.p, ...(p.d !== 1 ? { dilation: p.d } : {}), ...(p.ceil ? { ceil_mode: true } : {}) });
  return AvgPool2d(p.k, p.s, { padding: p.p, ...(p.ceil ? { ceil_mode: true } : {}) });
}

export function layerCode(p: OutputSizeParams): string {
  if (p.layer === 'conv') return `nn.Conv2d(1, 1, kernel_size=${p.k}, stride=${p.s}, padding=${p.p}${p.d !== 1 ? `, dilation=${p.d}` : ''})`;
  if (p.layer === 'max') return `nn.MaxPool2d(kernel_size=${p.k}, stride=${p.s}, padding=${p.p}${p.d !== 1 ? `, dilation=${p.d}` : ''}${p.ceil ? ', ceil_mode=True' : ''})`;
  return `nn.AvgPool2d(kernel_size=${p.k}, stride=${p.s}, padding=${p.p}${p.ceil ? ', ceil_mode=True' : ''})`;
}

const window = (index: number, p: OutputSizeParams, d: number): Window1D => {
  const start = index * p.s - p.p;
  return { index, start, taps: Array.from({ length: p.k }, (_, j) => start + j * d) };
};

export function outputSize(p: OutputSizeParams): OutputSizeResult {
  const b = new GraphBuilder('window', [1, p.h, p.h]);
  const graph = b.build(b.layer('layer', windowLayer(p), b.input));
  const a = analyze(graph);
  const rec = a.layers[0];
  const out = rec.outputShape ? rec.outputShape[1] : null;
  // AvgPool2d has no dilation in PyTorch.
  const d = p.layer === 'avg' ? 1 : p.d;
  const windows = out !== null && out <= 100_000 ? Array.from({ length: out }, (_, i) => window(i, p, d)) : [];
  let dropped: Window1D | null = null;
  if (out !== null && p.layer !== 'conv' && p.ceil) {
    // ceil_mode rounds ⌊(H + 2P − D(K−1) − 1 + (S−1))/S⌋ + 1 up, the same window count as a floor over an input S−1 longer;
    // arith.poolOutputSize then drops a last window that would start in the right padding.
    const rounded = convOutputSize(p.h + p.s - 1, p.k, p.s, p.p, d);
    if (rounded > out) dropped = window(out, p, d);
  }
  return {
    params: p,
    out,
    formula: [...rec.formula],
    diagnostics: a.diagnostics,
    windows,
    dropped,
    notes: (p.h + 2 * p.p - p.k) / p.s + 1,
    code: layerCode(p),
  };
}

const CELL_MAX = 160;
const ROWS_MAX = 14;

/** The windows along one axis: the padded input on top, one row per output position. */
export function windowsSVG(r: OutputSizeResult, t: (en: string, zh: string) => string): string {
  const p = r.params;
  if (r.out === null) return '';
  const shown = r.windows.length > ROWS_MAX ? [...r.windows.slice(0, 7), null, ...r.windows.slice(-6)] : [...r.windows];
  const all = [...r.windows, ...(r.dropped ? [r.dropped] : [])];
  const lo = Math.min(-p.p, ...all.map((w) => w.start));
  const hi = Math.max(p.h + p.p - 1, ...all.map((w) => w.taps[w.taps.length - 1]));
  const cells = hi - lo + 1;
  if (cells > CELL_MAX) return `<p class="muted">${t(`The picture is drawn for up to ${CELL_MAX} positions; this one has ${cells}.`, `示意图最多画 ${CELL_MAX} 个位置，这里有 ${cells} 个。`)}</p>`;
  const cw = Math.max(5, Math.min(26, Math.floor(760 / cells)));
  const left = 64;
  const rowH = 18;
  const x = (pos: number) => left + (pos - lo) * cw;
  const parts: string[] = [];
  const top = 18;
  // The padded input.
  for (let pos = lo; pos <= hi; pos++) {
    const cls = pos < 0 || pos >= p.h ? (pos < -p.p || pos >= p.h + p.p ? 'out' : 'pad') : 'cell';
    parts.push(`<rect class="${cls}" x="${x(pos)}" y="${top}" width="${cw}" height="${rowH - 2}"/>`);
    if (cw >= 18 && pos >= 0 && pos < p.h) parts.push(`<text x="${x(pos) + cw / 2}" y="${top + 12}" text-anchor="middle">${pos}</text>`);
  }
  parts.push(`<text x="0" y="${top + 12}">${t('input', '输入')}</text>`);
  let y = top + rowH + 8;
  const rows = [...shown, ...(r.dropped ? ['dropped' as const] : [])];
  for (const w of rows) {
    if (w === null) {
      parts.push(`<text class="muted" x="${left}" y="${y + 12}">⋮ ${t(`${r.windows.length - 13} more`, `另有 ${r.windows.length - 13} 个`)}</text>`);
      y += rowH;
      continue;
    }
    const win = w === 'dropped' ? (r.dropped as Window1D) : w;
    const cls = w === 'dropped' ? ' class="dropped"' : '';
    const first = win.taps[0];
    const last = win.taps[win.taps.length - 1];
    const g: string[] = [`<g${cls}>`, `<text x="0" y="${y + 12}">${w === 'dropped' ? t('dropped', '丢弃') : `${t('out', '输出')} ${win.index}`}</text>`];
    g.push(`<line class="span" x1="${x(first) + 1}" x2="${x(last) + cw - 1}" y1="${y + 8}" y2="${y + 8}"/>`);
    for (const tap of win.taps) {
      const where = tap < 0 || tap >= p.h ? (tap < -p.p || tap >= p.h + p.p ? ' beyond' : ' in-pad') : '';
      g.push(`<rect class="tap${where}" x="${x(tap) + 1}" y="${y + 2}" width="${cw - 2}" height="${rowH - 6}" rx="2"/>`);
    }
    g.push('</g>');
    parts.push(g.join(''));
    y += rowH;
  }
  const width = left + cells * cw + 4;
  const hatch = `<defs><pattern id="pad-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="var(--panel-2)"/><line x1="0" y1="0" x2="0" y2="6" stroke="var(--muted)" stroke-width="1.2" opacity=".5"/></pattern></defs>`;
  const label = t(
    `${r.out} windows of ${effectiveKernel(p.k, p.layer === 'avg' ? 1 : p.d)} positions over an input of ${p.h} with padding ${p.p} on each side, stride ${p.s}.`,
    `${r.out} 个窗口，每个跨 ${effectiveKernel(p.k, p.layer === 'avg' ? 1 : p.d)} 个位置；输入 ${p.h}，两侧各填充 ${p.p}，步幅 ${p.s}。`,
  );
  return `<svg class="windows" viewBox="0 0 ${width} ${y + 4}" width="${width}" role="img" aria-label="${esc(label)}">${hatch}${parts.join('')}</svg>`;
}

export const outputSizeCalc = calculator<OutputSizeParams>({
  id: 'output-size',
  fields: {
    layer: choice(['Layer', '层'], 'conv', [
      ['conv', 'Conv2d'],
      ['max', 'MaxPool2d'],
      ['avg', 'AvgPool2d'],
    ]),
    h: int(['Input H (= W)', '输入 H（= W）'], 7, { max: 4096 }),
    k: int(['Kernel K', '卷积核 K'], 3, { max: 64 }),
    p: int(['Padding P', '填充 P'], 1, { min: 0, max: 64, empty: 0 }),
    s: int(['Stride S', '步幅 S'], 2, { max: 64, empty: 1 }),
    d: int(['Dilation D', '空洞 D'], 1, { max: 16 }),
    ceil: check('ceil_mode', false),
  },
  render(p, lang) {
    const t = tr(lang);
    const r = outputSize(p);
    const ignored: string[] = [];
    if (p.layer === 'conv' && p.ceil) ignored.push(t('Conv2d has no ceil_mode: it always rounds down.', 'Conv2d 没有 ceil_mode：它总是向下取整。'));
    if (p.layer === 'avg' && p.d !== 1) ignored.push(t('AvgPool2d has no dilation in PyTorch; D is ignored.', 'PyTorch 的 AvgPool2d 没有 dilation 参数，这里忽略 D。'));
    const result =
      r.out === null
        ? problems(r.diagnostics, t)
        : `<p class="calc-result">${t('Output', '输出')} <span class="big" data-value="out">${r.out}×${r.out}</span> <span class="muted">(${t('input', '输入')} ${p.h}×${p.h})</span></p>
<p><code class="formula" data-value="formula">${esc(r.formula[0] ?? '')}</code></p>
<p><code>${esc(r.code)}</code></p>`;
    let notes = '';
    if (r.out !== null && p.d === 1) {
      const exact = Number.isInteger(r.notes);
      const shown = exact ? String(r.notes) : r.notes.toFixed(4).replace(/0+$/, '');
      notes = exact
        ? t(`The notes’ formula <code>(H + 2P − FH)/S + 1</code> gives ${shown} here: the division comes out whole, so it agrees with PyTorch.`, `笔记中的公式 <code>(H + 2P − FH)/S + 1</code> 在这里得 ${shown}：能整除，所以与 PyTorch 一致。`)
        : t(
            `The notes’ formula <code>(H + 2P − FH)/S + 1</code> gives ${shown}, not a whole number: PyTorch ${p.ceil && p.layer !== 'conv' ? 'rounds up (ceil_mode)' : 'rounds down'} to ${r.out}.`,
            `笔记中的公式 <code>(H + 2P − FH)/S + 1</code> 得 ${shown}，不是整数：PyTorch ${p.ceil && p.layer !== 'conv' ? '按 ceil_mode 向上取整' : '向下取整'}为 ${r.out}。`,
          );
    }
    if (r.dropped) {
      notes += ` ${t(
        `Rounding up asked for one more window, starting at position ${r.dropped.start}, but it would start in the right padding (at or after ${p.h}), so PyTorch drops it.`,
        `向上取整本来会多出一个窗口，它从位置 ${r.dropped.start} 开始，但这已经落在右侧填充里（≥ ${p.h}），所以 PyTorch 把它丢弃。`,
      )}`;
    }
    return {
      result: result + (ignored.length ? `<p class="muted">${ignored.join(' ')}</p>` : ''),
      notes: notes ? `<p>${notes}</p>` : '',
      picture: windowsSVG(r, t),
    };
  },
});
