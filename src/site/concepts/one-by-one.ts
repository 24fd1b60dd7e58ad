/**
 * concepts/one-by-one/: the 1×1 convolution and the bottleneck. Both of the notes' examples
 * are recomputed by src/zoo/compare.ts; the notes' printed totals are quoted only to
 * be checked against the computation (docs/conventions.md lists the difference).
 */
import { analyze } from '../../analysis/analyze.js';
import { bottleneck, type Comparison } from '../../zoo/compare.js';
import { formatInt } from '../../analysis/format.js';
import { GraphBuilder } from '../../graph/builder.js';
import { Conv2d, Flatten, Linear } from '../../kinds/constructors.js';
import { esc } from './calc/common.js';
import { bottleneckCalc } from './calc/one-by-one.js';
import { calcSection, compareTag, conceptPage } from './common.js';

/** What the notes print for their two examples (quoted to be checked, never used as results). */
export const NOTES = {
  /** 000_52091afd6212e377.txt: 28×28×192 → 32 with a 5×5 convolution, MACs ("Operations"). */
  inception: { direct: 120_422_400, reduced: 12_433_648 },
  /** 002_327777453aafdadb.txt: 512×8×8 → 64 with a 3×3 convolution, parameters without bias. */
  branch: { direct: 294_912, reduced: 26_112 },
} as const;

export const inceptionExample = (): Comparison => bottleneck({ input: [192, 28, 28], out: 32, kernel: 5, reduce: 16 });
export const branchExample = (): Comparison => bottleneck({ input: [512, 8, 8], out: 64, kernel: 3, reduce: 24, bias: false });

/** A 1×1 convolution C → C′ has exactly the parameters of a fully connected layer C → C′: both analysed. */
export function pointwiseVsLinear(c: number, out: number): { conv: number; linear: number } {
  const a = new GraphBuilder('pointwise', [c, 28, 28]);
  const conv = analyze(a.build(a.layer('conv', Conv2d(c, out, 1), a.input)));
  const b = new GraphBuilder('linear', [c, 1, 1]);
  const linear = analyze(b.build(b.layer('fc', Linear(c, out), b.layer('flatten', Flatten(), b.input))));
  return { conv: conv.totals.params, linear: linear.totals.params };
}

