/**
 * The calculator of concepts/nin-gap/: NiN's head (a NiN block to one channel per class, then
 * global average pooling) against an AlexNet-style fully connected head on the same feature
 * map. The page supplies the feature map and the classes from the zoo's NiN (fixed fields),
 * so the browser analyses only the two heads.
 */
import { analyze, type Analysis } from '../../../analysis/analyze.js';
import { formatInt } from '../../../analysis/format.js';
import { GraphBuilder } from '../../../graph/builder.js';
import { AdaptiveAvgPool2d, Flatten, Linear, ReLU } from '../../../kinds/constructors.js';
import { ninBlock } from '../../../zoo/blocks.js';
import type { Lang } from '../../types.js';
import { calculator, type FieldsFor, compareItems, fixed, int, notPositive, problems, tr } from './common.js';

export interface HeadParams {
  hidden: number;
  /** The feature map entering the head (C×H×W) and the classes. */
  c: number;
  h: number;
  w: number;
  classes: number;
}

export interface Heads {
  input: readonly [number, number, number];
  classes: number;
  nin: Analysis;
  dense: Analysis;
}

/** Both heads on a C×H×W feature map: NiN's block (3×3, two 1×1) and GAP, or three fully connected layers. */
export function headsOn(p: HeadParams): Heads {
  const shape = [p.c, p.h, p.w] as const;
  const n = new GraphBuilder('nin-head', shape);
  const y = n.call('block', ninBlock(shape[0], p.classes, 3, 1, 1), n.input);
  const nin = analyze(n.build(n.layer('flatten', Flatten(), n.layer('gap', AdaptiveAvgPool2d(1), y))));
  const d = new GraphBuilder('fc-head', shape);
  const f = d.layer('flatten', Flatten(), d.input);
  const h1 = d.layer('relu1', ReLU(), d.layer('fc1', Linear(shape[0] * shape[1] * shape[2], p.hidden), f));
  const h2 = d.layer('relu2', ReLU(), d.layer('fc2', Linear(p.hidden, p.hidden), h1));
  const dense = analyze(d.build(d.layer('fc3', Linear(p.hidden, p.classes), h2)));
  return { input: shape, classes: p.classes, nin, dense };
}

const weightsFormula = (a: Analysis) =>
  `${a.layers
    .filter((l) => l.params > 0)
    .map((l) => l.weights.map((w) => w.shape.join('×')).join(' + '))
    .join(' + ')} = ${formatInt(a.totals.params)}`;

export function headItems(h: Heads, lang: Lang) {
  const t = tr(lang);
  return [
    { label: t('fully connected head', '全连接输出层'), params: h.dense.totals.params, macs: h.dense.totals.macs, paramsFormula: weightsFormula(h.dense) },
    { label: t('NiN block + global average pooling', 'NiN 块 + 全局平均池化'), params: h.nin.totals.params, macs: h.nin.totals.macs, paramsFormula: weightsFormula(h.nin) },
  ];
}

const SIZES = ['hidden', 'c', 'h', 'w', 'classes'] as const;

const HEAD_FIELDS: FieldsFor<HeadParams> = {
  hidden: int(['Hidden units of the fully connected head', '全连接层隐藏单元数'], 4096, { max: 16384 }),
  c: fixed(),
  h: fixed(),
  w: fixed(),
  classes: fixed(),
};

export const headCalc = calculator<HeadParams>({
  id: 'nin-head',
  fields: HEAD_FIELDS,
  render(p, lang) {
    const t = tr(lang);
    const bad = notPositive(p, SIZES, t, HEAD_FIELDS);
    if (bad) return { result: bad };
    const h = headsOn(p);
    if (!h.dense.ok) return { result: problems(h.dense.diagnostics, t) };
    const gap = h.nin.layers.find((l) => l.kind === 'AdaptiveAvgPool2d');
    return {
      result: `<p>${t(
        `Both heads start from the ${h.input.join('×')} feature map and end in ${h.classes} class scores. The fully connected head has <strong data-value="dense-params">${formatInt(h.dense.totals.params)}</strong> parameters; NiN’s has <strong data-value="nin-params">${formatInt(h.nin.totals.params)}</strong>, and its global average pooling (${(gap?.inputShapes[0] ?? []).join('×')} → ${(gap?.outputShape ?? []).join('×')}) has ${gap?.params ?? 0}.`,
        `两种输出层都从 ${h.input.join('×')} 的特征图开始，输出 ${h.classes} 个类别分数。全连接输出层有 <strong data-value="dense-params">${formatInt(h.dense.totals.params)}</strong> 个参数；NiN 的只有 <strong data-value="nin-params">${formatInt(h.nin.totals.params)}</strong> 个，其中全局平均池化（${(gap?.inputShapes[0] ?? []).join('×')} → ${(gap?.outputShape ?? []).join('×')}）的参数为 ${gap?.params ?? 0}。`,
      )}</p>`,
    };
  },
  drive(root, p, lang) {
    const h = notPositive(p, SIZES, tr(lang)) ? null : headsOn(p);
    compareItems(root, h?.dense.ok ? headItems(h, lang) : []);
  },
});

