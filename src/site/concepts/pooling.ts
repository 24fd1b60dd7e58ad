/**
 * concepts/pooling/: max and average pooling, count_include_pad, ceil_mode and adaptive
 * pooling around the two calculators of ./calc/pooling.ts.
 */
import { esc } from './calc/common.js';
import { adaptiveCalc, poolCalc } from './calc/pooling.js';
import { calcSection, conceptPage } from './common.js';

export const page = conceptPage(
  'pooling',
  [
    'Pooling summarises each window of a feature map by one number: its largest value or its average. It has nothing to learn, shrinks the height and width, and keeps the channels.',
    '汇聚（池化）用一个数概括特征图的每个窗口：最大值或平均值。它没有要学习的参数，只缩小高和宽，不改变通道数 C。',
  ],
  (ctx) => {
    const t = ctx.t;
    const os = esc(ctx.link('concepts/output-size/index.html'));
    return `<p>${t(
      `The output size follows the same sliding-window rule as a convolution (see <a href="${os}">output size</a>); in PyTorch the stride defaults to the kernel size, so 2×2 windows with stride 2 halve H and W. The notes write <code>OH = H/S</code>, which holds when the windows tile the input exactly.`,
      `输出尺寸与卷积遵循同样的滑动窗口规则（见<a href="${os}">输出尺寸</a>）；PyTorch 中步幅默认等于窗口大小，所以步幅为 2 的 2×2 窗口把 H 和 W 减半。笔记写作 <code>OH = H/S</code>，在窗口恰好铺满输入时成立。`,
    )}</p>
${calcSection(ctx, poolCalc, (s) => `${s.result}${s.tables}`)}
<h2>count_include_pad</h2>
<p>${t(
      'Average pooling with padding must decide what to divide by at the edges. PyTorch’s default (<code>count_include_pad=True</code>) divides by the whole window, zeros included; <code>False</code> divides by the number of real input values in it. A window that ceil_mode lets hang past the padding never counts the overhang. Max pooling is unaffected: padding is −∞.',
      '带填充的平均汇聚在边缘要决定除以多少。PyTorch 默认（<code>count_include_pad=True</code>）除以整个窗口的大小，填充的 0 也算；设为 <code>False</code> 时只除以窗口内真实输入值的个数。ceil_mode 让窗口伸出填充之外的部分，任何时候都不计入。最大值汇聚不受影响：填充是 −∞。',
    )}</p>
<h2>${t('Adaptive pooling', '自适应汇聚')}</h2>
<p>${t(
      '<code>AdaptiveAvgPool2d(n)</code> takes the output size instead of the window: window i covers rows ⌊i·H/n⌋ to ⌈(i+1)·H/n⌉, so windows may differ in size and overlap. With n = 1 it is global average pooling, which NiN and GoogLeNet use instead of fully connected layers.',
      '<code>AdaptiveAvgPool2d(n)</code> 指定的是输出尺寸而不是窗口：第 i 个窗口覆盖 ⌊i·H/n⌋ 到 ⌈(i+1)·H/n⌉ 行，所以窗口大小可能不同，也可能重叠。n = 1 时就是全局平均池化，NiN 和 GoogLeNet 用它代替全连接层。',
    )}</p>
${calcSection(ctx, adaptiveCalc, (s) => s.windows)}
<p><a href="${esc(ctx.link('concepts/nin-gap/index.html'))}">${t('Global average pooling against fully connected layers', '全局平均池化与全连接层的对比')}</a></p>`;
  },
);
