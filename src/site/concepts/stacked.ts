/**
 * concepts/stacked-3x3/: n stacked 3×3 convolutions against one (2n+1)×(2n+1), with the
 * calculator of ./calc/stacked.ts.
 */
import { esc } from './calc/common.js';
import { perC2, stackCalc, stackOf } from './calc/stacked.js';
import { calcSection, compareTag, conceptPage } from './common.js';

export const page = conceptPage(
  'stacked-3x3',
  [
    'VGG replaced AlexNet’s 11×11, 7×7 and 5×5 kernels by stacks of 3×3 convolutions. A stack sees as far as one large kernel, costs less, and puts a non-linearity after every layer.',
    'VGG 用连续的 3×3 卷积代替了 AlexNet 中 11×11、7×7、5×5 这样的大卷积核。堆叠的小卷积核与一个大卷积核感受野相同，代价更小，而且每一层后面都有一次非线性激活。',
  ],
  (ctx) => {
    const t = ctx.t;
    const d = stackCalc.defaults;
    const three = stackOf({ c: 1, n: 3, h: 56 });
    const [a, b] = perC2(three, 1);
    return `<h2>${t('Same receptive field', '感受野相同')}</h2>
<p>${t(
      'The receptive field of an output is the part of the input it depends on. One 3×3 convolution (stride 1) sees 3×3; a second one on top sees 3×3 of the first’s outputs, which together cover 5×5 of the input; a third covers 7×7. In general n stacked 3×3 see (2n+1)×(2n+1).',
      '感受野是一个输出所依赖的那部分输入。一个步幅为 1 的 3×3 卷积看到 3×3；在它上面再叠一个 3×3，看到的是前一层 3×3 个输出，合起来覆盖输入的 5×5；叠三个覆盖 7×7。一般地，n 个堆叠的 3×3 卷积的感受野是 (2n+1)×(2n+1)。',
    )}</p>
<h2>${t('Fewer parameters', '参数更少')}</h2>
<p>${t(
      `With C channels in and out (no bias), three 3×3 layers have 3 × 9 × C² = <strong>${b}C²</strong> weights; one 7×7 has <strong>${a}C²</strong>. The notes (004) give the same numbers. Per output position the MACs are in the same ratio.`,
      `输入输出都是 C 个通道（不含偏置）时，三层 3×3 共有 3 × 9 × C² = <strong>${b}C²</strong> 个权重，一层 7×7 有 <strong>${a}C²</strong> 个。笔记（004）给出的也是这两个数。每个输出位置的乘加次数也是同样的比例。`,
    )}</p>
${calcSection(ctx, stackCalc, (s) => `${s.result}${compareTag({ kind: 'stack', ...d })}`)}
<p>${t(
      'The saving grows with n: n·9 against (2n+1)², linear against quadratic. The price is depth: more layers to run one after another, and activations to keep for each of them during training.',
      'n 越大省得越多：n·9 对 (2n+1)²，一个线性增长，一个平方增长。代价是深度：更多层要依次计算，训练时每一层的激活值都要保存。',
    )} <a href="${esc(ctx.link('models/vgg11/index.html'))}">VGG-11</a> · <a href="${esc(ctx.link('models/torchvision-vgg16/index.html'))}">VGG-16</a></p>`;
  },
);
