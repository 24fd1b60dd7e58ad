/**
 * concepts/residual/: a residual block built as a graph object (conv–ReLU–conv plus a shortcut,
 * then Add and ReLU), analysed, and drawn live by `<cnn-graph>`. A shortcut whose shape does not
 * match is the analysis's `add-mismatch` diagnostic, shown as it is.
 */
import { analyze, type Analysis } from '../../analysis/analyze.js';
import { formatInt } from '../../analysis/format.js';
import { GraphBuilder } from '../../graph/builder.js';
import { Add, Conv2d, ReLU } from '../../graph/layers.js';
import type { Graph } from '../../graph/types.js';
import type { PageContext } from '../types.js';
import { calcSection, conceptPage, esc, head, intOf, numField, pager, problems, selectField, tr, type Calculator, type FormValues } from './common.js';

export interface ResidualParams {
  cin: number;
  cout: number;
  stride: number;
  h: number;
  shortcut: 'identity' | 'projection';
}

/** The notes' ResidualBlock generalised: conv3×3(stride)–ReLU–conv3×3, plus x or a 1×1 projection of x, then ReLU. */
export function residualGraph(p: ResidualParams): Graph {
  const b = new GraphBuilder('residual-block', [p.cin, p.h, p.h], 'Residual block');
  const out = b.module('block', 'ResidualBlock', (m) => {
    const y1 = m.layer('conv1', Conv2d(p.cin, p.cout, 3, { stride: p.stride, padding: 1 }), b.input);
    const y2 = m.layer('conv2', Conv2d(p.cout, p.cout, 3, { padding: 1 }), m.layer('relu1', ReLU(), y1));
    const sc = p.shortcut === 'projection' ? m.layer('shortcut', Conv2d(p.cin, p.cout, 1, { stride: p.stride }), b.input) : b.input;
    return m.fn('relu2', ReLU(), m.fn('add', Add(), [y2, sc]));
  });
  return b.build(out);
}

export function residual(p: ResidualParams): { graph: Graph; analysis: Analysis } {
  const graph = residualGraph(p);
  return { graph, analysis: analyze(graph) };
}

export const residualCalc: Calculator<ResidualParams> = {
  id: 'residual',
  defaults: { cin: 64, cout: 128, stride: 2, h: 56, shortcut: 'projection' },
  read: (v: FormValues) => ({ cin: intOf(v, 'cin', 64), cout: intOf(v, 'cout', 128), stride: intOf(v, 'stride', 1), h: intOf(v, 'h', 56), shortcut: v.shortcut === 'identity' ? 'identity' : 'projection' }),
  render(p, lang) {
    const t = tr(lang);
    const { analysis: a } = residual(p);
    const add = a.layers.find((l) => l.kind === 'Add');
    const sc = a.layers.find((l) => l.path === 'block.shortcut');
    const shapes = add ? add.inputShapes.map((s) => (s ? s.join('×') : '?')) : [];
    const head = add
      ? `<p class="calc-result">${t('Add receives', 'Add 的两个输入')} <span class="big" data-value="add-inputs">${shapes.join(' + ')}</span></p>`
      : '';
    if (!a.ok) return { result: head + problems(a.diagnostics, t) };
    return {
      result: `${head}<p>${t(
        `The shapes match: the block outputs ${(a.output ?? []).join('×')}. Parameters: <strong data-value="params">${formatInt(a.totals.params)}</strong>${sc ? `, of which the projection shortcut has ${formatInt(sc.params)} (<code>${esc(sc.weights.map((w) => w.shape.join('×')).join(' + '))}</code>)` : ', the identity shortcut none'}. MACs: ${formatInt(a.totals.macs)}.`,
        `形状一致：该块输出 ${(a.output ?? []).join('×')}。参数量：<strong data-value="params">${formatInt(a.totals.params)}</strong>${sc ? `，其中投影捷径占 ${formatInt(sc.params)}（<code>${esc(sc.weights.map((w) => w.shape.join('×')).join(' + '))}</code>）` : '，恒等捷径没有参数'}。乘加次数：${formatInt(a.totals.macs)}。`,
      )}</p>`,
    };
  },
  drive(root, p) {
    // The build put a static picture of the default block here; the live element replaces it.
    const host = root.querySelector('[data-graph-host]');
    if (!host) return;
    let el = host.querySelector('cnn-graph');
    if (!el) {
      el = document.createElement('cnn-graph');
      el.id = 'residual-graph';
      el.setAttribute('theme', 'auto');
      el.setAttribute('toolbar', '');
      (el as unknown as { graph: Graph | null }).graph = residualGraph(p);
      // Keep the build-time picture until the element has drawn (the layout worker takes a moment to start).
      el.classList.add('pending');
      el.addEventListener('cnn-layout', () => {
        host.querySelectorAll(':scope > svg').forEach((s) => s.remove());
        el?.classList.remove('pending');
      }, { once: true });
      host.append(el);
      return;
    }
    (el as unknown as { graph: Graph | null }).graph = residualGraph(p);
  },
};

