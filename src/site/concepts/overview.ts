/** concepts/index.html: the overview, one card per concept in reading order. */
import type { PageContext, SitePage } from '../types.js';
import { esc } from './calc/common.js';
import { CONCEPTS, conceptPath, STYLE } from './common.js';

export const page: SitePage = {
  path: conceptPath(''),
  section: 'concepts',
  title: { en: 'Concepts', zh: '概念' },
  description: { en: 'The ideas behind the networks, each with a calculator driven by the analysis.', zh: '这些网络背后的概念，每个都配有由分析器驱动的交互计算。' },
  body(ctx: PageContext) {
    const t = ctx.t;
    const cards = CONCEPTS.map(
      (c, i) => `<li class="card"><h2><a href="${esc(ctx.link(conceptPath(c.slug)))}">${i + 1}. ${esc(c.title[ctx.lang])}</a></h2><p>${esc(c.description[ctx.lang])}</p></li>`,
    ).join('\n');
    return `${STYLE}<h1>${t('Concepts', '概念')}</h1>
<p class="lead">${t(
      'The handful of ideas the networks are built from, in the order the notes meet them. Every page has something to change and a number that follows: computed with PyTorch’s rules by the same analysis that draws the networks, never typed in.',
      '构成这些网络的几个核心概念，按笔记中出现的顺序排列。每一页都有可以修改的输入和随之变化的数字：它们由绘制网络的同一个分析器按 PyTorch 的规则算出，而不是手写的。',
    )}</p>
<ol class="grid" style="list-style:none">
${cards}
</ol>
<p>${t('Then see them in the networks:', '然后在网络中看看它们：')} <a href="${esc(ctx.link('index.html'))}">LeNet-5 → AlexNet → VGG → NiN → GoogLeNet → ResNet</a>.</p>`;
  },
};
