/**
 * `<cnn-graph>`'s loading: from what the element was given (a zoo id, a URL, a graph
 * object, its attributes) to a picture ready to go on screen (`Drawn`: the analysis,
 * the view, its layout, the scene and its SVG). The work runs in a lit `Task`, so a
 * new model or a removed element aborts the old work (its `AbortSignal` reaches the
 * fetches and the layout worker). Nothing here touches the canvas: the stage puts a
 * `Drawn` on screen.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { analyze, type Analysis, type Convention, type Diagnostic, diagnosticText } from '../../analysis/analyze.js';
import type { ParseResult } from '../../graph/json.js';
import { MAX_JSON_BYTES } from '../../graph/json.js';
import type { Graph } from '../../graph/types.js';
import { formatOfBytes, formatOfName, MAX_ONNX_BYTES, type NetworkFormat, networkNameOf, readCapped } from '../../import/format.js';
import { clip } from '../../graph/text.js';
import { admitGraph } from '../../graph/validate.js';
import { nearestZooId, zooGraph, zooIdsHint } from '../../zoo/index.js';
import { ANNOTATIONS, type Annotation } from '../../render/cards.js';
import { engineOf, type EngineUsed } from '../../render/engines.js';
import { type Direction, type Layout, layoutCache } from '../../render/layout.js';
import { INLINE_LAYOUT_LIMIT, type LayoutEngine, noteOf, type Prepared, prepare, sceneOf } from '../../render/pipeline.js';
import type { Scene } from '../../render/scene.js';
import { type SceneContents, sceneContents, sceneToSVG } from '../../render/svg.js';
import { type Expand, resolveExpand } from '../../render/view.js';
import type { Locale } from '../i18n.js';
import { type CnnErrorDetail, type CnnLayoutDetail, emit } from './events.js';
import { layoutOffThread, warmLayout } from './layout-client.js';
import { announce } from './stage.js';

/** A load failure: nothing to draw, a message (and its Chinese) and perhaps the JSON loader's diagnostics. */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly zh: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** A network and its analysis, for one source (`key`). */
export interface Loaded {
  key: string;
  graph: Graph;
  analysis: Analysis;
}

/** A picture ready to go on screen, and how it was made. */
export interface Drawn {
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

/** Everything a picture is drawn from: the element's properties and the reader's toggles. A change of any of them draws again. */
export interface DrawRequest {
  /** A file the reader dropped or picked (or script set): wins over the rest. */
  file: Blob | null;
  model: string | null;
  src: string | null;
  graph: Graph | null;
  input: string | null;
  convention: Convention;
  expand: string;
  /** Expanded modules after the reader toggled one; null means "as `expand` says". */
  expandedPaths: ReadonlySet<string> | null;
  direction: Direction;
  annotations: string;
  engine: LayoutEngine;
  layout: Layout | null;
  layouts: string | null;
  /** The page's language: the picture's words, and a failing node's diagnostic, are in it. */
  locale: Locale;
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

/** The `annotations` attribute's words that name an annotation, in the picture's order. */
export function annotationsOf(text: string): Annotation[] {
  const words = text.split(/[\s,]+/).filter(Boolean);
  return ANNOTATIONS.filter((a) => words.includes(a));
}

export const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** Enough of a `Layout` to trust it: the scene throws a clear error if one is for another graph. */
export function isLayout(x: unknown): x is Layout {
  const l = x as Partial<Layout> | null;
  return typeof l === 'object' && l !== null && typeof l.key === 'string' && typeof l.width === 'number' && typeof l.height === 'number' && typeof l.nodes === 'object' && typeof l.edges === 'object';
}

/** What the loader needs of its element: the task runs on it, events go out from it, inline layouts are its children. */
export type LoadHost = ReactiveControllerHost & EventTarget & Pick<Element, 'querySelector'>;

export interface LoadParts {
  /** What to draw now. */
  request(): DrawRequest;
  /** A different network was loaded: the reader's toggles were for the old one. */
  forgetToggles(): void;
}

export class Loader implements ReactiveController {
  /** The picture the last draw made (null before one, and after a failure). */
  drawn: Drawn | null = null;
  /** Why nothing is drawn; `fatalZh` is its message in Chinese, for a page that switches to zh afterwards. */
  fatal: CnnErrorDetail | null = null;
  fatalZh: string | null = null;

