/**
 * concepts/multi-channel/: a convolution over C_in channels to C_out, with groups. Weight
 * shapes, parameters and MACs are the analysis's record of a one-layer network; the
 * comparison with a fully connected layer analyses that layer too.
 */
import { analyze, type Analysis } from '../../../analysis/analyze.js';
import { formatInt } from '../../../analysis/format.js';
import { GraphBuilder } from '../../../graph/builder.js';
import { Conv2d, Flatten, Linear } from '../../../kinds/constructors.js';
import type { Lang } from '../../types.js';
import { calculator, check, compareItems, esc, int, problems, tr } from './common.js';

export interface MultiChannelParams {
  cin: number;
  cout: number;
  k: number;
  groups: number;
  h: number;
  bias: boolean;
}

export interface MultiChannelResult {
  conv: Analysis;
  /** The fully connected layer between the same input and output sizes, when the convolution is valid. */
  dense: Analysis | null;
}

export function multiChannel(p: MultiChannelParams): MultiChannelResult {
  const b = new GraphBuilder('conv', [p.cin, p.h, p.h]);
  // padding K//2 keeps H×W for odd kernels, as the notes' networks do.
  const conv = analyze(b.build(b.layer('conv', Conv2d(p.cin, p.cout, p.k, { padding: Math.floor(p.k / 2), groups: p.groups, bias: p.bias }), b.input)));
  const out = conv.output;
  let dense: Analysis | null = null;
  if (conv.ok && out) {
    const d = new GraphBuilder('dense', [p.cin, p.h, p.h]);
    const f = d.layer('flatten', Flatten(), d.input);
    dense = analyze(d.build(d.layer('fc', Linear(p.cin * p.h * p.h, out[0] * out[1] * out[2], { bias: p.bias }), f)));
  }
  return { conv, dense };
}

/** Compare items for `<cnn-compare>`: the fully connected layer, then the convolution. */
export function multiChannelItems(r: MultiChannelResult, p: MultiChannelParams, lang: Lang) {
  const t = tr(lang);
  if (!r.dense || !r.dense.ok) return [];
  const fc = r.dense.layers[1];
  const conv = r.conv.layers[0];
  return [
    {
      label: t('fully connected', '全连接层'),
      macs: r.dense.totals.macs,
      params: r.dense.totals.params,
      paramsFormula: `${fc.weights.map((w) => w.shape.join('×')).join(' + ')} = ${formatInt(r.dense.totals.params)}`,
      macsFormula: `${(fc.inputShapes[0] ?? []).join('')}×${(fc.outputShape ?? []).join('')} = ${formatInt(r.dense.totals.macs)}`,
    },
    {
      label: p.groups > 1 ? t(`convolution, groups=${p.groups}`, `卷积，groups=${p.groups}`) : t('convolution', '卷积'),
      macs: r.conv.totals.macs,
      params: r.conv.totals.params,
      paramsFormula: `${conv.weights.map((w) => w.shape.join('×')).join(' + ')} = ${formatInt(r.conv.totals.params)}`,
      macsFormula: macsFormula(r, p),
    },
  ];
}

function macsFormula(r: MultiChannelResult, p: MultiChannelParams): string {
  const o = r.conv.output as readonly number[];
  return `${o[0]}×${o[1]}×${o[2]} × ${p.cin / p.groups}×${p.k}×${p.k} = ${formatInt(r.conv.totals.macs)}`;
}

