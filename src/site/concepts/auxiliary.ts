/**
 * concepts/auxiliary/: GoogLeNet's auxiliary classifiers. The analysis marks every layer that
 * does not feed the inference output as auxiliary and totals them apart; this page reads
 * those totals from the zoo's paper GoogLeNet.
 */
import { analyze, type Analysis } from '../../analysis/analyze.js';
import { formatCount, formatInt, formatPercent } from '../../analysis/format.js';
import { zooGraph } from '../../zoo/index.js';
import { graphFigure } from '../shell.js';
import type { Lang } from '../types.js';
import { lossCalc } from './calc/auxiliary.js';
import { esc, tr } from './calc/common.js';
import { calcSection, conceptPage } from './common.js';

export function googlenetPaper(): Analysis {
  return analyze(zooGraph('googlenet-paper') as NonNullable<ReturnType<typeof zooGraph>>);
}

/** The auxiliary heads: top-level modules whose every layer is auxiliary. */
export const auxHeads = (a: Analysis) => a.modules.filter((m) => m.aux && !a.modules.some((o) => o.aux && o !== m && m.path.startsWith(`${o.path}.`)));

export function auxItems(a: Analysis, lang: Lang) {
  const t = tr(lang);
  return [
    { label: t('inference network', '推理网络'), params: a.totals.params - a.totals.auxParams, macs: a.totals.macs },
    ...auxHeads(a).map((m) => ({ label: t(`auxiliary head ${m.path}`, `辅助分类器 ${m.path}`), params: m.params, macs: m.macs ?? 0, note: `${(m.inputShape ?? []).join('×')} → ${(m.outputShape ?? []).join('×')}` })),
  ];
}

export const page = conceptPage(
  'auxiliary',
  [
    'GoogLeNet is 22 layers deep. To give its middle layers a stronger training signal, it attaches two small classifiers to intermediate Inception blocks; their losses are added to the main loss with weight 0.3, and they are thrown away after training.',
    'GoogLeNet 有 22 层深。为了给中间层更强的训练信号，它在两个中间的 Inception 块后接了两个小分类器（辅助输出）；它们的损失以 0.3 的权重加到主损失上，训练结束后就丢弃。',
  ],
  async (ctx) => {
    const t = ctx.t;
    const a = googlenetPaper();
    const heads = auxHeads(a);
    const items = auxItems(a, ctx.lang);
    const rows = heads
      .map((m) => `<tr><th scope="row"><code>${esc(m.path)}</code></th><td>${esc((m.inputShape ?? []).join('×'))} → ${esc((m.outputShape ?? []).join('×'))}</td><td class="num">${formatInt(m.params)}</td><td class="num">${formatInt(m.macs)}</td></tr>`)
      .join('');
    return `<h2>${t('Training only', '只在训练时使用')}</h2>
<p>${t(
      'In PyTorch the heads run only when <code>self.training and self.aux_logits</code>: the forward pass of the training loop returns three outputs, evaluation returns one. The notes (002) compute <code>loss = loss0 + loss1 * 0.3 + loss2 * 0.3</code>:',
      '在 PyTorch 中，辅助分类器只在 <code>self.training and self.aux_logits</code> 时运行：训练时前向传播返回三个输出，评估时只返回一个。笔记（002）中的总损失是 <code>loss = loss0 + loss1 * 0.3 + loss2 * 0.3</code>：',
    )}</p>
${calcSection(ctx, lossCalc, (s) => s.result)}
<h2>${t('Counted apart', '单独统计')}</h2>
<p>${t(
      `The analysis follows the graph backwards from the output: whatever does not lead to it is auxiliary. For the paper’s GoogLeNet (3×224×224, 1000 classes) the heads hold <strong data-value="aux-params">${formatInt(a.totals.auxParams)}</strong> of the <strong>${formatInt(a.totals.params)}</strong> parameters (${formatPercent(a.totals.auxParams, a.totals.params)}) — PyTorch’s <code>sum(p.numel())</code> counts them — but none of the ${formatCount(a.totals.macs)} inference MACs: they cost ${formatInt(a.totals.auxMacs)} MACs, per training image only.`,
      `分析器从输出沿计算图反向追溯：凡是不通向输出的层都是辅助的。论文版 GoogLeNet（3×224×224，1000 类）中，辅助分类器占 <strong>${formatInt(a.totals.params)}</strong> 个参数中的 <strong data-value="aux-params">${formatInt(a.totals.auxParams)}</strong> 个（${formatPercent(a.totals.auxParams, a.totals.params)}）——PyTorch 的 <code>sum(p.numel())</code> 会把它们算进去——但不计入推理的 ${formatCount(a.totals.macs)} 次乘加：它们的 ${formatInt(a.totals.auxMacs)} 次乘加只在训练时、对每张训练图像发生。`,
    )}</p>
<div class="table-wrap" tabindex="0"><table data-value="aux-heads"><thead><tr><th>${t('head', '分类器')}</th><th>${t('shape', '形状')}</th><th class="num">${t('parameters', '参数量')}</th><th class="num">MACs</th></tr></thead><tbody>${rows}</tbody></table></div>
<cnn-compare theme="auto" id="aux-compare" metrics="params macs"></cnn-compare>
<script type="application/json" data-items-for="aux-compare">${JSON.stringify(items).replace(/</g, '\\u003c')}</script>
<p>${t(
      'Most of a head’s parameters are in its first fully connected layer (128×4×4 → 1024), the same pattern as AlexNet’s and VGG’s heads. Later work (Inception v3) found the heads help little early in training and act mostly as regularisers; torchvision’s pretrained GoogLeNet ships without them.',
      '每个辅助分类器的参数大多在它的第一个全连接层（128×4×4 → 1024），与 AlexNet、VGG 的输出层是同一个规律。后来的研究（Inception v3）发现辅助分类器在训练初期作用不大，更多起正则化作用；torchvision 的预训练 GoogLeNet 就不带它们。',
    )}</p>
${await graphFigure(ctx, 'googlenet-paper', { expand: 'none', height: '640px', caption: esc(t('The paper’s GoogLeNet, modules collapsed: the two auxiliary heads branch off after Inception 4a and 4d.', '论文版 GoogLeNet（模块已折叠）：两个辅助分类器分别接在 Inception 4a 和 4d 之后。')) })}`;
  },
);