  private loaded: Loaded | null = null;
  private loadedKey = '';
  private graphIds = new WeakMap<object, number>();
  private loadSeq = 0;
  /** Layouts from the `layouts` file, by key, and the URL they came from. */
  private given = new Map<string, Layout>();
  private givenFrom: string | null = null;
  /** Layouts from a child `<script type="application/json" data-cnn-layouts>`, by key. */
  private inline = new Map<string, Layout>();
  /** The fetch of `givenFrom` (shared by connect and every draw). */
  private givenLoading: Promise<void> | null = null;

  private readonly task: Task<readonly unknown[], Drawn>;

  constructor(
    private readonly host: LoadHost,
    private readonly parts: LoadParts,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      // The task compares its arguments one by one: the request's values, always in the order of its one literal.
      args: () => Object.values(parts.request()),
      task: (_args, { signal }) => this.draw(signal),
      onComplete: (d) => {
        this.fatal = null;
        this.drawn = d;
      },
      onError: (e) => this.fail(e),
    });
  }

  hostConnected(): void {
    const { engine, layouts } = this.parts.request();
    this.readInlineLayouts();
    // The structural engine makes the worker unnecessary for every series–parallel view: it
    // starts on the first view that needs elk (at once when elk is asked for), so a page of
    // zoo networks never loads elk. Without inline layouts the layouts file is fetched now,
    // beside the analysis, so a view that needs it waits less for the network.
    if (engine === 'elk' && !layouts) warmLayout();
    else if (layouts && !this.inline.size) void this.loadLayouts();
  }

  /** A draw is under way. */
  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Resolves when the current draw has settled, drawn or failed. */
  settled(): Promise<unknown> {
    return this.task.taskComplete.catch(() => undefined);
  }

  private fail(e: unknown): void {
    if (isAbort(e)) return;
    this.drawn = null;
    const { locale } = this.parts.request();
    const diagnostics = e instanceof LoadError ? e.diagnostics : [];
    const message = e instanceof Error ? e.message : String(e);
    this.fatalZh = e instanceof LoadError ? e.zh : message;
    const fatal: CnnErrorDetail = { message, localized: locale === 'zh' ? this.fatalZh : message, locale, diagnostics, stage: e instanceof LoadError ? 'load' : 'layout' };
    this.fatal = fatal;
    announce(() => emit<CnnErrorDetail>(this.host, 'cnn-error', fatal));
  }

  private sourceKey(r: DrawRequest): string {
    if (r.file) return JSON.stringify([`file:${this.idOf(r.file)}`, r.input, r.convention]);
    return JSON.stringify([r.graph ? `graph:${this.idOf(r.graph)}` : null, r.graph ? null : r.src, r.graph || r.src ? null : r.model, r.input, r.convention]);
  }

  private idOf(g: unknown): number | string {
    // Script may set anything; a primitive is its own key (and is refused by load()).
    if ((typeof g !== 'object' && typeof g !== 'function') || g === null) return `${typeof g}:${String(g)}`;
    let id = this.graphIds.get(g);
    if (id === undefined) this.graphIds.set(g, (id = ++this.loadSeq));
    return id;
  }