export const page = conceptPage('residual', async (ctx: PageContext) => {
  const t = ctx.t;
  const d = residualCalc.defaults;
  // Build time only (elk in Node); the browser draws with the element.
  const { renderNetworkSVG } = await import('../../ui/render/pipeline.js');
  const picture = await renderNetworkSVG(residualGraph(d));
  const fields = [
    numField('cin', 'C_in', d.cin, { min: 1, max: 2048 }),
    numField('cout', 'C_out', d.cout, { min: 1, max: 2048 }),
    numField('stride', t('Stride', '步幅'), d.stride, { min: 1, max: 4 }),
    numField('h', t('Input H (= W)', '输入 H（= W）'), d.h, { min: 1, max: 512 }),
    selectField('shortcut', t('Shortcut', '捷径'), d.shortcut, [
      ['identity', t('identity (x)', '恒等（x）')],
      ['projection', t('projection (1×1 conv)', '投影（1×1 卷积）')],
    ]),
  ].join('');
  return `${head(
    ctx,
    'residual',
    t(
      'A residual block adds its input to its output: y = F(x) + x. The layers only have to learn the correction F, and the gradient gets a path around them, so networks of a hundred layers still train.',
      '残差块把输入加到输出上：y = F(x) + x。中间的层只需学习修正量 F，梯度也多了一条绕过它们的路径，所以上百层的网络也能训练。',
    ),
  )}
<h2>${t('Why it helps', '为什么有效')}</h2>
<p>${t(
    'Backpropagation multiplies gradients layer by layer; when they are mostly below 1, a deep stack drives them towards 0 (the vanishing gradient), and adding layers makes a plain network worse, not better. With the shortcut, the derivative of y = F(x) + x with respect to x is ∂F/∂x + 1: the “+ 1” carries the gradient through even when ∂F/∂x is small.',
    '反向传播时梯度逐层相乘；如果大多小于 1，层数一深梯度就趋于 0（梯度消失），普通网络加深反而变差。有了捷径，y = F(x) + x 对 x 的导数是 ∂F/∂x + 1：即使 ∂F/∂x 很小，这个“+ 1”也能把梯度传回去。',
  )}</p>
<h2>${t('The shapes must match', '形状必须一致')}</h2>
<p>${t(
    'The addition is element by element, so F(x) and x must have the same channels, height and width — the notes insist on this. The notes’ block keeps both (3×3 convolutions with padding 1, C → C), so the shortcut is the identity. When a block changes the channels or halves the resolution with stride 2, x must be projected: a 1×1 convolution with the same stride (ResNet’s option B). Change C_out or the stride below with an identity shortcut to see the analysis refuse the addition.',
    '相加是逐元素的，所以 F(x) 和 x 的通道数、高和宽都必须相同——笔记特别强调了这一点。笔记中的残差块两者都保持不变（padding 为 1 的 3×3 卷积，C → C），所以捷径就是恒等映射。当一个块改变通道数，或用步幅 2 把分辨率减半时，x 必须经过投影：一个步幅相同的 1×1 卷积（ResNet 的方案 B）。在下面用恒等捷径并改变 C_out 或步幅，就能看到分析器拒绝这次相加。',
  )}</p>
${calcSection(residualCalc, ctx.lang, fields, (s) => `${s.result}<div class="residual-graph" data-graph-host>${picture}</div>`)}
<p><a href="${esc(ctx.link('models/resnet-mini/index.html'))}">${t('The lecture’s residual network', '课程中的残差网络')}</a> · <a href="${esc(ctx.link('models/torchvision-resnet18/index.html'))}">ResNet-18</a> · <a href="${esc(ctx.link('models/torchvision-resnet50/index.html'))}">ResNet-50</a></p>
${pager(ctx, 'residual')}`;
});
