/**
 * The playground's reading of the editor text, without a DOM: parse it (`parseNetwork`), analyse
 * it (`analyze`), and place every diagnostic on a line and column of the text, so the page can
 * list them, mark their lines and jump to them. Pure; the tests run it in Node.
 */
import { analyze, type Analysis, type Diagnostic, type ZhText } from '../../analysis/analyze.js';
import { parseNetwork } from '../../graph/json.js';
import type { Graph } from '../../graph/types.js';

/** A JSON path as a key: `layers.3.out_channels`. */
export const pathKey = (p: readonly (string | number)[]): string => p.join('.');

export interface Span {
  /** Character offsets of the value (for an object member also covering its key). */
  start: number;
  end: number;
}

/**
 * Where each value of a JSON document is: JSON path key → span (the member's key through its
 * value, so selecting it shows `"out_channels": 16`). Returns null for text that is not valid
 * JSON — `parseNetwork` reports where that breaks.
 */
export function jsonSpans(text: string): Map<string, Span> | null {
  const spans = new Map<string, Span>();
  // A UTF-8 byte-order mark (pasted or loaded with the text) comes before the JSON; offsets still count it.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`at ${i}`);
  };
  const str = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[], from: number): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          const keyAt = i;
          const k = str();
          ws();
          if (text[i++] !== ':') fail();
          value([...path, k], keyAt);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (let n = 0; ; n++) {
          ws();
          value([...path, n], i);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '"') str();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    }
    spans.set(pathKey(path), { start: from, end: i });
  };
  try {
    value([], (ws(), i));
    ws();
    if (i !== text.length) fail();
  } catch {
    return null;
  }
  return spans;
}

/** 1-based line and column of a character offset. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** Character offsets of a 1-based line (without its newline); clamped to the text. */
export function lineSpan(text: string, line: number): Span {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 ? text.length : nl };
}

/**
 * The token a syntax error points at (`column` of the line `line`): from there to the next blank
 * or bracket, at least one character; empty at the end of the line (something is missing there).
 */