  private async load(r: DrawRequest, signal: AbortSignal): Promise<Loaded> {
    const key = this.sourceKey(r);
    if (this.loaded && this.loadedKey === key) return this.loaded;
    let graph: Graph;
    // What the analysis reads: the caller's own object, so its diagnostics name the caller's fields.
    let given: unknown;
    if (r.file) graph = await readFile(r.file, r.input);
    else if (r.graph) {
      // A graph property comes from script and may be any shape: draw only from the admitted graph
      // (malformed modules/aux/output dropped), and refuse what is not a network at all.
      const admitted = admitGraph(r.graph);
      if (!admitted.isGraph) {
        const first = admitted.issues[0];
        throw new LoadError(`The graph property is not a network: ${first?.message ?? 'unknown problem'}`, `graph 属性不是一个网络：${first?.zh.message ?? '未知问题'}`);
      }
      graph = admitted.graph;
      given = r.graph;
    } else if (r.src) graph = await this.fetchNetwork(r.src, signal, r.input);
    else if (r.model) {
      const g = zooGraph(r.model);
      if (!g) {
        // The attribute is quoted by its start only (a million-character value gave a million-character message).
        const near = nearestZooId(r.model);
        const name = clip(r.model);
        throw new LoadError(
          `Unknown model "${name}".${near ? ` Did you mean "${near}"?` : ''} Known models: ${zooIdsHint('en')}.`,
          `未知的模型 "${name}"。${near ? `是不是 "${near}"？` : ''}可用的模型：${zooIdsHint('zh')}。`,
        );
      }
      graph = g;
    } else throw new LoadError('Nothing to draw: set model="lenet5", src="network.json", or the graph property.', '没有可绘制的网络：请设置 model="lenet5"、src="network.json" 或 graph 属性。');
    const input = r.input ? parseInput(r.input) : undefined;
    const analysis = analyze((given ?? graph) as Graph, { ...(input ? { input } : {}), convention: r.convention });
    const loaded = { key, graph, analysis };
    // A new network forgets the old one's toggles (not the first: a `viewState` may be waiting).
    if (this.loadedKey && this.loadedKey !== key) this.parts.forgetToggles();
    this.loaded = loaded;
    this.loadedKey = key;
    return loaded;
  }

