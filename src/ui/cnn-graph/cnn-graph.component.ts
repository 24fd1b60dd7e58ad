import { zoomIdentity } from 'd3';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { type Analysis, type Convention, diagnosticText } from '../../analysis/analyze.js';
import type { Graph } from '../../graph/types.js';
import { type Locale, watchLocale } from '../i18n.js';
import { fmtInt, fmtShape, fmtShare } from '../../render/format.js';
import type { Direction, Layout } from '../../render/layout.js';
import type { LayoutEngine } from '../../render/pipeline.js';
import type { Scene } from '../../render/scene.js';
import { esc } from '../../render/svg.js';
import { collapsible } from '../../render/view.js';
import { styles } from './cnn-graph.styles.js';
import { type CnnDirectionDetail, type CnnSelectDetail, emit } from './events.js';
import { FileDrop } from './drop.js';
import { Exporter } from './export.js';
import { FindBox, findStyles } from './find-box.js';
import { InputController } from './input.js';
import { type Drawn, Loader } from './loading.js';
import { minimapStyles } from './minimap.js';
import { graphMessages } from './messages.js';
import { Selection } from './selection.js';
import { Stage } from './stage.js';
import { ZoomView } from './zoom.js';

export { parseExpand, parseInput } from './loading.js';

/** The reader's view of a picture (`viewState`): expanded modules, pan and zoom (`x`, `y`, `k`), selection. */
export interface GraphViewState {
  expanded: string[];
  x: number;
  y: number;
  k: number;
  selected: string | null;
}

/**
 * @summary A convolutional network as a laid-out, annotated, interactive graph:
 * every layer with its shape, parameters and MACs, modules that collapse and expand.
 *
 * A network file dropped on the element (cnn-graph JSON, `.onnx` or `.py`) opens in it, as
 * does one chosen with the toolbar's "Open…" button (the keyboard's way to the same thing);
 * both set the `file` property. The outcome is reported like any other load: `cnn-layout`
 * once it is drawn, `cnn-error` (and the message panel) when it cannot be read.
 *
 * @fires cnn-select - A node was selected (click, Enter) or the selection cleared (Escape); `detail.record` is the analysis record.
 * @fires cnn-toggle - A module was expanded or collapsed; `detail.path`, `detail.expanded`.
 * @fires cnn-direction - The reader turned the drawing with the toolbar's direction switch; `detail.direction` (`down` or `right`, also reflected in the `direction` attribute).
 * @fires cnn-layout - A render finished and is on screen; `detail.ms`, `detail.layoutMs`, `detail.source`, `detail.engine` (`structural`, `fast` or `elk`), `detail.note` (why the picture is plainer, when `auto` chose the fast layered layout).
 * @fires cnn-error - The network could not be loaded, or its analysis found errors; `detail.message` (English), `detail.localized` (in the element's `lang`: Chinese on a zh page), `detail.diagnostics` (each with its Chinese in `zh`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The optional toolbar.
 * @csspart find - The toolbar's find box (a combobox: path, kind or name of a layer or module).
 * @csspart find-list - The find box's list of matches.
 * @csspart canvas - The area holding the SVG.
 * @csspart minimap - The overview of a picture much larger than the canvas (shown only then): every box, and the part on screen; press or drag on it to go there.
 * @csspart hint - A brief note on how to move the picture, shown (and faded) once: "Ctrl + scroll to zoom" on the first plain wheel over it, and "Use two fingers to move the graph" on the first one-finger swipe over it; both scroll the page.
 * @csspart node - A layer, a collapsed module, the input or an output.
 * @csspart module - An expanded module's frame, and a collapsed module's box.
 * @csspart module-title - An expanded module's title (click to collapse).
 * @csspart edge - A connection between two nodes.
 * @csspart edge-label - The tensor shape written on an edge.
 * @csspart details - The hover/focus card with the numbers and the formula.
 * @csspart message - The error or diagnostics message.
 * @csspart drop-target - The overlay shown while a file is dragged over the element ("Drop a network file to open it").
 * @csspart notice - The small notice that the fast layered layout drew the picture (elk would have been slow).
 *
 * @cssproperty --cnn-height - Height of the element (default 640px).
 * @cssproperty --cnn-bg - Background.
 * @cssproperty --cnn-fg - Text.
 * @cssproperty --cnn-muted - Secondary text.
 * @cssproperty --cnn-edge - Edges and arrowheads.
 * @cssproperty --cnn-conv-fill - Fill of convolutions; likewise `--cnn-{pool,linear,activation,norm,concat,add,reshape,dropout,module,io}-{fill,stroke}`.
 * @cssproperty --cnn-edge-label-bg - Background of the shape labels on edges.
 * @cssproperty --cnn-edge-label-fg - Text of the shape labels on edges.
 * @cssproperty --cnn-module-bg - Fill of an expanded module's frame (and the toolbar).
 * @cssproperty --cnn-module-stroke - Outline of frames, the element's border.
 * @cssproperty --cnn-module-fg - Frame titles.
 * @cssproperty --cnn-badge-bg - Parameter and MAC badges.
 * @cssproperty --cnn-badge-fg - Text of the badges.
 * @cssproperty --cnn-error - Failing nodes and messages.
 * @cssproperty --cnn-error-bg - Fill of a failing node, background of messages.
 * @cssproperty --cnn-aux - Outline of auxiliary (training-only) heads.
 * @cssproperty --cnn-selected - The selected node's outline.
 * @cssproperty --cnn-focus - The focused node's outline.
 * @cssproperty --cnn-font-family - Font of the toolbar and messages (the picture uses Arial-metric fonts: its boxes are measured with them).
 */
