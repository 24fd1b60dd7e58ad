/**
 * `models/<id>/index.html` for every zoo network, in lineage order: the idea and history of
 * its family and what is particular to this version (src/site/models/), the live graph and
 * summary, insights computed from the analysis (src/site/insights.ts) — where the parameters
 * and MACs live, the Inception 1×1 savings, global average pooling against fully connected
 * heads, the residual blocks, where the notes' arithmetic differs — the notes' training preset
 * with a `<cnn-train>` panel loaded only when opened (client script `model`), and links.
 */
import { formatBytes, formatCount, formatInt, formatPercent, formatShape } from '../../analysis/format.js';
import { ZOO, type ZooEntry } from '../../zoo/index.js';
import { modelInsights, notesChecks, type GapSaving, type Head, type InceptionBlock, type ModelInsights, type NotesCheck, type ResidualSummary, type Share } from '../insights.js';
import { FAMILY_TEXT } from '../models/families.js';
import { VARIANT_TEXT } from '../models/variants.js';
import { copyPytorchControl } from '../copy-pytorch.js';
import { esc, graphFigure } from '../shell.js';
import type { Lang, PageContext, SitePage } from '../types.js';
import { FAMILIES, zooTitle } from './home.js';

/** The graph element's id on every model page (the summary and the train panel point at it). */
export const GRAPH_ID = 'graph';

export const modelPath = (id: string): string => `models/${id}/index.html`;

/** The zoo in the notes' lineage: by family (LeNet → ResNet), the zoo's order within a family. */
export function lineage(): ZooEntry[] {
  return FAMILIES.flatMap((f) => ZOO.filter((e) => e.family === f));
}

/** Concept pages the model pages link to; the slugs are the concept pages' (src/site/concepts). */
export const CONCEPT_TITLES: Record<string, Record<Lang, string>> = {
  'output-size': { en: 'Output size: padding, stride, dilation', zh: '输出尺寸：填充、步幅与空洞' },
  'multi-channel': { en: 'Multi-channel convolution', zh: '多通道卷积' },
  pooling: { en: 'Pooling', zh: '汇聚（池化）' },
  'one-by-one': { en: 'The 1×1 convolution and the bottleneck', zh: '1×1 卷积与瓶颈结构' },
  'stacked-3x3': { en: 'Stacked 3×3 versus one large kernel', zh: '堆叠 3×3 与单个大卷积核' },
  'nin-gap': { en: 'NiN blocks and global average pooling', zh: 'NiN 块与全局平均池化' },
  residual: { en: 'Residual connections', zh: '残差连接' },
  auxiliary: { en: 'GoogLeNet’s auxiliary classifiers', zh: 'GoogLeNet 的辅助分类器' },
};

const pct = (part: number, whole = 1) => formatPercent(part, whole);
const sharePct = (x: number | null) => (x === null ? '—' : formatPercent(x, 1));

/** A share as a number and a bar (the bar is decoration; the number is the content). */
function bar(x: number | null): string {
  if (x === null) return '<td class="num">—</td>';
  const w = Math.max(0, Math.min(100, x * 100));
  return `<td class="num share"><span class="share-bar" style="--w:${w.toFixed(2)}%" aria-hidden="true"></span>${sharePct(x)}</td>`;
}

const STYLE = `<style>
.model-facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem 1.5rem;margin:1rem 0}
.model-facts div{border-left:3px solid var(--accent,#4f7cff);padding-left:.6rem}
.model-facts dt{font-size:.8rem;opacity:.75}
.model-facts dd{margin:0;overflow-wrap:anywhere;font-variant-numeric:tabular-nums;font-weight:600}
.model-facts .fact-source{grid-column:1/-1}
.model-code{margin:.2rem 0 1rem;max-width:none}
.model-facts .fact-source dd{overflow-wrap:normal;font-weight:400}
.crumbs{font-size:.9rem;opacity:.85}
td.share{position:relative;min-width:6.5rem}
.share-bar{position:absolute;left:0;top:15%;bottom:15%;width:var(--w);background:color-mix(in srgb,var(--accent,#4f7cff) 22%,transparent);border-radius:2px;z-index:-1}
.share-table td,.share-table th{white-space:nowrap}
.share-table th[scope=rowgroup]{white-space:normal}
.insight{margin:1.25rem 0}
.key{font-size:1.05rem}
.saving-pos{color:var(--ok,#1a7f37)}
.saving-neg{color:var(--bad,#c0392b)}
.formula{font-family:var(--mono,ui-monospace,monospace);font-size:.85rem}
.preset{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.75rem 0}
.preset dt{opacity:.75}
.preset dd{margin:0;font-variant-numeric:tabular-nums}
details.train-panel{border:1px solid color-mix(in srgb,currentColor 25%,transparent);border-radius:6px;padding:.5rem .9rem;margin:1rem 0}
details.train-panel>summary{cursor:pointer;font-weight:600}
.train-status[data-state=error]{color:var(--bad,#c0392b);font-weight:600}
.pager{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.pager a{display:block}
.related{columns:2 16rem}
</style>`;

