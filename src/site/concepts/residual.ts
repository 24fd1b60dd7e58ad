/**
 * concepts/residual/: y = F(x) + x, why it helps, and the shapes the addition needs, around
 * the residual block of ./calc/residual.ts (drawn at build time, then live by `<cnn-graph>`).
 */
import { renderNetworkSVG } from '../../render/pipeline.js';
import { esc } from './calc/common.js';
import { residualCalc, residualGraph } from './calc/residual.js';
import { calcSection, conceptPage } from './common.js';

export const page = conceptPage(
  'residual',
  [
    'A residual block adds its input to its output: y = F(x) + x. The layers only have to learn the correction F, and the gradient gets a path around them, so networks of a hundred layers still train.',
    '残差块把输入加到输出上：y = F(x) + x。中间的层只需学习修正量 F，梯度也多了一条绕过它们的路径，所以上百层的网络也能训练。',
  ],
  async (ctx) => {
    const t = ctx.t;
    const d = residualCalc.defaults;
    const picture = await renderNetworkSVG(residualGraph(d), { locale: ctx.lang });
    return `<h2>${t('Why it helps', '为什么有效')}</h2>
<p>${t(
      'Backpropagation multiplies gradients layer by layer; when they are mostly below 1, a deep stack drives them towards 0 (the vanishing gradient), and adding layers makes a plain network worse, not better. With the shortcut, the derivative of y = F(x) + x with respect to x is ∂F/∂x + 1: the “+ 1” carries the gradient through even when ∂F/∂x is small.',
      '反向传播时梯度逐层相乘；如果大多小于 1，层数一深梯度就趋于 0（梯度消失），普通网络加深反而变差。有了捷径，y = F(x) + x 对 x 的导数是 ∂F/∂x + 1：即使 ∂F/∂x 很小，这个“+ 1”也能把梯度传回去。',
    )}</p>
<h2>${t('The shapes must match', '形状必须一致')}</h2>
<p>${t(
      'The addition is element by element, so F(x) and x must have the same channels, height and width — the notes insist on this. The notes’ block keeps both (3×3 convolutions with padding 1, C → C), so the shortcut is the identity. When a block changes the channels or halves the resolution with stride 2, x must be projected: a 1×1 convolution with the same stride (ResNet’s option B). Change C_out or the stride below with an identity shortcut to see the analysis refuse the addition.',
      '相加是逐元素的，所以 F(x) 和 x 的通道数、高和宽都必须相同——笔记特别强调了这一点。笔记中的残差块两者都保持不变（padding 为 1 的 3×3 卷积，C → C），所以捷径就是恒等映射。当一个块改变通道数，或用步幅 2 把分辨率减半时，x 必须经过投影：一个步幅相同的 1×1 卷积（ResNet 的方案 B）。在下面用恒等捷径并改变 C_out 或步幅，就能看到分析器拒绝这次相加。',
    )}</p>
${calcSection(ctx, residualCalc, (s) => `${s.result}<div class="residual-graph" data-graph-host>${picture}</div>`)}
<p><a href="${esc(ctx.link('models/resnet-mini/index.html'))}">${t('The lecture’s residual network', '课程中的残差网络')}</a> · <a href="${esc(ctx.link('models/torchvision-resnet18/index.html'))}">ResNet-18</a> · <a href="${esc(ctx.link('models/torchvision-resnet50/index.html'))}">ResNet-50</a></p>`;
  },
);
