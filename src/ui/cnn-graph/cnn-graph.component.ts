import { Task, TaskStatus } from '@lit/task';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { analyze, type Analysis, type Convention, type Diagnostic, diagnosticText, type LayerRecord, type ModuleRecord } from '../../analysis/analyze.js';
import type { Graph } from '../../graph/types.js';
import { clip } from '../../graph/text.js';
import { admitGraph } from '../../graph/validate.js';
import { nearestZooId, ZOO_IDS, zooGraph, zooIdsHint } from '../../zoo/index.js';
import { ANNOTATIONS, type Annotation } from '../../render/cards.js';
import { type Locale, watchLocale } from '../i18n.js';
import { details } from '../../render/details.js';
import { fmtInt, fmtShape, fmtShare } from '../../render/format.js';
import { type Direction, type Layout, layoutCache } from '../../render/layout.js';
import { ARROW_HEADINGS, nearestInDirection } from '../../render/navigate.js';
import { engineOf, type EngineUsed } from '../../render/engines.js';
import { INLINE_LAYOUT_LIMIT, type LayoutEngine, noteOf, type Prepared, prepare, sceneOf } from '../../render/pipeline.js';
import type { Scene, SceneNode } from '../../render/scene.js';
import { esc, type SceneContents, sceneContents, sceneToSVG } from '../../render/svg.js';
import { THEMES, TOKEN_NAMES } from '../../render/theme.js';
import { collapsible, type Expand, INPUT_ID, layerId, moduleId, resolveExpand } from '../../render/view.js';
import { styles } from './cnn-graph.styles.js';
import { type CnnDirectionDetail, type CnnErrorDetail, type CnnLayoutDetail, type CnnSelectDetail, type CnnToggleDetail, emit } from './events.js';
import { layoutOffThread, warmLayout } from './layout-client.js';
import { FindBox, findStyles } from './find-box.js';
import { minimapPath, minimapSize, minimapStyles, needsMinimap } from './minimap.js';
import { graphMessages } from './messages.js';
import { firstView, isApple, levelOfDetail, MAX_SCALE, minScale, READABLE_SCALE, zoomWheelDelta } from './zoom-input.js';

/** The reader's view of a picture (`viewState`): expanded modules, pan and zoom (`x`, `y`, `k`), selection. */
export interface GraphViewState {
  expanded: string[];
  x: number;
  y: number;
  k: number;
  selected: string | null;
}