function table(caption: string, head: string[], rows: string[], numeric: boolean[] = []): string {
  return `<div class="table-wrap" tabindex="0"><table class="share-table">
<caption>${caption}</caption>
<thead><tr>${head.map((h, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

const code = (s: string) => `<code>${esc(s)}</code>`;

// ---------------------------------------------------------------------------
// Sections

/**
 * The seed notes by their file's number: the zoo's `source` names the file (`001_a07d34ecd1697973.txt`),
 * which a reader cannot look up and which broke over two lines; the page names the note by its own title.
 */
const NOTE_TITLES: Record<string, { en: string; zh: string }> = {
  '000': { en: 'GoogLeNet and ResNet (PyTorch notebook)', zh: 'GoogLeNet 与 ResNet（PyTorch 笔记本）' },
  '001': { en: 'CNN lecture notes (from DNN to CNN, LeNet-5 onwards)', zh: 'CNN 讲义（从 DNN 到 CNN、LeNet-5 及以后）' },
  '002': { en: '03 GoogLeNet (2014)', zh: '03 GoogLeNet（2014）' },
  '003': { en: 'PyTorch series notes (11)', zh: 'Pytorch 系列笔记（十一）' },
  '004': { en: 'PyTorch implementations of AlexNet, VGG11, NiN, GoogLeNet', zh: 'AlexNet、VGG11、NiN、GoogLeNet 等网络的 Pytorch 实现' },
};

/** A zoo entry's source as a reader can read it: the note's number and title (and what follows in the note), or torchvision's constructor as code. */
export function readableSource(source: string, lang: Lang): string {
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const m = /^(\d{3})_[0-9a-f]{16}\.txt(?:\s+(.*))?$/.exec(source);
  if (!m) return `<code class="source-code">${esc(source)}</code>`;
  const num = m[1] as string;
  const title = NOTE_TITLES[num];
  const rest = (m[2] ?? '')
    .replace(/^§(\d+)/, (_, n: string) => t(`section ${n}`, `第 ${n} 节`))
    .replace(/^table (\S+)/, (_, n: string) => t(`table ${n}`, `表 ${n}`))
    .replace(/, also (\d{3}) and (\d{3})$/, (_, a: string, b: string) => t(`; also notes ${a} and ${b}`, `；另见笔记 ${a} 与 ${b}`));
  const name = title ? `${t('note', '笔记')} ${num} “${esc(t(title.en, title.zh))}”` : `${t('note', '笔记')} ${num}`;
  // The notes' function names (conv_arch, small_conv_arch) stay code.
  const where = esc(rest).replace(/\b(\w+_arch)\b/g, '<code>$1</code>');
  return where ? `${name}${where.startsWith(';') ? '' : t(', ', '，')}${where}` : name;
}

function facts(ctx: PageContext, e: ZooEntry, ins: ModelInsights): string {
  const { t } = ctx;
  const a = ins.analysis;
  const item = (dt: string, dd: string) => `<div><dt>${dt}</dt><dd>${dd}</dd></div>`;
  return `<dl class="model-facts">
${item(t('Parameters', '参数量'), `${formatInt(a.totals.params)} <span class="muted">(${formatCount(a.totals.params)})</span>`)}
${item(t('MACs per image', '每张图的乘加次数'), `${formatInt(a.totals.macs)} <span class="muted">(${formatCount(a.totals.macs)})</span>`)}
${item(t('Input', '输入'), formatShape(a.input))}
${item(t('Output', '输出'), formatShape(a.output))}
${item(t('Weights at float32', '权重（float32）'), formatBytes(a.totals.paramBytes))}
${item(t('Source', '出处'), readableSource(e.source, ctx.lang)).replace('<div>', '<div class="fact-source">')}
</dl>`;
}

function whereItLives(ctx: PageContext, e: ZooEntry, ins: ModelInsights): string {
  const { t } = ctx;
  const a = ins.analysis;
  const out: string[] = [];
  const fl = ins.firstLinear;
  if (fl) {
    const from = fl.featureMap && fl.featureMap.length === 3 && fl.featureMap[1]! * fl.featureMap[2]! > 1 ? t(`, reading the flattened ${formatShape(fl.featureMap)} map`, `，读入拉平的 ${formatShape(fl.featureMap)} 特征图`) : '';
    const layerName = ins.gap ? t('The fully connected layer after the pooling', '池化之后的全连接层') : t('The first fully connected layer', '第一个全连接层');
    out.push(
      `<p class="key">${t(
        `${layerName} ${code(fl.path)} (${formatInt(fl.inFeatures)} → ${formatInt(fl.outFeatures)}${from}) holds <b>${formatInt(fl.params)}</b> parameters, <b>${pct(fl.share)}</b> of the network’s, and does ${pct(fl.macShare)} of its MACs.`,
        `${layerName} ${code(fl.path)}（${formatInt(fl.inFeatures)} → ${formatInt(fl.outFeatures)}${from}）有 <b>${formatInt(fl.params)}</b> 个参数，占全网络的 <b>${pct(fl.share)}</b>，而乘加只占 ${pct(fl.macShare)}。`,
      )}</p>`,
    );
  } else {
    out.push(`<p class="key">${t('This network has no fully connected layer: every parameter is in a convolution.', '这个网络没有全连接层：所有参数都在卷积层里。')}</p>`);
  }
  const [conv, linear, other] = ins.split as [ModelInsights['split'][0], ModelInsights['split'][0], ModelInsights['split'][0]];
  const parts = [
    t(`convolutions (${conv.layers}): ${pct(conv.params, a.totals.params)} of the parameters, ${pct(conv.macs, a.totals.macs)} of the MACs`, `卷积层（${conv.layers} 层）：${pct(conv.params, a.totals.params)} 的参数，${pct(conv.macs, a.totals.macs)} 的乘加`),
    linear.layers ? t(`fully connected layers (${linear.layers}): ${pct(linear.params, a.totals.params)} of the parameters, ${pct(linear.macs, a.totals.macs)} of the MACs`, `全连接层（${linear.layers} 层）：${pct(linear.params, a.totals.params)} 的参数，${pct(linear.macs, a.totals.macs)} 的乘加`) : '',
    other.params ? t(`batch normalisation (${other.layers}): ${pct(other.params, a.totals.params)} of the parameters`, `批量归一化（${other.layers} 层）：${pct(other.params, a.totals.params)} 的参数`) : '',
  ].filter(Boolean);
  out.push(`<p>${t('By kind', '按层的种类')}${t(': ', '：')}${parts.join(t('; ', '；'))}${t('.', '。')}</p>`);
  const topStageM = [...ins.stages].filter((s) => !s.aux).sort((x, y) => y.macs - x.macs)[0];
  const topStageP = [...ins.stages].sort((x, y) => y.params - x.params)[0];
  if (topStageM && topStageP) {
    out.push(`<p>${t('Most parameters', '参数最多的部分')}${t(': ', '：')}${code(topStageP.path)} (${pct(topStageP.paramShare)})${t('; most MACs', '；乘加最多的部分')}${t(': ', '：')}${code(topStageM.path)} (${sharePct(topStageM.macShare)})${t('.', '。')}${ins.analysis.totals.auxParams ? ' ' + t(`The auxiliary classifiers hold ${pct(a.totals.auxParams, a.totals.params)} of the parameters and run only in training.`, `辅助分类器占 ${pct(a.totals.auxParams, a.totals.params)} 的参数，只在训练时运行。`) : ''}</p>`);
  }
  out.push(`<p class="muted">${esc(FAMILY_TEXT[e.family].look[ctx.lang])}</p>`);
  const stageRows = ins.stages.map(
    (s: Share) => `<tr><th scope="row">${code(s.path)}${s.aux ? ` <span class="muted">${t('(training only)', '（仅训练）')}</span>` : ''}</th><td>${esc(s.type)}</td><td class="num">${formatShape(s.outputShape)}</td><td class="num">${formatInt(s.params)}</td>${bar(s.paramShare)}<td class="num">${formatInt(s.macs)}</td>${bar(s.macShare)}</tr>`,
  );
  out.push(
    table(
      t('Parameters and MACs by stage (the network’s top-level parts; activations, pools and reshapes have neither and are left out)', '按阶段统计的参数量和乘加次数（网络的顶层部分；激活、汇聚和变形层两者皆无，未列出）'),
      [t('Stage', '阶段'), t('Type', '类型'), t('Output', '输出'), t('Parameters', '参数量'), t('share', '占比'), 'MACs', t('share', '占比')],
      stageRows,
      [false, false, true, true, true, true, true],
    ),
  );
  const top = ins.topLayers.map((s) => `<li>${code(s.path)} ${esc(s.type)}: ${formatInt(s.params)} (${pct(s.paramShare)})</li>`).join('');
  out.push(`<p>${t('The layers with the most parameters:', '参数最多的几层：')}</p><ol class="num">${top}</ol>`);
  return out.join('\n');
}

function savingCell(x: number): string {
  return `<td class="num ${x >= 0 ? 'saving-pos' : 'saving-neg'}">${x >= 0 ? formatPercent(x, 1) : `+${formatPercent(-x, 1)}`}</td>`;
}

function inceptionSection(ctx: PageContext, ins: ModelInsights): string {
  const { t } = ctx;
  const blocks: InceptionBlock[] = ins.inception;
  if (!blocks.length) return '';
  const rows: string[] = [];
  for (const b of blocks) {
    b.branches.forEach((br, i) => {
      rows.push(`<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${b.branches.length}">${code(b.path)}<br><span class="muted">${formatShape(b.inputShape)} → ${formatShape(b.outputShape)}</span></th>` : ''}<td>${code(br.branch)} ${br.kernel}×${br.kernel}</td><td class="num">${br.input[0]} → ${br.reduce} → ${br.out}</td><td class="num">${formatInt(br.direct.params)} → ${formatInt(br.reduced.params)}</td><td class="num">${formatInt(br.direct.macs)} → ${formatInt(br.reduced.macs)}</td>${savingCell(br.saving.macs)}</tr>`);
    });
  }
  const direct = blocks.reduce((n, b) => n + b.direct.macs, 0);
  const reduced = blocks.reduce((n, b) => n + b.reduced.macs, 0);
  const directP = blocks.reduce((n, b) => n + b.direct.params, 0);
  const reducedP = blocks.reduce((n, b) => n + b.reduced.params, 0);
  const total = ins.analysis.totals.macs;
  const widened = blocks.flatMap((b) => b.branches.filter((br) => br.saving.macs < 0).map((br) => `${b.path}.${br.branch}`));
  const first = blocks[0] as InceptionBlock;
  const fb = first.branches[0];
  const net = reduced <= direct;
  return `<section id="inception" aria-labelledby="inception-h">
<h2 id="inception-h">${t('What the 1×1 reductions save', '1×1 降维省下了多少')}</h2>
<p>${t(
    'Each branch below feeds a k×k convolution through a 1×1 convolution first. The alternative is one k×k convolution straight from the block’s input to the same output channels. Both are analysed as real layers at the block’s own size (the same comparison as ',
    '下面每条路径都先经过 1×1 卷积，再进入 k×k 卷积。对照方案是从块的输入直接做一个 k×k 卷积、输出相同的通道数。两者都按块的实际尺寸作为真实的层来分析（与',
  )}<code>cnn-graph compare bottleneck</code>${t(').', '相同）。')}</p>
<p class="key">${
    net
      ? t(
          `Over the ${blocks.length} Inception blocks, these branches need <b>${formatInt(reduced)}</b> MACs instead of <b>${formatInt(direct)}</b>: the reductions save ${formatInt(direct - reduced)} MACs (${formatPercent(1 - reduced / direct, 1)} of these branches, ${formatPercent((direct - reduced) / (total + direct - reduced), 1)} of what the whole network would need without them) and ${formatInt(directP - reducedP)} parameters.`,
          `在 ${blocks.length} 个 Inception 块中，这些路径需要 <b>${formatInt(reduced)}</b> 次乘加，而不是 <b>${formatInt(direct)}</b> 次：降维省下 ${formatInt(direct - reduced)} 次乘加（这些路径的 ${formatPercent(1 - reduced / direct, 1)}，相当于不降维时整个网络计算量的 ${formatPercent((direct - reduced) / (total + direct - reduced), 1)}），以及 ${formatInt(directP - reducedP)} 个参数。`,
        )
      : t(
          `Over the ${blocks.length} Inception blocks, these branches need <b>${formatInt(reduced)}</b> MACs where direct convolutions would need <b>${formatInt(direct)}</b>: here the 1×1 convolutions cost more than they save.`,
          `在 ${blocks.length} 个 Inception 块中，这些路径需要 <b>${formatInt(reduced)}</b> 次乘加，直接卷积只需 <b>${formatInt(direct)}</b> 次：在这里 1×1 卷积花的比省的多。`,
        )
  }${
    widened.length
      ? ' ' +
        t(
          `In ${widened.map(code).join(', ')} the 1×1 convolution has more output channels than the block has input channels, so it widens instead of reducing, and the branch costs more than a direct convolution (shown as +).`,
          `在 ${widened.map(code).join('、')} 中，1×1 卷积的输出通道比块的输入通道还多，是升维而不是降维，这条路径比直接卷积更贵（以 + 表示）。`,
        )
      : ''
  }</p>
${table(
  t('Each reduced branch against a direct k×k convolution (convolutions only; bias included where the network has it)', '每条降维路径与直接 k×k 卷积的对比（只计卷积；网络有偏置时计入偏置）'),
  [t('Block', '块'), t('Branch', '路径'), t('Channels: in → 1×1 → k×k', '通道：输入 → 1×1 → k×k'), t('Parameters: direct → with 1×1', '参数量：直接 → 1×1 降维'), t('MACs: direct → with 1×1', '乘加：直接 → 1×1 降维'), t('MACs saved', '省下的乘加')],
  rows,
  [false, false, true, true, true, true],
)}
${
  fb
    ? `<details><summary>${t(`The arithmetic for ${first.path}.${fb.branch}`, `${first.path}.${fb.branch} 的算式`)}</summary>