  private async fetchNetwork(src: string, signal: AbortSignal, input: string | null): Promise<Graph> {
    const named = formatOfName(new URL(src, document.baseURI).pathname);
    let bytes: Uint8Array;
    try {
      const res = await fetch(src, { signal });
      if (!res.ok) throw new LoadError(`Could not load the network "${clip(src)}": the server answered ${res.status} ${res.statusText}.`, `无法加载网络 "${clip(src)}"：服务器返回 ${res.status} ${res.statusText}。`);
      bytes = await bodyOf(res, src, limitOf(named));
    } catch (e) {
      if (isAbort(e) || e instanceof LoadError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new LoadError(`Could not load the network "${clip(src)}": ${why}. Check the URL and that the server allows the request.`, `无法加载网络 "${clip(src)}"：${why}。请检查网址，以及服务器是否允许这个请求。`);
    }
    return readNetwork(bytes, src, named, input);
  }

  private readInlineLayouts(): void {
    const el = this.host.querySelector(':scope > script[type="application/json"][data-cnn-layouts]');
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
    const url = this.parts.request().layouts;
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

  private async draw(signal: AbortSignal): Promise<Drawn> {
    const started = performance.now();
    const loaded = await this.load(this.parts.request(), signal);
    // Read after the load: a new network has just forgotten the old one's toggles.
    const r = this.parts.request();
    const expanded = r.expandedPaths ?? resolveExpand(loaded.analysis, parseExpand(r.expand));
    const t0 = performance.now();
    const engine: LayoutEngine = r.engine === 'elk' || r.engine === 'fast' ? r.engine : 'auto';
    const prepared = prepare({ graph: loaded.graph, analysis: loaded.analysis }, { expand: expanded, direction: r.direction === 'right' ? 'right' : 'down', annotations: annotationsOf(r.annotations), engine, defer: true, locale: r.locale });
    let layout: Layout;
    let source: CnnLayoutDetail['source'];
    let layoutMs = 0;
    let given = r.layout && r.layout.key === prepared.key ? r.layout : this.inline.get(prepared.key);
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
      const res = await layoutOffThread(prepared.elk, engine, signal);
      layoutMs = performance.now() - t;
      layout = res.layout;
      source = prepared.deferred && layout.key === prepared.key ? 'structural' : res.where;
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
}

/** The most bytes a file of this format may have; a file named for none of ours may be ONNX. */
const limitOf = (format: NetworkFormat | undefined): number => (format === 'json' || format === 'python' ? MAX_JSON_BYTES : MAX_ONNX_BYTES);

const MIB = 1024 * 1024;

function tooLarge(name: string, bytes: number, format: NetworkFormat | undefined): LoadError {
  const mib = (bytes / MIB).toFixed(1);
  const limit = limitOf(format) / MIB;
  return format === 'json' || format === 'python'
    ? new LoadError(`"${clip(name)}" is ${mib} MiB; cnn-graph reads network files of up to ${limit} MiB. Check that it describes a network and is not a weights file.`, `"${clip(name)}" 有 ${mib} MiB；cnn-graph 只读取不超过 ${limit} MiB 的网络文件。请确认它描述的是网络，而不是权重文件。`)
    : new LoadError(`"${clip(name)}" is ${mib} MiB; cnn-graph reads ONNX models of up to ${limit} MiB. Export it without its weights (torch.onnx.export(..., export_params=False)): only their shapes are read.`, `"${clip(name)}" 有 ${mib} MiB；cnn-graph 只读取不超过 ${limit} MiB 的 ONNX 模型。请不带权重导出（torch.onnx.export(..., export_params=False)）：只读取权重的形状。`);
}

/** A response's body, refused as soon as it passes `limit` bytes (before all of it is held when the server says its length). */
async function bodyOf(res: Response, src: string, limit: number): Promise<Uint8Array> {
  const named = formatOfName(new URL(src, document.baseURI).pathname);
  const said = Number(res.headers.get('content-length'));
  if (said > limit) throw tooLarge(src, said, named);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const read = await readCapped(res.body, limit);
  if ('over' in read) throw tooLarge(src, read.over, named);
  return read.bytes;
}

/** A dropped or picked file (or any Blob script hands over): its size is checked before it is read. */
async function readFile(file: Blob, input: string | null): Promise<Graph> {
  const name = file instanceof File && file.name ? file.name : 'the file';
  const named = file instanceof File ? formatOfName(file.name) : undefined;
  if (file.size > limitOf(named)) throw tooLarge(name, file.size, named);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new LoadError(`Could not read "${clip(name)}": ${why}.`, `无法读取 "${clip(name)}"：${why}。`);
  }
  return readNetwork(bytes, name, named, input);
}

/**
 * A network from a file's bytes, by the format its name says or else its first bytes (the
 * dispatch of src/import). Each reader is imported when first needed: the ONNX one brings
 * protobufjs, the Python one a parser, and pages that never open such a file never load them.
 */
async function readNetwork(bytes: Uint8Array, name: string, named: NetworkFormat | undefined, input: string | null): Promise<Graph> {
  const format = named ?? formatOfBytes(bytes);
  if (format !== 'onnx' && bytes.byteLength > MAX_JSON_BYTES) throw tooLarge(name, bytes.byteLength, format);
  let result: ParseResult;
  if (format === 'onnx') {
    const { readOnnx } = await import('../../import/onnx/read.js');
    result = readOnnx(bytes, { name: networkNameOf(name) });
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new LoadError(`"${clip(name)}" is not UTF-8 text, so it is neither cnn-graph JSON nor PyTorch source; an ONNX model should be named *.onnx.`, `"${clip(name)}" 不是 UTF-8 文本，所以既不是 cnn-graph JSON，也不是 PyTorch 源码；ONNX 模型的文件名应以 .onnx 结尾。`);
    }
    if (format === 'python') {
      const { readPython } = await import('../../import/python/index.js');
      result = readPython(text, input ? { input: parseInput(input) } : {});
    } else {
      // The JSON loader (and its schema library) is only fetched by pages that open a file.
      const { parseNetwork } = await import('../../graph/json.js');
      result = parseNetwork(text);
    }
  }
  if (!result.graph) {
    const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
    const zh = first ? diagnosticText(first, 'zh') : null;
    throw new LoadError(
      `"${clip(name)}" is not a valid network: ${first ? `${first.message}${first.fix ? ` ${first.fix}` : ''}` : 'unknown problem'}`,
      `"${clip(name)}" 不是有效的网络：${zh ? `${zh.message}${zh.fix ? ` ${zh.fix}` : ''}` : '未知问题'}`,
      result.diagnostics,
    );
  }
  return result.graph;
}
