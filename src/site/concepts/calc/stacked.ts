/**
 * The calculator of concepts/stacked-3x3/: n stacked 3×3 convolutions against one
 * (2n+1)×(2n+1), recomputed by src/zoo/compare.ts (parameters, MACs, receptive field).
 */
import { stack, type Comparison } from '../../../zoo/compare.js';
import { formatInt } from '../../../analysis/format.js';
import { calculator, type FieldsFor, compareAttributes, int, notPositive, notPositiveKeys, problems, tr } from './common.js';

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

const STACK_FIELDS: FieldsFor<StackParams> = {
  c: int(['Channels C', '通道数 C'], 64, { max: 4096, required: true }),
  n: int(['Stacked 3×3: n', '堆叠层数 n'], 3, { max: 12, required: true }),
  h: int(['Feature map H (= W)', '特征图 H（= W）'], 56, { max: 1024, required: true }),
};

export const stackCalc = calculator<StackParams>({
  id: 'stack',
  fields: STACK_FIELDS,
  render(p, lang) {
    const t = tr(lang);
    const bad = notPositive(p, ['c', 'n', 'h'], t, STACK_FIELDS);
    if (bad) return { result: bad };
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
  drive: (root, p) => compareAttributes(root, p, notPositiveKeys(p, ['c', 'n', 'h']).length === 0),
});