export class CnnGraph extends LitElement {
  static override styles = [styles, findStyles, minimapStyles];

  /** A zoo id, e.g. `lenet5`, `googlenet`, `torchvision-resnet18`. */
  @property({ reflect: true }) model: string | null = null;
  /**
   * URL of a network file: cnn-graph JSON, an ONNX model (`.onnx`, with or without its
   * weights) or PyTorch source (`.py`, its last `nn.Module` class on its `# input:` comment
   * or the `input` attribute). The name's extension says which; without one, the first
   * bytes do. The ONNX and PyTorch readers load only when such a file is first opened.
   */
  @property({ reflect: true }) src: string | null = null;
  /**
   * A network file to open (a `File` from an `<input type=file>`, a drop, or any `Blob`),
   * read like `src`; wins over `graph`, `src` and `model` until one of them is set again.
   * Dropping a file on the element, or the toolbar's "Open…" button, sets it.
   */
  @property({ attribute: false }) file: Blob | null = null;
  /** A network object (the `Graph` IR); wins over `src` and `model`. */
  @property({ attribute: false }) graph: Graph | null = null;
  /** Override the input shape: `3x224x224`. */
  @property() input: string | null = null;
  /** `auto` (default), `none`, `all`, or a depth: how many module levels start open. */
  @property() expand: string = 'auto';
  /** `down` (default) or `right`. */
  @property({ reflect: true }) direction: Direction = 'down';
  /** Which annotations to draw, space-separated: any of `shapes params macs`. */
  @property() annotations: string = 'shapes params macs';
  /** `light` (default), `dark`, or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** MAC convention: `default`, `torchinfo` or `fvcore`. */
  @property() convention: Convention = 'default';
  /** Show the toolbar (fit, zoom, expand/collapse all, SVG and PNG export). */
  @property({ type: Boolean, reflect: true }) toolbar = false;
  /** A precomputed layout (from a `cnn-layout` event's key, or `renderNetwork`); used when it matches. */
  @property({ attribute: false }) layout: Layout | null = null;
  /**
   * URL of a JSON array of precomputed layouts (what `precomputeLayouts` writes,
   * e.g. for the default and the fully expanded view). They are fetched before
   * the first layout and used whenever one matches the view on screen, so elk
   * never runs for them (`cnn-layout` reports `source: 'given'`). A file that
   * cannot be loaded only costs the speed-up: the element lays out as usual.
   *
   * Layouts can also come inline, with no request: a child
   * `<script type="application/json" data-cnn-layouts>` holding the same kind of array
   * (the docs site puts the first view's layout there, beside the build-time SVG). They
   * are read when the element connects; the `layouts` file is then fetched only when a
   * view needs a layout that is not inline.
   */
  @property({ reflect: true }) layouts: string | null = null;
  /**
   * `auto` (default): lay out series–parallel views (every zoo network in every expansion
   * state, except DenseNet's opened dense blocks) structurally, at once on the page's thread (in the worker for views of more
   * than 1,500 boxes); anything else with elk in the worker, or, when elk would be slow
   * (more than 16 cross-links or 1,000 boxes), with the fast layered layout, at once (in
   * the worker above 1,500 boxes), saying so in a notice and in `cnn-layout`'s `note`;
   * `elk`: always elk; `fast`: always the fast layered layout.
   */
  @property({ reflect: true }) engine: LayoutEngine = 'auto';
  /** Path of the selected layer or module. */
  @property({ reflect: true }) selected: string | null = null;

