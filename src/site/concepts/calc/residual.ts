/**
 * The calculator of concepts/residual/: a residual block built as a graph object (conv–ReLU–conv
 * plus a shortcut, then Add and ReLU), analysed, and drawn live by `<cnn-graph>`. A shortcut
 * whose shape does not match is the analysis's `add-mismatch` diagnostic, shown as it is.
 */
import { analyze, type Analysis } from '../../../analysis/analyze.js';
import { formatInt } from '../../../analysis/format.js';
import { GraphBuilder } from '../../../graph/builder.js';
import { Add, Conv2d, ReLU } from '../../../kinds/constructors.js';
import type { Graph } from '../../../graph/types.js';
import { calculator, choice, esc, int, problems, tr } from './common.js';

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

export const residualCalc = calculator<ResidualParams>({
  id: 'residual',
  fields: {
    cin: int('C_in', 64, { max: 2048 }),
    cout: int('C_out', 128, { max: 2048 }),
    stride: int(['Stride', '步幅'], 2, { max: 4, empty: 1 }),
    h: int(['Input H (= W)', '输入 H（= W）'], 56, { max: 512 }),
    shortcut: choice(['Shortcut', '捷径'], 'projection', [
      ['identity', ['identity (x)', '恒等（x）']],
      ['projection', ['projection (1×1 conv)', '投影（1×1 卷积）']],
    ]),
  },
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
});