<p>${t('Direct', '直接')}: MACs <span class="formula">${esc(fb.direct.macsFormula)}</span>; ${t('parameters', '参数')} <span class="formula">${esc(fb.direct.paramsFormula)}</span></p>
<p>${t('With the 1×1 reduction', '先 1×1 降维')}: MACs <span class="formula">${esc(fb.reduced.macsFormula)}</span>; ${t('parameters', '参数')} <span class="formula">${esc(fb.reduced.paramsFormula)}</span></p>
</details>`
    : ''
}
</section>`;
}

function headRow(ctx: PageContext, name: string, h: Head | { params: number; macs: number }, base: number): string {
  const ratio = base > 0 ? `${(h.params / base).toFixed(h.params / base >= 10 ? 0 : 1)}×` : '—';
  return `<tr><th scope="row">${name}</th><td class="num">${formatInt(h.params)}</td><td class="num">${formatInt(h.macs)}</td><td class="num">${ratio}</td></tr>`;
}

function gapSection(ctx: PageContext, ins: ModelInsights): string {
  const g: GapSaving | null = ins.gap;
  if (!g) return '';
  const { t } = ctx;
  const flat = g.featureMap[0] * g.featureMap[1] * g.featureMap[2];
  const widths = (h: Head) => `${formatInt(flat)} → ${h.widths.map(formatInt).join(' → ')}`;
  const actualName = `${t('global average pooling', '全局平均池化')} ${code(g.pool)}${g.actual.paths.length ? ` + ${g.actual.paths.map(code).join(', ')}` : ''}`;
  const base = g.actual.params;
  let nin = '';
  const cb = g.classifierBlock;
  if (cb) {
    const cflat = cb.input[0] * cb.input[1] * cb.input[2];
    nin = `<p>${t(
      `Here the last block ${code(cb.path)} is itself the classifier: it turns the ${formatShape(cb.input)} map into one ${g.featureMap[1]}×${g.featureMap[2]} map per class with <b>${formatInt(cb.params)}</b> parameters, and the pooling averages each map to a score. From the same ${formatShape(cb.input)} map, a single Linear layer to the ${g.classes} classes would need <b>${formatInt(cb.linear.params)}</b> parameters, and a head like the notes’ AlexNet (${formatInt(cflat)} → ${cb.alexnetHead.widths.map(formatInt).join(' → ')}) <b>${formatInt(cb.alexnetHead.params)}</b>.`,
      `这里最后一个块 ${code(cb.path)} 本身就是分类器：它用 <b>${formatInt(cb.params)}</b> 个参数把 ${formatShape(cb.input)} 的特征图变成每类一张 ${g.featureMap[1]}×${g.featureMap[2]} 的图，池化再把每张图平均成一个得分。对同样的 ${formatShape(cb.input)} 特征图，一个直接输出 ${g.classes} 类的全连接层需要 <b>${formatInt(cb.linear.params)}</b> 个参数，像讲义中 AlexNet 那样的输出部分（${formatInt(cflat)} → ${cb.alexnetHead.widths.map(formatInt).join(' → ')}）需要 <b>${formatInt(cb.alexnetHead.params)}</b> 个。`,
    )}</p>`;
  }
  const rows = cb
    ? [
        // NiN: the classifier is the last block plus the pooling; compare from the block's input.
        headRow(ctx, `${t('the last NiN block', '最后一个 NiN 块')} ${code(cb.path)} + ${code(g.pool)}`, cb, cb.params),
        headRow(ctx, `${t('one Linear', '一个全连接层')} ${formatInt(cb.input[0] * cb.input[1] * cb.input[2])} → ${formatInt(g.classes)}`, cb.linear, cb.params),
        headRow(ctx, `${t('a head like the notes’ AlexNet', '像讲义中 AlexNet 的输出部分')} ${formatInt(cb.input[0] * cb.input[1] * cb.input[2])} → ${cb.alexnetHead.widths.map(formatInt).join(' → ')}`, cb.alexnetHead, cb.params),
      ]
    : [
        headRow(ctx, actualName, g.actual, base),
        headRow(ctx, `${t('one Linear', '一个全连接层')} ${widths(g.linear)}`, g.linear, base),
        headRow(ctx, `${t('a head like the notes’ AlexNet', '像讲义中 AlexNet 的输出部分')} ${widths(g.alexnetHead)}`, g.alexnetHead, base),
      ];
  return `<section id="gap" aria-labelledby="gap-h">
<h2 id="gap-h">${t('What global average pooling saves', '全局平均池化省下了多少')}</h2>
<p class="key">${t(
    `The last feature map, ${formatShape(g.featureMap)}, is averaged to ${g.featureMap[0]} numbers, and the head after the pooling has <b>${formatInt(g.actual.params)}</b> parameters. Flattening the map instead (${formatInt(flat)} features) and classifying it with one Linear layer would take <b>${formatInt(g.linear.params)}</b>; with fully connected hidden layers as wide as the notes’ AlexNet, <b>${formatInt(g.alexnetHead.params)}</b>${ins.analysis.totals.params ? ` — ${(g.alexnetHead.params / ins.analysis.totals.params).toFixed(1)} times the whole network as it is` : ''}.`,
    `最后的特征图 ${formatShape(g.featureMap)} 被平均成 ${g.featureMap[0]} 个数，池化之后的输出部分有 <b>${formatInt(g.actual.params)}</b> 个参数。如果改为拉平（${formatInt(flat)} 个特征）再用一个全连接层分类，需要 <b>${formatInt(g.linear.params)}</b> 个；如果再加上和讲义中 AlexNet 一样宽的全连接隐藏层，需要 <b>${formatInt(g.alexnetHead.params)}</b> 个${ins.analysis.totals.params ? `——是现在整个网络的 ${(g.alexnetHead.params / ins.analysis.totals.params).toFixed(1)} 倍` : ''}。`,
  )}</p>
${nin}
${table(
  t('The head after the last feature map: as built, and two fully connected alternatives (each analysed as real layers)', '最后特征图之后的输出部分：实际结构与两种全连接方案（均按真实的层分析）'),
  [t('Head', '输出部分'), t('Parameters', '参数量'), 'MACs', t('× the actual', '× 实际')],
  rows,
  [false, true, true, true],
)}
</section>`;
}

