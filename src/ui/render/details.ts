/**
 * What the hover/focus card of a node says: the record's numbers, the
 * output-size formula with the real numbers, and any diagnostic with its fix.
 * Pure data, so the element, `<cnn-summary>` and tests read the same thing.
 */
import type { Diagnostic } from '../../analysis/analyze.js';
import { lookup, type Model } from './cards.js';
import { fmtInt, fmtShape, fmtShare } from './format.js';

export interface Details {
  title: string;
  subtitle: string;
  rows: [label: string, value: string][];
  formula: string[];
  diagnostics: Diagnostic[];
}

export function details(model: Model, type: 'layer' | 'module' | 'input' | 'output', path: string): Details {
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
      ['input', r.inputShapes.map(fmtShape).join(' + ') || '—'],
      ['output', fmtShape(r.outputShape)],
      ['parameters', `${fmtInt(r.params)} (${fmtShare(r.params, t.params)})`],
      ['MACs', `${fmtInt(r.macs)} (${fmtShare(r.macs, r.aux ? t.auxMacs : t.macs)}${r.aux ? ' of aux' : ''})`],
    ];
    if (r.weights.length) rows.push(['weights', r.weights.map((w) => `${w.name} ${w.shape.join('×')}`).join(', ')]);
    if (r.receptiveField) rows.push(['receptive field', r.receptiveField.global ? 'whole input' : `${r.receptiveField.size.join('×')} (jump ${r.receptiveField.jump.join('×')})`]);
    if (r.outputBytes !== null) rows.push(['output memory', `${fmtInt(r.outputBytes)} B (float32)`]);
    if (r.aux) rows.push(['auxiliary', 'training only']);
    if (r.status !== 'ok') rows.push(['status', r.status === 'skipped' ? 'not analysed: an earlier layer failed' : 'error']);
    return { title: r.label, subtitle: `${r.path} · ${r.kind}`, rows, formula: [...r.formula], diagnostics: diagsFor([r.path]) };
  }
  if (type === 'module') {
    const m = lk.modules.get(path);
    if (!m) return { title: path, subtitle: '', rows: [], formula: [], diagnostics: [] };
    return {
      title: lk.moduleLabels.get(m.path) ?? m.type,
      subtitle: `${m.path} · ${m.type} · ${m.layers.length} layers`,
      rows: [
        ['input', fmtShape(m.inputShape)],
        ['output', fmtShape(m.outputShape)],
        ['parameters', `${fmtInt(m.params)} (${fmtShare(m.params, t.params)})`],
        ['MACs', `${fmtInt(m.macs)} (${fmtShare(m.macs, m.aux ? t.auxMacs : t.macs)})`],
      ],
      formula: [],
      diagnostics: diagsFor(m.layers),
    };
  }
  if (type === 'input') return { title: 'input', subtitle: a.model, rows: [['shape', fmtShape(a.input)]], formula: [], diagnostics: [] };
  const aux = model.graph.aux.find((x) => x.path === path);
  return {
    title: aux ? 'auxiliary output' : 'output',
    subtitle: `from ${path}`,
    rows: [['shape', fmtShape(lk.layers.get(path)?.outputShape ?? null)], ...(aux ? [['loss weight', String(aux.weight)] as [string, string]] : [])],
    formula: [],
    diagnostics: [],
  };
}
