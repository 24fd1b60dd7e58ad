/**
 * concepts/output-size/: the sliding-window calculator (./calc/output-size.ts) and what the
 * notes' formula leaves out: dilation, rounding, ceil_mode, and when PyTorch refuses.
 */
import { outputSize, outputSizeCalc } from './calc/output-size.js';
import { esc } from './calc/common.js';
import { calcSection, conceptPage } from './common.js';

export const page = conceptPage(
  'output-size',
  [
    'A convolution or a pooling layer slides a window over its input. How many places the window fits decides the output size; this page computes it the way PyTorch does, for any numbers you type.',
    '卷积层和汇聚层都是让一个窗口在输入上滑动。窗口能放下多少个位置，就决定了输出尺寸。本页按 PyTorch 的规则，对你输入的任何数字算出结果。',
  ],
  (ctx) => {
    const t = ctx.t;
    // AlexNet's conv1 in the notes (001 table 3-1).
    const alex = outputSize({ layer: 'conv', h: 224, k: 11, p: 1, s: 4, d: 1, ceil: false });
    return `<h2>${t('The formula', '公式')}</h2>
<p>${t(
      'Pad the input with P zeros on each side, so it is H + 2P long. A kernel of K taps spaced D apart (dilation) spans D(K−1)+1 positions. The window starts at 0 and moves S at a time (stride) as long as it stays inside the padded input:',
      '先在输入两侧各填充 P 个 0，长度变为 H + 2P。K 个抽头、间隔为 D（空洞）的卷积核覆盖 D(K−1)+1 个位置。窗口从 0 开始，每次移动 S（步幅），只要还在填充后的输入之内就继续：',
    )}</p>
<p><code class="formula">OH = ⌊(H + 2P − D(K−1) − 1) / S⌋ + 1</code></p>
<p>${t(
      'The notes write <code>OH = (H + 2P − FH)/S + 1</code>: the same thing when D = 1 and the division comes out whole. When it does not, PyTorch rounds down: the last partial window is not used. Height and width are computed separately with the same rule.',
      '笔记写作 <code>OH = (H + 2P − FH)/S + 1</code>：当 D = 1 且能整除时两者相同；不能整除时，PyTorch 向下取整，最后那个不完整的窗口不算。高和宽用同样的规则分别计算。',
    )}</p>
${calcSection(ctx, outputSizeCalc, (s) => `${s.result}${s.notes}<h3>${t('The windows along H', '沿 H 方向的窗口')}</h3>${s.picture}<p class="muted">${t('Hatched: padding. Each row is one output position; filled squares are the positions the kernel reads.', '斜线格：填充。每一行是一个输出位置，实心方块是卷积核读取的位置。')}</p>`)}
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
<p>${t('In the networks:', '在网络中：')} <a href="${esc(ctx.link('models/alexnet-mnist/index.html'))}">AlexNet</a> ${t(`(11×11/4 with padding 1 on 224: ${alex.notes} rounds down to ${alex.out})`, `（输入 224，11×11/4、填充 1：${alex.notes} 向下取整为 ${alex.out}）`)}, <a href="${esc(ctx.link('models/googlenet-paper/index.html'))}">GoogLeNet</a> ${t('(ceil_mode pools)', '（ceil_mode 汇聚）')}.</p>`;
  },
);