function residualSection(ctx: PageContext, ins: ModelInsights): string {
  const r: ResidualSummary | null = ins.residual;
  if (!r) return '';
  const { t } = ctx;
  const a = ins.analysis;
  const rows = r.blocks.map(
    (b) =>
      `<tr><th scope="row">${code(b.path)}</th><td>${esc(b.type)}</td><td class="num">${formatShape(b.inputShape)} → ${formatShape(b.outputShape)}</td><td>${b.shortcut === 'identity' ? t('identity', '恒等') : `${t('projection', '投影')} ${b.projection?.paths.map(code).join(' + ')}`}</td><td class="num">${formatInt(b.main.params)}</td><td class="num">${b.projection ? formatInt(b.projection.params) : '—'}</td><td class="num">${formatInt(b.macs)}</td></tr>`,
  );
  const tableHtml = table(
    t('Every residual block: the branch F(x) and the shortcut', '每个残差块：分支 F(x) 与捷径'),
    [t('Block', '块'), t('Type', '类型'), t('Shape', '形状'), t('Shortcut', '捷径'), t('Params of F(x)', 'F(x) 的参数'), t('Params of the shortcut', '捷径的参数'), 'MACs'],
    rows,
    [false, false, true, false, true, true, true],
  );
  return `<section id="residual" aria-labelledby="residual-h">
<h2 id="residual-h">${t('Residual blocks and shortcuts', '残差块与捷径')}</h2>
<p class="key">${t(
    `${r.blocks.length} residual blocks hold ${pct(r.blockParamShare)} of the parameters. ${r.identity} add their input back unchanged (identity shortcut: no parameters, no MACs)${r.projection ? `; ${r.projection} change the shape and use a projection shortcut, which together hold ${formatInt(r.projectionParams)} parameters (${pct(r.projectionParams, a.totals.params)} of the network) and ${formatInt(r.projectionMacs)} MACs (${pct(r.projectionMacs, a.totals.macs)})` : ''}.`,
    `${r.blocks.length} 个残差块占 ${pct(r.blockParamShare)} 的参数。其中 ${r.identity} 个把输入原样加回（恒等捷径：没有参数，也没有乘加）${r.projection ? `；${r.projection} 个改变了形状，使用投影捷径，它们共有 ${formatInt(r.projectionParams)} 个参数（占全网络的 ${pct(r.projectionParams, a.totals.params)}）和 ${formatInt(r.projectionMacs)} 次乘加（${pct(r.projectionMacs, a.totals.macs)}）` : ''}。`,
  )}</p>
${r.blocks.length > 8 ? `<details><summary>${t(`All ${r.blocks.length} blocks`, `全部 ${r.blocks.length} 个块`)}</summary>\n${tableHtml}\n</details>` : tableHtml}
</section>`;
}

