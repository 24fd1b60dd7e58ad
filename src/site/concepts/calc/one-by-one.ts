/**
 * The bottleneck calculator of concepts/one-by-one/: a k×k convolution C×H×W → N, directly or
 * after a 1×1 reduction to R channels, as PyTorch code; the counts are `<cnn-compare>`'s.
 */
import { calculator, type FieldsFor, check, compareAttributes, int, notPositive, notPositiveKeys, tr } from './common.js';

export interface BottleneckParams {
  c: number;
  h: number;
  w: number;
  k: number;
  n: number;
  r: number;
  bias: boolean;
}

const SIZES = ['c', 'h', 'w', 'k', 'n', 'r'] as const;

const BOTTLENECK_FIELDS: FieldsFor<BottleneckParams> = {
  c: int('C', 256, { max: 4096, required: true }),
  h: int('H', 14, { max: 1024, required: true }),
  w: int('W', 14, { max: 1024, required: true }),
  k: int(['Kernel k', '卷积核 k'], 3, { max: 15, required: true }),
  n: int(['Output N', '输出 N'], 256, { max: 4096, required: true }),
  r: int(['Reduce to R', '降到 R'], 64, { max: 4096, required: true }),
  bias: check('bias', true),
};

/** The code of both variants; the numbers are `<cnn-compare kind="bottleneck">`'s, driven from the same parameters. */
export const bottleneckCalc = calculator<BottleneckParams>({
  id: 'bottleneck',
  fields: BOTTLENECK_FIELDS,
  render(p, lang) {
    const t = tr(lang);
    const bad = notPositive(p, SIZES, t, BOTTLENECK_FIELDS);
    if (bad) return { code: bad };
    const pad = Math.floor((p.k - 1) / 2);
    const b = p.bias ? '' : ', bias=False';
    return {
      code: `<pre tabindex="0"><code># ${t('direct', '直接卷积')}
nn.Conv2d(${p.c}, ${p.n}, kernel_size=${p.k}, padding=${pad}${b})
# ${t('1×1 reduction first', '先 1×1 降维')}
nn.Sequential(nn.Conv2d(${p.c}, ${p.r}, kernel_size=1${b}), nn.Conv2d(${p.r}, ${p.n}, kernel_size=${p.k}, padding=${pad}${b}))</code></pre>`,
    };
  },
  drive: (root, p) => compareAttributes(root, p, notPositiveKeys(p, SIZES).length === 0),
});