export function tokenAt(text: string, line: Span, column: number): Span {
  const start = Math.min(line.start + Math.max(0, column - 1), line.end);
  let end = start;
  if (text[end] === '"') {
    end++;
    while (end < line.end && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    end = Math.min(end + 1, line.end);
  } else while (end < line.end && !/[\s{}[\],:]/.test(text[end] as string)) end++;
  if (end === start && start < line.end) end++;
  return { start, end };
}

export interface Item {
  severity: Diagnostic['severity'];
  /** `json` (the document's syntax or schema) or `analysis` (shapes, channels). */
  source: 'json' | 'analysis';
  message: string;
  fix?: string;
  /** The message and fix in Chinese, for the /zh/ page (`message` and `fix` stay English: they are parsed). */
  zh?: ZhText;
  formula?: string;
  /** The layer's path, if the diagnostic names one. */
  layer: string;
  /** Where to put the cursor; null when nothing in the text can be pointed at. */
  line: number | null;
  column: number | null;
  span: Span | null;
}

export interface Reading {
  /** The validated network, or null if the text does not describe one. */
  graph: Graph | null;
  analysis: Analysis | null;
  items: Item[];
}

/** The span of `path`, or of its nearest ancestor that exists in the document. */
function spanOf(spans: Map<string, Span> | null, path: readonly (string | number)[]): Span | null {
  if (!spans) return null;
  for (let n = path.length; n >= 0; n--) {
    const s = spans.get(pathKey(path.slice(0, n)));
    if (s && (n > 0 || path.length === 0)) return s;
  }
  return null;
}

/** Index in the document's `layers` of the layer with this path (the JSON path of analysis diagnostics). */
function layerIndex(doc: unknown, path: string): number {
  const layers = (doc as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) return -1;
  return layers.findIndex((l) => (l as { path?: unknown } | null)?.path === path);
}

/** Everything the page shows about the text: the network (if any), its analysis, and the diagnostics placed in the text. */
/**
 * The most text the playground reads as you type: 1 MiB, twenty times the largest zoo network's
 * text (torchvision-resnet152, 47 KB). Reading costs ~0.3 s a MiB, and a network of that size
 * has tens of thousands of layers, more than a picture can show. A larger text is kept in the
 * editor (and stored) but not read; the CLI reads up to the JSON reader's 16 MiB.
 */
export const READ_CAP_CHARS = 1024 * 1024;

const mib = (n: number) => (n / 1048576).toFixed(1);

export function readNetwork(text: string, maxChars = READ_CAP_CHARS): Reading {
  if (text.length > maxChars) {
    const item: Item = {
      severity: 'error',
      source: 'json',
      message: `This text is ${mib(text.length)} MiB; the playground reads networks of up to ${mib(maxChars)} MiB as you type, so it is kept here but not read.`,
      fix: 'Check it with `cnn-graph check file.json` (which reads up to 16 MiB), or cut it down below the limit here.',
      zh: { message: `这段文本有 ${mib(text.length)} MiB；演练场在输入时只读取不超过 ${mib(maxChars)} MiB 的网络，所以文本保留在这里，但不读取。`, fix: '请用 `cnn-graph check file.json` 检查它（可读取不超过 16 MiB），或者在这里删减到限制以下。' },
      layer: '',
      line: null,
      column: null,
      span: null,
    };
    return { graph: null, analysis: null, items: [item] };
  }
  const parsed = parseNetwork(text);
  let analysis: Analysis | null = null;
  let diags: Array<Diagnostic & { source: Item['source'] }> = parsed.diagnostics.map((d) => ({ ...d, source: 'json' as const }));
  if (parsed.graph) {
    analysis = analyze(parsed.graph);
    diags = analysis.diagnostics.map((d) => ({ ...d, source: 'analysis' as const }));
  }
  let spans: Map<string, Span> | null | undefined;
  let doc: unknown;
  const lazySpans = () => (spans === undefined ? (spans = jsonSpans(text)) : spans);
  const lazyDoc = () => {
    if (doc === undefined) {
      try {
        doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        doc = null;
      }
    }
    return doc;
  };
  const items: Item[] = diags.map((d) => {
    let span: Span | null = null;
    let at: { line: number; column: number } | null = null;
    // JSON syntax errors carry their line and column in the message (parseNetwork's `locate`).
    const syntax = /at line (\d+), column (\d+)/.exec(d.message);
    if (syntax) {
      at = { line: Number(syntax[1]), column: Number(syntax[2]) };
      span = tokenAt(text, lineSpan(text, at.line), at.column);
    } else {
      let jsonPath = d.jsonPath;
      if ((!jsonPath || jsonPath.length === 0) && d.path) {
        const idx = layerIndex(lazyDoc(), d.path);
        if (idx >= 0) jsonPath = ['layers', idx];
      }
      // An unknown field: point at the field itself, not the whole layer.
      const unknown = /unknown fields? "([^"]+)"/.exec(d.message);
      if (jsonPath && unknown) span = lazySpans()?.get(pathKey([...jsonPath, unknown[1] as string])) ?? null;
      if (jsonPath && !span) span = spanOf(lazySpans(), jsonPath);
      if (span) at = lineCol(text, span.start);
    }
    return itemOf(d, at, span);
  });
  return { graph: parsed.graph, analysis, items };
}

/** A diagnostic as the playground lists and underlines it, at its place in the text (either tab's). */
export function itemOf(d: Diagnostic & { source: Item['source'] }, at: { line: number; column: number } | null, span: Span | null): Item {
  return {
    severity: d.severity,
    source: d.source,
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
    ...(d.zh ? { zh: d.zh } : {}),
    ...(d.formula ? { formula: d.formula } : {}),
    layer: d.path,
    line: at?.line ?? null,
    column: at?.column ?? null,
    span,
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return null;
  }
}

/** Where the layer `path` starts in the text (for following a selection in the graph), or null. */
export function layerOffset(text: string, path: string): number | null {
  const idx = layerIndex(parsed(text), path);
  if (idx < 0) return null;
  return jsonSpans(text)?.get(pathKey(['layers', idx]))?.start ?? null;
}

/**
 * The path of the layer written at `from`–`to` of the text (what a paste inserted): the first layer
 * that range touches, or null when it touches none (or the text is not a network's JSON).
 */
export function layerAt(text: string, from: number, to: number): string | null {
  const layers = (parsed(text) as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) return null;
  const spans = jsonSpans(text);
  if (!spans) return null;
  for (let i = 0; i < layers.length; i++) {
    const s = spans.get(pathKey(['layers', i]));
    const path = (layers[i] as { path?: unknown } | null)?.path;
    if (s && s.end > from && s.start < Math.max(to, from + 1) && typeof path === 'string') return path;
  }
  return null;
}