function notesSection(ctx: PageContext, ins: ModelInsights, checks: NotesCheck[], notesNet: boolean): string {
  const { t } = ctx;
  const items: string[] = [];
  for (const f of ins.formulas) {
    const rule = f.kind === 'Conv2d' ? t('(H + 2P − K)/S + 1', '(H + 2P − FH)/S + 1') : 'H/S';
    const pytorch = f.ceilMode ? t('PyTorch rounds up (ceil_mode)', 'PyTorch 向上取整（ceil_mode）') : t('PyTorch counts whole windows (floor)', 'PyTorch 只数完整的窗口（向下取整）');
    const more = f.count > 1 ? t(` (and ${f.count - 1} more layer${f.count > 2 ? 's' : ''} with the same numbers)`, `（另有 ${f.count - 1} 层数字相同）`) : '';
    items.push(`<li>${code(f.path)} ${esc(f.kind)}${more}${t(': ', '：')}${t('the notes’ formula', '讲义的公式')} ${rule} ${t('gives', '得')} <span class="formula">${esc(f.formula)} = ${esc(String(Number(f.notes.toFixed(4))))}</span>${t('; ', '；')}${pytorch}${t(': ', '：')}<b>${f.pytorch}</b>${t('.', '。')}</li>`);
  }
  for (const c of checks) {
    const ex = c.example;
    if (ex.kind === 'bottleneck') {
      const [C, H, W] = ex.config.input;
      const what = ex.quantity === 'macs' ? t('multiply–accumulates', '乘加次数') : t('parameters', '参数量');
      items.push(`<li>${t(`The notes’ 1×1 example (${esc(ex.source)}): ${C}×${H}×${W} → ${ex.config.out} with a ${ex.config.kernel}×${ex.config.kernel} convolution, directly or through a 1×1 reduction to ${ex.config.reduce}. The notes print ${what}`, `讲义中的 1×1 例子（${esc(ex.source)}）：${C}×${H}×${W} 经 ${ex.config.kernel}×${ex.config.kernel} 卷积到 ${ex.config.out} 个通道，直接做或先用 1×1 降到 ${ex.config.reduce}。讲义给出的${what}为`)} ${formatInt(c.printed.a)} / ${formatInt(c.printed.b)}${t('; computed: ', '；计算结果：')}<b>${formatInt(c.computed.a)}</b> / <b>${formatInt(c.computed.b)}</b>${t('. ', '。')}${
        c.agree
          ? t('They agree.', '两者一致。')
          : t(
              `They differ by ${formatInt(Math.abs(c.printed.b - c.computed.b) + Math.abs(c.printed.a - c.computed.a))}: the terms of the notes’ sum, ${esc(ex.quantity === 'macs' ? c.comparison.variants[1].macsFormula : c.comparison.variants[1].paramsFormula)}, add up to the computed total — a slip in the addition.`,
              `相差 ${formatInt(Math.abs(c.printed.b - c.computed.b) + Math.abs(c.printed.a - c.computed.a))}：讲义算式的各项 ${esc(ex.quantity === 'macs' ? c.comparison.variants[1].macsFormula : c.comparison.variants[1].paramsFormula)} 相加得到的是计算结果——讲义在加法上出了个小错。`,
            )
      }</li>`);
    } else {
      items.push(`<li>${t(`The notes’ stacked-kernel example (${esc(ex.source)}): one ${ex.config.kernel}×${ex.config.kernel} convolution against a stack of 3×3 convolutions with the same receptive field, C channels in and out, bias-free. The notes give`, `讲义中堆叠卷积核的例子（${esc(ex.source)}）：一个 ${ex.config.kernel}×${ex.config.kernel} 卷积与感受野相同的一叠 3×3 卷积对比，输入输出都是 C 个通道、无偏置。讲义给出`)} ${c.printed.a}C² / ${c.printed.b}C²${t(`; computed with C = ${ex.config.channels}: `, `；取 C = ${ex.config.channels} 计算：`)}<b>${formatInt(c.comparison.variants[0].params)}</b> = ${c.computed.a}C², <b>${formatInt(c.comparison.variants[1].params)}</b> = ${c.computed.b}C²${t('. ', '。')}${c.agree ? t('They agree.', '两者一致。') : t('They differ.', '两者不一致。')}</li>`);
    }
  }
  const lead = ins.formulas.length
    ? t(
        'The notes (001 §1.5) size a convolution’s output as (H + 2P − K)/S + 1 and a pooling’s as H/S. Both are exact only when the division comes out whole; where it does not here, PyTorch’s rule (which the graph and every number on this page use) gives another size:',
        '讲义（001 §1.5）用 (H + 2P − FH)/S + 1 计算卷积的输出尺寸，用 H/S 计算汇聚的输出尺寸。两者只有在能整除时才准确；本网络中不能整除的地方，PyTorch 的规则（图和本页所有数字都按它计算）给出的尺寸不同：',
      )
    : t(
        'The notes’ size formulas (001 §1.5: (H + 2P − K)/S + 1 for a convolution, H/S for a pooling) give PyTorch’s size for every layer of this network: every division comes out whole.',
        '讲义的尺寸公式（001 §1.5：卷积 (H + 2P − FH)/S + 1，汇聚 H/S）对本网络的每一层都给出与 PyTorch 相同的尺寸：每次除法都能整除。',
      );
  const printed = notesNet
    ? `<p>${t('Every output shape the notes print for this network matches the computation (see docs/conventions.md).', '讲义为这个网络打印的每个输出形状都与计算结果一致（见 docs/conventions.md）。')}</p>`
    : '';
  return `<section id="notes" aria-labelledby="notes-h">
<h2 id="notes-h">${t('The notes’ arithmetic and the computation', '讲义的算术与计算结果')}</h2>
<p>${lead}</p>
${items.length ? `<ul>${items.join('\n')}</ul>` : ''}
${printed}
</section>`;
}