  /** Expanded modules after the reader toggled one; null means "as `expand` says". */
  @state() private expandedPaths: ReadonlySet<string> | null = null;
  /** Language of the element's own words: its nearest `lang` attribute. */
  @state() private locale: Locale = 'en';
  private unwatchLocale: (() => void) | null = null;

  // Each part of the element is a reactive controller in a file of its own; they reach each
  // other only through what is handed to them here. Their order is the order of their
  // lifecycle calls: the stage notes the time of connection before the loader reads the inline
  // layouts; after each update the view observes the canvas, the stage puts a new picture in
  // it, selection marks the selected box in it, and input listens on it.

  /** The toolbar's find box: choosing a match selects it (`select`: expanded and brought into view). */
  private readonly finder = new FindBox(this, { analysis: () => this.analysis, select: (path, type) => this.select(path, type) });
  /** Pan and zoom, culling, the minimap. */
  private readonly view = new ZoomView(this, {
    canvas: () => this.canvas,
    svg: () => this.svg,
    minimap: () => this.renderRoot.querySelector<HTMLElement>('.minimap'),
    drawn: () => this.drawn,
    accepts: (e) => this.gestures.accepts(e),
    moved: () => this.selection.hideCard(),
    resized: () => this.stage.resized(),
    keep: () => this.selection.activeEl(),
  });
  /** Each picture into the canvas, fitted, shown and announced. */
  private readonly stage = new Stage(this, {
    canvas: () => this.canvas,
    svg: () => this.svg,
    wanted: () => (this.loader.fatal ? null : this.drawn),
    drawn: () => this.drawn,
    locale: () => this.locale,
    zoom: this.view,
    wired: (ids) => this.selection.wire(ids),
    shown: () => this.selection.shown(),
  });
  /** From the properties to a picture ready to show (analysis, layout, scene), in a task. */
  private readonly loader = new Loader(this, {
    request: () => ({
      file: this.file,
      model: this.model,
      src: this.src,
      graph: this.graph,
      input: this.input,
      convention: this.convention,
      expand: this.expand,
      expandedPaths: this.expandedPaths,
      direction: this.direction,
      annotations: this.annotations,
      engine: this.engine,
      layout: this.layout,
      layouts: this.layouts,
      locale: this.locale,
    }),
    forgetToggles: () => (this.expandedPaths = null),
  });
  /** Selection, expansion, the keyboard and the hover card. */
  private readonly selection = new Selection(this, {
    drawn: () => this.drawn,
    svg: () => this.svg,
    canvas: () => this.canvas,
    locale: () => this.locale,
    expand: (paths) => (this.expandedPaths = paths),
    reveal: (id, readable) => this.view.reveal(id, readable),
    uncull: (el) => this.view.uncull(el),
  });
  /** The wheel, fingers and their notes. */
  private readonly gestures = new InputController(this, {
    svg: () => this.svg,
    frame: () => this.renderRoot.querySelector('.base'),
    page: window,
  });
  /** Files dropped on the element or picked with "Open…". */
  private readonly drop = new FileDrop(this, { open: (file) => (this.file = file) });
  /** SVG and PNG. */
  private readonly exporter = new Exporter({
    element: this,
    requestUpdate: () => this.requestUpdate(),
    drawn: () => (this.drawn ? { scene: this.drawn.scene, model: this.drawn.loaded.analysis.model } : null),
    theme: () => this.theme,
    locale: () => this.locale,
  });

  protected override willUpdate(changed: PropertyValues): void {
    // The network given last wins: a page that sets model, src or graph after a drop shows that one.
    if (this.file && !changed.has('file') && ['model', 'src', 'graph'].some((k) => changed.has(k) && changed.get(k) !== undefined)) this.file = null;
    // A new `expand` value replaces whatever the reader toggled.
    if (changed.has('expand') && changed.get('expand') !== undefined) this.expandedPaths = null;
    // Turned a quarter: the old pan and zoom would show an empty corner; fit the new picture.
    if (changed.has('direction') && changed.get('direction') !== undefined) this.stage.refitNext();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLocale = watchLocale(this, (l) => (this.locale = l));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLocale?.();
    this.unwatchLocale = null;
  }

  private get drawn(): Drawn | null {
    return this.loader.drawn;
  }

  private get canvas(): HTMLElement | null {
    return this.renderRoot.querySelector('.canvas');
  }

