/**
 * The home page: the lineage LeNet-5 → AlexNet → VGG → NiN → GoogLeNet → ResNet, then torchvision's
 * later families by year (Inception-v3 → … → MobileNet → ShuffleNet → MnasNet → EfficientNet → RegNet → ConvNeXt). Every zoo
 * network as a live thumbnail (collapsed, precomputed layout) linking to its page, and a chart of
 * parameters against MACs on log scales (client script `home`, d3) whose numbers come from
 * `analyze()` at build time, embedded as JSON and repeated in a table for readers without the chart.
 */
import { analyze } from '../../analysis/analyze.js';
import { formatCount, formatInt } from '../../analysis/format.js';
import { type Family, ZOO, type ZooEntry } from '../../zoo/index.js';
import { esc, graphFigure } from '../shell.js';
import type { Lang, PageContext, SitePage } from '../types.js';

/** The notes' lineage, in order, then torchvision's later families by year. */
export const FAMILIES: readonly Family[] = ['LeNet', 'AlexNet', 'VGG', 'NiN', 'GoogLeNet', 'ResNet', 'Inception', 'SqueezeNet', 'WideResNet', 'DenseNet', 'ResNeXt', 'MobileNet', 'ShuffleNet', 'MnasNet', 'EfficientNet', 'RegNet', 'ConvNeXt'];

const FAMILY_TEXT: Record<Family, Record<Lang, string>> = {
  LeNet: {
    en: 'Convolution, pooling, then fully connected layers: the pattern every later network keeps.',
    zh: '卷积、池化，再接全连接层：之后的网络都沿用了这个骨架。',
  },
  AlexNet: {
    en: 'LeNet made deep and wide for ImageNet: ReLU, dropout, and most of the parameters in the fully connected layers.',
    zh: '为 ImageNet 放大加深的 LeNet：ReLU、Dropout，参数大多在全连接层。',
  },
  VGG: {
    en: 'Blocks of 3×3 convolutions: two stacked 3×3 see what one 5×5 sees with fewer parameters.',
    zh: '由 3×3 卷积组成的块：两层 3×3 的感受野等于一层 5×5，参数更少。',
  },
  NiN: {
    en: '1×1 convolutions after each convolution, and global average pooling instead of fully connected layers.',
    zh: '每个卷积后接 1×1 卷积，用全局平均池化取代全连接层。',
  },
  GoogLeNet: {
    en: 'Inception blocks: parallel 1×1, 3×3, 5×5 and pooling branches, with 1×1 reductions to keep the cost down.',
    zh: 'Inception 块：1×1、3×3、5×5 和池化四路并行，用 1×1 卷积降维控制计算量。',
  },
  ResNet: {
    en: 'Residual connections: each block learns a correction added to its input, so very deep networks still train.',
    zh: '残差连接：每个块学习加到输入上的修正量，很深的网络也能训练。',
  },
  Inception: {
    en: 'Factorised Inception modules: 5×5 as two 3×3, n×n as 1×n then n×1, reduction blocks that convolve and pool side by side.',
    zh: '分解的 Inception 模块：5×5 拆成两个 3×3，n×n 拆成 1×n 加 n×1，缩减块里卷积与汇聚并行。',
  },
  SqueezeNet: {
    en: 'Fire modules: a 1×1 squeeze to few channels, then 1×1 and 3×3 expand side by side; AlexNet’s accuracy with about 50× fewer parameters.',
    zh: 'Fire 模块：先用 1×1 卷积压缩到少量通道，再让 1×1 和 3×3 并行扩展；以约五十分之一的参数达到 AlexNet 的准确率。',
  },
  WideResNet: {
    en: 'Wide residual networks: fewer, wider blocks instead of ever more depth; here ResNet-50 with bottlenecks twice as wide.',
    zh: '宽残差网络：用更少、更宽的块代替一味加深；这里是瓶颈块宽一倍的 ResNet-50。',
  },
  DenseNet: {
    en: 'Dense connections: each layer reads the concatenation of every earlier layer in its block and adds a few channels.',
    zh: '稠密连接：每层读入块内前面所有层输出的拼接，只新增少量通道。',
  },
  ResNeXt: {
    en: 'Grouped convolutions: the bottleneck’s 3×3 split into 32 parallel paths; cardinality as a new dimension beside depth and width.',
    zh: '分组卷积：把瓶颈块的 3×3 卷积拆成 32 条并行路径；基数成为深度和宽度之外的新维度。',
  },
  RegNet: {
    en: 'A design space instead of a design: stage widths and depths from a quantised linear rule with four parameters.',
    zh: '设计“设计空间”而不是单个网络：各阶段的宽度和深度由四个参数的量化线性规则给出。',
  },
  ShuffleNet: {
    en: 'Channel split and shuffle: half the channels pass untouched, the other half go through a cheap depthwise branch, and a shuffle mixes them for the next unit.',
    zh: '通道拆分与通道混洗：一半通道原样通过，另一半经过廉价的深度卷积分支，再由混洗把两半交给下一个单元。',
  },
  ConvNeXt: {
    en: 'A ResNet modernised with a Transformer’s habits: a patchify stem, depthwise 7×7, an inverted bottleneck, LayerNorm, GELU, layer scale, fewer activations.',
    zh: '用 Transformer 的习惯改造的 ResNet：“切块”起始层、7×7 深度卷积、倒瓶颈、LayerNorm、GELU、层缩放，以及更少的激活函数。',
  },
  MobileNet: {
    en: 'Depthwise separable convolutions in inverted residuals with linear bottlenecks (v2); squeeze-and-excitation and hard-swish, found by search (v3).',
    zh: '深度可分离卷积组成的倒残差块和线性瓶颈（v2）；由搜索得到、加入挤压-激励和 hard-swish 的 v3。',
  },
  MnasNet: {
    en: 'Mobile blocks found by neural architecture search, each stage its own, rewarded for accuracy and measured phone latency.',
    zh: '用神经架构搜索找到的移动端块，每个阶段各不相同，奖励准确率与实测的手机延迟。',
  },
  EfficientNet: {
    en: 'Compound scaling: depth, width and resolution grown together from a searched base network (B0).',
    zh: '复合缩放：从搜索得到的基础网络（B0）出发，同时增加深度、宽度和分辨率。',
  },
};