const DATASET_NAME: Record<string, Record<Lang, string>> = {
  mnist: { en: 'MNIST', zh: 'MNIST' },
  'fashion-mnist': { en: 'Fashion-MNIST', zh: 'Fashion-MNIST' },
};

function trainSection(ctx: PageContext, e: ZooEntry, ins: ModelInsights): string {
  const { t } = ctx;
  const p = e.preset;
  const item = (dt: string, dd: string) => `<dt>${dt}</dt><dd>${dd}</dd>`;
  let preset: string;
  if (p) {
    const note = ctx.lang === 'zh' ? (p.noteZh ?? p.note) : p.note;
    preset = `<p>${t('The panel starts from the notes’ settings:', '面板默认使用讲义中的设置：')}</p>
<dl class="preset">
${item(t('Dataset', '数据集'), `${esc(DATASET_NAME[p.dataset]?.[ctx.lang] ?? p.dataset)}${ins.analysis.input[1] !== 28 ? t(`, resized to ${ins.analysis.input[1]}×${ins.analysis.input[2]}`, `，放大到 ${ins.analysis.input[1]}×${ins.analysis.input[2]}`) : ''}`)}
${item(t('Optimizer', '优化算法'), `${p.optimizer === 'sgd' ? 'SGD' : 'Adam'}${p.momentum ? t(`, momentum ${p.momentum}`, `，动量 ${p.momentum}`) : ''}`)}
${item(t('Learning rate', '学习率'), String(p.lr))}
${item(t('Batch size', '批量大小'), String(p.batchSize))}
${item(t('Epochs', '轮数'), String(p.epochs))}
${item(t('Reported test accuracy', '讲义报告的测试准确率'), p.reference !== undefined ? `<b>${(p.reference * 100).toFixed(2)}%</b>` : t('not reported', '未报告'))}
</dl>
<p class="muted">${esc(note)}</p>`;
  } else {
    preset = `<p>${t(
      'The notes do not train this network, so the panel starts from its own defaults; every field can be changed. At this size a full epoch in a browser takes long: train on a subset first.',
      '讲义没有训练这个网络，所以面板使用自己的默认设置，每一项都可以修改。这个规模的网络在浏览器里跑一整轮很慢：建议先用子集训练。',
    )}</p>`;
  }
  return `<section id="train" aria-labelledby="train-h">
<h2 id="train-h">${t('Train it in the page', '在页面里训练')}</h2>
${preset}
<details class="train-panel" data-train-src="${esc(ctx.root)}cnn-train.js" data-msg-loading="${esc(t('Loading the training code (TensorFlow.js)…', '正在加载训练代码（TensorFlow.js）…'))}" data-msg-failed="${esc(t('The training code could not be loaded', '训练代码加载失败'))}">
<summary>${t('Open the train panel', '打开训练面板')} <span class="muted">${t('(the training code, TensorFlow.js, loads only now)', '（此时才加载训练代码 TensorFlow.js）')}</span></summary>
<p class="train-status" data-train-status role="status" hidden></p>
<cnn-train for="${GRAPH_ID}" theme="auto"></cnn-train>
</details>
</section>`;
}

