import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Graph } from '../../graph/types.js';
import { analyze, diagnosticText } from '../../analysis/analyze.js';
import { clip } from '../../graph/text.js';
import { admitGraph } from '../../graph/validate.js';
import { ZOO_IDS, zooEntry, zooGraph, zooIdsHint } from '../../zoo/index.js';
import { BACKEND_NAMES, chooseBackend, selectBackend, type BackendInfo, type BackendName } from '../../train/backend.js';
import { DATASET_NAMES, classesOf, type Dataset, type DatasetName } from '../../train/data/dataset.js';
import { loadDataset } from '../../train/data/load.js';
import { browserBudget, checkTrainingMemory, TrainMemoryError } from '../../train/memory.js';
import { ContextLostError, TrainDivergedError, presetOptions, resultRecord, train, type EpochSummary, type OptimizerName, type ResultRecord, type TrainProgress, type TrainResult, type TrainStage } from '../../train/train.js';
import { type Locale, watchLocale } from '../i18n.js';
import { emit } from '../cnn-graph/events.js';
import { fmtInt } from '../../render/format.js';
import { confusionColors, lineChart, type Point } from './charts.js';
import { trainMessages } from './messages.js';
import { styles } from './cnn-train.styles.js';

/** `<cnn-train>`'s view of a `<cnn-graph>`: only its public properties (this bundle never defines that element). */
interface GraphElement extends HTMLElement {
  model: string | null;
  src: string | null;
  graph: Graph | null;
  input: string | null;
  analysis: { model: string } | null;
}

export type BackendChoice = 'auto' | BackendName;

export interface CnnTrainErrorDetail {
  /** `diverged`: the loss became NaN/∞ or exploded; `context-lost`: WebGL went away (continue on WASM is offered); `memory`: the run would not fit in memory (nothing was allocated); `data`, `model`, `backend`, `other`. */
  kind: 'diverged' | 'context-lost' | 'memory' | 'data' | 'model' | 'backend' | 'other';
  message: string;
}

/** The backend a run trains on, and why, in the page's language (`reason`; empty when there is nothing to say). */
export interface CnnTrainBackendDetail extends BackendInfo {
  reason: string;
}

export type CnnTrainBackendEvent = CustomEvent<CnnTrainBackendDetail>;
export type CnnTrainProgressEvent = CustomEvent<TrainProgress>;
export type CnnTrainEpochEvent = CustomEvent<EpochSummary>;
export type CnnTrainEndEvent = CustomEvent<ResultRecord>;
export type CnnTrainErrorEvent = CustomEvent<CnnTrainErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'cnn-train-backend': CnnTrainBackendEvent;
    'cnn-train-progress': CnnTrainProgressEvent;
    'cnn-train-epoch': CnnTrainEpochEvent;
    'cnn-train-end': CnnTrainEndEvent;
    'cnn-train-error': CnnTrainErrorEvent;
  }
}

/** Where this script lives: the data and the .wasm files are looked for next to it by default. */
const HERE = import.meta.url;

/** One download per data folder and dataset, shared by every panel of the page. */
const datasets = new Map<string, Promise<Dataset>>();

function loadData(name: DatasetName, base: string, onProgress: (done: number, total: number) => void): Promise<Dataset> {
  const key = `${base}|${name}`;
  let p = datasets.get(key);
  if (!p) {
    p = loadDataset(name, { baseUrl: base, onProgress: (d, t) => onProgress(d, t) });
    datasets.set(key, p);
    p.catch(() => datasets.delete(key));
  } else onProgress(4, 4);
  return p;
}

