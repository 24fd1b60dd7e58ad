import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localeOf, type Locale } from '../i18n.js';
import {
  barText,
  chartGeometry,
  checkItems,
  CHART,
  compareFromAttributes,
  parseMetrics,
  strings,
  summaries,
  wrapLabel,
  type CompareItem,
  type CompareResult,
} from './cnn-compare.model.js';
import { styles } from './cnn-compare.styles.js';
import { formatInt } from '../../analysis/format.js';

export interface CnnCompareDetail {
  /** What is drawn, first item the baseline. */
  items: CompareItem[];
  /** Why nothing is drawn, when that is the case. */
  errors: { message: string; fix?: string }[];
}
export type CnnCompareEvent = CustomEvent<CnnCompareDetail>;

/**
 * @summary Side-by-side bars of the MACs and parameters of two or more
 * configurations, each with its formula and its saving against the first.
 * The common comparisons come from attributes and are computed by the
 * analysis (`kind="bottleneck"`: a k×k convolution C×H×W → N directly or after
 * a 1×1 reduction to R; `kind="stack"`: n stacked 3×3 convolutions against one
 * (2n+1)×(2n+1)); any others are set through the `items` property.
 *
 * @fires cnn-compare - The configurations were (re)computed; `detail.items`, `detail.errors`.
 * @csspart base - The figure around everything.
 * @csspart chart - The SVG bar chart (hidden from assistive technology; the table says the same).
 * @csspart summary - The sentences comparing each configuration with the first.
 * @csspart table - The table of counts and formulas.
 * @csspart message - Why nothing can be compared (bad attribute, impossible configuration).
 * @cssproperty --cnn-compare-macs - Colour of the MAC bars (default the convolution stroke colour).
 * @cssproperty --cnn-compare-params - Colour of the parameter bars (default the linear-layer stroke colour).
 * @cssproperty --cnn-bg - Background.
 * @cssproperty --cnn-fg - Text.
 * @cssproperty --cnn-muted - Secondary text (ratios, formulas).
 * @cssproperty --cnn-module-stroke - Rules and the zero axis.
 * @cssproperty --cnn-error - Error text.
 */
export class CnnCompare extends LitElement {
  static override styles = styles;

  /** `bottleneck` or `stack`: compute the configurations from the attributes below. Ignored when `items` is set. */
  @property({ reflect: true }) kind: string | null = null;
  /** Input channels C (bottleneck), or the channels of every convolution (stack). */
  @property() c: string | null = null;
  /** Input height (bottleneck), or the feature map height for MACs (stack, default 56). */
  @property() h: string | null = null;
  /** Input width (default: the height). */
  @property() w: string | null = null;
  /** Kernel of the main convolution (bottleneck). */
  @property() k: string | null = null;
  /** Output channels N (bottleneck), or the number of stacked 3×3 convolutions (stack). */
  @property() n: string | null = null;
  /** Channels after the 1×1 reduction (bottleneck). */
  @property() r: string | null = null;
  /** `false` drops the bias (bottleneck default true, stack default false). */
  @property() bias: string | null = null;
  /** Which counts to draw, in order: `macs params` (default), `macs` or `params`. */
  @property() metrics = 'macs params';
  /** `light` (default), `dark`, or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Configurations to compare, first the baseline; wins over `kind`. */
  @property({ attribute: false }) items: CompareItem[] | null = null;