function linksSection(ctx: PageContext, e: ZooEntry): string {
  const { t } = ctx;
  const order = lineage();
  const i = order.findIndex((x) => x.id === e.id);
  const prev = order[i - 1];
  const next = order[i + 1];
  const a = (x: ZooEntry, rel: string) => `<a rel="${rel}" href="${esc(ctx.link(modelPath(x.id)))}">${esc(zooTitle(x, ctx.lang))}</a>`;
  const family = order.filter((x) => x.family === e.family && x.id !== e.id);
  const concepts = FAMILY_TEXT[e.family].concepts.map((slug) => `<li><a href="${esc(ctx.link(`concepts/${slug}/index.html`))}">${esc(CONCEPT_TITLES[slug]?.[ctx.lang] ?? slug)}</a></li>`);
  return `<nav class="model-links" aria-labelledby="links-h">
<h2 id="links-h">${t('Where to go next', '接下来')}</h2>
<div class="pager">
<div>${prev ? `${t('Previous in the lineage: ', '谱系中的上一个：')}${a(prev, 'prev')}` : ''}</div>
<div>${next ? `${t('Next in the lineage: ', '谱系中的下一个：')}${a(next, 'next')}` : ''}</div>
</div>
${family.length ? `<p>${t(`Other ${esc(e.family)} versions: `, `${esc(e.family)} 的其他版本：`)}${family.map((x) => `<a href="${esc(ctx.link(modelPath(x.id)))}">${esc(zooTitle(x, ctx.lang))}</a>`).join(t(', ', '、'))}</p>` : ''}
<p>${t('The ideas behind it:', '相关概念：')}</p>
<ul class="related">${concepts.join('')}</ul>
</nav>`;
}