/** `3x224x224` → `[3, 224, 224]` (the `input` attribute of `<cnn-graph>`). */
function parseShape(text: string): [number, number, number] {
  const parts = text.trim().split(/\s*[x×,*]\s*|\s+/i).filter(Boolean).map(Number);
  if (parts.length !== 3 || !parts.every((x) => Number.isInteger(x) && x > 0)) throw new Error(`The input "${text}" is not a shape C×H×W. Write it like 1x28x28.`);
  return parts as [number, number, number];
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;

/** Settings a run uses: the panel's fields where set, the notes' preset otherwise. */
export interface TrainSettings {
  dataset: DatasetName;
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: OptimizerName;
  momentum: number;
  limit: number | null;
  testLimit: number | null;
}

/**
 * @summary The train panel: compiles the network of a `<cnn-graph>` (or a zoo
 * id, or a graph object) to TensorFlow.js and trains it on MNIST or
 * Fashion-MNIST in the page, on WebGL when there is a real GPU (WASM when
 * WebGL is missing or renders in software, tfjs's CPU backend last; it says
 * why, and a switch picks another), with the notes' settings and reported accuracy.
 *
 * @fires cnn-train-backend - The backend is chosen and started, before the network compiles; `detail` is the `BackendInfo` (`backend, renderer, software, wasm, skipped, why`) plus `reason`, why it was chosen in the page's language.
 * @fires cnn-train-progress - After every batch (training and testing); `detail` is the `TrainProgress` (epoch, batch, loss, samples/s, ETA, fraction).
 * @fires cnn-train-epoch - After every epoch; `detail` is the `EpochSummary` (mean loss, test accuracy, tensors).
 * @fires cnn-train-end - The run finished; `detail` is the result record (`model, dataset, backend, renderer, epochs, trainSamples, testSamples, samplesPerSecond, testAccuracy, loss, reference`).
 * @fires cnn-train-error - The run stopped on an error; `detail.kind` (`diverged`, `context-lost`, `memory`, `data`, `model`, `backend`, `other`) and `detail.message`. Not fired for Stop.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The network's name and where its settings come from.
 * @csspart controls - The form with dataset, epochs, batch size, learning rate, optimizer, and how many training and test images.
 * @csspart start - The Start button.
 * @csspart stop - The Stop button.
 * @csspart backend - The backend line: the switch (a select), the backend in use, its GPU, and why it was chosen.
 * @csspart progress - The progress bar.
 * @csspart status - The line under the bar: what happens before the first batch (loading, compiling, warming up), then epoch, batch, ETA, images/s, loss.
 * @csspart announce - The visually hidden live region (`aria-live="polite"`): each stage once, then the result or Stop, not every batch.
 * @csspart loss-chart - The live training-loss curve (SVG).
 * @csspart accuracy-chart - The per-epoch test accuracy (SVG).
 * @csspart result - The final test accuracy beside the notes' reference.
 * @csspart confusion - The confusion-matrix table.
 * @csspart message - An error, with "Continue on WASM" after a lost WebGL context.
 *
 * @cssproperty --cnn-bg - Background.
 * @cssproperty --cnn-fg - Text.
 * @cssproperty --cnn-muted - Secondary text and axes.
 * @cssproperty --cnn-focus - The progress bar, the loss curve and the buttons.
 * @cssproperty --cnn-aux - The accuracy curve.
 * @cssproperty --cnn-error - Error messages.
 * @cssproperty --cnn-error-bg - Background of error messages.
 * @cssproperty --cnn-module-stroke - Borders and grid lines.
 */
export class CnnTrain extends LitElement {
  static override styles = styles;

  /** Id of the `<cnn-graph>` whose network is trained (same document or shadow root). */
  @property({ reflect: true }) for: string | null = null;
  /** A zoo id, used when there is no `for` or `graph`. */
  @property({ reflect: true }) model: string | null = null;
  /** A network object; wins over `for` and `model`. */
  @property({ attribute: false }) graph: Graph | null = null;
  /** Folder URL of the data assets (`mnist-train-images.bin.gz`, …); default: `data/` next to this script. */
  @property() data: string | null = null;
  /** Folder URL of tfjs-backend-wasm's `.wasm` files; default: the folder of this script. */
  @property() wasm: string | null = null;
  /** `auto` (WebGL on a real GPU, else WASM, CPU last; see `chooseBackend`), or one of `webgl`, `wasm`, `cpu`; the panel's switch sets it. */
  @property({ reflect: true }) backend: BackendChoice = 'auto';
  /** `mnist` or `fashion-mnist`; default: the notes' choice for the network. (Attribute `dataset`; `dataset` is HTMLElement's own property.) */
  @property({ attribute: 'dataset' }) datasetName: DatasetName | null = null;
  /** Passes over the training set; default: the notes'. */
  @property({ type: Number }) epochs: number | null = null;
  /** Images per gradient step; default: the notes'. */
  @property({ type: Number, attribute: 'batch-size' }) batchSize: number | null = null;
  /** Learning rate; default: the notes'. */
  @property({ type: Number }) lr: number | null = null;
  /** `sgd` (with momentum) or `adam`; default: the notes'. */
  @property() optimizer: OptimizerName | null = null;
  /** SGD momentum; default: the notes'. */
  @property({ type: Number }) momentum: number | null = null;
  /** Train on this many images (a fixed random subset); default: all 60,000. */
  @property({ type: Number }) limit: number | null = null;
  /** Test on this many images (a fixed random subset); default: all 10,000. */
  @property({ type: Number, attribute: 'test-limit' }) testLimit: number | null = null;
  /** Seeds the subsets, the shuffles and the initial weights. */
  @property({ type: Number }) seed = 0;
  /** `light`, `dark`, or `auto` (follows the system's colour scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  @state() private status: 'idle' | 'data' | 'backend' | 'training' | 'done' | 'stopped' | 'error' = 'idle';
  @state() private dataFiles: [number, number] = [0, 4];
  /** Between the backend and the first batch: compiling the network, then warming up. */
  @state() private stage: TrainStage | null = null;
  @state() private info: BackendInfo | null = null;
  @state() private last: TrainProgress | null = null;
  @state() private lossPoints: Point[] = [];
  @state() private epochRows: EpochSummary[] = [];
  @state() private done: TrainResult | null = null;
  @state() private failure: (CnnTrainErrorDetail & { weights?: Float32Array[]; epochsDone?: number }) | null = null;
  /** Epochs finished on a backend that was then lost; the continuation's epochs count from here. */
  private epochOffset = 0;
  private plannedEpochs = 0;
  private priorLoss: number[] = [];
  private priorAccuracy: (number | null)[] = [];
  /** The language of the nearest `lang` (en or zh), followed live. */
  @state() private locale: Locale = 'en';
  private controller: AbortController | null = null;
  private graphEl: GraphElement | null = null;
  private unwatchLocale: (() => void) | null = null;

  private onGraphChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLocale = watchLocale(this, (l) => (this.locale = l));
    // The graph may come later in the document: look again once it is parsed.
    queueMicrotask(() => this.attach());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLocale?.();
    this.unwatchLocale = null;
    this.detach();
    // A removed panel stops its run (tensors are given back by train()).
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('for') && this.isConnected) this.attach();
  }

  private detach(): void {
    this.graphEl?.removeEventListener('cnn-layout', this.onGraphChange);
    this.graphEl?.removeEventListener('cnn-error', this.onGraphChange);
    this.graphEl = null;
  }

  private attach(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const el = this.for ? ((root.getElementById?.(this.for) as GraphElement | null) ?? null) : null;
    if (el === this.graphEl) return;
    this.detach();
    this.graphEl = el;
    el?.addEventListener('cnn-layout', this.onGraphChange);
    el?.addEventListener('cnn-error', this.onGraphChange);
    this.requestUpdate();
  }

  // ---- public state ---------------------------------------------------------

  /** True while data loads or a run trains. */
  get running(): boolean {
    return this.controller !== null;
  }

  /** The backend of the current or last run (with its GPU renderer on WebGL, and `why` it was chosen). */
  get backendInfo(): BackendInfo | null {
    return this.info;
  }

  /** Why the current or last run's backend was chosen, in the page's language ('' when there is nothing to say). */
  get backendReason(): string {
    return this.info ? this.reasonText(this.info) : '';
  }

  /** The last run's full result (confusion matrix, per-epoch accuracy, …), or null. */
  get result(): TrainResult | null {
    return this.done;
  }

  /** The id of the network that Start would train (null when there is none yet). */
  get modelId(): string | null {
    return this.graph?.name ?? this.graphEl?.graph?.name ?? this.graphEl?.analysis?.model ?? this.graphEl?.model ?? this.model ?? null;
  }

  /** The settings Start would use: the fields set on the panel, else the notes' preset for the network. */
  get settings(): TrainSettings {
    const p = this.modelId ? presetOptions(this.modelId) : {};
    return {
      dataset: this.datasetName ?? p.dataset ?? 'mnist',
      epochs: this.epochs ?? p.epochs ?? 5,
      batchSize: this.batchSize ?? p.batchSize ?? 64,
      lr: this.lr ?? p.lr ?? 0.01,
      optimizer: this.optimizer ?? p.optimizer ?? 'sgd',
      momentum: this.momentum ?? p.momentum ?? 0,
      limit: this.limit,
      testLimit: this.testLimit,
    };
  }

  // ---- running --------------------------------------------------------------

  /** The network to train, read from `graph`, the `<cnn-graph>` of `for`, or `model`. */
  private async resolveGraph(signal: AbortSignal): Promise<Graph> {
    if (this.graph) return this.admit(this.graph);
    const el = this.graphEl;
    let graph: Graph | null = null;
    if (el) {
      if (el.graph) graph = this.admit(el.graph);
      else if (el.src) {
        const res = await fetch(el.src, { signal });
        const t = trainMessages(this.locale);
        if (!res.ok) throw new Error(t.loadFailed(clip(el.src), `${res.status} ${res.statusText}`.trim()));
        const { parseNetwork } = await import('../../graph/json.js');
        const parsed = parseNetwork(await res.text());
        const first = parsed.diagnostics[0];
        if (!parsed.graph) throw new Error(t.invalidNetwork(clip(el.src), first ? diagnosticText(first, this.locale).message : '?'));
        graph = parsed.graph;
      } else if (el.model) graph = zooGraph(el.model) ?? null;
      if (graph && el.input) graph = { ...graph, input: parseShape(el.input) };
    } else if (this.model) graph = zooGraph(this.model) ?? null;
    if (!graph) {
      const id = el?.model ?? this.model;
      const t = trainMessages(this.locale);
      // Quoted by its start: a million-character attribute is not a million-character message.
      throw new Error(id ? t.unknownModel(clip(id), zooIdsHint(this.locale === 'zh' ? 'zh' : 'en')) : t.noModel);
    }
    return graph;
  }

  /**
   * A graph property comes from script and may be anything: read it the way
   * `<cnn-graph>` does (admitGraph: a Graph, or the `cnn-graph/1` document
   * `cnn-graph export` writes), and refuse what is not a network by saying why.
   */
  private admit(value: unknown): Graph {
    const admitted = admitGraph(value);
    // Not a network at all (not an object, or its top level is wrong): say so here. A network
    // whose layers have problems (a bad field, a cycle) is one: the run's analysis refuses it
    // naming the layer (`net.2 Add: reads its own output…`), as for any other source.
    const top = admitted.issues.filter((i) => i.code === 'graph');
    if (!admitted.isGraph || top.length) {
      const first = top[0];
      throw new Error(trainMessages(this.locale).notANetwork(first ? (this.locale === 'zh' ? first.zh.message : first.message) : '?'));
    }
    return admitted.graph;
  }

  /**
   * Trains with the current settings. Resolves with the result, or null when
   * stopped or failed (the panel shows why, and `cnn-train-error` says it).
   */
  async start(): Promise<TrainResult | null> {
    if (this.controller) return null;
    this.epochOffset = 0;
    this.priorLoss = [];
    this.priorAccuracy = [];
    this.lossPoints = [];
    this.epochRows = [];
    this.done = null;
    this.info = null;
    this.plannedEpochs = this.settings.epochs;
    return this.run(this.backend === 'auto' ? 'auto' : [this.backend], this.plannedEpochs);
  }

  /** After a lost WebGL context: train the remaining epochs on WASM from the weights kept on the CPU. */
  async continueOnWasm(): Promise<TrainResult | null> {
    const f = this.failure;
    if (this.controller || f?.kind !== 'context-lost' || !f.weights) return null;
    this.epochOffset += f.epochsDone ?? 0;
    // Drop the points of the epoch that was cut short: it is trained again.
    this.lossPoints = this.lossPoints.filter((p) => p.x <= this.epochOffset);
    this.epochRows = this.epochRows.filter((r) => r.epoch <= this.epochOffset);
    return this.run(['wasm', 'cpu'], this.plannedEpochs - this.epochOffset, f.weights);
  }

  /** Stops the run between two batches; the panel keeps what was done. */
  stop(): void {
    this.controller?.abort();
  }

  private async run(order: 'auto' | readonly BackendName[], epochs: number, initialWeights?: Float32Array[]): Promise<TrainResult | null> {
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    const s = this.settings;
    this.failure = null;
    this.last = null;
    this.stage = null;
    let stage: CnnTrainErrorDetail['kind'] = 'model';
    try {
      const graph = await this.resolveGraph(signal);
      const id = graph.name;
      // Before the data download: a run that cannot fit in the page's memory is refused with the numbers.
      const planned = analyze(graph);
      if (planned.ok) checkTrainingMemory(id, planned, { batchSize: s.batchSize, optimizer: s.optimizer, momentum: s.optimizer === 'adam' ? 0 : s.momentum }, browserBudget(), `a batch size`);
      stage = 'data';
      this.status = 'data';
      this.dataFiles = [0, 4];
      const dataset = await loadData(s.dataset, String(new URL(this.data ?? 'data/', this.data ? document.baseURI : HERE)), (d, t) => (this.dataFiles = [d, t]));
      if (signal.aborted) throw new DOMException('stopped', 'AbortError');
      stage = 'backend';
      this.status = 'backend';
      const wasmPaths = String(new URL(this.wasm ?? './', this.wasm ? document.baseURI : HERE));
      this.info = order === 'auto' ? await chooseBackend({ wasmPaths }) : await selectBackend({ prefer: order, wasmPaths });
      emit<CnnTrainBackendDetail>(this, 'cnn-train-backend', { ...this.info, reason: this.reasonText(this.info) });
      stage = 'other';
      this.status = 'training';
      const offset = this.epochOffset;
      const r = await train(graph, dataset, {
        epochs,
        batchSize: s.batchSize,
        lr: s.lr,
        optimizer: s.optimizer,
        momentum: s.momentum,
        ...(s.limit ? { limit: s.limit } : {}),
        ...(s.testLimit ? { testLimit: s.testLimit } : {}),
        seed: this.seed,
        signal,
        ...(initialWeights ? { initialWeights } : {}),
        onStage: (st) => (this.stage = st),
        onProgress: (p) => {
          const shifted = { ...p, epoch: p.epoch + offset, epochs: p.epochs + offset };
          this.last = shifted;
          if (p.phase === 'train' && p.loss !== null) this.lossPoints = [...this.lossPoints, { x: shifted.epoch - 1 + p.batch / p.batches, y: p.loss }];
          emit(this, 'cnn-train-progress', shifted);
        },
        onEpoch: (e) => {
          const shifted = { ...e, epoch: e.epoch + offset };
          this.epochRows = [...this.epochRows, shifted];
          emit(this, 'cnn-train-epoch', shifted);
        },
      });
      if (id !== r.model) throw new Error(`trained ${r.model}, expected ${id}`);
      const merged: TrainResult = { ...r, backendInfo: { ...r.backendInfo, skipped: this.info.skipped, why: this.info.why }, epochs: offset + r.epochs, loss: [...this.priorLoss, ...r.loss], accuracy: [...this.priorAccuracy, ...r.accuracy] };
      this.done = merged;
      this.status = 'done';
      emit(this, 'cnn-train-end', resultRecord(merged));
      return merged;
    } catch (e) {
      if (signal.aborted || (e instanceof Error && e.name === 'AbortError')) {
        this.status = 'stopped';
        return null;
      }
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof ContextLostError) {
        const kept = this.epochRows.filter((r) => r.epoch <= this.epochOffset + e.epochsDone);
        this.priorLoss = kept.map((r) => r.loss);
        this.priorAccuracy = kept.map((r) => r.testAccuracy);
        this.failure = { kind: 'context-lost', message, weights: e.weights, epochsDone: e.epochsDone };
      } else this.failure = { kind: e instanceof TrainDivergedError ? 'diverged' : e instanceof TrainMemoryError ? 'memory' : stage, message };
      this.status = 'error';
      emit<CnnTrainErrorDetail>(this, 'cnn-train-error', { kind: this.failure.kind, message });
      return null;
    } finally {
      if (this.controller === controller) this.controller = null;
      this.requestUpdate();
    }
  }

  // ---- rendering ------------------------------------------------------------

  /** Why `i` was chosen, in the page's language. */
  private reasonText(i: BackendInfo): string {
    const t = trainMessages(this.locale);
    const w = i.why;
    const label = (b: BackendName) => (b === 'webgl' ? 'WebGL' : b === 'wasm' ? 'WASM' : 'CPU');
    const times = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(a / b >= 10 ? 0 : 1) : null);
    if (!w) return '';
    if (w.kind === 'asked') return t.whyAsked;
    if (w.kind === 'software') return t.whySoftware(w.renderer, w.rates ? times(w.rates.wasm, w.rates.webgl) : null);
    if (w.kind === 'measured') {
      const other: BackendName = i.backend === 'webgl' ? 'wasm' : 'webgl';
      const factor = times(w.rates[i.backend], w.rates[other]);
      return factor ? t.whyMeasured(label(i.backend), label(other), factor) : '';
    }
    return '';
  }

  /** What happens between Start and the first batch, or '' once batches come. */
  private stageText(t: ReturnType<typeof trainMessages>): string {
    if (this.status === 'data') return t.loadingData(this.settings.dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST');
    if (this.status === 'backend') return this.backend === 'auto' ? t.choosing : t.starting;
    if (this.status === 'training' && !this.last) return this.stage === 'warmup' ? t.warmingUp : t.compiling;
    return '';
  }

  /** The live region's words: each stage once, not every batch (a screen reader would read them all). */
  private announceText(t: ReturnType<typeof trainMessages>): string {
    const stage = this.stageText(t);
    if (stage) return stage;
    if (this.status === 'training' && this.info) return t.trainingOn(this.info.backend);
    if (this.status === 'done' && this.done) return t.result(pct(this.done.testAccuracy));
    if (this.status === 'stopped') return t.stopped;
    return '';
  }

  private field<K extends 'epochs' | 'batchSize' | 'lr' | 'limit' | 'testLimit' | 'momentum'>(key: K, e: Event): void {
    const v = (e.target as HTMLInputElement).value.trim();
    const n = Number(v);
    this[key] = (v === '' || !Number.isFinite(n) ? null : n) as this[K];
  }

  private resetPreset(): void {
    this.datasetName = this.epochs = this.batchSize = this.lr = this.optimizer = this.momentum = null;
  }

  override render() {
    const t = trainMessages(this.locale);
    const id = this.modelId;
    const entry = id ? zooEntry(id) : undefined;
    const s = this.settings;
    const busy = this.running;
    const trainCount = 60000;
    const testCount = 10000;
    return html`<div part="base">
      <header part="header">
        <strong>${t.heading(id ?? '—')}</strong>
        ${this.for && !this.graph ? html`<span class="muted">${t.from(this.for)}</span>` : nothing}
        <span class="muted">${entry?.preset ? t.presetNote(this.locale === 'zh' ? (entry.preset.noteZh ?? entry.preset.note) : entry.preset.note) : id ? t.noPreset : this.for ? t.waiting(this.for) : t.noModel}</span>
      </header>
      <form part="controls" @submit=${(e: Event) => (e.preventDefault(), void this.start())}>
        <label
          >${t.dataset}
          <select name="dataset" ?disabled=${busy} @change=${(e: Event) => (this.datasetName = (e.target as HTMLSelectElement).value as DatasetName)}>
            ${DATASET_NAMES.map((d) => html`<option value=${d} ?selected=${d === s.dataset}>${d === 'mnist' ? 'MNIST' : 'Fashion-MNIST'}</option>`)}
          </select></label
        >
        <label>${t.epochs} <input name="epochs" type="number" min="1" step="1" .value=${String(s.epochs)} ?disabled=${busy} @change=${(e: Event) => this.field('epochs', e)} /></label>
        <label>${t.batchSize} <input name="batch-size" type="number" min="1" step="1" .value=${String(s.batchSize)} ?disabled=${busy} @change=${(e: Event) => this.field('batchSize', e)} /></label>
        <label>${t.lr} <input name="lr" type="number" min="0" step="any" .value=${String(s.lr)} ?disabled=${busy} @change=${(e: Event) => this.field('lr', e)} /></label>
        <label
          >${t.optimizer}
          <select name="optimizer" ?disabled=${busy} @change=${(e: Event) => (this.optimizer = (e.target as HTMLSelectElement).value as OptimizerName)}>
            <option value="sgd" ?selected=${s.optimizer === 'sgd'}>SGD</option>
            <option value="adam" ?selected=${s.optimizer === 'adam'}>Adam</option>
          </select>
          ${s.optimizer === 'sgd' && s.momentum ? html`<span class="muted">${t.momentum(s.momentum)}</span>` : nothing}</label
        >
        <label
          >${t.subset}
          <input name="limit" type="number" min="1" max=${trainCount} step="1" placeholder=${t.subsetAll(fmtInt(trainCount))} .value=${s.limit ? String(s.limit) : ''} ?disabled=${busy} @change=${(e: Event) => this.field('limit', e)}
        /></label>
        <label
          >${t.testSubset}
          <input name="test-limit" type="number" min="1" max=${testCount} step="1" placeholder=${t.subsetAll(fmtInt(testCount))} .value=${s.testLimit ? String(s.testLimit) : ''} ?disabled=${busy} @change=${(e: Event) => this.field('testLimit', e)}
        /></label>
        <span class="buttons">
          <button part="start" type="submit" ?disabled=${busy || !id}>${t.start}</button>
          <button part="stop" type="button" ?disabled=${!busy} @click=${() => this.stop()}>${t.stop}</button>
          <button type="button" class="link" ?disabled=${busy} @click=${() => this.resetPreset()} title=${t.resetPreset}>↺</button>
        </span>
      </form>
      ${this.renderBackend(t)} ${this.renderProgress(t)}
      <p part="announce" class="sr-only" aria-live="polite">${this.announceText(t)}</p> ${this.renderCharts(t, s.epochs)} ${this.renderResult(t)} ${this.renderFailure(t)}
    </div>`;
  }

  private renderBackend(t: ReturnType<typeof trainMessages>) {
    const i = this.info;
    const names: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WASM', cpu: t.backendCpu };
    const reason = i ? this.reasonText(i) : '';
    return html`<p part="backend">
      <label class="inline"
        >${t.backend}
        <select name="backend" title=${t.backendNext} @change=${(e: Event) => (this.backend = (e.target as HTMLSelectElement).value as BackendChoice)}>
          <option value="auto" ?selected=${this.backend === 'auto'}>${t.backendAuto}</option>
          ${BACKEND_NAMES.map((b) => html`<option value=${b} ?selected=${this.backend === b}>${names[b]}</option>`)}
        </select></label
      >
      ${i
        ? html`<strong class="backend-name">${i.backend}</strong>${i.renderer ? html` · ${t.renderer} <span class="renderer">${i.renderer}</span>${i.software ? html` <span class="muted">(${t.software})</span>` : nothing}` : nothing}${i.wasm ? html` <span class="muted">(${t.wasmFeatures(i.wasm.simd, i.wasm.threads)})</span>` : nothing}${reason ? html` — <span class="reason">${reason}</span>` : nothing}${i.skipped.length ? html`<br /><span class="muted">${t.skipped(i.skipped.map((x) => `${x.backend} (${x.reason})`).join('; '))}</span>` : nothing}`
        : html`<span class="muted">${this.backend === 'auto' ? t.notYet : t.backendNext}</span>`}
    </p>`;
  }

  private renderProgress(t: ReturnType<typeof trainMessages>) {
    if (this.status === 'idle') return nothing;
    const p = this.last;
    const fraction = this.status === 'done' ? 1 : this.status === 'data' ? 0 : (p?.fraction ?? 0);
    const stage = this.stageText(t);
    let line: string;
    if (stage) line = this.status === 'data' ? `${stage} ${t.dataFiles(...this.dataFiles)}` : stage;
    else if (p) {
      const parts = [this.status === 'done' ? t.finished(p.epochs) : p.phase === 'train' ? t.training(p.epoch, p.epochs, p.batch, p.batches) : t.evaluating(p.epoch, p.epochs, p.batch, p.batches)];
      if (this.status === 'training') parts.push(t.eta(duration(p.etaSeconds)));
      if (p.samplesPerSecond) parts.push(t.perSecond(fmtInt(Math.round(p.samplesPerSecond))));
      const lastLoss = this.lossPoints[this.lossPoints.length - 1];
      if (lastLoss) parts.push(t.lossNow(lastLoss.y.toFixed(4)));
      line = parts.join(' · ');
    } else line = '';
    if (this.status === 'stopped') line = `${t.stopped} ${line}`;
    const percent = Math.round(fraction * 100);
    const eta = this.status === 'training' && p && Number.isFinite(p.etaSeconds) ? duration(p.etaSeconds) : null;
    return html`<div part="progress" class="bar" role="progressbar" aria-label=${t.progressLabel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent} aria-valuetext=${t.progressText(String(percent), eta)}>
        <div style="width:${(fraction * 100).toFixed(1)}%"></div>
      </div>
      <p part="status">${line}</p>`;
  }

  private renderCharts(t: ReturnType<typeof trainMessages>, settingsEpochs: number) {
    if (!this.lossPoints.length && !this.epochRows.length) return nothing;
    const epochs = Math.max(this.running ? this.plannedEpochs : 0, this.done?.epochs ?? 0, settingsEpochs, 1);
    // The loss axis spans the batches so far, not the whole run: the first minute of a long run is a curve, not a vertical line.
    const loss = lineChart(this.lossPoints, epochs, { width: 360, height: 150, fit: true });
    const accPoints = this.epochRows.filter((r) => r.testAccuracy !== null).map((r) => ({ x: r.epoch, y: r.testAccuracy as number }));
    const lo = accPoints.length ? Math.min(...accPoints.map((p) => p.y)) : 0.9;
    const acc = lineChart(accPoints, epochs, { width: 260, height: 150, y: [Math.max(0, Math.floor(lo * 20) / 20), 1], format: (v) => `${(v * 100).toFixed(v > 0.99 ? 1 : 0)}%`, dots: true });
    const axes = (c: typeof loss, label: string) => svg`
      <text class="label" x=${c.left} y=${c.top - 0} dy="-0.1em">${label}</text>
      ${c.yTicks.map((k) => svg`<line class="grid" x1=${c.left} x2=${c.right} y1=${k.at} y2=${k.at}></line><text class="tick" x=${c.left - 4} y=${k.at} dy="0.32em" text-anchor="end">${k.label}</text>`)}
      ${c.xTicks.map((k) => svg`<text class="tick" x=${k.at} y=${c.bottom + 14} text-anchor="middle">${k.label}</text>`)}
      <text class="tick axis-name" x=${c.left - 6} y=${c.bottom + 14} text-anchor="end">${t.epochAxis}</text>
      <line class="axis" x1=${c.left} x2=${c.right} y1=${c.bottom} y2=${c.bottom}></line>`;
    return html`<div class="charts">
      <figure>
        <figcaption>${t.lossCurve}</figcaption>
        <svg part="loss-chart" viewBox="0 0 ${loss.width} ${loss.height}" width=${loss.width} height=${loss.height} role="img" aria-label=${t.lossCurve}>
          ${axes(loss, '')}
          <path class="loss" d=${loss.path}></path>
        </svg>
      </figure>
      <figure>
        <figcaption>${t.accuracyCurve}</figcaption>
        <svg part="accuracy-chart" viewBox="0 0 ${acc.width} ${acc.height}" width=${acc.width} height=${acc.height} role="img" aria-label=${t.accuracyCurve}>
          ${axes(acc, '')}
          <path class="acc" d=${acc.path}></path>
          ${acc.dots.map((d) => svg`<circle class="acc" cx=${d.cx} cy=${d.cy} r="3"><title>${d.label}</title></circle>`)}
        </svg>
      </figure>
    </div>`;
  }

  private renderResult(t: ReturnType<typeof trainMessages>) {
    const r = this.done;
    if (!r) return nothing;
    const classes = r.classes.length ? r.classes : classesOf(r.dataset);
    const colors = confusionColors(r.confusion);
    return html`<p part="result">
        <strong class="accuracy">${t.result(pct(r.testAccuracy))}</strong>
        <span class="reference">${r.reference !== null ? t.reference(pct(r.reference)) : t.noReference}</span>
        <br /><span class="muted">${[t.summary(r.model, fmtInt(r.trainSamples), r.epochs, duration(r.seconds)), r.backend, t.perSecond(fmtInt(Math.round(r.samplesPerSecond))), t.testImages(fmtInt(r.testSamples))].join(t.listSep)}</span>
      </p>
      <details open>
        <summary>${t.confusion}</summary>
        <table part="confusion">
          <thead>
            <tr>
              <th scope="col" class="corner">${t.truth} \\ ${t.predicted}</th>
              ${classes.map((c) => html`<th scope="col">${t.className(c)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${r.confusion.map(
              (row, i) => html`<tr>
                <th scope="row">${t.className(classes[i])}</th>
                ${row.map((v, j) => html`<td class=${colors[i][j].dark ? 'dark' : ''} style="background:${colors[i][j].fill}">${v}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }

  private renderFailure(t: ReturnType<typeof trainMessages>) {
    const f = this.failure;
    if (!f) return nothing;
    const title = f.kind === 'diverged' ? t.diverged : f.kind === 'context-lost' ? t.contextLost : f.kind === 'memory' ? t.tooLarge : t.failed;
    return html`<div part="message" role="alert" data-kind=${f.kind}>
      <strong>${title}</strong> ${f.message}
      ${f.kind === 'context-lost' ? html`<button type="button" class="continue" @click=${() => void this.continueOnWasm()}>${t.continueWasm}</button>` : nothing}
    </div>`;
  }
}
