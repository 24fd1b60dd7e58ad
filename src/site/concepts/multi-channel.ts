/**
 * concepts/multi-channel/: a convolution over C_in channels to C_out, with groups. Weight
 * shapes, parameters and MACs are the analysis's record of a one-layer network; the
 * comparison with a fully connected layer analyses that layer too.
 */
import { analyze, type Analysis } from '../../analysis/analyze.js';
import { formatInt } from '../../analysis/format.js';
import { GraphBuilder } from '../../graph/builder.js';
import { Conv2d, Flatten, Linear } from '../../graph/layers.js';
import type { Lang, PageContext } from '../types.js';
import { calcSection, checkField, conceptPage, esc, head, intOf, numField, pager, problems, tr, type Calculator, type FormValues } from './common.js';

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

export const multiChannelCalc: Calculator<MultiChannelParams> = {
  id: 'multi-channel',
  defaults: { cin: 3, cout: 16, k: 3, groups: 1, h: 32, bias: true },
  read: (v: FormValues) => ({ cin: intOf(v, 'cin', 3), cout: intOf(v, 'cout', 16), k: intOf(v, 'k', 3), groups: intOf(v, 'groups', 1), h: intOf(v, 'h', 32), bias: v.bias === 'on' }),
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
  drive(root, p, lang) {
    const el = root.querySelector('cnn-compare');
    if (!el) return;
    const items = multiChannelItems(multiChannel(p), p, lang);
    (el as unknown as { items: unknown }).items = items;
    el.toggleAttribute('hidden', items.length === 0);
  },
};

export const page = conceptPage('multi-channel', (ctx: PageContext) => {
  const t = ctx.t;
  const c = multiChannelCalc;
  const d = c.defaults;
  const fields = [
    numField('cin', 'C_in', d.cin, { min: 1, max: 4096 }),
    numField('cout', 'C_out', d.cout, { min: 1, max: 4096 }),
    numField('k', t('Kernel K', '卷积核 K'), d.k, { min: 1, max: 31 }),
    numField('groups', 'groups', d.groups, { min: 1, max: 4096 }),
    numField('h', t('Input H (= W)', '输入 H（= W）'), d.h, { min: 1, max: 512 }),
    checkField('bias', 'bias', d.bias),
  ].join('');
  return `${head(
    ctx,
    'multi-channel',
    t(
      'A colour image has three channels; a feature map deep in a network has hundreds. A convolution reads all of them at once, and writes as many output channels as it has filters.',
      '彩色图像有 3 个通道，网络深处的特征图有上百个通道。卷积一次读取所有输入通道，有多少个滤波器就输出多少个通道。',
    ),
  )}
<h2>${t('Many channels in', '多通道输入')}</h2>
<p>${t(
    'With C input channels, the kernel becomes a block of C × K × K weights (the notes call it a filter, 滤波器): it is laid over the same window in every channel, and all the products are summed into one number. So one filter turns a C×H×W input into a single channel. The input and the filter must have the same number of channels.',
    '输入有 C 个通道时，卷积核变成 C × K × K 的权重块（笔记中称为滤波器）：它在每个通道的同一个窗口上逐元素相乘，所有乘积加成一个数。因此一个滤波器把 C×H×W 的输入变成一个通道。输入数据与滤波器的通道数必须相同。',
  )}</p>
<h2>${t('Many channels out', '多通道输出')}</h2>
<p>${t(
    'To keep a three-dimensional feature map, use FN filters: each gives one output channel, and each output channel has its own bias. The weight tensor is (FN, C, FH, FW) — C, H, W in that order, channels first — and the parameter count is FN × C × FH × FW + FN.',
    '要让输出仍是三维特征图，就用 FN 个滤波器：每个滤波器产生一个输出通道，每个输出通道各有一个偏置。权重的形状是 (FN, C, FH, FW)——按 C、H、W 的顺序，通道数写在高和宽前面——参数量为 FN × C × FH × FW + FN。',
  )}</p>
<h2>${t('Groups', '分组')}</h2>
<p>${t(
    'PyTorch’s <code>groups</code> splits the channels: with groups = g, input and output channels are cut into g groups and each output channel reads only the C_in/g channels of its group, so the weights shrink g times. Both C_in and C_out must be divisible by g; try a value that does not divide them.',
    'PyTorch 的 <code>groups</code> 把通道分组：groups = g 时，输入和输出通道各分成 g 组，每个输出通道只读取本组的 C_in/g 个输入通道，权重因此少 g 倍。C_in 和 C_out 都必须能被 g 整除；试试一个不能整除的值。',
  )}</p>
${calcSection(c, ctx.lang, fields, (s) => `${s.result}${s.picture}
<h3>${t('Against a fully connected layer', '与全连接层相比')}</h3>
<p>${t('A fully connected layer between the same input and output sizes connects every input value to every output value, with no weight sharing:', '在同样的输入和输出尺寸之间放一个全连接层，每个输入值都连到每个输出值，没有权值共享：')}</p>
<cnn-compare theme="auto" data-role="versus-dense"></cnn-compare>`)}
<p>${t(
    'The fully connected layer is what the convolution’s two ideas save: local connections (each output reads a K×K window, not the whole image) and weight sharing (the same filter at every position).',
    '全连接层正好说明了卷积的两个优点省下了多少：局部连接（每个输出只读一个 K×K 窗口，而不是整幅图像）和权值共享（同一个滤波器用在每个位置）。',
  )}</p>
<p>${t('Next:', '下一步：')} <a href="${esc(ctx.link('concepts/one-by-one/index.html'))}">${t('the 1×1 convolution', '1×1 卷积')}</a>, ${t('which uses only the channel mixing.', '它只保留了通道间的融合。')}</p>
${pager(ctx, 'multi-channel')}`;
});
