/**
 * What a module computes, in a few words read off its layers: an Inception
 * branch is `1×1 → 3×3`, a ResNet bottleneck `1×1 → 3×3/2 → 1×1 + 1×1/2 shortcut`,
 * a VGG block `2 × 3×3 conv, 128 → 2×2/2 max pool`, a stage `4 × Bottleneck`.
 *
 * General rules on the dataflow, not a table per network, so a reader's own
 * network is described too:
 * - each layer adds what its kind's `motif` facet says (a convolution its
 *   kernel, `/s` for a stride as in the GoogLeNet paper's table, `dw` when
 *   depthwise, i.e. groups = in_channels); norms, activations, dropout and
 *   reshapes add nothing;
 * - a merge joins the paths from the point where they split: `+` with a path
 *   that is the input itself or short is a shortcut, `torch.cat` of parallel
 *   paths lists them (`1×1 | 1×1 → 3×3`), `torch.cat` of a chain of layers each
 *   reading the ones before is dense, `x * f(x)` with f starting at a global
 *   pool is squeeze-and-excitation;
 * - a child module is its class name (`Bottleneck`, `Inception`), unless it
 *   computes one thing (`Conv2dNormActivation` is its convolution) or is a
 *   plain container (`Sequential`), whose contents are read in place;
 * - repeats are counted (`17 × InvertedResidual`); a run of equal convolutions
 *   closed by a pool is written with its width (`2 × 3×3 conv, 128`); a 1×1
 *   convolution widening the channels for a depthwise one is `expand 1×1`.
 *
 * Pure: a function of the graph and its analysis. The words are English or
 * Simplified Chinese (`descriptionText`); the structure (`Token`) is the same.
 */
import type { Graph, Layer, ModuleSpec } from '../graph/types.js';
import { messages, type Locale } from '../i18n.js';
import { analysisOf } from '../kinds/analysis.js';
import type { Motif } from '../kinds/spec.js';
import type { Analysis, LayerRecord, ModuleRecord } from './analyze.js';

type ConvMotif = Extract<Motif, { op: 'conv' }>;
type PoolMotif = Extract<Motif, { op: 'pool' }>;

/** One step of a description. Branching steps hold sequences of steps. */
export type Token =
  | { t: 'conv'; conv: ConvMotif; expand: boolean }
  | { t: 'pool'; pool: PoolMotif }
  | { t: 'linear'; out: number }
  | { t: 'shuffle' }
  | { t: 'upsample' }
  /** A child module named by its class (or its `label`). */
  | { t: 'unit'; name: string }
  | { t: 'se' }
  /** Parallel paths from one point, joined by `torch.cat` (`|`), `*` or a sum of more than two. */
  | { t: 'branches'; merge: 'concat' | 'mul' | 'add'; branches: Token[][] }
  /** `main + shortcut`; an empty shortcut is the input itself. */
  | { t: 'residual'; main: Token[]; shortcut: Token[] }
  /** A chain whose every step reads all those before it, concatenated (DenseNet). */
  | { t: 'dense'; body: Token[] };

/** PyTorch's containers that say nothing of what they hold: their contents are read in place. */
const CONTAINERS = new Set(['Sequential', 'ModuleList', 'ModuleDict']);

const words = /* @__PURE__ */ messages(
  {
    conv: 'conv',
    dw: ' dw',
    transposed: ' transposed',
    expand: 'expand ',
    maxPool: 'max pool',
    avgPool: 'avg pool',
    global: 'global ',
    adaptive: 'adaptive ',
    fc: 'fc',
    shuffle: 'channel shuffle',
    upsample: 'upsample',
    se: 'squeeze-excite',
    identity: 'identity',
    shortcut: (via: string) => (via ? ` + ${via} shortcut` : ' + shortcut'),
    dense: (body: string) => `${body}, densely connected`,
    width: (conv: string, channels: number) => `${conv} conv, ${channels}`,
    heading: (title: string, text: string) => (text ? `${title} · ${text}` : title),
  },
  {
    conv: '卷积',
    dw: ' 逐通道',
    transposed: ' 转置',
    expand: '扩展 ',
    maxPool: '最大汇聚',
    avgPool: '平均汇聚',
    global: '全局',
    adaptive: '自适应',
    fc: '全连接',
    shuffle: '通道重排',
    upsample: '上采样',
    se: '挤压-激励',
    identity: '恒等',
    shortcut: (via: string) => (via ? ` + ${via} 捷径` : ' + 捷径'),
    dense: (body: string) => `${body}，稠密连接`,
    width: (conv: string, channels: number) => `${conv} 卷积，${channels}`,
    heading: (title: string, text: string) => (text ? `${title} · ${text}` : title),
  },
);

