/**
 * concepts/output-size/: the sliding-window calculator. The output size, its formula with
 * the real numbers and every refusal come from `analyze()` of a one-layer network; the
 * window positions from src/analysis/arith.ts. Nothing here re-derives the count.
 */
import { analyze, type Diagnostic } from '../../analysis/analyze.js';
import { convOutputSize, effectiveKernel } from '../../analysis/arith.js';
import { GraphBuilder } from '../../graph/builder.js';
import { AvgPool2d, Conv2d, MaxPool2d } from '../../graph/layers.js';
import type { LayerConfig } from '../../graph/types.js';
import type { PageContext, SitePage } from '../types.js';
import { calcSection, checkField, conceptPage, esc, head, intOf, numField, pager, problems, selectField, tr, type Calculator, type FormValues } from './common.js';

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

export const outputSizeCalc: Calculator<OutputSizeParams> = {
  id: 'output-size',
  defaults: { layer: 'conv', h: 7, k: 3, p: 1, s: 2, d: 1, ceil: false },
  read(v: FormValues): OutputSizeParams {
    const layer = (['conv', 'max', 'avg'] as const).find((l) => l === v.layer) ?? 'conv';
    return { layer, h: intOf(v, 'h', 7), k: intOf(v, 'k', 3), p: intOf(v, 'p', 0), s: intOf(v, 's', 1), d: intOf(v, 'd', 1), ceil: v.ceil === 'on' };
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
};

export const page: SitePage = conceptPage('output-size', (ctx: PageContext) => {
    const t = ctx.t;
    const c = outputSizeCalc;
    // AlexNet's conv1 in the notes (001 table 3-1).
    const alex = outputSize({ layer: 'conv', h: 224, k: 11, p: 1, s: 4, d: 1, ceil: false });
    const d = c.defaults;
    const fields = [
      selectField('layer', t('Layer', '层'), d.layer, [
        ['conv', 'Conv2d'],
        ['max', 'MaxPool2d'],
        ['avg', 'AvgPool2d'],
      ]),
      numField('h', t('Input H (= W)', '输入 H（= W）'), d.h, { min: 1, max: 4096 }),
      numField('k', t('Kernel K', '卷积核 K'), d.k, { min: 1, max: 64 }),
      numField('p', t('Padding P', '填充 P'), d.p, { min: 0, max: 64 }),
      numField('s', t('Stride S', '步幅 S'), d.s, { min: 1, max: 64 }),
      numField('d', t('Dilation D', '空洞 D'), d.d, { min: 1, max: 16 }),
      checkField('ceil', 'ceil_mode', d.ceil),
    ].join('');
    return `${head(
      ctx,
      'output-size',
      t(
        'A convolution or a pooling layer slides a window over its input. How many places the window fits decides the output size; this page computes it the way PyTorch does, for any numbers you type.',
        '卷积层和汇聚层都是让一个窗口在输入上滑动。窗口能放下多少个位置，就决定了输出尺寸。本页按 PyTorch 的规则，对你输入的任何数字算出结果。',
      ),
    )}
<h2>${t('The formula', '公式')}</h2>
<p>${t(
      'Pad the input with P zeros on each side, so it is H + 2P long. A kernel of K taps spaced D apart (dilation) spans D(K−1)+1 positions. The window starts at 0 and moves S at a time (stride) as long as it stays inside the padded input:',
      '先在输入两侧各填充 P 个 0，长度变为 H + 2P。K 个抽头、间隔为 D（空洞）的卷积核覆盖 D(K−1)+1 个位置。窗口从 0 开始，每次移动 S（步幅），只要还在填充后的输入之内就继续：',
    )}</p>
<p><code class="formula">OH = ⌊(H + 2P − D(K−1) − 1) / S⌋ + 1</code></p>
<p>${t(
      'The notes write <code>OH = (H + 2P − FH)/S + 1</code>: the same thing when D = 1 and the division comes out whole. When it does not, PyTorch rounds down: the last partial window is not used. Height and width are computed separately with the same rule.',
      '笔记写作 <code>OH = (H + 2P − FH)/S + 1</code>：当 D = 1 且能整除时两者相同；不能整除时，PyTorch 向下取整，最后那个不完整的窗口不算。高和宽用同样的规则分别计算。',
    )}</p>
${calcSection(c, ctx.lang, fields, (s) => `${s.result}${s.notes}<h3>${t('The windows along H', '沿 H 方向的窗口')}</h3>${s.picture}<p class="muted">${t('Hatched: padding. Each row is one output position; filled squares are the positions the kernel reads.', '斜线格：填充。每一行是一个输出位置，实心方块是卷积核读取的位置。')}</p>`)}
<h2>${t('ceil_mode (pooling only)', 'ceil_mode（仅汇聚层）')}</h2>
<p>${t(
      'MaxPool2d and AvgPool2d accept <code>ceil_mode=True</code>: round the division up instead of down, so a last window that hangs over the end still produces an output. One exception: a window that would <em>start</em> in the right padding is dropped, because it would see nothing but padding. GoogLeNet’s 3×3/2 pools use ceil_mode. Try MaxPool2d with H = 5, K = 2, S = 2, P = 1: ceil_mode asks for one more window, which would start in the right padding.',
      'MaxPool2d 和 AvgPool2d 可以设 <code>ceil_mode=True</code>：除法向上取整，于是伸出末尾的最后一个窗口也会产生输出。但有一个例外：如果窗口的<em>起点</em>已经落在右侧填充里，它只能看到填充，PyTorch 会丢弃它。GoogLeNet 的 3×3/2 汇聚就用了 ceil_mode。试试 MaxPool2d、H = 5、K = 2、S = 2、P = 1：勾选 ceil_mode 后本来会多出一个窗口，但它会从右侧填充里开始。',
    )}</p>
<h2>${t('When PyTorch refuses', 'PyTorch 何时报错')}</h2>
<p>${t(
      'A kernel wider than the padded input has no place to go, so the output would be empty; pooling also refuses padding of more than half the kernel. Set K larger than H + 2P above to see the message the analysis gives, with the layer, the numbers and the fix.',
      '卷积核比填充后的输入还宽时无处可放，输出为空；汇聚层还要求填充不超过卷积核的一半。把上面的 K 设得比 H + 2P 大，就能看到分析器给出的说明：哪一层、具体数字，以及怎么改。',
    )}</p>
<p>${t('In the networks:', '在网络中：')} <a href="${esc(ctx.link('models/alexnet-mnist/index.html'))}">AlexNet</a> ${t(`(11×11/4 with padding 1 on 224: ${alex.notes} rounds down to ${alex.out})`, `（输入 224，11×11/4、填充 1：${alex.notes} 向下取整为 ${alex.out}）`)}, <a href="${esc(ctx.link('models/googlenet-paper/index.html'))}">GoogLeNet</a> ${t('(ceil_mode pools)', '（ceil_mode 汇聚）')}.</p>
${pager(ctx, 'output-size')}`;
  });