/** A load failure: nothing to draw, a message (and its Chinese) and perhaps the JSON loader's diagnostics. */
class LoadError extends Error {
  constructor(
    message: string,
    readonly zh: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

interface Loaded {
  key: string;
  graph: Graph;
  analysis: Analysis;
}

interface Drawn {
  loaded: Loaded;
  prepared: Prepared;
  layout: Layout;
  scene: Scene;
  svg: string;
  started: number;
  layoutMs: number;
  source: CnnLayoutDetail['source'];
  /** The engine that laid it out, and why it is plainer than elk's when `auto` chose the fast one. */
  engine: EngineUsed;
  note: string | null;
  /** What each box's (and edge label's) shell is filled with as it comes into view. */
  contents: SceneContents;
}

/**
 * Above this many boxes the edge labels go into the page as shells too, and the
 * boxes without even their outlines (`sceneToSVG`'s `shells: true` rather than
 * `'boxes'`): the 5,000-layer synthetic network's ~58,000 elements cost ~1.7 s
 * of style and layout before the first frame. Every zoo view stays below it.
 */
const SHELL_LIMIT = INLINE_LAYOUT_LIMIT; // the same "large view" as the one laid out in the worker

/** `3x224x224`, `3×224×224` or `3,224,224` → `[3, 224, 224]`. */
export function parseInput(text: string): [number, number, number] {
  const parts = text
    .trim()
    .split(/\s*[x×,*]\s*|\s+/i)
    .filter(Boolean)
    .map(Number);
  if (parts.length !== 3 || !parts.every((x) => Number.isInteger(x) && x > 0)) {
    throw new LoadError(`The input "${text}" is not a shape C×H×W. Write it like 3x224x224.`, `输入 "${text}" 不是 C×H×W 形状，请写成 3x224x224 这样。`);
  }
  return parts as [number, number, number];
}

export function parseExpand(text: string | number | null | undefined): Expand {
  if (text === null || text === undefined || text === '' || text === 'auto') return 'auto';
  if (text === 'all' || text === 'none') return text;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : 'auto';
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** Enough of a `Layout` to trust it: the scene throws a clear error if one is for another graph. */
function isLayout(x: unknown): x is Layout {
  const l = x as Partial<Layout> | null;
  return typeof l === 'object' && l !== null && typeof l.key === 'string' && typeof l.width === 'number' && typeof l.height === 'number' && typeof l.nodes === 'object' && typeof l.edges === 'object';
}

/**
 * @summary A convolutional network as a laid-out, annotated, interactive graph:
 * every layer with its shape, parameters and MACs, modules that collapse and expand.
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
 * @csspart hint - The note "Ctrl + scroll to zoom" shown (and faded) on the first plain wheel over the picture, which scrolls the page.
 * @csspart node - A layer, a collapsed module, the input or an output.
 * @csspart module - An expanded module's frame, and a collapsed module's box.
 * @csspart module-title - An expanded module's title (click to collapse).
 * @csspart edge - A connection between two nodes.
 * @csspart edge-label - The tensor shape written on an edge.
 * @csspart details - The hover/focus card with the numbers and the formula.
 * @csspart message - The error or diagnostics message.
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
  /** URL of a network in the cnn-graph JSON format. */
  @property({ reflect: true }) src: string | null = null;
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
  @state() private hover: { type: SceneNode['type']; path: string; x: number; y: number } | null = null;
  @state() private drawn: Drawn | null = null;
  @state() private fatal: CnnErrorDetail | null = null;
  /** Why the toolbar's last SVG or PNG download failed, shown until the next one succeeds. */
  @state() private exportError: string | null = null;
  /** The fatal message in Chinese, for the panel of a page that switches to zh afterwards. */
  private fatalZh: string | null = null;
  /** Language of the element's own words: its nearest `lang` attribute. */
  @state() private locale: Locale = 'en';
  /** The "Ctrl + scroll to zoom" note, shown (and faded) on the first plain wheel over the picture. */
  @state() private wheelHint = false;
  private hinted = false;
  /** The next picture is fitted like a new network's (its direction changed). */
  private refit = false;
  /** The pan and zoom a `viewState` set asked for, put on the next picture shown. */
  private restoreAt: ZoomTransform | null = null;
  /**
   * The analysis the screen-reader table shows. It follows the picture one frame
   * later: Chromium styles every row of it, hidden or not (~80 ms of the first
   * render of torchvision-resnet152's 517 rows), and nobody sees that table.
   */
  @state() private tableOf: Analysis | null = null;

  private loaded: Loaded | null = null;
  private loadedKey = '';
  private connectedAt: number | null = null;
  private reportedAnalysis: Analysis | null = null;
  private wired: Drawn | null = null;
  private zoomer: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  private transform: ZoomTransform | null = null;
  private activeId: string | null = null;
  private pendingFocus: string | null = null;
  /** What `select` asked to bring into view once the picture it expanded is on screen. */
  private pendingReveal: string | null = null;
  private loadSeq = 0;
  /** Boxes that `cull` hides while they are far outside the canvas, in scene coordinates. */
  private cullItems: { el: Element; x0: number; y0: number; x1: number; y1: number; off: boolean; fill: string | null }[] = [];
  private cullQueued = 0;
  /**
   * The canvas's size, as its ResizeObserver last reported it (null before the
   * first report). Fitting and culling read it instead of the DOM: a read of
   * `clientWidth` right after a picture goes in makes the browser style and lay
   * out the page then and there, and again for the frame (~45 ms of the first
   * render of torchvision-resnet152 went to such forced layouts).
   */
  private box: { w: number; h: number } | null = null;
  private resizer: ResizeObserver | null = null;
  /** A picture in the DOM, still hidden, waiting for the canvas's size to be fitted and shown. */
  private unshown: { d: Drawn; first: boolean } | null = null;
  private shownWaiters: (() => void)[] = [];
  /** The picture whose SVG is in the canvas (the canvas's children are not lit's: see `place`). */
  private placed: Drawn | null = null;
  private unwatchLocale: (() => void) | null = null;
  /** Layouts from the `layouts` file, by key, and the URL they came from. */
  private given = new Map<string, Layout>();
  private givenFrom: string | null = null;
  /** Layouts from a child `<script type="application/json" data-cnn-layouts>`, by key. */
  private inline = new Map<string, Layout>();
  /** The fetch of `givenFrom` (shared by connect and every draw). */
  private givenLoading: Promise<void> | null = null;

  /** The toolbar's find box: choosing a match selects it (`select`: expanded and brought into view). */
  private readonly finder = new FindBox(this, { analysis: () => this.analysis, select: (path, type) => this.select(path, type) });

  private readonly task = new Task(this, {
    // The locale too: a failing node prints its diagnostic in the page's language.
    args: () => [this.model, this.src, this.graph, this.input, this.convention, this.expand, this.expandedPaths, this.direction, this.annotations, this.engine, this.layout, this.layouts, this.locale] as const,
    task: (_args, { signal }) => this.draw(signal),
    onComplete: (d) => {
      this.fatal = null;
      this.drawn = d;
    },
    onError: (e) => {
      if (isAbort(e)) return;
      this.drawn = null;
      const diagnostics = e instanceof LoadError ? e.diagnostics : [];
      const message = e instanceof Error ? e.message : String(e);
      this.fatalZh = e instanceof LoadError ? e.zh : message;
      this.fatal = { message, localized: this.locale === 'zh' ? this.fatalZh : message, locale: this.locale, diagnostics, stage: e instanceof LoadError ? 'load' : 'layout' };
      const fatal = this.fatal;
      this.announce(() => emit<CnnErrorDetail>(this, 'cnn-error', fatal));
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    // A new `expand` value replaces whatever the reader toggled.
    if (changed.has('expand') && changed.get('expand') !== undefined) this.expandedPaths = null;
    // Turned a quarter: the old pan and zoom would show an empty corner; fit the new picture.
    if (changed.has('direction') && changed.get('direction') !== undefined) this.refit = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connectedAt = performance.now();
    this.unwatchLocale = watchLocale(this, (l) => (this.locale = l));
    this.readInlineLayouts();
    // The structural engine makes the worker unnecessary for every series–parallel view: it
    // starts on the first view that needs elk (at once when elk is asked for), so a page of
    // zoo networks never loads elk. Without inline layouts the layouts file is fetched now,
    // beside the analysis, so a view that needs it waits less for the network.
    if (this.engine === 'elk' && !this.layouts) warmLayout();
    else if (this.layouts && !this.inline.size) void this.loadLayouts();
    // Connected again: the canvas exists already (on the first connection, `firstUpdated` observes it).
    if (this.hasUpdated) this.observeCanvas();
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.observeCanvas();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLocale?.();
    this.unwatchLocale = null;
    cancelAnimationFrame(this.cullQueued);
    this.cullQueued = 0;
    this.resizer?.disconnect();
    // Out of the page the canvas has no size; the next connection reports it again.
    this.box = null;
  }

  private observeCanvas(): void {
    const canvas = this.canvas;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    this.resizer ??= new ResizeObserver((entries) => {
      // The report comes after the browser's own layout of the frame, before it paints.
      const r = entries[entries.length - 1]?.contentRect;
      if (!r) return;
      this.box = { w: r.width, h: r.height };
      this.zoomer?.scaleExtent([this.zoomFloor(), MAX_SCALE]);
      if (this.unshown) this.show();
      else {
        this.cull();
        this.updateMinimap();
      }
    });
    this.resizer.observe(canvas);
  }

  /** The canvas's size: the observed one, or read from the DOM (which lays the page out if it must). */
  private canvasSize(): { w: number; h: number } | null {
    if (this.box) return this.box;
    const canvas = this.canvas;
    return canvas ? { w: canvas.clientWidth, h: canvas.clientHeight } : null;
  }

  /**
   * Why nothing is drawn (the network could not be loaded or laid out: the
   * panel's message), in English and Chinese; null while a network is drawn or loading.
   */
  get failure(): { message: string; zh: string } | null {
    return this.fatal ? { message: this.fatal.message, zh: this.fatalZh ?? this.fatal.message } : null;
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
    const t = this.transform ?? zoomIdentity;
    return { expanded: [...d.prepared.view.expanded], x: t.x, y: t.y, k: t.k, selected: this.selected };
  }

  set viewState(v: GraphViewState | null) {
    if (!v || !Array.isArray(v.expanded) || ![v.x, v.y, v.k].every((n) => typeof n === 'number' && Number.isFinite(n)) || !(v.k > 0)) return;
    const expanded = v.expanded.filter((p): p is string => typeof p === 'string');
    this.restoreAt = zoomIdentity.translate(v.x, v.y).scale(v.k);
    this.selected = typeof v.selected === 'string' ? v.selected : null;
    const same = this.drawn && this.drawn.prepared.view.expanded.join('\n') === [...expanded].sort().join('\n');
    if (same) this.restoreView();
    else this.expandedPaths = new Set(expanded);
  }

  /** Put the pan and zoom `viewState` asked for on the picture, if it is on screen. */
  private restoreView(): void {
    const svg = this.svg;
    const t = this.restoreAt;
    if (!svg || !t || !this.zoomer || this.unshown || !this.drawn) return;
    this.restoreAt = null;
    select(svg).call(this.zoomer.transform, t);
  }

  /** Resolves when the current render task has settled and is on screen. */
  async rendered(): Promise<void> {
    await this.task.taskComplete.catch(() => undefined);
    await this.updateComplete;
    if (this.unshown) await new Promise<void>((ok) => this.shownWaiters.push(ok));
  }

  // ---- loading and drawing -------------------------------------------------

  private sourceKey(): string {
    return JSON.stringify([this.graph ? `graph:${this.loadSeqFor(this.graph)}` : null, this.graph ? null : this.src, this.graph || this.src ? null : this.model, this.input, this.convention]);
  }

  private graphIds = new WeakMap<object, number>();
  private loadSeqFor(g: unknown): number | string {
    // Script may set anything; a primitive is its own key (and is refused by load()).
    if ((typeof g !== 'object' && typeof g !== 'function') || g === null) return `${typeof g}:${String(g)}`;
    let id = this.graphIds.get(g);
    if (id === undefined) this.graphIds.set(g, (id = ++this.loadSeq));
    return id;
  }

  private async load(signal: AbortSignal): Promise<Loaded> {
    const key = this.sourceKey();
    if (this.loaded && this.loadedKey === key) return this.loaded;
    let graph: Graph;
    // What the analysis reads: the caller's own object, so its diagnostics name the caller's fields.
    let given: unknown;
    if (this.graph) {
      // A graph property comes from script and may be any shape: draw only from the admitted graph
      // (malformed modules/aux/output dropped), and refuse what is not a network at all.
      const admitted = admitGraph(this.graph);
      if (!admitted.isGraph) {
        const first = admitted.issues[0];
        throw new LoadError(`The graph property is not a network: ${first?.message ?? 'unknown problem'}`, `graph 属性不是一个网络：${first?.zh.message ?? '未知问题'}`);
      }
      graph = admitted.graph;
      given = this.graph;
    } else if (this.src) graph = await this.fetchNetwork(this.src, signal);
    else if (this.model) {
      const g = zooGraph(this.model);
      if (!g) {
        // The attribute is quoted by its start only (a million-character value gave a million-character message).
        const near = nearestZooId(this.model);
        const name = clip(this.model);
        throw new LoadError(
          `Unknown model "${name}".${near ? ` Did you mean "${near}"?` : ''} Known models: ${zooIdsHint('en')}.`,
          `未知的模型 "${name}"。${near ? `是不是 "${near}"？` : ''}可用的模型：${zooIdsHint('zh')}。`,
        );
      }
      graph = g;
    } else throw new LoadError('Nothing to draw: set model="lenet5", src="network.json", or the graph property.', '没有可绘制的网络：请设置 model="lenet5"、src="network.json" 或 graph 属性。');
    const input = this.input ? parseInput(this.input) : undefined;
    const analysis = analyze((given ?? graph) as Graph, { ...(input ? { input } : {}), convention: this.convention });
    const loaded = { key, graph, analysis };
    // A new network forgets the old one's toggles (not the first: a `viewState` may be waiting).
    if (this.loadedKey && this.loadedKey !== key) this.expandedPaths = null;
    this.loaded = loaded;
    this.loadedKey = key;
    return loaded;
  }

  private async fetchNetwork(src: string, signal: AbortSignal): Promise<Graph> {
    let text: string;
    try {
      const res = await fetch(src, { signal });
      if (!res.ok) throw new LoadError(`Could not load the network "${clip(src)}": the server answered ${res.status} ${res.statusText}.`, `无法加载网络 "${clip(src)}"：服务器返回 ${res.status} ${res.statusText}。`);
      text = await res.text();
    } catch (e) {
      if (isAbort(e) || e instanceof LoadError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new LoadError(`Could not load the network "${clip(src)}": ${why}. Check the URL and that the server allows the request.`, `无法加载网络 "${clip(src)}"：${why}。请检查网址，以及服务器是否允许这个请求。`);
    }
    // The JSON loader (and its schema library) is only fetched by pages that use `src`.
    const { parseNetwork } = await import('../../graph/json.js');
    const { graph, diagnostics } = parseNetwork(text);
    if (!graph) {
      const first = diagnostics[0];
      throw new LoadError(`"${clip(src)}" is not a valid network: ${first ? first.message : 'unknown problem'}`, `"${clip(src)}" 不是有效的网络：${first ? diagnosticText(first, 'zh').message : '未知问题'}`, diagnostics);
    }
    return graph;
  }

  private readInlineLayouts(): void {
    const el = this.querySelector(':scope > script[type="application/json"][data-cnn-layouts]');
    if (!el || this.inline.size) return;
    try {
      const list: unknown = JSON.parse(el.textContent ?? '');
      if (!Array.isArray(list)) throw new Error('it is not a JSON array of layouts');
      for (const l of list) if (isLayout(l)) this.inline.set(l.key, l);
    } catch (e) {
      console.warn(`<cnn-graph>: the inline layouts could not be used (${e instanceof Error ? e.message : String(e)}).`);
    }
  }

  /**
   * Fetch the `layouts` file once per URL; a failure is reported on the console and otherwise ignored.
   * The fetch itself is not aborted with a draw (a later draw of the same element reuses it); a
   * superseded draw stops waiting for it.
   */
  private loadLayouts(signal?: AbortSignal): Promise<void> {
    const url = this.layouts;
    if (url !== this.givenFrom) {
      this.given = new Map();
      this.givenFrom = url;
      this.givenLoading = url ? this.fetchLayouts(url) : null;
    }
    const p = this.givenLoading;
    if (!p || !signal) return p ?? Promise.resolve();
    if (signal.aborted) return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      signal.addEventListener('abort', onAbort, { once: true });
      p.then(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  private async fetchLayouts(url: string): Promise<void> {
    const given = this.given;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
      const list: unknown = await res.json();
      if (!Array.isArray(list)) throw new Error('it is not a JSON array of layouts');
      for (const l of list) {
        if (isLayout(l)) {
          given.set(l.key, l);
          layoutCache.set(l);
        }
      }
    } catch (e) {
      console.warn(`<cnn-graph>: the precomputed layouts "${url}" could not be used (${e instanceof Error ? e.message : String(e)}); laying out with elk instead.`);
    }
  }

  private annotationSet(): Annotation[] {
    const words = this.annotations.split(/[\s,]+/).filter(Boolean);
    return ANNOTATIONS.filter((a) => words.includes(a));
  }

  private async draw(signal: AbortSignal): Promise<Drawn> {
    const started = performance.now();
    const loaded = await this.load(signal);
    const expanded = this.expandedPaths ?? resolveExpand(loaded.analysis, parseExpand(this.expand));
    const t0 = performance.now();
    const engine: LayoutEngine = this.engine === 'elk' || this.engine === 'fast' ? this.engine : 'auto';
    const prepared = prepare({ graph: loaded.graph, analysis: loaded.analysis }, { expand: expanded, direction: this.direction === 'right' ? 'right' : 'down', annotations: this.annotationSet(), engine, defer: true, locale: this.locale });
    let layout: Layout;
    let source: CnnLayoutDetail['source'];
    let layoutMs = 0;
    let given = this.layout && this.layout.key === prepared.key ? this.layout : this.inline.get(prepared.key);
    // A structural (or fast) layout is already made: no need to wait for a layouts file.
    if (!given && !prepared.structural && !prepared.fast) {
      await this.loadLayouts(signal);
      given = this.given.get(prepared.key);
    }
    const cached = layoutCache.get(prepared.key);
    if (given) {
      layout = given;
      source = 'given';
    } else if (prepared.structural || prepared.fast) {
      layout = (prepared.structural ?? prepared.fast) as Layout;
      source = prepared.structural ? 'structural' : 'fast';
      layoutMs = performance.now() - t0;
    } else if (cached) {
      layout = cached;
      source = 'cache';
    } else {
      const t = performance.now();
      // A large view goes to the worker as well, laid out structurally there when it can be.
      const r = await layoutOffThread(prepared.elk, engine, signal);
      layoutMs = performance.now() - t;
      layout = r.layout;
      source = prepared.deferred && layout.key === prepared.key ? 'structural' : r.where;
      layoutCache.set(layout);
    }
    const scene = sceneOf(prepared, layout);
    // Classes instead of inline styles (the stylesheet is in the shadow root). The boxes go in as
    // shells, their outlines only (`sceneToSVG`'s `shells`), and get their badges and texts as
    // they come near the view: Chromium styles every element it holds, hidden or not, and a tall
    // network fitted to the width shows few of its boxes (torchvision-resnet152: 14 of 59). The
    // picture starts hidden until it is fitted, so nothing is laid out at a transform it will not have.
    const shells = scene.nodes.length > SHELL_LIMIT ? true : 'boxes';
    const svg = sceneToSVG(scene, { styling: 'classes', shells }).replace('<g class="cnn-viewport">', '<g class="cnn-viewport cnn-pending">');
    const contents = sceneContents(scene, { styling: 'classes', shells });
    return { loaded, prepared, layout, scene, svg, started, layoutMs, source, engine: engineOf(layout), note: noteOf(prepared, layout), contents };
  }

  // ---- after render: zoom, attributes, events --------------------------------

  /**
   * Lifecycle events go out in a task of their own. With a precomputed layout the first
   * render can finish while the page's module scripts are still being evaluated, before
   * a listener added by a later script exists; a task runs after all of them.
   */
  private announce(fire: () => void): void {
    setTimeout(fire, 0);
  }

  private get canvas(): HTMLElement | null {
    return this.renderRoot.querySelector('.canvas');
  }

  private get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('.canvas svg');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.place();
    const d = this.drawn;
    const svg = this.svg;
    if (d && svg && this.wired !== d) {
      const first = !this.wired || this.wired.loaded !== d.loaded || this.refit;
      this.refit = false;
      this.wire(svg, d);
      this.wired = d;
      this.unshown = { d, first };
      // Before its first report the observer is waiting for the frame's layout: the picture is
      // fitted and shown from its callback, in that frame, before it paints. A page that is not
      // visible has no frames, and a canvas that is not rendered (display: none around it) may
      // never be reported: those are shown at once, or after the frame, measuring the DOM.
      if (this.box || document.visibilityState !== 'visible' || !this.resizer) this.show();
      else requestAnimationFrame(() => setTimeout(() => this.unshown?.d === d && this.show()));
    }
    if (d && svg && (changed.has('selected') || this.wired === d)) this.markSelection(svg);
    if (svg && changed.has('locale') && changed.get('locale') !== undefined) this.labelSvg(svg);
  }

  /**
   * Put the picture's SVG in the canvas. Not through lit's `unsafeHTML`: that parses
   * the string into a template, walks every node of it looking for bindings, clones it
   * and walks the clone (~10 ms for torchvision-resnet152's 830 SVG elements); one
   * `innerHTML` parses it into the canvas once.
   */
  private place(): void {
    const want = this.fatal ? null : this.drawn;
    const canvas = this.canvas;
    if (want === this.placed || !canvas) return;
    canvas.innerHTML = want ? want.svg : '';
    this.placed = want;
  }

  /** Fit (a new network) or keep the zoom, hide what is far from view, show the picture, and announce it. */
  private show(): void {
    const u = this.unshown;
    this.unshown = null;
    for (const ok of this.shownWaiters.splice(0)) ok();
    const svg = this.svg;
    if (!u || !svg || this.wired !== u.d || !this.zoomer) return;
    const d = u.d;
    const size = this.canvasSize();
    this.zoomer.scaleExtent([this.zoomFloor(size), MAX_SCALE]);
    if (this.restoreAt) {
      select(svg).call(this.zoomer.transform, this.restoreAt);
      this.restoreAt = null;
    } else if (u.first || !this.transform) this.applyFit(true, size);
    else select(svg).call(this.zoomer.transform, this.transform);
    this.cull(size);
    this.updateMinimap(size);
    svg.querySelector('.cnn-viewport')?.classList.remove('cnn-pending');
    if (this.pendingFocus) {
      const id = this.pendingFocus;
      this.pendingFocus = null;
      if (this.nodeEl(id)) this.setActive(id, true);
    }
    if (this.pendingReveal) {
      const id = this.pendingReveal;
      this.pendingReveal = null;
      if (this.nodeEl(id)) this.setActive(id, false);
      this.reveal(id, true);
    }
    const detail: CnnLayoutDetail = {
      ms: performance.now() - d.started,
      layoutMs: d.layoutMs,
      sinceConnected: this.connectedAt === null ? null : performance.now() - this.connectedAt,
      source: d.source,
      nodes: d.scene.nodes.length,
      edges: d.scene.edges.length,
      key: d.layout.key,
      engine: d.engine,
      note: d.note,
    };
    this.connectedAt = null;
    const a = d.loaded.analysis;
    const report = !a.ok && this.reportedAnalysis !== a;
    if (report) this.reportedAnalysis = a;
    if (this.tableOf !== a) requestAnimationFrame(() => setTimeout(() => (this.tableOf = this.analysis)));
    this.announce(() => {
      emit<CnnLayoutDetail>(this, 'cnn-layout', detail);
      if (!report) return;
      const errors = a.diagnostics.filter((x) => x.severity === 'error');
      const locale = this.locale;
      const message = errors[0]?.message ?? 'The analysis found errors.';
      const localized = errors[0] ? diagnosticText(errors[0], locale).message : locale === 'zh' ? '分析发现了错误。' : message;
      emit<CnnErrorDetail>(this, 'cnn-error', { message, localized, locale, diagnostics: a.diagnostics, stage: 'analysis' });
    });
  }

  /** Roles, the tab stop, pan and zoom: everything that needs no size. `show` does the rest. */
  private wire(svg: SVGSVGElement, d: Drawn): void {
    // The element pans and zooms with a transform; the SVG fills the canvas.
    svg.removeAttribute('viewBox');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('role', 'group');
    const viewport = svg.querySelector<SVGGElement>('.cnn-viewport') as SVGGElement;
    const ids = d.scene.nodes.map((n) => n.id);
    if (!this.activeId || !ids.includes(this.activeId)) this.activeId = ids[0] ?? null;
    if (this.pendingFocus && ids.includes(this.pendingFocus)) this.activeId = this.pendingFocus;
    select(svg)
      .selectAll<SVGGElement, unknown>('.cnn-node')
      .attr('role', 'button')
      .attr('tabindex', -1)
      .attr('aria-expanded', function () {
        return this.dataset.type === 'module' ? 'false' : null;
      });
    select(svg).selectAll<SVGGElement, unknown>('.cnn-frame-title').attr('role', 'button').attr('aria-expanded', 'true');
    // An open module's frame names its contents: a group (ARIA allows aria-label on no role-less g).
    select(svg).selectAll<SVGGElement, unknown>('.cnn-frame').attr('role', 'group');
    this.labelSvg(svg);
    this.setActive(this.activeId, false);

    this.zoomer = zoom<SVGSVGElement, unknown>()
      // d3's default extent reads the SVG's width and height, which lays the page out.
      .extent(() => {
        const s = this.canvasSize();
        return [
          [0, 0],
          [s?.w ?? 0, s?.h ?? 0],
        ];
      })
      .scaleExtent([this.zoomFloor(), MAX_SCALE])
      // The page scrolls under a plain wheel and a one-finger swipe: only Ctrl/⌘ + wheel (and a
      // trackpad pinch, which Chromium sends as a wheel with ctrlKey) and two fingers zoom. A
      // filtered-out event is left alone by d3 (no preventDefault), so the page gets it.
      .filter((e: Event) => {
        if (e.type === 'wheel') {
          const w = e as WheelEvent;
          if (w.ctrlKey || w.metaKey) return true;
          this.showWheelHint();
          return false;
        }
        if (e.type === 'touchstart') return (e as TouchEvent).touches.length > 1;
        return !(e as MouseEvent).ctrlKey && !(e as MouseEvent).button;
      })
      .wheelDelta(zoomWheelDelta)
      .on('zoom', (e: { transform: ZoomTransform }) => {
        this.transform = e.transform;
        viewport.setAttribute('transform', e.transform.toString());
        // Less to draw, and nothing unreadable, far out: box titles only, then bare boxes.
        const lod = levelOfDetail(e.transform.k);
        if (svg.dataset.lod !== lod) svg.dataset.lod = lod;
        if (this.hover) this.hover = null;
        this.cullQueued ||= requestAnimationFrame(() => {
          this.cullQueued = 0;
          this.cull();
          this.updateMinimap();
        });
      });
    select(svg).call(this.zoomer).on('dblclick.zoom', null);
    // A Ctrl/⌘ wheel over the picture is ours even at a zoom limit: d3 leaves a wheel that changes
    // nothing to the page once its 150 ms gesture has ended, and the page would then scroll (or the
    // browser zoom) under a slow Ctrl + wheel at the floor.
    svg.addEventListener('wheel', (e) => (e.ctrlKey || e.metaKey) && e.preventDefault(), { passive: false });
    this.collectCull(svg, d.scene, d.contents);
  }

  /** The SVG's words that depend on the locale. */
  private labelSvg(svg: SVGSVGElement): void {
    const t = graphMessages(this.locale);
    svg.setAttribute('aria-roledescription', t.graphRole);
    // The name holds the title as seen ("vgg_block_1 · VGG block", less the ▾), so speech input can say what it reads (WCAG 2.5.3).
    for (const el of svg.querySelectorAll<SVGGElement>('.cnn-frame-title')) el.setAttribute('aria-label', t.collapse(el.textContent?.replace(/^[▾▸]\s*/, '').trim() || (el.dataset.path ?? '')));
  }

  /** Pair every cullable element with its box; the DOM lists them in scene order. */
  private collectCull(svg: SVGSVGElement, scene: Scene, contents: SceneContents): void {
    const items: typeof this.cullItems = [];
    const add = (els: NodeListOf<Element>, boxes: readonly { x: number; y: number; width: number; height: number }[], fills?: readonly (string | undefined)[]) =>
      els.forEach((el, i) => {
        const b = boxes[i];
        if (b) items.push({ el, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, off: false, fill: fills?.[i] ?? null });
      });
    const labelled = scene.edges.filter((e) => e.label);
    add(svg.querySelectorAll('.cnn-node'), scene.nodes, scene.nodes.map((n) => contents.nodes.get(n.id)));
    add(svg.querySelectorAll('.cnn-frame'), scene.frames);
    add(svg.querySelectorAll('.cnn-frame-title'), scene.frames.map((f) => ({ x: f.title.x - 4, y: f.title.y - 12, width: f.width, height: 16 })));
    add(svg.querySelectorAll('.cnn-edge-label'), labelled.map((e) => e.label as NonNullable<typeof e.label>), labelled.map((e) => contents.labels.get(e.id)));
    this.cullItems = items;
  }

  /** Give a shell its content (once), when it is about to be seen. */
  private fill(it: (typeof this.cullItems)[number]): void {
    if (it.fill === null) return;
    it.el.insertAdjacentHTML('beforeend', it.fill);
    it.fill = null;
  }

  /**
   * Hide (display: none) the boxes and labels more than one canvas away from
   * the view: the browser then styles and lays out only what can be seen. A
   * tall network fitted to the width shows a few dozen of its hundreds of
   * boxes; edges stay, so the structure is always there.
   */
  private cull(size = this.canvasSize()): void {
    if (!size || !this.cullItems.length) return;
    const t = this.transform ?? zoomIdentity;
    const w = size.w || 800;
    const h = size.h || 600;
    const x0 = t.invertX(-w);
    const x1 = t.invertX(2 * w);
    const y0 = t.invertY(-h);
    const y1 = t.invertY(2 * h);
    // The node in the tab order stays: hiding it would drop the keyboard focus to the page.
    const active = this.activeId ? this.nodeEl(this.activeId) : null;
    for (const it of this.cullItems) {
      const off = it.el !== active && (it.x1 < x0 || it.x0 > x1 || it.y1 < y0 || it.y0 > y1);
      if (!off) this.fill(it);
      if (off !== it.off) {
        it.off = off;
        it.el.classList.toggle('cnn-off', off);
      }
    }
  }

  private markSelection(svg: SVGSVGElement): void {
    const sel = this.selected;
    select(svg)
      .selectAll<SVGGElement, unknown>('.cnn-node')
      .attr('aria-pressed', function () {
        return this.dataset.type === 'layer' || this.dataset.type === 'module' ? String(this.dataset.path === sel) : null;
      });
  }

  private nodeEl(id: string): SVGGElement | null {
    return (this.svg?.querySelector(`.cnn-node[data-id="${CSS.escape(id)}"]`) as SVGGElement | null) ?? null;
  }

  private setActive(id: string | null, focus: boolean): void {
    const svg = this.svg;
    if (!svg || !id) return;
    const prev = this.activeId ? this.nodeEl(this.activeId) : null;
    prev?.setAttribute('tabindex', '-1');
    this.activeId = id;
    const el = this.nodeEl(id);
    if (!el) return;
    el.setAttribute('tabindex', '0');
    if (focus) {
      // A culled box cannot take the focus: show it first; `reveal` pans to it.
      el.classList.remove('cnn-off');
      const item = this.cullItems.find((x) => x.el === el);
      if (item) {
        item.off = false;
        this.fill(item);
      }
      el.focus({ preventScroll: true });
      this.reveal(id);
    }
  }

  /**
   * Pan so the node (or an expanded module's frame) is in view, keeping the zoom; with
   * `readable`, zoom in first to at least `READABLE_SCALE` (never past what shows the box whole).
   */
  private reveal(id: string, readable = false): void {
    const d = this.drawn;
    const svg = this.svg;
    const size = this.canvasSize();
    if (!d || !svg || !size || !this.zoomer) return;
    const n = d.scene.nodes.find((x) => x.id === id) ?? d.scene.frames.find((x) => x.id === id);
    if (!n) return;
    const t = this.transform ?? zoomIdentity;
    const { w, h } = size;
    const k = readable ? Math.max(t.k, Math.min(READABLE_SCALE, (0.9 * w) / n.width, (0.9 * h) / n.height)) : t.k;
    const x0 = t.applyX(n.x);
    const y0 = t.applyY(n.y);
    const x1 = t.applyX(n.x + n.width);
    const y1 = t.applyY(n.y + n.height);
    if (k === t.k && x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h) return;
    const cx = n.x + n.width / 2;
    // A box taller than the canvas (a big frame) shows its top.
    const cy = n.height * k > h ? n.y + h / (2 * k) - 8 / k : n.y + n.height / 2;
    select(svg).call(this.zoomer.transform, zoomIdentity.translate(w / 2 - cx * k, h / 2 - cy * k).scale(k));
  }

  /**
   * Open every collapsed module around `path` (one `cnn-toggle` each) and bring its box into
   * view at a readable scale, now or once the expanded picture is on screen.
   */
  private bringIntoView(path: string, type: CnnSelectDetail['type']): void {
    const d = this.drawn;
    const a = this.analysis;
    if (!d || !a) return;
    // A path the network does not have opens nothing (`3.4.nope` must not expand 3.4).
    if (path !== 'input' && !a.layers.some((l) => l.path === path) && !a.modules.some((m) => m.path === path)) return;
    const modules = collapsible(a);
    const open = new Set(d.prepared.view.expanded);
    const closed = [...modules.keys()].filter((m) => path.startsWith(m + '.') && !open.has(m)).sort((x, y) => x.length - y.length);
    const id = this.viewIdOf(path, type);
    if (!closed.length) {
      if (this.nodeEl(id)) this.setActive(id, false);
      this.reveal(id, true);
      return;
    }
    for (const m of closed) open.add(m);
    this.expandedPaths = open;
    this.pendingReveal = id;
    this.pendingFocus = null;
    const expandedPaths = [...open].sort();
    for (const m of closed) emit<CnnToggleDetail>(this, 'cnn-toggle', { path: m, expanded: true, expandedPaths });
  }

  /** The id of what shows `path`: a layer's box, or a module's box or frame (the same id). */
  private viewIdOf(path: string, type: CnnSelectDetail['type']): string {
    if (path === 'input') return INPUT_ID;
    return type === 'module' ? moduleId(path) : layerId(path);
  }

  /** Scale so the whole network fits the canvas. */
  fit(): void {
    this.applyFit(false);
  }

  /**
   * `readable`: the first view (`firstView`): the whole picture if it reads, else its top at
   * a readable scale. Otherwise the whole picture, however small.
   */
  private applyFit(readable: boolean, size = this.canvasSize()): void {
    const d = this.drawn;
    const svg = this.svg;
    if (!d || !svg || !size || !this.zoomer) return;
    if (readable) {
      const input = d.scene.nodes.find((n) => n.type === 'input');
      const v = firstView(size, d.scene, input ? input.x + input.width / 2 : undefined);
      select(svg).call(this.zoomer.transform, zoomIdentity.translate(v.x, v.y).scale(v.k));
      return;
    }
    const w = size.w || 800;
    const h = size.h || 600;
    const sw = Math.max(1, d.scene.width);
    const sh = Math.max(1, d.scene.height);
    const k = Math.min(1, w / sw, h / sh);
    const tx = (w - sw * k) / 2;
    const ty = (h - sh * k) / 2;
    select(svg).call(this.zoomer.transform, zoomIdentity.translate(tx, ty).scale(k));
  }

  /** The smallest zoom: the whole picture in the canvas (see `minScale`). */
  private zoomFloor(size = this.canvasSize()): number {
    const d = this.drawn;
    return d && size ? minScale(size, d.scene) : 0.03;
  }

  /** The overview's boxes, once per picture. */
  private minimapPaths = new WeakMap<Drawn, string>();

  private minimapPathOf(d: Drawn): string {
    let p = this.minimapPaths.get(d);
    if (p === undefined) this.minimapPaths.set(d, (p = minimapPath(d.scene)));
    return p;
  }

  /** Show the overview while the picture is much larger than the canvas, with the part on screen marked. */
  private updateMinimap(size = this.canvasSize()): void {
    const el = this.renderRoot.querySelector<HTMLElement>('.minimap');
    const d = this.drawn;
    if (!el || !d || !size) return;
    const t = this.transform ?? zoomIdentity;
    const show = needsMinimap(size, d.scene, t.k);
    if (el.hidden === show) el.hidden = !show;
    if (!show) return;
    const m = minimapSize(size, d.scene);
    el.style.width = `${m.w}px`;
    el.style.height = `${m.h}px`;
    const sw = d.scene.width;
    const sh = d.scene.height;
    const x0 = Math.max(0, t.invertX(0));
    const y0 = Math.max(0, t.invertY(0));
    const x1 = Math.min(sw, t.invertX(size.w));
    const y1 = Math.min(sh, t.invertY(size.h));
    const view = el.querySelector('.mm-view');
    view?.setAttribute('x', String(x0));
    view?.setAttribute('y', String(y0));
    view?.setAttribute('width', String(Math.max(0, x1 - x0)));
    view?.setAttribute('height', String(Math.max(0, y1 - y0)));
  }

  /** Press or drag on the overview: centre the view on that point of the picture. */
  private onMinimap = (e: PointerEvent) => {
    const el = e.currentTarget as HTMLElement;
    const d = this.drawn;
    const svg = this.svg;
    if (!d || !svg || !this.zoomer) return;
    if (e.type === 'pointerdown') {
      el.setPointerCapture?.(e.pointerId);
      e.preventDefault();
    } else if (!el.hasPointerCapture?.(e.pointerId)) return;
    const r = el.getBoundingClientRect();
    const size = this.canvasSize();
    const k = (this.transform ?? zoomIdentity).k;
    // The point pressed goes to the canvas's centre, but the view stops at the picture's edges.
    const within = (v: number, side: number, view: number) => (side * k <= view ? side / 2 : Math.min(Math.max(v, view / (2 * k)), side - view / (2 * k)));
    const x = within(((e.clientX - r.left) / Math.max(1, r.width)) * d.scene.width, d.scene.width, size?.w ?? 0);
    const y = within(((e.clientY - r.top) / Math.max(1, r.height)) * d.scene.height, d.scene.height, size?.h ?? 0);
    select(svg).call(this.zoomer.translateTo, x, y);
  };

  /** Say, once, how to zoom: the reader's wheel just scrolled the page instead. */
  private showWheelHint(): void {
    if (this.hinted) return;
    this.hinted = true;
    this.wheelHint = true;
  }

  /** Zoom by a factor around the centre. */
  zoomBy(factor: number): void {
    const svg = this.svg;
    if (svg && this.zoomer) select(svg).call(this.zoomer.scaleBy, factor);
  }

  // ---- selection and expansion ----------------------------------------------

  private recordOf(type: string | undefined, path: string | null): LayerRecord | ModuleRecord | null {
    const a = this.analysis;
    if (!a || !path) return null;
    if (type === 'module') return a.modules.find((m) => m.path === path) ?? null;
    return a.layers.find((l) => l.path === path) ?? a.modules.find((m) => m.path === path) ?? null;
  }

  /**
   * Select a layer or module by path (null clears); emits `cnn-select`. Collapsed modules
   * around it are expanded (each emits `cnn-toggle`) and its box is brought into view at a
   * readable scale.
   */
  select(path: string | null, type?: CnnSelectDetail['type']): void {
    const t = this.choose(path, type);
    if (path !== null) this.bringIntoView(path, t);
  }

  /** Select what the reader pointed at, where it is: no expansion, no pan. */
  private choose(path: string | null, type?: CnnSelectDetail['type']): CnnSelectDetail['type'] {
    this.selected = path;
    const a = this.analysis;
    const t: CnnSelectDetail['type'] = path === null ? null : (type ?? (a?.modules.some((m) => m.path === path) && !a.layers.some((l) => l.path === path) ? 'module' : 'layer'));
    emit<CnnSelectDetail>(this, 'cnn-select', { path, type: t, record: this.recordOf(t ?? undefined, path) });
    return t;
  }

  /** Expand or collapse a module; emits `cnn-toggle`. */
  toggle(path: string, expand?: boolean): void {
    const a = this.analysis;
    if (!a || !collapsible(a).has(path)) return;
    const cur = new Set(this.drawn?.prepared.view.expanded ?? []);
    const open = expand ?? !cur.has(path);
    if (open) cur.add(path);
    else for (const p of [...cur]) if (p === path || p.startsWith(path + '.')) cur.delete(p);
    this.expandedPaths = cur;
    this.pendingFocus = open ? null : `M:${path}`;
    if (open) {
      const first = a.modules.find((m) => m.path === path)?.children[0];
      if (first) this.pendingFocus = collapsible(a).has(first) ? `M:${first}` : `L:${first}`;
    }
    emit<CnnToggleDetail>(this, 'cnn-toggle', { path, expanded: open, expandedPaths: [...cur].sort() });
  }

  expandAll(): void {
    if (this.analysis) this.expandedPaths = new Set(collapsible(this.analysis).keys());
  }

  collapseAll(): void {
    this.expandedPaths = new Set();
  }

  // ---- export -------------------------------------------------------------

  /** The picture as a standalone SVG document, with this element's current token values inlined. */
  toSVG(): string {
    const d = this.drawn;
    if (!d) throw new Error('<cnn-graph> has nothing drawn yet; wait for the cnn-layout event.');
    const cs = getComputedStyle(this);
    const base = THEMES[this.theme === 'dark' ? 'dark' : 'light'];
    const tokens = Object.fromEntries(TOKEN_NAMES.map((n) => [n, cs.getPropertyValue(n).trim() || (base[n] as string)]));
    return sceneToSVG(d.scene, { tokens });
  }

  /** The picture as a PNG, `scale` device pixels per SVG pixel. */
  async toPNG(scale = 2): Promise<Blob> {
    const svgText = this.toSVG();
    const d = this.drawn as Drawn;
    const w = Math.ceil(d.scene.width);
    const h = Math.ceil(d.scene.height);
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.decoding = 'async';
      img.src = url;
      await img.decode();
      const max = 16384;
      const s = Math.min(scale, max / w, max / h);
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.floor(w * s));
      canvas.height = Math.max(1, Math.floor(h * s));
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.scale(s, s);
      ctx.drawImage(img, 0, 0, w, h);
      return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  /** A toolbar download: a failure is said in the element (it failed silently before), not only in the console. */
  private async exportAs(format: 'SVG' | 'PNG', make: () => Promise<Blob>): Promise<void> {
    try {
      this.download(this.fileName(format.toLowerCase()), await make());
      this.exportError = null;
    } catch (e) {
      const why = e instanceof Error && e.message ? e.message : format === 'PNG' ? 'the browser could not draw the picture' : String(e);
      this.exportError = graphMessages(this.locale).exportFailed(format, clip(why, 200));
    }
  }

  private download(name: string, blob: Blob): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private fileName(ext: string): string {
    return `${(this.analysis?.model ?? 'network').replace(/[^\w.-]+/g, '_')}.${ext}`;
  }

  // ---- interaction handlers -------------------------------------------------

  private target(e: Event): { el: SVGGElement; id: string; type: SceneNode['type']; path: string } | null {
    const el = (e.target as Element | null)?.closest?.('.cnn-node') as SVGGElement | null;
    if (!el || !el.dataset.id) return null;
    return { el, id: el.dataset.id, type: el.dataset.type as SceneNode['type'], path: el.dataset.path ?? '' };
  }

  private onClick = (e: MouseEvent) => {
    const title = (e.target as Element | null)?.closest?.('.cnn-frame-title') as SVGGElement | null;
    if (title?.dataset.path) {
      this.toggle(title.dataset.path, false);
      return;
    }
    const t = this.target(e);
    if (!t) return;
    this.setActive(t.id, true);
    if (t.type === 'module') this.toggle(t.path, true);
    this.choose(t.type === 'input' ? 'input' : t.path, t.type);
  };

  private onKey = (e: KeyboardEvent) => {
    const d = this.drawn;
    if (!d) return;
    const nodes = d.scene.nodes;
    const node = nodes.find((n) => n.id === this.activeId) ?? nodes[0];
    let next: string | null = null;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowLeft':
        // To the nearest box that way on screen; at the edge of the picture, stay.
        next = node ? nearestInDirection(nodes, node.id, ARROW_HEADINGS[e.key]) : null;
        break;
      case 'Home':
        next = nodes[0]?.id ?? null;
        break;
      case 'End':
        next = nodes[nodes.length - 1]?.id ?? null;
        break;
      case 'Enter':
      case ' ':
        if (!node) return;
        if (node.type === 'module') this.toggle(node.path, true);
        this.choose(node.type === 'input' ? 'input' : node.path, node.type);
        break;
      case '-':
      case 'Backspace': {
        // Collapse the module around the focused node.
        const frame = d.prepared.view.nodes.find((n) => n.id === node?.id)?.container;
        if (frame) this.toggle(frame.slice(2), false);
        break;
      }
      case 'Escape':
        this.hover = null;
        if (this.selected !== null) this.choose(null);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next !== null) this.setActive(next, true);
  };

  private showDetails = (e: Event) => {
    const t = this.target(e);
    const canvas = this.canvas;
    if (!t || !canvas) return;
    const r = t.el.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const x = Math.min(Math.max(4, r.right - c.left + 8), Math.max(4, c.width - 360));
    const y = Math.min(Math.max(4, r.top - c.top), Math.max(4, c.height - 160));
    this.hover = { type: t.type, path: t.path, x, y };
  };

  private hideDetails = (e: Event) => {
    const to = (e as FocusEvent).relatedTarget as Element | null;
    if (to?.closest?.('.cnn-node') && e.type === 'focusout') return;
    this.hover = null;
  };

  // ---- template -------------------------------------------------------------

  private renderDetails() {
    const d = this.drawn;
    const h = this.hover;
    if (!d || !h) return nothing;
    const info = details({ graph: d.loaded.graph, analysis: d.loaded.analysis }, h.type, h.path, this.locale);
    return html`<div part="details" class="details" role="tooltip" style="left:${h.x}px;top:${h.y}px">
      <h3>${info.title}</h3>
      <div class="sub">${info.subtitle}</div>
      <table>
        ${info.rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}
      </table>
      ${info.formula.map((f) => html`<code>${f}</code>`)}
      ${info.diagnostics.map((x) => {
        const t = diagnosticText(x, this.locale);
        return html`<div class="diag">${t.message}${x.formula ? html`<code>${x.formula}</code>` : nothing}${t.fix ? html`<div>${t.fix}</div>` : nothing}</div>`;
      })}
    </div>`;
  }

  private renderMessage() {
    const m = graphMessages(this.locale);
    if (this.fatal) {
      const f = this.fatal;
      return html`<div part="message" class="message fatal" role="alert">
        <strong>${m.cannotDraw}</strong> ${this.locale === 'zh' && this.fatalZh !== null ? this.fatalZh : f.message}
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
    const a = this.tableOf;
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
    const busy = this.task.status === TaskStatus.PENDING;
    const m = graphMessages(this.locale);
    return html`<div part="base" class="base">
      ${this.toolbar
        ? html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${m.tools}>
            <button type="button" data-action="fit" @click=${() => this.fit()} title=${m.fitTitle}>${m.fit}</button>
            <button type="button" data-action="zoom-in" @click=${() => this.zoomBy(1.25)} aria-label=${m.zoomIn} title=${m.zoomIn}>+</button>
            <button type="button" data-action="zoom-out" @click=${() => this.zoomBy(0.8)} aria-label=${m.zoomOut} title=${m.zoomOut}>−</button>
            <button type="button" data-action="expand-all" @click=${() => this.expandAll()}>${m.expandAll}</button>
            <button type="button" data-action="collapse-all" @click=${() => this.collapseAll()}>${m.collapseAll}</button>
            <button type="button" data-action="svg" title=${m.downloadSvg} @click=${() => d && this.exportAs('SVG', async () => new Blob([this.toSVG()], { type: 'image/svg+xml' }))}>SVG</button>
            <button type="button" data-action="png" title=${m.downloadPng} @click=${() => d && this.exportAs('PNG', () => this.toPNG())}>PNG</button>
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
            ${this.finder.render(m)}
          </div>`
        : nothing}
      <div
        part="canvas"
        class="canvas"
        @click=${this.onClick}
        @keydown=${this.onKey}
        @pointerover=${this.showDetails}
        @pointerout=${this.hideDetails}
        @focusin=${this.showDetails}
        @focusout=${this.hideDetails}
      ></div>
      ${d
        ? html`<div part="minimap" class="minimap" aria-hidden="true" hidden @pointerdown=${this.onMinimap} @pointermove=${this.onMinimap}>
            <svg viewBox="0 0 ${Math.max(1, d.scene.width)} ${Math.max(1, d.scene.height)}" preserveAspectRatio="none"><path class="mm-boxes" d=${this.minimapPathOf(d)}></path><rect class="mm-view"></rect></svg>
          </div>`
        : nothing}
      ${this.wheelHint
        ? html`<div part="hint" class="hint" role="status" @animationend=${() => (this.wheelHint = false)}>${m.wheelHint(isApple())}</div>`
        : nothing}
      ${this.renderDetails()} ${this.renderMessage()}
      ${this.exportError ? html`<div part="message" class="message export-error" role="alert">${this.exportError}</div>` : nothing}
      <div class="status" role="status" aria-live="polite">${busy ? (d ? m.layingOut : m.loading) : ''}</div>
      ${d?.note ? html`<div part="notice" class="notice" role="note" title=${`${d.note}. ${m.forceElk}`}>${m.fastLayout(fmtInt(d.prepared.density.boxes), fmtInt(d.prepared.density.crossLinks))}</div>` : nothing}
      ${this.renderTable()}
    </div>`;
  }
}