const ENTRY = -1;

/** Descriptions of one graph's modules, made on first use and kept. */
export interface ModuleDescriber {
  /** The structure of what the module at `path` computes (empty when nothing but norms, activations…). */
  tokens(path: string): Token[];
  /** `tokens` in words; the module's class name when they are empty. */
  text(path: string, locale?: Locale): string;
  /** The module's title from the network, if it has one (`b3`, `conv3_x`), in `locale`. */
  title(path: string, locale?: Locale): string;
  /** What a picture calls the module: its title and what it computes (`conv3_x · 4 × Bottleneck`). */
  heading(path: string, locale?: Locale): string;
  /** Its class as the network names it: the `label` if any (`VGG block`), else the PyTorch class (`Bottleneck`). */
  className(path: string): string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function moduleDescriber(graph: Graph, analysis: Analysis): ModuleDescriber {
  const specs = new Map<string, ModuleSpec>(graph.modules.map((m) => [m.path, m]));
  const records = new Map<string, ModuleRecord>(analysis.modules.map((m) => [m.path, m]));
  let layerRecords: Map<string, LayerRecord> | null = null;
  let layerConfigs: Map<string, Layer> | null = null;
  const layerRecord = (p: string) => (layerRecords ??= new Map(analysis.layers.map((l) => [l.path, l]))).get(p);
  const layerConfig = (p: string) => (layerConfigs ??= new Map(graph.layers.map((l) => [l.path, l]))).get(p);
  const memo = new Map<string, Token[]>();
  // Each layer's motif, asked for once (its step and whether it merges both read it).
  const motifs = new Map<string, Motif | undefined>();
  const motifOf = (p: string): Motif | undefined => {
    if (motifs.has(p)) return motifs.get(p);
    const l = layerRecord(p);
    const cfg = layerConfig(p);
    // A layer the analysis could not read (status error) may be a stand-in of path, kind and inputs
    // only (graph admission replaces a malformed layer so the rest can be drawn): it has no config
    // to read a motif from, and the module is then named by its class.
    const m = l && cfg && l.status !== 'error' ? analysisOf(l.kind)?.motif?.(cfg as never, l.inputShapes[0] ?? null, l.outputShape) : undefined;
    motifs.set(p, m);
    return m;
  };
  const texts = new Map<string, string>();

  const className = (path: string): string => {
    const s = specs.get(path);
    const type = str(s?.type) ?? records.get(path)?.type ?? '';
    // torchvision's private classes (`_DenseLayer`) are read without the underscore.
    return str(s?.label) ?? type.replace(/^_+/, '');
  };

  function tokens(path: string): Token[] {
    let out = memo.get(path);
    if (!out) {
      memo.set(path, []); // a module cannot contain itself; this guards a malformed record
      out = expandBeforeDepthwise(describe(path));
      memo.set(path, out);
    }
    return out;
  }

  /** What a layer or child module adds to its parent's description. */
  function own(path: string): Token[] {
    const rec = records.get(path);
    if (rec) {
      const inner = tokens(path);
      if (inner.length === 1 && simple(inner[0])) return inner;
      if (CONTAINERS.has(rec.type) && !str(specs.get(path)?.label)) return inner;
      return [{ t: 'unit', name: className(path) }];
    }
    const m = motifOf(path);
    if (!m) return [];
    switch (m.op) {
      case 'conv':
        return [{ t: 'conv', conv: m, expand: false }];
      case 'pool':
        return [{ t: 'pool', pool: m }];
      case 'linear':
        return [{ t: 'linear', out: m.out }];
      case 'shuffle':
        return [{ t: 'shuffle' }];
      case 'upsample':
        return [{ t: 'upsample' }];
      case 'merge':
        return [];
    }
  }

  function mergeOf(path: string): 'add' | 'concat' | 'mul' | null {
    const m = records.has(path) ? undefined : motifOf(path);
    return m?.op === 'merge' ? m.merge : null;
  }

  function describe(path: string): Token[] {
    const rec = records.get(path);
    if (!rec || rec.children.length === 0) return [];
    const units = rec.children;
    // Which unit of this module holds each of its layers (a layer unit holds itself).
    const owner = new Map<string, number>();
    units.forEach((u, i) => {
      const inner = records.get(u)?.layers;
      if (inner) for (const p of inner) owner.set(p, i);
      else owner.set(u, i);
    });
    // Each unit's inputs, as units of this module (ENTRY: from outside, the module's input), ascending.
    const reads: number[][] = units.map((u, i) => {
      const from: number[] = [];
      for (const p of records.get(u)?.layers ?? [u]) {
        for (const src of layerRecord(p)?.inputs ?? []) {
          const j = owner.get(src) ?? ENTRY;
          if (j !== i && !from.includes(j)) from.push(j);
        }
      }
      return from.sort((a, b) => a - b);
    });
    // Units that read nothing from the module's input (a learned Parameter, and what reads only those) are constants: a layer scale's `x * γ` is no branch.
    const constant = units.map(() => false);
    for (let changed = true; changed; ) {
      changed = false;
      reads.forEach((r, i) => {
        if (!constant[i] && r.every((j) => j !== ENTRY && constant[j])) changed = constant[i] = true;
      });
    }
    const ins = reads.map((r) => r.filter((j) => j === ENTRY || !constant[j]));
    // Units run in order, so a unit's inputs come before it: walks back go down in index, and
    // cost what lies between a merge and where its paths split (no ancestor sets: a module may hold a long chain).
    const seen = new Int32Array(units.length);
    let stamp = 0;
    /** Whether `to` is `from` or one of the units it reads from, directly or not. */
    const reaches = (from: number, to: number): boolean => {
      if (to === ENTRY || from === to) return true;
      if (from < to || from === ENTRY) return false;
      stamp++;
      const stack = [from];
      while (stack.length) {
        for (const j of ins[stack.pop() as number]) {
          if (j === to) return true;
          if (j > to && seen[j] !== stamp) {
            seen[j] = stamp;
            stack.push(j);
          }
        }
      }
      return false;
    };
    /** The latest unit both `a` and `b` come from (ENTRY when they meet only at the input). */
    const meet2 = (a: number, b: number): number => {
      if (a === ENTRY || b === ENTRY) return ENTRY;
      if (a === b) return a;
      const mask = new Map<number, number>([[a, 1]]);
      mask.set(b, (mask.get(b) ?? 0) | 2);
      let pending = mask.size;
      for (let i = Math.max(a, b); i >= 0 && pending > 0; i--) {
        const m = mask.get(i);
        if (m === undefined) continue;
        pending--;
        if (m === 3) return i;
        for (const j of ins[i]) {
          if (j === ENTRY) continue;
          const old = mask.get(j);
          if (old === undefined) pending++;
          mask.set(j, (old ?? 0) | m);
        }
      }
      return ENTRY;
    };
    const meet = (from: readonly number[]): number => from.reduce(meet2);
    /** Each input reads the one before it (`torch.cat([x, f(x), g(x, f(x))])`): a dense chain, not parallel paths. */
    const chained = (from: readonly number[]): boolean => from.every((x, k) => k === 0 || reaches(x, from[k - 1]));

    /**
     * The steps from just after `stop` up to and including `u`, walking back (a chain is a loop,
     * only branches recurse). `dense`: inside a dense chain, whose own concatenations (each
     * layer's input) are read through.
     */
    const seq = (u: number, stop: number, depth = 0, dense = false): Token[] => {
      const back: Token[][] = [];
      let cur = u;
      while (cur !== stop && cur !== ENTRY && depth < 200) {
        const from = ins[cur];
        if (from.length === 0) {
          back.push(own(units[cur]));
          break;
        }
        const merge = mergeOf(units[cur]);
        if (merge && from.length >= 2) {
          const last = from[from.length - 1];
          if (merge === 'concat' && dense && chained(from)) {
            cur = last;
            continue;
          }
          let split = meet(from);
          // Not series–parallel below `stop`: join at `stop` rather than walk past it.
          if (stop !== ENTRY && split !== stop && !reaches(split, stop)) split = stop;
          back.push([mergeStep(merge, from, split, depth)]);
          cur = split;
          continue;
        }
        // One input, or a child module reading several (a dense layer reads every layer before it): follow the latest.
        back.push(own(units[cur]));
        cur = from[from.length - 1];
      }
      return back.reverse().flat();
    };

    /** The step a merge of the paths from `split` makes. */
    const mergeStep = (merge: 'add' | 'concat' | 'mul', from: readonly number[], split: number, depth: number): Token => {
      // DenseNet's block: three or more inputs, each reading the ones before (two are `x | f(x)`).
      if (merge === 'concat' && from.length >= 3 && chained(from)) return { t: 'dense', body: seq(from[from.length - 1], split, depth + 1, true) };
      const branches = from.map((x) => seq(x, split, depth + 1));
      if (merge === 'add' && branches.length === 2) {
        // The longer path is the block's work; the other (often the input itself) is the shortcut.
        const [main, shortcut] = branches[1].length >= branches[0].length ? [branches[1], branches[0]] : [branches[0], branches[1]];
        return { t: 'residual', main, shortcut };
      }
      if (merge === 'mul' && branches.length === 2) {
        const gate = branches.find((b) => b.length > 0 && b[0].t === 'pool' && b[0].pool.kernel === 'global');
        if (gate && branches.some((b) => b.length === 0)) return { t: 'se' };
      }
      return { t: 'branches', merge, branches };
    };

    return seq(units.length - 1, ENTRY);
  }

  const text = (path: string, locale: Locale = 'en'): string => {
    const key = `${locale}\u0000${path}`;
    let t = texts.get(key);
    if (t === undefined) texts.set(key, (t = descriptionText(tokens(path), locale) || className(path)));
    return t;
  };
  const title = (path: string, locale: Locale = 'en'): string => {
    const s = specs.get(path);
    return (locale === 'zh' ? str(s?.titleZh) : undefined) ?? str(s?.title) ?? '';
  };
  const heading = (path: string, locale: Locale = 'en'): string => {
    const t = title(path, locale);
    return t ? words(locale).heading(t, text(path, locale)) : text(path, locale);
  };
  return { tokens, text, title, heading, className };
}

/** One step that reads as one thing, so a module made of it is called by it. */
const simple = (t: Token): boolean => t.t === 'conv' || t.t === 'pool' || t.t === 'linear' || t.t === 'se' || t.t === 'shuffle' || t.t === 'upsample';

const depthwise = (c: ConvMotif): boolean => c.groups > 1 && c.groups === c.inChannels;

/** A 1×1 convolution that widens the channels right before a depthwise one is its expansion (MobileNet v2's inverted residual). */
function expandBeforeDepthwise(ts: Token[]): Token[] {
  return ts.map((t, i): Token => {
    const next = ts[i + 1];
    if (t.t === 'conv' && next?.t === 'conv') {
      const c = t.conv;
      if (!c.transposed && c.groups === 1 && c.kernel[0] === 1 && c.kernel[1] === 1 && c.outChannels > c.inChannels && depthwise(next.conv)) return { ...t, expand: true };
    }
    if (t.t === 'branches') return { ...t, branches: t.branches.map(expandBeforeDepthwise) };
    if (t.t === 'residual') return { ...t, main: expandBeforeDepthwise(t.main), shortcut: expandBeforeDepthwise(t.shortcut) };
    if (t.t === 'dense') return { ...t, body: expandBeforeDepthwise(t.body) };
    return t;
  });
}

const pairText = (p: readonly [number, number], sep = '×'): string => (p[0] === p[1] ? `${p[0]}` : `${p[0]}${sep}${p[1]}`);
const kernelText = (k: readonly [number, number]): string => `${k[0]}×${k[1]}`;
const strideText = (s: readonly [number, number]): string => (s[0] === 1 && s[1] === 1 ? '' : `/${pairText(s)}`);

function convText(c: ConvMotif, expand: boolean, locale: Locale): string {
  const w = words(locale);
  let s = `${expand ? w.expand : ''}${kernelText(c.kernel)}${strideText(c.stride)}`;
  if (c.transposed) s += w.transposed;
  if (depthwise(c)) s += w.dw;
  else if (c.groups > 1) s += ` g${c.groups}`;
  if (c.dilation[0] > 1 || c.dilation[1] > 1) s += ` d${pairText(c.dilation)}`;
  return s;
}

function poolText(p: PoolMotif, locale: Locale): string {
  const w = words(locale);
  const op = p.reduce === 'max' ? w.maxPool : w.avgPool;
  if (p.kernel === 'global') return `${w.global}${op}`;
  if (p.kernel === 'adaptive') return `${w.adaptive}${op} → ${p.size ? p.size.map((x) => (Number.isNaN(x) ? '·' : x)).join('×') : '?'}`;
  return `${kernelText(p.kernel)}${strideText(p.stride)} ${op}`;
}

const sameConv = (a: ConvMotif, b: ConvMotif): boolean =>
  a.kernel[0] === b.kernel[0] && a.kernel[1] === b.kernel[1] && a.stride[0] === b.stride[0] && a.stride[1] === b.stride[1] && a.dilation[0] === b.dilation[0] && a.dilation[1] === b.dilation[1] && a.groups === b.groups && a.outChannels === b.outChannels && a.transposed === b.transposed;

/**
 * A description in words: steps joined by `→`, repeats counted, a branching
 * step inside a longer sequence in parentheses. `''` for no steps.
 */
export function descriptionText(ts: readonly Token[], locale: Locale = 'en'): string {
  return sequenceText(ts, locale, true);
}

function sequenceText(ts: readonly Token[], locale: Locale, whole: boolean): string {
  const w = words(locale);
  const parts: string[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (t.t === 'conv' && !t.expand && !depthwise(t.conv)) {
      // A run of equal convolutions closed by a sliding-window pool: a VGG block, written with its width.
      let j = i;
      while (ts[j + 1]?.t === 'conv' && sameConv(t.conv, (ts[j + 1] as Extract<Token, { t: 'conv' }>).conv)) j++;
      const after = ts[j + 1];
      if (after?.t === 'pool' && typeof after.pool.kernel !== 'string') {
        const n = j - i + 1;
        parts.push(`${n > 1 ? `${n} × ` : ''}${w.width(convText(t.conv, false, locale), t.conv.outChannels)}`);
      } else {
        // No pool closes the run: each as itself (and the run is not scanned again from its second step).
        for (let k = i; k <= j; k++) parts.push(stepText(ts[k], locale, false));
      }
      i = j;
      continue;
    }
    parts.push(stepText(t, locale, whole && ts.length === 1));
  }
  // Repeats counted: `3 × Bottleneck`.
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (parts[j + 1] === parts[i]) j++;
    out.push(j > i ? `${j - i + 1} × ${parts[i]}` : parts[i]);
    i = j + 1;
  }
  return out.join(' → ');
}

/** One step; `alone`: it is the whole description, so a branching step needs no parentheses. */
function stepText(t: Token, locale: Locale, alone: boolean): string {
  const w = words(locale);
  const wrap = (s: string) => (alone ? s : `(${s})`);
  switch (t.t) {
    case 'conv':
      return convText(t.conv, t.expand, locale);
    case 'pool':
      return poolText(t.pool, locale);
    case 'linear':
      return `${w.fc} ${t.out}`;
    case 'shuffle':
      return w.shuffle;
    case 'upsample':
      return w.upsample;
    case 'se':
      return w.se;
    case 'unit':
      return t.name;
    case 'branches': {
      const sep = t.merge === 'concat' ? ' | ' : t.merge === 'mul' ? ' × ' : ' + ';
      return wrap(t.branches.map((b) => (b.length ? sequenceText(b, locale, false) : w.identity)).join(sep));
    }
    case 'residual':
      return wrap(`${sequenceText(t.main, locale, false) || w.identity}${w.shortcut(sequenceText(t.shortcut, locale, false))}`);
    case 'dense':
      return wrap(w.dense(sequenceText(t.body, locale, false)));
  }
}