  @state() private width = 640;
  @state() private result: CompareResult = { items: [], comparison: null, errors: [] };
  private locale: Locale = 'en';
  private resize: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver((entries) => {
        const w = entries[0]?.contentRect.width ?? 0;
        if (w > 0 && Math.abs(w - this.width) >= 1) this.width = w;
      });
      this.resize.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = null;
  }

  /** What is drawn now (after the last update). */
  get computed(): CnnCompareDetail {
    return { items: this.result.items, errors: this.result.errors };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.locale = localeOf(this);
    const inputs = ['kind', 'c', 'h', 'w', 'k', 'n', 'r', 'bias', 'items'] as const;
    if (!this.hasUpdated || inputs.some((p) => changed.has(p))) {
      if (this.items) {
        const errors = checkItems(this.items);
        this.result = { items: errors.length ? [] : [...this.items], comparison: null, errors: errors.map((message) => ({ message })) };
      } else {
        this.result = compareFromAttributes({ kind: this.kind, c: this.c, h: this.h, w: this.w, k: this.k, n: this.n, r: this.r, bias: this.bias }, this.locale);
      }
      this.changedResult = true;
    }
  }

  private changedResult = false;

  protected override updated(): void {
    if (!this.changedResult) return;
    this.changedResult = false;
    this.dispatchEvent(new CustomEvent<CnnCompareDetail>('cnn-compare', { detail: this.computed, bubbles: true, composed: true }));
  }

  private renderChart(items: CompareItem[]) {
    const t = strings(this.locale);
    const metrics = parseMetrics(this.metrics);
    const g = chartGeometry(items, metrics, this.width, this.locale);
    const labelSpace = g.x0 - 10;
    return html`<svg part="chart" viewBox="0 0 ${g.width} ${g.height}" width=${g.width} height=${g.height} aria-hidden="true" font-size=${CHART.font}>
      ${g.groups.map(
        (grp) => svg`<g class="group" data-metric=${grp.metric}>
          <text class="group-title" x="0" y=${grp.y + 15}>${grp.title}</text>
          <line class="axis" x1=${g.x0} x2=${g.x0} y1=${grp.y + CHART.title} y2=${grp.y + CHART.title + grp.bars.length * CHART.row}></line>
          ${grp.bars.map((b) => {
            const lines = wrapLabel(b.label, labelSpace);
            const cy = b.y + b.height / 2;
            const small = lines.length > 1 ? 11 : CHART.font;
            return svg`<g class="row" data-index=${b.index}>
              <text class="label" x=${g.x0 - 8} text-anchor="end" font-size=${small}>${lines.map((line, i) => svg`<tspan x=${g.x0 - 8} y=${cy + 4 + (lines.length > 1 ? (i === 0 ? -6 : 6) : 0)}>${line}</tspan>`)}</text>
              <rect class="bar ${b.metric}" x=${b.x} y=${b.y} width=${b.width} height=${b.height} rx="2" data-value=${b.value}></rect>
              <text class="value" x=${b.textX} y=${b.textY}>${b.text}${b.relation ? svg`<tspan class="relation"> · ${b.relation}</tspan>` : nothing}</text>
            </g>`;
          })}
        </g>`,
      )}
      <title>${t.chart(metrics.map((m) => (m === 'macs' ? t.macs : t.params)).join(' / '))}</title>
    </svg>`;
  }

  private renderTable(items: CompareItem[]) {
    const t = strings(this.locale);
    const metrics = parseMetrics(this.metrics);
    const name = (m: 'macs' | 'params') => (m === 'macs' ? t.macs : t.params);
    return html`<table part="table">
      <thead>
        <tr>
          <th scope="col">${t.configuration}</th>
          ${metrics.map((m) => html`<th scope="col" class="num">${name(m)}</th>`)}
        </tr>
      </thead>
      ${items.map((it, i) => {
        const formulas = metrics.map((m) => [m, m === 'macs' ? it.macsFormula : it.paramsFormula] as const).filter(([, f]) => f);
        return html`<tbody data-index=${i}>
          <tr>
            <th scope="row">${it.label}${i === 0 && items.length > 1 ? html` <span class="note">(${t.baseline})</span>` : nothing}${it.note ? html`<span class="note">${it.note}</span>` : nothing}</th>
            ${metrics.map((m) => html`<td class="num" data-metric=${m}>${formatInt(it[m])}</td>`)}
          </tr>
          ${formulas.length
            ? html`<tr class="formula">
                <td colspan=${1 + metrics.length}>
                  ${formulas.map(([m, f]) => html`<div><span class="formula-name">${name(m)}</span> <code data-metric=${m}>${f}</code></div>`)}
                </td>
              </tr>`
            : nothing}
        </tbody>`;
      })}
    </table>`;
  }

  override render() {
    const t = strings(this.locale);
    const { items, errors } = this.result;
    if (errors.length) {
      return html`<div part="message" role="alert">
        <p>${t.invalid}</p>
        ${errors.map((e) => html`<p>${e.message}${e.fix ? html` <span class="fix">${e.fix}</span>` : nothing}</p>`)}
      </div>`;
    }
    if (!items.length) return html`<p part="message">${t.empty}</p>`;
    const lines = summaries(items, this.locale, parseMetrics(this.metrics));
    return html`<figure part="base">
      ${lines.length ? html`<ul part="summary" aria-live="polite">${lines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
      ${this.renderChart(items)} ${this.renderTable(items)}
    </figure>`;
  }
}