export const page = conceptPage(
  'one-by-one',
  [
    'A 1×1 convolution looks at one pixel at a time, across all its channels. It cannot see shapes, but it can mix channels and change how many there are — cheaply. Put before a large convolution, it cuts the cost of that convolution by an order of magnitude.',
    '1×1 卷积每次只看一个像素，但跨越它的全部通道。它看不到空间形状，却能融合通道、改变通道数，而且代价很小。把它放在大卷积核之前，能让那个卷积的计算量降低一个数量级。',
  ],
  (ctx) => {
    const t = ctx.t;
    const ex1 = inceptionExample();
    const ex2 = branchExample();
    const [d1, r1] = ex1.variants;
    const terms = r1.analysis.layers.filter((l) => l.kind === 'Conv2d').map((l) => l.macs as number);
    const diff = r1.macs - NOTES.inception.reduced;
    const direct1Agrees = d1.macs === NOTES.inception.direct;
    const [d2, r2] = ex2.variants;
    const ex2Agrees = d2.params === NOTES.branch.direct && r2.params === NOTES.branch.reduced;
    const pw = pointwiseVsLinear(192, 16);
    const d = bottleneckCalc.defaults;
    const row = (label: string, notes: number, computed: number) =>
      `<tr><th scope="row">${label}</th><td class="num">${formatInt(notes)}</td><td class="num" data-value="computed">${formatInt(computed)}</td><td>${notes === computed ? t('agree', '一致') : `<strong>${t(`differ by ${formatInt(computed - notes)}`, `相差 ${formatInt(computed - notes)}`)}</strong>`}</td></tr>`;
    return `<h2>${t('What a 1×1 convolution does', '1×1 卷积做了什么')}</h2>
<p>${t(
      'The output keeps the height and width of the input; only the channels change (up or down: 升维 or 降维 in the notes). Each output value is a weighted sum of the input’s channel values at the same pixel — a fusion of the channels. That is a fully connected layer applied at every pixel with the same weights:',
      '输出保持输入的高和宽，只改变通道数（升维或降维）。每个输出值是同一像素处各输入通道值的加权和，也就是把不同通道融合起来。这相当于在每个像素上用同一组权重做一次全连接：',
    )} <code>Conv2d(192, 16, 1)</code> ${t('has', '有')} <strong data-value="pointwise">${formatInt(pw.conv)}</strong> ${t('parameters', '个参数')}, <code>Linear(192, 16)</code> ${t('has', '有')} <strong>${formatInt(pw.linear)}</strong>.</p>

<h2>${t('The bottleneck: 28×28×192 → 32 with a 5×5', '降维：28×28×192 → 32，5×5 卷积')}</h2>
<p>${t(
      'This is the 5×5 branch of GoogLeNet’s Inception (3a), the example of the notes (000). Directly, each of the 28×28×32 outputs needs 5×5×192 multiply-accumulates. With a 1×1 convolution down to 16 channels first, the 5×5 convolution only reads 16 channels:',
      '这就是 GoogLeNet 中 Inception (3a) 的 5×5 分支，也是笔记（000）里的例子。直接卷积时，28×28×32 个输出中的每一个都需要 5×5×192 次乘加。先用 1×1 卷积降到 16 个通道，5×5 卷积就只需读取 16 个通道：',
    )}</p>
${compareTag({ kind: 'bottleneck', c: 192, h: 28, w: 28, k: 5, n: 32, r: 16, 'data-example': 'inception' })}
<div class="note" data-check="inception">
<p>${t('Checking the notes against the computation (MACs):', '把笔记与计算结果对照（乘加次数）：')}</p>
<div class="table-wrap" tabindex="0"><table><thead><tr><th><span class="visually-hidden">${t('computation', '算法')}</span></th><th class="num">${t('the notes', '笔记')}</th><th class="num">${t('computed', '计算')}</th><th><span class="visually-hidden">${t('agreement', '是否一致')}</span></th></tr></thead><tbody>
${row(t('direct 5×5', '直接 5×5'), NOTES.inception.direct, d1.macs)}
${row(t('1×1 → 16, then 5×5', '先 1×1 → 16，再 5×5'), NOTES.inception.reduced, r1.macs)}
</tbody></table></div>
<p>${
      diff === 0
        ? t('The notes and the computation agree.', '笔记与计算一致。')
        : t(
            `The two terms of the notes’ own formula are ${formatInt(terms[0])} and ${formatInt(terms[1])}; they add up to ${formatInt(r1.macs)}. The notes print ${formatInt(NOTES.inception.reduced)}, ${formatInt(Math.abs(diff))} ${diff > 0 ? 'short' : 'too many'}: a slip in the addition, not in the idea.${direct1Agrees ? ' The direct count agrees.' : ''}`,
            `笔记自己的算式中两项分别是 ${formatInt(terms[0])} 和 ${formatInt(terms[1])}，相加得 ${formatInt(r1.macs)}。笔记印的是 ${formatInt(NOTES.inception.reduced)}，${diff > 0 ? '少了' : '多了'} ${formatInt(Math.abs(diff))}：是加法上的笔误，思路没有问题。${direct1Agrees ? '直接卷积的数字是一致的。' : ''}`,
          )
    }</p>
</div>

<h2>${t('Parameters: 512×8×8 → 64 with a 3×3', '参数量：512×8×8 → 64，3×3 卷积')}</h2>
<p>${t(
      'The GoogLeNet notes (002) count parameters, without bias: a 3×3 convolution from 512 to 64 channels, directly or after a 1×1 reduction to 24 channels.',
      'GoogLeNet 的笔记（002）统计的是参数量（不含偏置）：从 512 通道到 64 通道的 3×3 卷积，直接做，或者先用 1×1 卷积降到 24 个通道。',
    )}</p>
${compareTag({ kind: 'bottleneck', c: 512, h: 8, w: 8, k: 3, n: 64, r: 24, bias: 'false', metrics: 'params macs', 'data-example': 'branch' })}
<p class="note" data-check="branch">${
      ex2Agrees
        ? t(`The notes print ${formatInt(NOTES.branch.direct)} and ${formatInt(NOTES.branch.reduced)}: the computation agrees.`, `笔记给出 ${formatInt(NOTES.branch.direct)} 和 ${formatInt(NOTES.branch.reduced)}：与计算一致。`)
        : t(`The notes print ${formatInt(NOTES.branch.direct)} and ${formatInt(NOTES.branch.reduced)}; the computation gives ${formatInt(d2.params)} and ${formatInt(r2.params)}.`, `笔记给出 ${formatInt(NOTES.branch.direct)} 和 ${formatInt(NOTES.branch.reduced)}；计算结果是 ${formatInt(d2.params)} 和 ${formatInt(r2.params)}。`)
    }</p>

<h2>${t('Try your own', '自己试试')}</h2>
<p>${t('A k×k convolution C×H×W → N, directly or after a 1×1 reduction to R channels (padding keeps H×W). The default is a ResNet-50 style 3×3 at 14×14.', 'k×k 卷积 C×H×W → N，直接做，或先用 1×1 卷积降到 R 个通道（填充保持 H×W）。默认值是 ResNet-50 风格的 14×14 上的 3×3 卷积。')}</p>
${calcSection(ctx, bottleneckCalc, (s) => `${compareTag({ kind: 'bottleneck', ...d, 'data-role': 'live' })}${s.code}`)}
<p>${t(
      'The reduction saves most when R is small against C and the kernel is large. It is not free: fewer channels between the two convolutions is a narrower path for information, which is why GoogLeNet reduces only before its 3×3 and 5×5 branches.',
      'R 相对 C 越小、卷积核越大，降维省得越多。但这并非没有代价：两个卷积之间的通道变少，信息通过的路径也变窄了，所以 GoogLeNet 只在 3×3 和 5×5 分支前降维。',
    )} <a href="${esc(ctx.link('models/googlenet-paper/index.html'))}">GoogLeNet</a> · <a href="${esc(ctx.link('concepts/nin-gap/index.html'))}">${t('NiN’s 1×1 blocks', 'NiN 的 1×1 卷积块')}</a></p>`;
  },
);
