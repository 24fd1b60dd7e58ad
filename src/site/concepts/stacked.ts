/**
 * concepts/stacked-3x3/: n stacked 3×3 convolutions against one (2n+1)×(2n+1), recomputed by
 * src/analysis/compare.ts (parameters, MACs, receptive field).
 */
import { stack, type Comparison } from '../../analysis/compare.js';
import { formatInt } from '../../analysis/format.js';
import type { PageContext } from '../types.js';
import { calcSection, conceptPage, esc, head, intOf, numField, pager, problems, tr, type Calculator, type FormValues } from './common.js';

export interface StackParams {
  c: number;
  n: number;
  h: number;
}

export const stackOf = (p: StackParams): Comparison => stack({ channels: p.c, kernel: 2 * p.n + 1, size: [p.h, p.h] });

/** `27` for n = 3: the parameters of the stack over C² (bias-free, C → C), from the analysis. */
export function perC2(c: Comparison, channels: number): [large: number, stacked: number] {
  return [c.variants[0].params / channels ** 2, c.variants[1].params / channels ** 2];
}

export const stackCalc: Calculator<StackParams> = {
  id: 'stack',
  defaults: { c: 64, n: 3, h: 56 },
  read: (v: FormValues) => ({ c: intOf(v, 'c', 64), n: intOf(v, 'n', 3), h: intOf(v, 'h', 56) }),
  render(p, lang) {
    const t = tr(lang);
    const bad = (['c', 'n', 'h'] as const).filter((k) => !(p[k] >= 1));
    if (bad.length) return { result: problems(bad.map((k) => ({ message: t(`${k} must be a positive integer, got ${p[k]}.`, `${k} 必须是正整数，现在是 ${p[k]}。`) })), t) };
    const c = stackOf(p);
    if (c.diagnostics.some((x) => x.severity === 'error')) return { result: problems(c.diagnostics, t) };
    const [large, small] = c.variants;
    const [a, b] = perC2(c, p.c);
    const rf = (v: typeof large) => (v.receptiveField ? `${v.receptiveField.size[0]}×${v.receptiveField.size[1]}` : '—');
    const k = 2 * p.n + 1;
    return {
      result: `<p class="calc-result"><span class="big" data-value="stacked-c2">${b}C²</span> ${t('against', '对')} <span class="big" data-value="large-c2">${a}C²</span></p>
<p><code class="formula">${p.n} × 3×3 × C² = ${b}C²</code> · <code class="formula">${k}×${k} × C² = ${a}C²</code></p>
<p>${t(
        `With C = ${p.c}: ${formatInt(small.params)} parameters against ${formatInt(large.params)}. Receptive field of the stack: <strong data-value="rf">${rf(small)}</strong>; of the single ${k}×${k}: ${rf(large)}. The stack has ${p.n} ReLUs where the single convolution has one.`,
        `C = ${p.c} 时：${formatInt(small.params)} 个参数对 ${formatInt(large.params)} 个。堆叠的感受野：<strong data-value="rf">${rf(small)}</strong>；单个 ${k}×${k} 卷积：${rf(large)}。堆叠有 ${p.n} 个 ReLU，单个卷积只有一个。`,
      )}</p>`,
    };
  },
  drive(root, p) {
    const el = root.querySelector('cnn-compare');
    if (!el) return;
    el.setAttribute('c', String(p.c));
    el.setAttribute('n', String(p.n));
    el.setAttribute('h', String(p.h));
  },
};

export const page = conceptPage('stacked-3x3', (ctx: PageContext) => {
  const t = ctx.t;
  const d = stackCalc.defaults;
  const three = stackOf({ c: 1, n: 3, h: 56 });
  const [a, b] = perC2(three, 1);
  const fields = [numField('c', t('Channels C', '通道数 C'), d.c, { min: 1, max: 4096 }), numField('n', t('Stacked 3×3: n', '堆叠层数 n'), d.n, { min: 1, max: 12 }), numField('h', t('Feature map H (= W)', '特征图 H（= W）'), d.h, { min: 1, max: 1024 })].join('');
  return `${head(
    ctx,
    'stacked-3x3',
    t(
      'VGG replaced AlexNet’s 11×11, 7×7 and 5×5 kernels by stacks of 3×3 convolutions. A stack sees as far as one large kernel, costs less, and puts a non-linearity after every layer.',
      'VGG 用连续的 3×3 卷积代替了 AlexNet 中 11×11、7×7、5×5 这样的大卷积核。堆叠的小卷积核与一个大卷积核感受野相同，代价更小，而且每一层后面都有一次非线性激活。',
    ),
  )}
<h2>${t('Same receptive field', '感受野相同')}</h2>
<p>${t(
    'The receptive field of an output is the part of the input it depends on. One 3×3 convolution (stride 1) sees 3×3; a second one on top sees 3×3 of the first’s outputs, which together cover 5×5 of the input; a third covers 7×7. In general n stacked 3×3 see (2n+1)×(2n+1).',
    '感受野是一个输出所依赖的那部分输入。一个步幅为 1 的 3×3 卷积看到 3×3；在它上面再叠一个 3×3，看到的是前一层 3×3 个输出，合起来覆盖输入的 5×5；叠三个覆盖 7×7。一般地，n 个堆叠的 3×3 卷积的感受野是 (2n+1)×(2n+1)。',
  )}</p>
<h2>${t('Fewer parameters', '参数更少')}</h2>
<p>${t(
    `With C channels in and out (no bias), three 3×3 layers have 3 × 9 × C² = <strong>${b}C²</strong> weights; one 7×7 has <strong>${a}C²</strong>. The notes (004) give the same numbers. Per output position the MACs are in the same ratio.`,
    `输入输出都是 C 个通道（不含偏置）时，三层 3×3 共有 3 × 9 × C² = <strong>${b}C²</strong> 个权重，一层 7×7 有 <strong>${a}C²</strong> 个。笔记（004）给出的也是这两个数。每个输出位置的乘加次数也是同样的比例。`,
  )}</p>
${calcSection(stackCalc, ctx.lang, fields, (s) => `${s.result}<cnn-compare theme="auto" kind="stack" c="${d.c}" n="${d.n}" h="${d.h}"></cnn-compare>`)}
<p>${t(
    'The saving grows with n: n·9 against (2n+1)², linear against quadratic. The price is depth: more layers to run one after another, and activations to keep for each of them during training.',
    'n 越大省得越多：n·9 对 (2n+1)²，一个线性增长，一个平方增长。代价是深度：更多层要依次计算，训练时每一层的激活值都要保存。',
  )} <a href="${esc(ctx.link('models/vgg11/index.html'))}">VGG-11</a> · <a href="${esc(ctx.link('models/torchvision-vgg16/index.html'))}">VGG-16</a></p>
${pager(ctx, 'stacked-3x3')}`;
});