  private get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('.canvas svg');
  }

  /**
   * Why nothing is drawn (the network could not be loaded or laid out: the
   * panel's message), in English and Chinese; null while a network is drawn or loading.
   */
  get failure(): { message: string; zh: string } | null {
    const f = this.loader.fatal;
    return f ? { message: f.message, zh: this.loader.fatalZh ?? f.message } : null;
  }

  /** The analysis of the network on screen (null before the first render). */
  get analysis(): Analysis | null {
    return this.drawn?.loaded.analysis ?? null;
  }

  /** The scene on screen: every box, path and label with its position. */
  get scene(): Scene | null {
    return this.drawn?.scene ?? null;
  }

  /** Expanded module paths of the picture on screen. */
  get expanded(): string[] {
    return this.drawn ? [...this.drawn.prepared.view.expanded] : [];
  }

  /**
   * What the reader made of the picture: the expanded modules, the pan and zoom, the
   * selection. Set it (on this element or another one showing the same network, such as
   * the same page in the other language) to give the reader the same view again; null
   * before the first picture.
   */
  get viewState(): GraphViewState | null {
    const d = this.drawn;
    if (!d) return null;
    const t = this.stage.transform;
    return { expanded: [...d.prepared.view.expanded], x: t.x, y: t.y, k: t.k, selected: this.selected };
  }

  set viewState(v: GraphViewState | null) {
    if (!v || !Array.isArray(v.expanded) || ![v.x, v.y, v.k].every((n) => typeof n === 'number' && Number.isFinite(n)) || !(v.k > 0)) return;
    const expanded = v.expanded.filter((p): p is string => typeof p === 'string');
    this.selected = typeof v.selected === 'string' ? v.selected : null;
    const same = !!this.drawn && this.drawn.prepared.view.expanded.join('\n') === [...expanded].sort().join('\n');
    this.stage.restore(zoomIdentity.translate(v.x, v.y).scale(v.k), same);
    if (!same) this.expandedPaths = new Set(expanded);
  }

  /** Resolves when the current render task has settled and is on screen. */
  async rendered(): Promise<void> {
    await this.loader.settled();
    await this.updateComplete;
    await this.stage.shownYet();
  }

  /** Scale so the whole network fits the canvas. */
  fit(): void {
    this.view.fit();
  }

  /** Zoom by a factor around the centre. */
  zoomBy(factor: number): void {
    this.view.zoomBy(factor);
  }

  /**
   * Select a layer or module by path (null clears); emits `cnn-select`. Collapsed modules
   * around it are expanded (each emits `cnn-toggle`) and its box is brought into view at a
   * readable scale.
   */
  select(path: string | null, type?: CnnSelectDetail['type']): void {
    this.selection.select(path, type);
  }

  /** Expand or collapse a module; emits `cnn-toggle`. */
  toggle(path: string, expand?: boolean): void {
    this.selection.toggle(path, expand);
  }

  expandAll(): void {
    if (this.analysis) this.expandedPaths = new Set(collapsible(this.analysis).keys());
  }

  collapseAll(): void {
    this.expandedPaths = new Set();
  }

  /** The picture as a standalone SVG document, with this element's current token values inlined. */
  toSVG(): string {
    return this.exporter.toSVG();
  }

  /** The picture as a PNG, `scale` device pixels per SVG pixel. */
  async toPNG(scale = 2): Promise<Blob> {
    return this.exporter.toPNG(scale);
  }

  // ---- template -------------------------------------------------------------

  private renderMessage() {
    const m = graphMessages(this.locale);
    const f = this.loader.fatal;
    if (f) {
      return html`<div part="message" class="message fatal" role="alert">
        <strong>${m.cannotDraw}</strong> ${this.locale === 'zh' && this.loader.fatalZh !== null ? this.loader.fatalZh : f.message}
        ${f.diagnostics.length > 1 ? html`<ul>${f.diagnostics.slice(1, 6).map((x) => html`<li>${diagnosticText(x, this.locale).message}</li>`)}</ul>` : nothing}
      </div>`;
    }
    const a = this.analysis;
    if (!a || a.ok) return nothing;
    const errors = a.diagnostics.filter((x) => x.severity === 'error');
    return html`<div part="message" class="message" role="alert">
      <strong>${m.analysisErrors(errors.length)}</strong>${m.drawnUpTo}
      <ul>
        ${errors.slice(0, 5).map((x) => {
          const t = diagnosticText(x, this.locale);
          return html`<li>${t.message}${t.fix ? html` <em>${t.fix}</em>` : nothing}</li>`;
        })}
      </ul>
    </div>`;
  }

  private renderTable() {
    const a = this.stage.tableOf;
    if (!a) return nothing;
    const t = a.totals;
    const m = graphMessages(this.locale);
    // In a block wrapper: content-visibility does not apply to a table box, and without it the
    // hidden rows were laid out with the first picture (about 1,800 boxes for GoogLeNet).
    // The rows go in as one escaped string: as lit templates they were ~6 parts a row (over 800
    // for GoogLeNet) to create and commit on the first render, for a table nobody sees.
    return html`<div class="sr-box"><table class="sr-only">
      <caption>
        ${m.caption(a.model, fmtInt(t.params), fmtInt(t.macs))}
      </caption>
      <thead>
        <tr>
          <th scope="col">${m.layer}</th>
          <th scope="col">${m.type}</th>
          <th scope="col">${m.outputShape}</th>
          <th scope="col">${m.parameters}</th>
          <th scope="col">${m.macs}</th>
          <th scope="col">${m.shareOfMacs}</th>
        </tr>
      </thead>
      <tbody>
        ${unsafeHTML(a.layers.map((l) => `<tr><th scope="row">${esc(l.path)}</th><td>${esc(l.label)}</td><td>${esc(fmtShape(l.outputShape))}</td><td>${esc(fmtInt(l.params))}</td><td>${esc(fmtInt(l.macs))}</td><td>${esc(fmtShare(l.macs, l.aux ? t.auxMacs : t.macs))}</td></tr>`).join(''))}
      </tbody>
    </table></div>`;
  }

  override render() {
    const d = this.drawn;
    const busy = this.loader.busy;
    const m = graphMessages(this.locale);
    return html`<div part="base" class="base">
      ${this.toolbar
        ? html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${m.tools}>
            <button type="button" data-action="fit" @click=${() => this.fit()} title=${m.fitTitle}>${m.fit}</button>
            <button type="button" data-action="zoom-in" @click=${() => this.zoomBy(1.25)} aria-label=${m.zoomIn} title=${m.zoomIn}>+</button>
            <button type="button" data-action="zoom-out" @click=${() => this.zoomBy(0.8)} aria-label=${m.zoomOut} title=${m.zoomOut}>−</button>
            <button type="button" data-action="expand-all" @click=${() => this.expandAll()}>${m.expandAll}</button>
            <button type="button" data-action="collapse-all" @click=${() => this.collapseAll()}>${m.collapseAll}</button>
            <button type="button" data-action="svg" title=${m.downloadSvg} @click=${() => this.exporter.download('SVG')}>SVG</button>
            <button type="button" data-action="png" title=${m.downloadPng} @click=${() => this.exporter.download('PNG')}>PNG</button>
            <button
              type="button"
              data-action="direction"
              aria-pressed=${String(this.direction === 'right')}
              title=${m.leftToRightTitle}
              @click=${() => {
                this.direction = this.direction === 'right' ? 'down' : 'right';
                emit<CnnDirectionDetail>(this, 'cnn-direction', { direction: this.direction });
              }}
            >
              ${m.leftToRight}
            </button>
            ${this.drop.renderButton(m)} ${this.finder.render(m)}
          </div>`
        : nothing}
      <div
        part="canvas"
        class="canvas"
        @click=${this.selection.onClick}
        @keydown=${this.selection.onKey}
        @pointerover=${this.selection.showDetails}
        @pointerout=${this.selection.hideDetails}
        @focusin=${this.selection.showDetails}
        @focusout=${this.selection.hideDetails}
      ></div>
      ${d
        ? html`<div part="minimap" class="minimap" aria-hidden="true" hidden @pointerdown=${this.view.onMinimap} @pointermove=${this.view.onMinimap}>
            <svg viewBox="0 0 ${Math.max(1, d.scene.width)} ${Math.max(1, d.scene.height)}" preserveAspectRatio="none"><path class="mm-boxes" d=${this.view.minimapPathOf(d)}></path><rect class="mm-view"></rect></svg>
          </div>`
        : nothing}
      ${this.gestures.renderHint(m)} ${this.selection.renderDetails()} ${this.renderMessage()} ${this.exporter.renderError()}
      <div class="status" role="status" aria-live="polite">${busy ? (d ? m.layingOut : m.loading) : ''}</div>
      ${d?.note ? html`<div part="notice" class="notice" role="note" title=${`${d.note}. ${m.forceElk}`}>${m.fastLayout(fmtInt(d.prepared.density.boxes), fmtInt(d.prepared.density.crossLinks))}</div>` : nothing}
      ${this.drop.renderTarget(m)} ${this.renderTable()}
    </div>`;
  }
}
