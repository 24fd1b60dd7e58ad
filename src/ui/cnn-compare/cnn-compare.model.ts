/**
 * The pure half of `<cnn-compare>`: configurations from attributes (computed by
 * src/zoo/compare.ts, never typed in), the saving of each against the first,
 * the bar geometry (d3 scales), and the element's strings in English and Chinese.
 * No DOM and no lit here, so Node tests it as it is.
 */
import { scaleLinear } from 'd3';
import { type Diagnostic, diagnosticText, type ReceptiveField } from '../../analysis/analyze.js';
import { bottleneck, stack, type Comparison } from '../../zoo/compare.js';
import { formatInt } from '../../analysis/format.js';
import { configOf } from '../../kinds/config.js';
import { messages, type Locale } from '../i18n.js';

/** One configuration to compare. */
export interface CompareItem {
  label: string;
  /** Multiply-accumulates (bias excluded, the analysis's default convention). */
  macs: number;
  params: number;
  /** The arithmetic behind each count, with the real numbers: `5²×28²×192×32 = 120,422,400`. */
  macsFormula?: string;
  paramsFormula?: string;
  /** A short line under the label (receptive field, where it comes from). */
  note?: string;
}

export const COMPARE_METRICS = ['macs', 'params'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

export const COMPARE_KINDS = ['bottleneck', 'stack'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

export const strings = messages(
  {
    macs: 'MACs',
    params: 'Parameters',
    configuration: 'Configuration',
    formula: 'Formula',
    chart: (what: string) => `Bar chart of ${what}`,
    empty: 'Nothing to compare: set kind="bottleneck" or kind="stack", or the items property.',
    invalid: 'Cannot compare these configurations:',
    less: (ratio: string, pct: string) => `${ratio}× fewer (−${pct})`,
    more: (ratio: string, pct: string) => `${ratio}× more (+${pct})`,
    same: 'the same',
    baseline: 'baseline',
    versus: (label: string, parts: string[], base: string) => `${label}: ${parts.join(' and ')} compared with ${base}.`,
    part: (metric: CompareMetric, times: string) => `${times} ${metric === 'macs' ? 'MACs' : 'parameters'}`,
    fewerTimes: (r: string) => `${r}× fewer`,
    moreTimes: (r: string) => `${r}× more`,
    direct: (k: number) => `direct ${k}×${k}`,
    reduced: (r: number, k: number) => `1×1 → ${r} channels, then ${k}×${k}`,
    one: (k: number) => `one ${k}×${k}`,
    stacked: (n: number) => `${n} stacked 3×3`,
    receptive: (h: number, w: number) => `receptive field ${h}×${w}`,
    attr: (name: string, value: string) => `attribute ${name}="${value}" must be a positive integer.`,
    attrFix: (name: string, example: number) => `Write it like ${name}="${example}".`,
  },
  {
    macs: '乘加次数（MACs）',
    params: '参数量',
    configuration: '配置',
    formula: '算式',
    chart: (what: string) => `${what}的条形图`,
    empty: '没有可比较的内容：请设置 kind="bottleneck" 或 kind="stack"，或 items 属性。',
    invalid: '无法比较这些配置：',
    less: (ratio: string, pct: string) => `减少到 1/${ratio}（−${pct}）`,
    more: (ratio: string, pct: string) => `增加到 ${ratio} 倍（+${pct}）`,
    same: '相同',
    baseline: '基准',
    versus: (label: string, parts: string[], base: string) => `${label}：与${base}相比，${parts.join('，')}。`,
    part: (metric: CompareMetric, times: string) => `${metric === 'macs' ? '乘加次数' : '参数量'}${times}`,
    fewerTimes: (r: string) => `减少到 1/${r}`,
    moreTimes: (r: string) => `增加到 ${r} 倍`,
    direct: (k: number) => `直接 ${k}×${k} 卷积`,
    reduced: (r: number, k: number) => `先 1×1 降维到 ${r} 通道，再 ${k}×${k} 卷积`,
    one: (k: number) => `一个 ${k}×${k} 卷积`,
    stacked: (n: number) => `${n} 个堆叠的 3×3 卷积`,
    receptive: (h: number, w: number) => `感受野 ${h}×${w}`,
    attr: (name: string, value: string) => `属性 ${name}="${value}" 必须是正整数。`,
    attrFix: (name: string, example: number) => `例如写成 ${name}="${example}"。`,
  },
);

/** The attributes of the common comparisons, as the element reads them (strings or null). */
export interface CompareAttributes {
  kind: string | null;
  c?: string | null;
  h?: string | null;
  w?: string | null;
  k?: string | null;
  n?: string | null;
  r?: string | null;
  /** `bias="false"` drops the bias terms. */
  bias?: string | null;
}

/** The notes' examples are the defaults: 000's 28×28×192 → 32 bottleneck and 004's three stacked 3×3 over 64 channels. */
export const DEFAULTS = {
  bottleneck: { c: 192, h: 28, w: 28, k: 5, n: 32, r: 16 },
  stack: { c: 64, h: 56, w: 56, n: 3 },
} as const;

export interface CompareResult {
  items: CompareItem[];
  comparison: Comparison | null;
  /** Problems with the attributes or the configurations (analysis diagnostics). */
  errors: { message: string; fix?: string }[];
}

const MAX_ATTR = 1_000_000;

function readInt(name: string, raw: string | null | undefined, fallback: number, locale: Locale, errors: CompareResult['errors']): number {
  if (raw === null || raw === undefined || raw.trim() === '') return fallback;
  const t = strings(locale);
  const v = Number(raw.trim());
  if (!Number.isInteger(v) || v < 1 || v > MAX_ATTR) {
    errors.push({ message: t.attr(name, raw), fix: t.attrFix(name, fallback) });
    return fallback;
  }
  return v;
}

const rfNote = (rf: ReceptiveField | null, locale: Locale): string | undefined => (rf && !rf.global ? strings(locale).receptive(rf.size[0], rf.size[1]) : undefined);

/** Items of a computed comparison, labelled in the locale (the analysis's own names are English only). */
export function itemsOf(c: Comparison, locale: Locale): CompareItem[] {
  const t = strings(locale);
  return c.variants.map((v, i) => {
    const convs = v.graph.layers.filter((l) => configOf(l.kind)?.category === 'conv') as { kernel_size: number | readonly [number, number]; out_channels: number }[];
    const last = convs[convs.length - 1];
    const k = typeof last.kernel_size === 'number' ? last.kernel_size : last.kernel_size[0];
    const label = c.kind === 'bottleneck' ? (i === 0 ? t.direct(k) : t.reduced(convs[0].out_channels, k)) : i === 0 ? t.one(k) : t.stacked(convs.length);
    const note = c.kind === 'stack' ? rfNote(v.receptiveField, locale) : undefined;
    return { label, macs: v.macs, params: v.params, macsFormula: v.macsFormula, paramsFormula: v.paramsFormula, ...(note ? { note } : {}) };
  });
}

/** Read `kind` and its numbers, run the comparison through the analysis, and label the result. */
export function compareFromAttributes(a: CompareAttributes, locale: Locale): CompareResult {
  const errors: CompareResult['errors'] = [];
  const bias = a.bias === null || a.bias === undefined ? undefined : a.bias.trim().toLowerCase() !== 'false';
  let comparison: Comparison;
  if (a.kind === 'bottleneck') {
    const d = DEFAULTS.bottleneck;
    const c = readInt('c', a.c, d.c, locale, errors);
    const h = readInt('h', a.h, d.h, locale, errors);
    const w = readInt('w', a.w, a.h ? h : d.w, locale, errors);
    const k = readInt('k', a.k, d.k, locale, errors);
    const n = readInt('n', a.n, d.n, locale, errors);
    const r = readInt('r', a.r, d.r, locale, errors);
    if (errors.length) return { items: [], comparison: null, errors };
    comparison = bottleneck({ input: [c, h, w], out: n, kernel: k, reduce: r, ...(bias === undefined ? {} : { bias }) });
  } else if (a.kind === 'stack') {
    const d = DEFAULTS.stack;
    const c = readInt('c', a.c, d.c, locale, errors);
    const n = readInt('n', a.n, d.n, locale, errors);
    const h = readInt('h', a.h, d.h, locale, errors);
    const w = readInt('w', a.w, a.h ? h : d.w, locale, errors);
    if (errors.length) return { items: [], comparison: null, errors };
    comparison = stack({ channels: c, kernel: 2 * n + 1, size: [h, w], ...(bias === undefined ? {} : { bias }) });
  } else {
    return { items: [], comparison: null, errors: a.kind ? [{ message: `kind="${a.kind}": ${strings(locale).empty}` }] : [] };
  }
  const bad = comparison.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  if (bad.length) return { items: [], comparison, errors: bad.map((d) => diagnosticText(d, locale)) };
  return { items: itemsOf(comparison, locale), comparison, errors };
}

/** `9.677…` → `9.68`, `27.4` → `27.4`, `150.2` → `150`. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '∞';
  if (r >= 100) return formatInt(r);
  const digits = r < 10 ? 2 : 1;
  return r.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1');
}

/** `0.8966…` → `89.7%`. */
export function formatPct(f: number): string {
  const p = Math.abs(f) * 100;
  // Never print a rounded 100% (or 0%) for something that is not.
  if (p >= 99.95 && p < 100) return '>99.9%';
  if (p > 0 && p < 0.01) return '<0.01%';
  return `${p >= 10 ? p.toFixed(1) : p.toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** How `value` compares with the baseline: `9.68× fewer (−89.7%)`. */
export function relation(value: number, base: number, locale: Locale): string {
  const t = strings(locale);
  if (value === base) return t.same;
  if (value < base) return t.less(value === 0 ? '∞' : formatRatio(base / value), formatPct(1 - value / base));
  return t.more(base === 0 ? '∞' : formatRatio(value / base), base === 0 ? '∞' : formatPct(value / base - 1));
}

/** One sentence per item after the first: how it compares with the first. */
export function summaries(items: readonly CompareItem[], locale: Locale, metrics: readonly CompareMetric[] = COMPARE_METRICS): string[] {
  const t = strings(locale);
  if (items.length < 2) return [];
  const [base, ...rest] = items;
  const times = (v: number, b: number) => (v === b ? t.same : v < b ? t.fewerTimes(v === 0 ? '∞' : formatRatio(b / v)) : t.moreTimes(b === 0 ? '∞' : formatRatio(v / b)));
  return rest.map((it) => t.versus(it.label, metrics.map((m) => t.part(m, times(it[m], base[m]))), base.label));
}

export interface Bar {
  metric: CompareMetric;
  index: number;
  label: string;
  value: number;
  /** `120,422,400`. */
  text: string;
  /** Against the first item; empty for the first. */
  relation: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value text starts (its baseline): after the bar, or under it in a narrow chart. */
  textX: number;
  textY: number;
}

export interface BarGroup {
  metric: CompareMetric;
  title: string;
  y: number;
  bars: Bar[];
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Where bars start (labels are right-aligned just before). */
  x0: number;
  groups: BarGroup[];
}

export const CHART = { row: 26, bar: 16, title: 22, gap: 12, font: 12, minLabel: 120, maxLabel: 260, minSpan: 160, under: 15 } as const;

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Rough text width in pixels for the element's sans-serif font (CJK and full-width forms are 1 em). */
export function textWidth(s: string, size: number = CHART.font): number {
  let em = 0;
  for (const ch of s) em += WIDE.test(ch) ? 1 : /[.,:;'|!il1 ()]/.test(ch) ? 0.32 : /[mwMW×−]/.test(ch) ? 0.8 : 0.58;
  return em * size;
}

/** A label in at most two lines that fit `width` (breaks at spaces, or anywhere between CJK characters). */
export function wrapLabel(label: string, width: number, size: number = CHART.font): string[] {
  if (textWidth(label, size) <= width) return [label];
  const chars = [...label];
  let best = -1;
  for (let i = 1; i < chars.length; i++) {
    const head = chars.slice(0, i).join('');
    if (textWidth(head.trimEnd(), size) > width) break;
    if (chars[i - 1] === ' ' || chars[i] === ' ' || WIDE.test(chars[i - 1]) || WIDE.test(chars[i]) || /[，,、]/.test(chars[i - 1])) best = i;
  }
  if (best < 0) return [label];
  return [chars.slice(0, best).join('').trimEnd(), chars.slice(best).join('').trimStart()];
}

/** The text after a bar: `12,443,648 · 9.68× fewer (−89.7%)`. */
export const barText = (b: Pick<Bar, 'text' | 'relation'>): string => (b.relation ? `${b.text} · ${b.relation}` : b.text);

/**
 * Horizontal bars, one group per metric, one bar per item; each metric has its
 * own linear scale from zero (ratios read as lengths), so the longest bar of a
 * group spans the plot. A non-zero value gets at least one pixel.
 */
export function chartGeometry(items: readonly CompareItem[], metrics: readonly CompareMetric[], width: number, locale: Locale, labelWidth?: number): ChartGeometry {
  const t = strings(locale);
  const w = Math.max(320, Math.round(width));
  const x0 = Math.round(labelWidth ?? Math.min(CHART.maxLabel, Math.max(CHART.minLabel, w * 0.3)));
  const texts = metrics.flatMap((m) => items.map((it, i) => barText({ text: formatInt(it[m]), relation: i === 0 ? '' : relation(it[m], items[0][m], locale) })));
  const valueSpace = Math.ceil(Math.max(60, ...texts.map((s) => textWidth(s)))) + 16;
  // Too narrow for the bars beside their numbers (a phone: 120M against 12M MACs would be 40 px and
  // 4 px): each number goes under its bar, and the bars get the whole width after the labels.
  const under = w - x0 - valueSpace < CHART.minSpan;
  const span = under ? Math.max(40, w - x0 - 8) : w - x0 - valueSpace;
  const row = CHART.row + (under ? CHART.under : 0);
  let y = 0;
  const groups: BarGroup[] = [];
  for (const metric of metrics) {
    const max = Math.max(0, ...items.map((it) => it[metric]));
    const scale = scaleLinear().domain([0, max || 1]).range([0, span]);
    const title = metric === 'macs' ? t.macs : t.params;
    const gy = y;
    y += CHART.title;
    const bars = items.map((it, index) => {
      const value = it[metric];
      const bw = value > 0 ? Math.max(1, scale(value)) : 0;
      const by = y + (CHART.row - CHART.bar) / 2;
      const width = Math.round(bw * 10) / 10;
      const bar: Bar = {
        metric,
        index,
        label: it.label,
        value,
        text: formatInt(value),
        relation: index === 0 ? '' : relation(value, items[0][metric], locale),
        x: x0,
        y: by,
        width,
        height: CHART.bar,
        textX: under ? x0 : x0 + width + 6,
        textY: under ? by + CHART.bar + CHART.under - 2 : by + CHART.bar / 2 + 4,
      };
      y += row;
      return bar;
    });
    groups.push({ metric, title, y: gy, bars });
    y += CHART.gap;
  }
  return { width: w, height: Math.max(0, y - CHART.gap), x0, groups };
}

/** `"macs params"`, `"params"` → the metrics to draw, in the order given; unknown words are ignored. */
export function parseMetrics(text: string | null | undefined): CompareMetric[] {
  const words = (text ?? '').split(/[\s,]+/).filter((w): w is CompareMetric => (COMPARE_METRICS as readonly string[]).includes(w));
  const unique = [...new Set(words)];
  return unique.length ? unique : [...COMPARE_METRICS];
}

/** Problems with an `items` array set from script: every item needs a label and two non-negative counts. */
export function checkItems(items: unknown): string[] {
  if (!Array.isArray(items)) return ['items must be an array of { label, macs, params } objects.'];
  const errors: string[] = [];
  items.forEach((it: unknown, i) => {
    const o = (it ?? {}) as Record<string, unknown>;
    if (typeof o.label !== 'string' || !o.label) errors.push(`items[${i}]: label must be a non-empty string.`);
    for (const k of ['macs', 'params'] as const) {
      const v = o[k];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) errors.push(`items[${i}] (${String(o.label ?? '?')}): ${k} must be a non-negative number, got ${JSON.stringify(v)}.`);
    }
  });
  return errors;
}
