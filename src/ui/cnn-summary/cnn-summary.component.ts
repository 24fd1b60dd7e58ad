import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Analysis, LayerRecord } from '../../analysis/analyze.js';
import type { CnnGraph } from '../cnn-graph/cnn-graph.component.js';
import type { CnnSelectEvent } from '../cnn-graph/events.js';
import { type Locale, messages, watchLocale } from '../i18n.js';
import { fmtInt, fmtShape, fmtShare } from '../../render/format.js';
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
    failed: (id: string) => `#${id} could not draw its network: `,
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
    failed: (id: string) => `#${id} 无法绘制它的网络：`,
    noFor: '请用 for="id" 指向一个 <cnn-graph>。',
  },
);

const numel = (r: LayerRecord) => (r.outputShape ? r.outputShape.reduce((a, b) => a * b, 1) : -1);

/** Rows kept in the DOM beyond the visible ones, above and below. */
const OVERSCAN = 16;
/** Row height until one is measured: 13px text, 3px padding above and below, a 1px border. */
const ROW_GUESS = 22;
/** How many of the longest texts of each column go into the sizing rows. */
const SIZERS = 3;

/** A layer with its cells' text, formatted once per analysis. */
interface Row {
  r: LayerRecord;
  /** Layer, type, output shape, parameters, MACs, share. */
  cells: readonly [string, string, string, string, string, string];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * @summary The summary table of a network (layer, type, output shape,
 * parameters, MACs, share), sortable by column, sharing its selection with the
 * `<cnn-graph>` named by `for`.
 *
 * Only the rows on screen (and a margin) are in the DOM: the table is
 * windowed, with spacer rows standing in for the others, so a 500-layer
 * network costs the first frame what about 40 rows cost. It is a read-only
 * ARIA grid (rows are focusable and selectable, and `aria-selected` on a row
 * is only exposed in a grid); `aria-rowcount` on it and `aria-rowindex` on
 * each row tell assistive technology the whole table's size and each row's
 * place in it. Columns keep their widths while scrolling (hidden sizing rows
 * hold each column's longest texts). Keyboard: Tab reaches the rows;
 * ↑ ↓ Page Up/Down Home End move, rendering and scrolling as they go; Enter
 * or Space selects.
 *
 * @fires cnn-select - A row was chosen (also forwarded to the graph as a selection).
 * @csspart table - The table.
 * @csspart error - The message shown when the graph named by `for` could not draw its network.
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
  /** The graph's reason for drawing nothing (it stayed on "Waiting for #…" before). */
  @state() private failure: { message: string; zh: string } | null = null;
  @state() private selected: string | null = null;
  /** Language of the headers: the nearest `lang` attribute. */
  @state() private locale: Locale = 'en';
  /** The rows in the DOM: display indices `start` up to (not including) `end`. */
  @state() private start = 0;
  @state() private end = 0;
  /** The row that keyboard focus is on, or comes back to when Tab enters the rows. */
  @state() private active: string | null = null;
  /** Measured from the rendered rows (all rows are one line: `white-space: nowrap`). */
  @state() private rowHeight = ROW_GUESS;

  private graphEl: CnnGraph | null = null;
  private unwatchLocale: (() => void) | null = null;
  private resizer: ResizeObserver | null = null;
  private formatted: { analysis: Analysis; rows: Row[]; sizers: string[][] } | null = null;
  private sorted: { rows: Row[]; column: SummaryColumn | null; dir: string; ordered: Row[]; index: Map<string, number> } | null = null;
  /** A row to bring on screen after the next update; `page`: scroll the page too, not only this table's box. */
  private reveal: { path: string; page: boolean } | null = null;
  private focusPending = false;

  private onError = () => {
    this.failure = this.graphEl?.failure ?? null;
    if (this.failure) this.analysis = null;
  };

  private onLayout = () => {
    this.failure = this.graphEl?.failure ?? null;
    const a = this.graphEl?.analysis ?? null;
    this.selected = this.graphEl?.selected ?? null;
    // A new network shows its selected row; a new layout of the same one (expand, collapse)
    // leaves the reader's scroll alone.
    if (a !== this.analysis && this.selected) this.show(this.selected);
    this.analysis = a;
  };

  private onSelect = (e: CnnSelectEvent) => {
    this.selected = e.detail.path;
    if (e.detail.path) this.show(e.detail.path);
  };

  /** Bring a row on screen after the next update, which this asks for (the same selection again changes no property). */
  private show(path: string, page = false): void {
    this.reveal = { path, page };
    this.requestUpdate();
  }

  /** Scrolling (this box's or the page's) or a new size: keep the visible rows in the DOM. */
  private onScroll = () => this.sync();

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLocale = watchLocale(this, (l) => (this.locale = l));
    // The graph may be defined after this element: look again once the document is parsed.
    queueMicrotask(() => this.attach());
    this.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    // Its callbacks come after layout and before paint: the first frame already has the right
    // rows, with no forced layout of its own. A measured row height that differs from the
    // guess changes the spacers (another layout of the table), so it waits for the next frame.
    this.resizer = new ResizeObserver(() => {
      this.sync();
      requestAnimationFrame(() => this.measure());
    });
    this.resizer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLocale?.();
    this.unwatchLocale = null;
    this.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    this.resizer?.disconnect();
    this.resizer = null;
    this.detach();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('for') && this.isConnected) this.attach();
    if (changed.has('analysis')) {
      const n = this.analysis?.layers.length ?? 0;
      // Before anything is measured: a viewport's worth of rows, the most that can be on screen.
      // The margin comes with the first scroll.
      const first = this.end === 0 ? Math.ceil(window.innerHeight / ROW_GUESS) + 2 : this.end - this.start;
      this.start = clamp(this.start, 0, Math.max(0, n - first));
      this.end = Math.min(n, this.start + first);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('analysis') && changed.get('analysis')) || changed.get('rowHeight') !== undefined) this.sync();
    if (this.reveal && this.analysis) {
      const { path, page } = this.reveal;
      this.reveal = null;
      this.bringIntoView(path, page);
    }
    if (this.focusPending) {
      const row = this.rowElement(this.active);
      if (row) {
        this.focusPending = false;
        row.focus({ preventScroll: true });
      }
    }
  }

  private detach(): void {
    this.graphEl?.removeEventListener('cnn-layout', this.onLayout);
    this.graphEl?.removeEventListener('cnn-error', this.onError);
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
    el.addEventListener('cnn-error', this.onError);
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

  /** Every layer's cells as text, and the longest texts of each column for the sizing rows. */
  private formattedRows(): { rows: Row[]; sizers: string[][] } {
    const a = this.analysis;
    if (!a) return { rows: [], sizers: [] };
    if (this.formatted?.analysis === a) return this.formatted;
    const t = a.totals;
    const rows = a.layers.map(
      (r): Row => ({ r, cells: [r.path, r.label, fmtShape(r.outputShape), fmtInt(r.params), fmtInt(r.macs), fmtShare(r.macs, r.aux ? t.auxMacs : t.macs)] }),
    );
    const longest = SUMMARY_COLUMNS.map((_, j) => [...new Set(rows.map((x) => x.cells[j]))].sort((x, y) => y.length - x.length).slice(0, SIZERS));
    const sizers = Array.from({ length: Math.min(SIZERS, rows.length) }, (_, k) => longest.map((texts) => texts[k] ?? ''));
    this.formatted = { analysis: a, rows, sizers };
    return this.formatted;
  }

  /** The rows in display order (execution order unless sorted), with each path's index. */
  private ordered(): { ordered: Row[]; index: Map<string, number> } {
    const { rows } = this.formattedRows();
    const c = this.sortBy;
    const s = this.sorted;
    if (s && s.rows === rows && s.column === c && s.dir === this.sortDir) return s;
    let ordered = rows;
    if (c) {
      const dir = this.sortDir === 'ascending' ? 1 : -1;
      ordered = rows
        .map((x, i) => ({ x, i, k: this.sortKey(x.r, c) }))
        .sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i))
        .map((y) => y.x);
    }
    this.sorted = { rows, column: c, dir: this.sortDir, ordered, index: new Map(ordered.map((x, i) => [x.r.path, i])) };
    return this.sorted;
  }

  /** All rows in display order (execution order unless sorted), rendered or not. */
  get rows(): LayerRecord[] {
    return this.ordered().ordered.map((x) => x.r);
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
    this.active = path;
    if (this.graphEl) this.graphEl.select(path, 'layer');
    else this.dispatchEvent(new CustomEvent('cnn-select', { detail: { path, type: 'layer', record: this.analysis?.layers.find((l) => l.path === path) ?? null }, bubbles: true, composed: true }));
  }

  private rowElement(path: string | null): HTMLTableRowElement | null {
    if (path === null) return null;
    for (const tr of this.renderRoot.querySelectorAll<HTMLTableRowElement>('tbody tr[data-path]')) if (tr.dataset.path === path) return tr;
    return null;
  }

  /** Where row 0 starts on screen: the top spacer row (as tall as the rows above the window) or row 0 itself. */
  private origin(): number | null {
    const top = this.renderRoot.querySelector('tbody > tr');
    return top ? top.getBoundingClientRect().top : null;
  }

  /** The part of this element that can be seen: its box clipped by the viewport (null when none can). */
  private viewport(): { top: number; bottom: number; head: number } | null {
    const box = this.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    if (bottom <= top) return null;
    return { top, bottom, head: this.renderRoot.querySelector('thead')?.getBoundingClientRect().height ?? 0 };
  }

  private measure(): void {
    const rows = this.renderRoot.querySelectorAll('tbody tr[data-path]');
    if (rows.length < 2) return;
    const h = (rows[rows.length - 1].getBoundingClientRect().bottom - rows[0].getBoundingClientRect().top) / rows.length;
    if (h > 0 && Math.abs(h - this.rowHeight) > 0.01) this.rowHeight = h;
  }

  /** Put the visible rows (and a margin) in the DOM when they are not all there. */
  private sync(): void {
    const n = this.analysis?.layers.length ?? 0;
    const o = this.origin();
    const v = this.viewport();
    if (!n || o === null || !v) return;
    const h = this.rowHeight;
    const a = clamp(Math.floor((v.top - o) / h), 0, n);
    const b = clamp(Math.ceil((v.bottom - o) / h), a, n);
    if (a >= this.start && b <= this.end) return;
    const start = Math.max(0, a - OVERSCAN);
    const end = Math.min(n, Math.max(b, a + 1) + OVERSCAN);
    // A focused row about to leave the DOM hands focus to the table, which keeps the keys working.
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (focused instanceof HTMLTableRowElement && focused.dataset.path) {
      const i = this.ordered().index.get(focused.dataset.path) ?? -1;
      if (i < start || i >= end) this.renderRoot.querySelector<HTMLElement>('table')?.focus({ preventScroll: true });
    }
    this.start = start;
    this.end = end;
  }

  /**
   * Scroll a row into view inside this element's box (and the page's, for
   * keyboard moves when the page is what scrolls), then render it.
   */
  private bringIntoView(path: string, page: boolean): void {
    const n = this.analysis?.layers.length ?? 0;
    const i = this.ordered().index.get(path);
    const o = this.origin();
    if (i === undefined || o === null) return;
    const h = this.rowHeight;
    const top = o + i * h;
    const scrolls = this.scrollHeight > this.clientHeight + 1;
    const box = scrolls ? this.getBoundingClientRect() : null;
    const v = scrolls ? { top: box!.top + this.clientTop, bottom: box!.top + this.clientTop + this.clientHeight } : { top: 0, bottom: window.innerHeight };
    const head = this.renderRoot.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const delta = top < v.top + head ? top - v.top - head : top + h > v.bottom ? top + h - v.bottom : 0;
    if (delta && scrolls) this.scrollTop += delta;
    else if (delta && page) window.scrollBy(0, delta);
    this.sync();
    if (i < this.start || i >= this.end) {
      // Still off screen (the page was not scrolled to it): render it anyway, so it can take focus.
      this.start = Math.max(0, i - OVERSCAN);
      this.end = Math.min(n, i + 1 + OVERSCAN);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (!(target instanceof HTMLTableRowElement || target instanceof HTMLTableElement)) return;
    const { ordered, index } = this.ordered();
    if (!ordered.length) return;
    const cur = index.get(this.active ?? '') ?? this.start;
    const v = this.viewport();
    const pageRows = Math.max(1, Math.floor(((v ? v.bottom - v.top - v.head : window.innerHeight) / this.rowHeight)) - 1);
    let i: number;
    switch (e.key) {
      case 'ArrowDown':
        i = cur + 1;
        break;
      case 'ArrowUp':
        i = cur - 1;
        break;
      case 'PageDown':
        i = cur + pageRows;
        break;
      case 'PageUp':
        i = cur - pageRows;
        break;
      case 'Home':
        i = 0;
        break;
      case 'End':
        i = ordered.length - 1;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.choose(ordered[clamp(cur, 0, ordered.length - 1)].r.path);
        return;
      default:
        return;
    }
    e.preventDefault();
    const path = ordered[clamp(i, 0, ordered.length - 1)].r.path;
    this.active = path;
    this.focusPending = true;
    this.show(path, true);
  }

  private onClick(e: Event): void {
    const tr = (e.target as Element).closest?.('tr[data-path]') as HTMLTableRowElement | null;
    if (tr?.dataset.path) this.choose(tr.dataset.path);
  }

  private onFocusIn(e: FocusEvent): void {
    const tr = e.target as HTMLElement;
    if (tr instanceof HTMLTableRowElement && tr.dataset.path) this.active = tr.dataset.path;
  }

  override render() {
    const a = this.analysis;
    const w = words(this.locale);
    if (!a && this.failure && this.for) return html`<p part="error" role="alert">${w.failed(this.for)}${this.locale === 'zh' ? this.failure.zh : this.failure.message}</p>`;
    if (!a) return html`<p>${this.for ? w.waiting(this.for) : w.noFor}</p>`;
    const t = a.totals;
    const { sizers } = this.formattedRows();
    const { ordered } = this.ordered();
    const n = ordered.length;
    const start = clamp(this.start, 0, n);
    const end = clamp(this.end, start, n);
    const shown = ordered.slice(start, end);
    // Spacer rows and the sizing rows only exist while some rows are left out: a table that fits
    // in its window is the plain table (body rows are the layers, nothing else).
    const windowed = end - start < n;
    const h = this.rowHeight;
    // Exactly one row is in the Tab order: the active one when it is in the DOM, else the first there.
    const tabbable = shown.some((x) => x.r.path === this.active) ? this.active : (shown[0]?.r.path ?? null);
    const num = (c: SummaryColumn) => (c === 'path' || c === 'kind' || c === 'output' ? '' : 'num');
    return html`<table part="table" role="grid" aria-readonly="true" tabindex="-1" aria-rowcount=${n + 2} @keydown=${this.onKey} @focusin=${this.onFocusIn}>
      <caption>
        ${w.caption(a.model, fmtInt(t.params), fmtInt(t.macs), a.convention)}
      </caption>
      <thead>
        <tr aria-rowindex="1">
          ${SUMMARY_COLUMNS.map(
            (c) => html`<th scope="col" class=${num(c)} aria-sort=${this.sortBy === c ? this.sortDir : 'none'}>
              <button type="button" data-column=${c} @click=${() => this.sort(c)}>${w[c]}${this.sortBy === c ? (this.sortDir === 'ascending' ? ' ▲' : ' ▼') : ''}</button>
            </th>`,
          )}
        </tr>
        ${windowed
          ? sizers.map(
              (c) =>
                html`<tr class="sizer" aria-hidden="true"><th>${c[0]}</th><td>${c[1]}</td><td>${c[2]}</td><td class="num">${c[3]}</td><td class="num">${c[4]}</td><td class="num">${c[5]}</td></tr>`,
            )
          : nothing}
      </thead>
      <tbody @click=${this.onClick}>
        ${start > 0 ? html`<tr class="spacer spacer-top" aria-hidden="true"><td colspan="6" style=${`height:${start * h}px`}></td></tr>` : nothing}
        ${repeat(
          shown,
          (x) => x.r.path,
          (x, k) => html`<tr
            data-path=${x.r.path}
            aria-rowindex=${start + k + 2}
            tabindex=${x.r.path === tabbable ? '0' : '-1'}
            class=${`${x.r.status === 'error' ? 'error' : ''} ${x.r.aux ? 'aux' : ''}`}
            aria-selected=${String(x.r.path === this.selected)}
          >
            <th scope="row">${x.cells[0]}</th>
            <td>${x.cells[1]}</td>
            <td>${x.cells[2]}</td>
            <td class="num">${x.cells[3]}</td>
            <td class="num">${x.cells[4]}</td>
            <td class="num">${x.cells[5]}</td>
          </tr>`,
        )}
        ${end < n ? html`<tr class="spacer" aria-hidden="true"><td colspan="6" style=${`height:${(n - end) * h}px`}></td></tr>` : nothing}
      </tbody>
      <tfoot>
        <tr aria-rowindex=${n + 2}>
          <td colspan="3">${w.total}${t.auxParams ? w.auxTotal(fmtInt(t.auxParams), fmtInt(t.auxMacs)) : ''}</td>
          <td class="num">${fmtInt(t.params)}</td>
          <td class="num">${fmtInt(t.macs)}</td>
          <td class="num">${t.macs ? '100%' : nothing}</td>
        </tr>
      </tfoot>
    </table>`;
  }
}
