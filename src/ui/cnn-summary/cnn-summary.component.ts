import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Analysis, LayerRecord } from '../../analysis/analyze.js';
import type { CnnGraph } from '../cnn-graph/cnn-graph.component.js';
import type { CnnSelectEvent } from '../cnn-graph/events.js';
import { type Locale, messages, watchLocale } from '../i18n.js';
import { fmtInt, fmtShape, fmtShare } from '../render/format.js';
import { styles } from './cnn-summary.styles.js';

export const SUMMARY_COLUMNS = ['path', 'kind', 'output', 'params', 'macs', 'share'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** The table's own words; layer labels and numbers are the analysis's. */
const words = messages(
  {
    path: 'Layer',
    kind: 'Type',
    output: 'Output shape',
    params: 'Parameters',
    macs: 'MACs',
    share: 'Share of MACs',
    caption: (model: string, params: string, macs: string, convention: string) => `${model}: ${params} parameters, ${macs} MACs (${convention} convention)`,
    total: 'Total',
    auxTotal: (params: string, macs: string) => ` (auxiliary heads: ${params} parameters, ${macs} MACs)`,
    waiting: (id: string) => `Waiting for #${id}…`,
    noFor: 'Set for="id" of a <cnn-graph>.',
  },
  {
    path: '层',
    kind: '类型',
    output: '输出形状',
    params: '参数量',
    macs: 'MACs',
    share: 'MACs 占比',
    caption: (model: string, params: string, macs: string, convention: string) => `${model}：${params} 个参数，${macs} 次乘加（MACs，${convention} 约定）`,
    total: '合计',
    auxTotal: (params: string, macs: string) => `（辅助分类器：${params} 个参数，${macs} MACs）`,
    waiting: (id: string) => `等待 #${id}…`,
    noFor: '请用 for="id" 指向一个 <cnn-graph>。',
  },
);

const numel = (r: LayerRecord) => (r.outputShape ? r.outputShape.reduce((a, b) => a * b, 1) : -1);

/**
 * @summary The summary table of a network (layer, type, output shape,
 * parameters, MACs, share), sortable by column, sharing its selection with the
 * `<cnn-graph>` named by `for`.
 *
 * @fires cnn-select - A row was chosen (also forwarded to the graph as a selection).
 * @csspart table - The table.
 * @cssproperty --cnn-summary-height - Maximum height before the table scrolls (default 480px).
 */
export class CnnSummary extends LitElement {
  static override styles = styles;

  /** Id of the `<cnn-graph>` to summarise (looked up in the same document or shadow root). */
  @property({ reflect: true }) for: string | null = null;
  /** `light` (default), `dark`, or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Column to sort by (`path`, `kind`, `output`, `params`, `macs`, `share`); none keeps execution order. */
  @property({ attribute: 'sort-by' }) sortBy: SummaryColumn | null = null;
  /** Sort direction: `descending` (default) or `ascending`. */
  @property({ attribute: 'sort-dir' }) sortDir: 'ascending' | 'descending' = 'descending';

  @state() private analysis: Analysis | null = null;
  @state() private selected: string | null = null;
  /** Language of the headers: the nearest `lang` attribute. */
  @state() private locale: Locale = 'en';
  private graphEl: CnnGraph | null = null;
  private unwatchLocale: (() => void) | null = null;

  private onLayout = () => {
    this.analysis = this.graphEl?.analysis ?? null;
    this.selected = this.graphEl?.selected ?? null;
  };

  private onSelect = (e: CnnSelectEvent) => {
    this.selected = e.detail.path;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLocale = watchLocale(this, (l) => (this.locale = l));
    // The graph may be defined after this element: look again once the document is parsed.
    queueMicrotask(() => this.attach());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLocale?.();
    this.unwatchLocale = null;
    this.detach();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('for') && this.isConnected) this.attach();
  }

  private detach(): void {
    this.graphEl?.removeEventListener('cnn-layout', this.onLayout);
    this.graphEl?.removeEventListener('cnn-select', this.onSelect);
    this.graphEl = null;
  }

  private attach(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const el = this.for ? (root.getElementById?.(this.for) as CnnGraph | null) : null;
    if (el === this.graphEl) return;
    this.detach();
    this.graphEl = el;
    if (!el) return;
    el.addEventListener('cnn-layout', this.onLayout);
    el.addEventListener('cnn-select', this.onSelect);
    this.onLayout();
  }

  private sortKey(r: LayerRecord, c: SummaryColumn): number | string {
    switch (c) {
      case 'path':
        return r.path;
      case 'kind':
        return r.kind;
      case 'output':
        return numel(r);
      case 'params':
        return r.params;
      case 'macs':
      case 'share':
        return r.macs ?? -1;
    }
  }

  /** The rows in display order (execution order unless sorted). */
  get rows(): LayerRecord[] {
    const rows = [...(this.analysis?.layers ?? [])];
    const c = this.sortBy;
    if (!c) return rows;
    const dir = this.sortDir === 'ascending' ? 1 : -1;
    return rows
      .map((r, i) => ({ r, i, k: this.sortKey(r, c) }))
      .sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i))
      .map((x) => x.r);
  }

  private sort(c: SummaryColumn): void {
    if (this.sortBy === c) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortBy = c;
      this.sortDir = c === 'path' || c === 'kind' ? 'ascending' : 'descending';
    }
  }

  private choose(path: string): void {
    this.selected = path;
    if (this.graphEl) this.graphEl.select(path, 'layer');
    else this.dispatchEvent(new CustomEvent('cnn-select', { detail: { path, type: 'layer', record: this.analysis?.layers.find((l) => l.path === path) ?? null }, bubbles: true, composed: true }));
  }

  override render() {
    const a = this.analysis;
    const w = words(this.locale);
    if (!a) return html`<p>${this.for ? w.waiting(this.for) : w.noFor}</p>`;
    const t = a.totals;
    return html`<table part="table">
      <caption>
        ${w.caption(a.model, fmtInt(t.params), fmtInt(t.macs), a.convention)}
      </caption>
      <thead>
        <tr>
          ${SUMMARY_COLUMNS.map(
            (c) => html`<th scope="col" class=${c === 'path' || c === 'kind' || c === 'output' ? '' : 'num'} aria-sort=${this.sortBy === c ? this.sortDir : 'none'}>
              <button type="button" data-column=${c} @click=${() => this.sort(c)}>${w[c]}${this.sortBy === c ? (this.sortDir === 'ascending' ? ' ▲' : ' ▼') : ''}</button>
            </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (r) => html`<tr
            data-path=${r.path}
            class=${`${r.status === 'error' ? 'error' : ''} ${r.aux ? 'aux' : ''}`}
            aria-selected=${String(r.path === this.selected)}
            @click=${() => this.choose(r.path)}
          >
            <th scope="row">${r.path}</th>
            <td>${r.label}</td>
            <td>${fmtShape(r.outputShape)}</td>
            <td class="num">${fmtInt(r.params)}</td>
            <td class="num">${fmtInt(r.macs)}</td>
            <td class="num">${fmtShare(r.macs, r.aux ? t.auxMacs : t.macs)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <td colspan="3">${w.total}${t.auxParams ? w.auxTotal(fmtInt(t.auxParams), fmtInt(t.auxMacs)) : ''}</td>
          <td class="num">${fmtInt(t.params)}</td>
          <td class="num">${fmtInt(t.macs)}</td>
          <td class="num">${t.macs ? '100%' : nothing}</td>
        </tr>
      </tfoot>
    </table>`;
  }
}