/** Input channels on the left, output channels on the right, one band per group. */
export function groupsSVG(p: MultiChannelParams, t: (en: string, zh: string) => string): string {
  const g = p.groups;
  const max = 48;
  const ci = Math.min(p.cin, max);
  const co = Math.min(p.cout, max);
  const hgt = 240;
  const yi = (i: number, n: number) => 20 + (i * (hgt - 20)) / n;
  const colors = ['#4f7cff', '#22b0a0', '#e07a1f', '#b04fd6', '#d64f6b', '#6b8e23'];
  const parts: string[] = [];
  for (let k = 0; k < g && k < 64; k++) {
    const c = colors[k % colors.length];
    const a0 = yi((k * ci) / g, ci), a1 = yi(((k + 1) * ci) / g, ci);
    const b0 = yi((k * co) / g, co), b1 = yi(((k + 1) * co) / g, co);
    parts.push(`<path class="band" fill="${c}" d="M110 ${a0} L390 ${b0} L390 ${b1} L110 ${a1} Z"/>`);
  }
  for (let i = 0; i < ci; i++) parts.push(`<rect x="70" y="${yi(i, ci)}" width="40" height="${Math.max(1, (hgt - 20) / ci - 1)}" fill="var(--panel-2)" stroke="var(--line)"/>`);
  for (let i = 0; i < co; i++) parts.push(`<rect x="390" y="${yi(i, co)}" width="40" height="${Math.max(1, (hgt - 20) / co - 1)}" fill="var(--panel-2)" stroke="var(--line)"/>`);
  parts.push(`<text x="90" y="12" text-anchor="middle">C_in = ${p.cin}${p.cin > max ? ' …' : ''}</text><text x="410" y="12" text-anchor="middle">C_out = ${p.cout}${p.cout > max ? ' …' : ''}</text>`);
  parts.push(`<text x="250" y="${hgt + 16}" text-anchor="middle">${g === 1 ? t('every output channel reads every input channel', '每个输出通道读取全部输入通道') : t(`${g} groups: each output channel reads ${p.cin / g} input channels`, `${g} 组：每个输出通道只读取 ${p.cin / g} 个输入通道`)}</text>`);
  return `<svg class="groups" viewBox="0 0 500 ${hgt + 24}" width="500" role="img" aria-label="${esc(t(`Channels connected in ${g} group(s)`, `按 ${g} 组连接的通道`))}">${parts.join('')}</svg>`;
}

export const multiChannelCalc = calculator<MultiChannelParams>({
  id: 'multi-channel',
  fields: {
    cin: int('C_in', 3, { max: 4096 }),
    cout: int('C_out', 16, { max: 4096 }),
    k: int(['Kernel K', '卷积核 K'], 3, { max: 31 }),
    groups: int('groups', 1, { max: 4096 }),
    h: int(['Input H (= W)', '输入 H（= W）'], 32, { max: 512 }),
    bias: check('bias', true),
  },
  render(p, lang) {
    const t = tr(lang);
    const r = multiChannel(p);
    if (!r.conv.ok) return { result: problems(r.conv.diagnostics, t), picture: '', compare: '' };
    const rec = r.conv.layers[0];
    const [w, b] = rec.weights;
    const o = r.conv.output as readonly number[];
    const perFilter = w.shape.slice(1).join('×');
    const result = `<p class="calc-result">${t('Parameters', '参数量')} <span class="big" data-value="params">${formatInt(r.conv.totals.params)}</span> · MACs <span class="big" data-value="macs">${formatInt(r.conv.totals.macs)}</span></p>
<p><code class="formula" data-value="params-formula">${esc(`${w.shape.join('×')}${b ? ` + ${b.shape.join('×')}` : ''} = ${formatInt(r.conv.totals.params)}`)}</code></p>
<p>${t(
      `${p.cout} filters, one per output channel, each of shape ${perFilter} (C_in/groups × K × K)${b ? `, plus ${p.cout} biases, one per output channel` : ''}. The output is ${o.join('×')}; each of its ${formatInt(o[0] * o[1] * o[2])} values takes ${formatInt((p.cin / p.groups) * p.k * p.k)} multiply-accumulates: <code>${esc(macsFormula(r, p))}</code>.`,
      `${p.cout} 个滤波器，每个输出通道一个，形状为 ${perFilter}（C_in/groups × K × K）${b ? `，另有 ${p.cout} 个偏置，每个输出通道一个` : ''}。输出为 ${o.join('×')}，其中每个值需要 ${formatInt((p.cin / p.groups) * p.k * p.k)} 次乘加：<code>${esc(macsFormula(r, p))}</code>。`,
    )}</p>`;
    return { result, picture: groupsSVG(p, t), compare: '' };
  },
  drive: (root, p, lang) => compareItems(root, multiChannelItems(multiChannel(p), p, lang)),
});

