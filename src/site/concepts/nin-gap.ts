/**
 * concepts/nin-gap/: NiN's blocks (one k×k convolution, two 1×1) read from the analysis of the
 * zoo's NiN, and its head against a fully connected one (./calc/nin-gap.ts) on the feature map
 * the zoo's NiN hands its last block.
 */
import { analyze, type Analysis } from '../../analysis/analyze.js';
import { formatInt, formatPercent } from '../../analysis/format.js';
import { zooGraph } from '../../zoo/index.js';
import { esc } from './calc/common.js';
import { headCalc, headsOn, type HeadParams, type Heads } from './calc/nin-gap.js';
import { calcSection, conceptPage } from './common.js';

export interface NinBlockRow {
  path: string;
  shape: string;
  kxk: number;
  oneByOne: number;
  macsKxk: number;
  macsOneByOne: number;
}

/** Per NiN block of the zoo network: parameters and MACs of its k×k convolution and of its two 1×1 convolutions. */
export function ninBlocks(a: Analysis): NinBlockRow[] {
  const byPath = new Map(a.layers.map((l) => [l.path, l]));
  return a.modules
    .filter((m) => m.depth === 0 && m.layers.some((p) => byPath.get(p)?.kind === 'Conv2d'))
    .map((m) => {
      const convs = m.layers.map((p) => byPath.get(p)).filter((l) => l?.kind === 'Conv2d') as NonNullable<ReturnType<typeof byPath.get>>[];
      const [first, ...rest] = convs;
      return {
        path: m.path,
        shape: `${(m.inputShape ?? []).join('×')} → ${(m.outputShape ?? []).join('×')}`,
        kxk: first.params,
        oneByOne: rest.reduce((s, l) => s + l.params, 0),
        macsKxk: first.macs ?? 0,
        macsOneByOne: rest.reduce((s, l) => s + (l.macs ?? 0), 0),
      };
    });
}

const ninAnalysis = (): Analysis => analyze(zooGraph('nin') as NonNullable<ReturnType<typeof zooGraph>>);

/** The head's parameters on the feature map the zoo NiN's last block receives. */
export function ninHead(hidden: number, a: Analysis = ninAnalysis()): HeadParams {
  const blocks = a.modules.filter((m) => m.depth === 0 && m.type === 'Sequential');
  const [c, h, w] = blocks[blocks.length - 1].inputShape as readonly number[];
  return { hidden, c, h, w, classes: (a.output as readonly number[])[0] };
}

/** Both heads on the zoo NiN's feature map. */
export const heads = (hidden: number): Heads => headsOn(ninHead(hidden));

export const page = conceptPage(
  'nin-gap',
  [
    'Network in Network (2013) made two changes that later networks kept: a small fully connected network at every pixel, written as 1×1 convolutions, and no fully connected layers at the end — global average pooling instead.',
    'Network in Network（NiN，2013）提出了两个被后来的网络沿用的设计：在每个像素上放一个小的全连接网络（用 1×1 卷积实现），以及去掉末尾的全连接层，改用全局平均池化。',
  ],
  (ctx) => {
    const t = ctx.t;
    const a = ninAnalysis();
    const rows = ninBlocks(a);
    const total = a.totals.params;
    const body = rows
      .map(
        (r) =>
          `<tr><th scope="row"><code>${esc(r.path)}</code></th><td>${esc(r.shape)}</td><td class="num">${formatInt(r.kxk)}</td><td class="num">${formatInt(r.oneByOne)}</td><td class="num">${formatPercent(r.kxk + r.oneByOne, total)}</td><td class="num">${formatInt(r.macsKxk)}</td><td class="num">${formatInt(r.macsOneByOne)}</td></tr>`,
      )
      .join('');
    return `<h2>${t('NiN blocks', 'NiN 块')}</h2>
<p>${t(
      'A NiN block is one ordinary k×k convolution followed by two 1×1 convolutions, each with a ReLU. The 1×1 layers act like a fully connected layer applied at every pixel across the channels, adding non-linearity at almost no cost. In the NiN of the notes (004), computed:',
      'NiN 块由一个普通的 k×k 卷积和两个 1×1 卷积组成，每个后面都有 ReLU。1×1 卷积相当于在每个像素上跨通道做一次全连接，几乎不增加计算量就增加了非线性。笔记（004）中的 NiN，计算结果如下：',
    )}</p>
<div class="table-wrap" tabindex="0"><table data-value="nin-blocks"><thead><tr><th>${t('block', '块')}</th><th>${t('shape', '形状')}</th><th class="num">${t('k×k params', 'k×k 参数')}</th><th class="num">${t('1×1 params', '1×1 参数')}</th><th class="num">${t('share of all params', '占总参数')}</th><th class="num">${t('k×k MACs', 'k×k 乘加')}</th><th class="num">${t('1×1 MACs', '1×1 乘加')}</th></tr></thead><tbody>${body}</tbody></table></div>
<p>${t(`The whole network: ${formatInt(total)} parameters.`, `整个网络：${formatInt(total)} 个参数。`)} <a href="${esc(ctx.link('models/nin/index.html'))}">${t('NiN’s page', 'NiN 页面')}</a> · <a href="${esc(ctx.link('concepts/one-by-one/index.html'))}">${t('the 1×1 convolution', '1×1 卷积')}</a></p>
<h2>${t('Global average pooling instead of fully connected layers', '用全局平均池化代替全连接层')}</h2>
<p>${t(
      'AlexNet and VGG end with fully connected layers, and that is where most of their parameters are (the first one alone holds most of VGG’s). NiN’s last block outputs one channel per class, and global average pooling averages each channel to one number: those are the class scores. Nothing to learn in the pooling, and less to overfit.',
      'AlexNet 和 VGG 以全连接层结尾，大部分参数都在这里（VGG 的参数大多来自第一个全连接层）。NiN 的最后一个块输出的通道数等于类别数，全局平均池化把每个通道平均成一个数，就是类别分数。池化本身没有要学习的参数，也就不容易过拟合。',
    )}</p>
${calcSection(ctx, headCalc, (s) => `${s.result}<cnn-compare theme="auto" metrics="params macs"></cnn-compare>`, ninHead(headCalc.defaults.hidden, a))}
<p>${t(
      'GoogLeNet kept the idea with one change: after the global average pooling it still has one fully connected layer to the classes, which the notes (002) remark on — the pooling does the reduction, the last linear layer only maps features to classes.',
      'GoogLeNet 沿用了这个思路，只改了一点：全局平均池化之后仍保留一个全连接层输出类别，笔记（002）对此也有讨论——降维由池化完成，最后的线性层只负责把特征映射到类别。',
    )}</p>`;
  },
);
