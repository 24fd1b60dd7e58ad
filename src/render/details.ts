/**
 * What the hover/focus card of a node says: the record's numbers, the
 * output-size formula with the real numbers, and any diagnostic with its fix.
 * Pure data, so the element, `<cnn-summary>` and tests read the same thing.
 */
import type { Diagnostic } from '../analysis/analyze.js';
import type { Locale } from '../i18n.js';
import { lookup, type Model } from './cards.js';
import { fmtInt, fmtShape, fmtShare } from './format.js';
import { words } from './words.js';

export interface Details {
  title: string;
  subtitle: string;
  rows: [label: string, value: string][];
  formula: string[];
  diagnostics: Diagnostic[];
}

/** The hover/focus card of a node, its labels in `locale` (English by default). */
/** A receptive field's size or jump: whole until a layer upsamples (a stride-3 transposed convolution's jump is 1/3), then two decimals. */
const rfNumber = (x: number): string => String(+x.toFixed(2));

export function details(model: Model, type: 'layer' | 'module' | 'input' | 'output', path: string, locale: Locale = 'en'): Details {
  const w = words(locale);
  const a = model.analysis;
  const lk = lookup(model);
  const t = a.totals;
  const diagsFor = (paths: readonly string[]) => {
    const set = new Set(paths);
    return a.diagnostics.filter((d) => set.has(d.path));
  };
  if (type === 'layer') {
    const r = lk.layers.get(path);
    if (!r) return { title: path, subtitle: '', rows: [], formula: [], diagnostics: [] };
    const rows: Details['rows'] = [
      [w.input, r.inputShapes.map(fmtShape).join(' + ') || '—'],
      [w.output, fmtShape(r.outputShape)],
      [w.parameters, `${fmtInt(r.params)} (${fmtShare(r.params, t.params)})`],
      [w.macs, `${fmtInt(r.macs)} (${fmtShare(r.macs, r.aux ? t.auxMacs : t.macs)}${r.aux ? w.ofAux : ''})`],
    ];
    if (r.weights.length) rows.push([w.weights, r.weights.map((w) => `${w.name} ${w.shape.join('×')}`).join(', ')]);
    if (r.receptiveField) rows.push([w.receptiveField, r.receptiveField.global ? w.wholeInput : `${r.receptiveField.size.map(rfNumber).join('×')} (${w.jump} ${r.receptiveField.jump.map(rfNumber).join('×')})`]);
    if (r.outputBytes !== null) rows.push([w.outputMemory, `${fmtInt(r.outputBytes)} ${w.float32}`]);
    if (r.aux) rows.push([w.auxiliary, w.trainingOnly]);
    if (r.status !== 'ok') rows.push([w.status, r.status === 'skipped' ? w.skipped : w.error]);
    return { title: w.label(r.label, r.kind), subtitle: `${r.path} · ${r.kind}`, rows, formula: [...r.formula], diagnostics: diagsFor([r.path]) };
  }
  if (type === 'module') {
    const m = lk.modules.get(path);
    if (!m) return { title: path, subtitle: '', rows: [], formula: [], diagnostics: [] };
    // What it computes, whole (a box may cut it), then its path and class.
    const label = lk.moduleLabels.get(m.path);
    return {
      title: lk.describer.heading(m.path, locale),
      subtitle: `${m.path} · ${label && label !== m.type ? `${label} · ` : ''}${m.type} · ${w.layers(m.layers.length)}`,
      rows: [
        [w.input, fmtShape(m.inputShape)],
        [w.output, fmtShape(m.outputShape)],
        [w.parameters, `${fmtInt(m.params)} (${fmtShare(m.params, t.params)})`],
        [w.macs, `${fmtInt(m.macs)} (${fmtShare(m.macs, m.aux ? t.auxMacs : t.macs)})`],
      ],
      formula: [],
      diagnostics: diagsFor(m.layers),
    };
  }
  if (type === 'input') return { title: w.input, subtitle: a.model, rows: [[w.shape, fmtShape(a.input)]], formula: [], diagnostics: [] };
  const aux = model.graph.aux.find((x) => x.path === path);
  return {
    title: aux ? w.auxOutput : w.output,
    subtitle: w.from(path),
    rows: [[w.shape, fmtShape(lk.layers.get(path)?.outputShape ?? null)], ...(aux ? [[w.lossWeight, String(aux.weight)] as [string, string]] : [])],
    formula: [],
    diagnostics: [],
  };
}