/** Networks whose every printed shape the notes list layer by layer (docs/conventions.md, “Networks the notes print”). */
const NOTES_PRINT_SHAPES = new Set(['lenet5', 'alexnet-mnist', 'googlenet-mini', 'resnet-mini']);

export async function modelBody(ctx: PageContext, e: ZooEntry): Promise<string> {
  const { t } = ctx;
  const ins = modelInsights(e.id, e.build());
  const fam = FAMILY_TEXT[e.family];
  const v = VARIANT_TEXT[e.id];
  if (!v) throw new Error(`models: no text for "${e.id}" in src/site/models/variants.ts; add its label and body (en and zh).`);
  const figure = await graphFigure(ctx, e.id, {
    elementId: GRAPH_ID,
    summary: true,
    height: '72vh',
    caption: t(
      'The live graph: drag to pan, Ctrl + scroll (⌘ on a Mac), pinch or the toolbar to zoom, click a module to expand it, find a layer by path, kind or name in the toolbar. The table under it is the per-layer summary: click a row to show that layer in the graph.',
      '实时绘制的网络图：拖动平移，按住 Ctrl（Mac 上为 ⌘）滚动、双指缩放或用工具栏缩放，点击模块展开，在工具栏里按路径、类型或名称查找层。图下的表格是逐层汇总：点击一行即在图中显示该层。',
    ),
  });
  return `${STYLE}
<p class="crumbs"><a href="${esc(ctx.link('index.html'))}#family-${esc(e.family.toLowerCase())}">${esc(e.family)}</a> · ${esc(String(e.year))}</p>
<h1>${esc(zooTitle(e, ctx.lang))}</h1>
<p class="lead">${esc(fam.origin[ctx.lang])}</p>
${facts(ctx, e, ins)}
<p class="model-code">${copyPytorchControl(ctx, 'copy-pytorch', { model: e.id })}</p>
${figure}

<section id="idea" aria-labelledby="idea-h">
<h2 id="idea-h">${t('The idea', '思路')}</h2>
${fam.idea[ctx.lang]}
<h3>${t('This version', '这个版本')}${t(': ', '：')}${esc(v.label[ctx.lang])}</h3>
${v.body[ctx.lang]}
</section>

<section id="where" aria-labelledby="where-h">
<h2 id="where-h">${t('Where the parameters and the computation live', '参数和计算量在哪里')}</h2>
${whereItLives(ctx, e, ins)}
</section>
${inceptionSection(ctx, ins)}
${gapSection(ctx, ins)}
${residualSection(ctx, ins)}
${notesSection(ctx, ins, notesChecks(e.id), NOTES_PRINT_SHAPES.has(e.id))}
${trainSection(ctx, e, ins)}
${linksSection(ctx, e)}`;
}

export function pages(): SitePage[] {
  return lineage().map((e) => ({
    path: modelPath(e.id),
    section: 'networks' as const,
    title: { en: e.title, zh: e.titleZh },
    description: {
      en: `${e.title}: ${VARIANT_TEXT[e.id]?.label.en ?? e.summary} — drawn live, every parameter and MAC computed, trainable in the page.`,
      zh: `${e.titleZh}：${VARIANT_TEXT[e.id]?.label.zh ?? e.summary}——实时绘制，参数量和乘加次数全部计算得出，可在页面里训练。`,
    },
    scripts: ['model'],
    body: (ctx) => modelBody(ctx, e),
  }));
}