export interface LineagePoint {
  id: string;
  title: string;
  family: Family;
  year: number;
  input: string;
  params: number;
  macs: number;
  /** Link from the page that embeds the data. */
  href: string;
  /** Whether it is one of the notes' own networks (course datasets) rather than the ImageNet-scale original. */
  notes: boolean;
}

/** A zoo network's title in the page's language (the zoo's own `titleZh` on zh pages: 'VGG-11（笔记）'). */
export function zooTitle(e: Pick<ZooEntry, 'title' | 'titleZh'>, lang: Lang): string {
  return lang === 'zh' ? e.titleZh : e.title;
}

/** The chart's data: every zoo network's totals from the analysis. */
export function lineage(ctx: PageContext): LineagePoint[] {
  return ZOO.map((e) => {
    const a = analyze(e.build());
    return {
      id: e.id,
      title: zooTitle(e, ctx.lang),
      family: e.family,
      year: e.year,
      input: a.input.join('×'),
      params: a.totals.params,
      macs: a.totals.macs,
      href: ctx.link(`models/${e.id}/index.html`),
      notes: !/^torchvision|paper$/.test(e.id),
    };
  });
}

/** JSON inside a `<script type="application/json">`: `<` escaped so no string can close the tag. */
export function jsonScript(id: string, data: unknown): string {
  return `<script type="application/json" id="${esc(id)}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

async function body(ctx: PageContext): Promise<string> {
  const { t } = ctx;
  const points = lineage(ctx);
  const cards: string[] = [];
  for (const f of FAMILIES) {
    for (const e of ZOO.filter((x) => x.family === f)) {
      const p = points.find((x) => x.id === e.id) as LineagePoint;
      const fig = await graphFigure(ctx, e.id, { expand: 'none', toolbar: false, annotations: '', height: '240px', bare: true, elementId: `thumb-${e.id}` });
      cards.push(`<li class="card thumb" data-family="${esc(f)}">
<p class="thumb-family"><span class="swatch" data-family="${esc(f)}"></span>${esc(f)} · ${e.year}</p>
<h3><a href="${esc(p.href)}">${esc(p.title)}</a></h3>
<div class="thumb-graph" inert>${fig}</div>
<p class="num">${t('params', '参数')} <b>${formatCount(p.params)}</b> · MACs <b>${formatCount(p.macs)}</b> · ${esc(p.input)}</p>
</li>`);
    }
  }
  const steps = FAMILIES.map((f) => {
    const first = ZOO.filter((e) => e.family === f);
    const year = Math.min(...first.map((e) => e.year));
    // `#family-<name>` is where the model pages' family links land.
    return `<li id="family-${f.toLowerCase()}" data-family="${esc(f)}"><b><span class="swatch" data-family="${esc(f)}"></span>${esc(f)} <span class="step-year">${year}</span></b><span class="step-text">${esc(FAMILY_TEXT[f][ctx.lang])}</span></li>`;
  });
  const rows = [...points]
    .sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || a.params - b.params)
    .map((p) => `<tr><th scope="row"><a href="${esc(p.href)}">${esc(p.title)}</a></th><td>${esc(p.family)}</td><td class="num">${esc(p.input)}</td><td class="num">${formatInt(p.params)}</td><td class="num">${formatInt(p.macs)}</td></tr>`)
    .join('\n');
  const labels = {
    title: t('Parameters versus MACs of every network', '各网络的参数量与乘加次数'),
    desc: t(
      'Log–log scatter plot: one point per network, parameters on the horizontal axis, multiply–accumulate operations (MACs) of one forward pass on the vertical axis, coloured by family. Points with the same counts sit side by side; a name with no room beside its point is left off (its point still names it on hover and to screen readers). The table below lists the same numbers.',
      '双对数散点图：每个网络一个点，横轴为参数量，纵轴为一次前向传播的乘加次数（MACs），颜色区分网络家族。数字相同的点并排放置；点旁放不下的名字不显示（悬停或读屏时仍会给出）。下表列出相同的数字。',
    ),
    x: t('parameters', '参数量'),
    y: t('MACs per image', '每张图的 MACs'),
    notes: t('the notes’ version (course dataset)', '讲义中的版本（课程数据集）'),
    imagenet: t('ImageNet scale (paper or torchvision)', 'ImageNet 规模（论文或 torchvision）'),
  };
  return `<div class="hero">
<h1>${t('Every network of the notes, drawn and computed', '讲义里的每个网络：画出来，算清楚')}</h1>
<p class="lead">${t(
    'LeNet-5 → AlexNet → VGG → NiN → GoogLeNet → ResNet, then the families torchvision added after them: Inception-v3, SqueezeNet, Wide ResNet, DenseNet, ResNeXt, the mobile networks (MobileNet, ShuffleNet v2, MnasNet, EfficientNet), RegNet and ConvNeXt. Each network is drawn from its PyTorch definition, and every shape, parameter count and multiply–accumulate (MAC) on these pages is computed with PyTorch’s rules — nothing typed in by hand.',
    'LeNet-5 → AlexNet → VGG → NiN → GoogLeNet → ResNet，以及 torchvision 在它们之后收录的家族：Inception-v3、SqueezeNet、Wide ResNet、DenseNet、ResNeXt、移动端网络（MobileNet、ShuffleNet v2、MnasNet、EfficientNet）、RegNet 和 ConvNeXt。每个网络都按 PyTorch 定义绘制，页面上的每个形状、参数量和乘加次数（MACs）都按 PyTorch 的规则计算，没有一个是手填的。',
  )}</p>
</div>

<section id="chart" aria-labelledby="chart-h">
<h2 id="chart-h">${t('Parameters and computation', '参数量与计算量')}</h2>
<p>${t(
    'Where each network sits: parameters (memory) to the right, multiply–accumulates per image (time) upwards, both on log scales. NiN and GoogLeNet do more work per parameter than AlexNet and VGG, whose parameters sit in the fully connected layers. Click a point to open its page.',
    '每个网络的位置：越往右参数越多（占内存），越往上每张图的乘加越多（耗时间），两轴都取对数。NiN 和 GoogLeNet 每个参数承担的计算比 AlexNet、VGG 多得多——后两者的参数大多在全连接层。点击一个点可打开它的页面。',
  )}</p>
<figure class="lineage-chart" id="lineage-chart" data-labels="${esc(JSON.stringify(labels))}">
<div class="chart-box" aria-hidden="false"></div>
<figcaption>${t('Circles: the notes’ versions (MNIST / Fashion-MNIST inputs). Diamonds: ImageNet-scale originals (3×224×224; Inception-v3 3×299×299).', '圆点：讲义中的版本（MNIST / Fashion-MNIST 输入）。菱形：ImageNet 规模的原版（3×224×224；Inception-v3 为 3×299×299）。')}</figcaption>
</figure>
${jsonScript('lineage-data', points)}
<details class="table-details">
<summary>${t('The numbers as a table', '以表格查看这些数字')}</summary>
<div class="table-wrap" tabindex="0">
<table class="lineage-table">
<caption>${esc(labels.title)}</caption>
<thead><tr><th scope="col">${t('Network', '网络')}</th><th scope="col">${t('Family', '家族')}</th><th scope="col" class="num">${t('Input', '输入')}</th><th scope="col" class="num">${t('Parameters', '参数量')}</th><th scope="col" class="num">MACs</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</details>
</section>

<section id="networks" aria-labelledby="networks-h">
<h2 id="networks-h">${t('The networks', '网络一览')}</h2>
<ol class="lineage-steps">
${steps.join('\n')}
</ol>
<p>${t('Each thumbnail is the live graph with its modules collapsed; open a network to expand it, read its story and train it in the page.', '每个缩略图都是实时绘制的网络图（模块已折叠）；打开网络页面可以展开模块、阅读来历并在页面里训练。')}</p>
<ul class="grid thumbs">
${cards.join('\n')}
</ul>
</section>`;
}

export const pages: SitePage[] = [
  {
    path: 'index.html',
    title: { en: 'Every network of the notes', zh: '讲义里的每个网络' },
    description: {
      en: 'LeNet-5 to ResNet drawn from their PyTorch definitions, with every shape, parameter and MAC computed, in English and Chinese.',
      zh: '从 LeNet-5 到 ResNet，按 PyTorch 定义绘制，每个形状、参数量和乘加次数都经计算得出。',
    },
    scripts: ['home'],
    body,
  },
];
