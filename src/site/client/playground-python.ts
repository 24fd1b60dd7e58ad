/**
 * The playground's PyTorch document: the same shape as playground-json.ts (a `DocumentLanguage`
 * and a reader of its text), for `nn.Module` source. The reader is `readPython`
 * (src/import/python/), whose diagnostics carry their `loc`; here they become the playground's
 * items, placed at that line and column, and the network is analysed as a JSON one is.
 *
 * Loaded with `import()` when the PyTorch tab is first opened, so a visit that stays on JSON does
 * not carry the Python parser, its interpreter or its highlighting.
 */
import { python } from '@codemirror/lang-python';
import { analyze, type Analysis } from '../../analysis/analyze.js';
import { pytorchCode, PytorchExportError } from '../../export/pytorch.js';
import type { Diagnostic } from '../../graph/types.js';
import { INPUT_COMMENT, readPython, type PythonOptions } from '../../import/python/index.js';
import { Interpreter } from '../../import/python/interp.js';
import { parsePython } from '../../import/python/syntax.js';
import { zooGraph } from '../../zoo/index.js';
import type { DocumentLanguage } from './code-editor.js';
import { type Item, itemOf, lineCol, lineSpan, READ_CAP_CHARS, type Reading, type Span, tokenAt } from './playground-doc.js';

/** Python: highlighting and indentation; no completion (the reader's errors say what it takes). */
export function pythonSource(): DocumentLanguage {
  return { support: python(), completion: null, breakAfter: null };
}

/** `3x32x32`, `3×32×32` or `3, 32, 32` → [3, 32, 32]; null for anything else. */
export function parseShape(text: string): readonly [number, number, number] | null {
  const m = /^\s*(\d+)\s*[x×,]\s*(\d+)\s*[x×,]\s*(\d+)\s*$/i.exec(text);
  if (!m) return null;
  const s = [Number(m[1]), Number(m[2]), Number(m[3])] as const;
  return s.every((n) => n > 0 && Number.isSafeInteger(n)) ? s : null;
}

/** Whether the text gives its input shape itself (a `# input: 3x32x32` comment). */
export const hasInputComment = (text: string): boolean => INPUT_COMMENT.test(text);

/**
 * The nn.Module classes the file defines that can be built without arguments (the ones that can be
 * the network; a block such as `Inception(in_channels)` cannot), in the file's order. Runs the
 * file's top level (imports, class and function definitions); empty when it does not run.
 */
export function moduleClasses(text: string): string[] {
  if (text.length > READ_CAP_CHARS) return [];
  try {
    const parsed = parsePython(text);
    if (parsed.error) return [];
    const py = new Interpreter(parsed);
    py.runModule();
    return py.classes.filter((c) => py.baseContainer(c) && py.constructible(c)).map((c) => c.name);
  } catch {
    return [];
  }
}

/** The span a diagnostic at `loc` underlines: a syntax error's token, else the statement from there to the end of its line. */
function spanAt(text: string, d: Diagnostic): Span | null {
  if (!d.loc) return null;
  const line = lineSpan(text, d.loc.line);
  if (d.code === 'python-syntax') {
    const span = tokenAt(text, line, d.loc.column);
    if (span.start < span.end) return span;
    // Something is missing at the end of the line (`def forward(self, x)` without its colon): the
    // last character before it is underlined, so the mark has something to sit on.
    let start = span.start;
    while (start > line.start && /\s/.test(text[start - 1] as string)) start--;
    return start > line.start ? { start: start - 1, end: start } : span;
  }
  const start = Math.min(line.start + d.loc.column - 1, line.end);
  let end = line.end;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end: Math.max(end, Math.min(start + 1, line.end)) };
}

const IDENT = /^[A-Za-z_]\w*$/;

/**
 * Where the module `path` is written: `self.<name> =` for its own name, else the nearest enclosing
 * module's (a layer inside `self.features = nn.Sequential(...)` is found at `features`). Null when
 * none of its names is assigned in the text (a layer a loop or helper built).
 */
export function pythonLayerOffset(text: string, path: string): number | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const name = parts[n - 1] as string;
    if (!IDENT.test(name)) continue;
    const m = new RegExp(`^[ \\t]*(?:self\\.)?${name}[ \\t]*(?::[^=\\n]*)?=(?!=)`, 'm').exec(text);
    if (m) return m.index + (m[0].length - m[0].trimStart().length);
  }
  return null;
}

/** Which class and input shape the page asks for (the select and the field under the tabs). */
export interface PythonChoice {
  className?: string;
  /** The input field's text; empty: the file's own `# input:` comment. */
  input?: string;
}

/** Everything the page shows about a PyTorch text: the network, its analysis, the diagnostics placed at their line. */
export function readPythonDoc(text: string, choice: PythonChoice = {}): Reading {
  if (text.length > READ_CAP_CHARS) {
    const mib = (n: number) => (n / 1048576).toFixed(1);
    const item: Item = {
      severity: 'error',
      source: 'json',
      message: `This text is ${mib(text.length)} MiB; the playground reads files of up to ${mib(READ_CAP_CHARS)} MiB as you type, so it is kept here but not read.`,
      fix: 'Check it with `cnn-graph check model.py`, or cut it down below the limit here.',
      zh: { message: `这段文本有 ${mib(text.length)} MiB；演练场在输入时只读取不超过 ${mib(READ_CAP_CHARS)} MiB 的文件，所以文本保留在这里，但不读取。`, fix: '请用 `cnn-graph check model.py` 检查它，或者在这里删减到限制以下。' },
      layer: '',
      line: null,
      column: null,
      span: null,
    };
    return { graph: null, analysis: null, items: [item] };
  }
  const options: PythonOptions = {};
  if (choice.className) options.className = choice.className;
  const typed = choice.input?.trim() ?? '';
  if (typed && !hasInputComment(text)) {
    const shape = parseShape(typed);
    if (!shape) {
      const item: Item = {
        severity: 'error',
        source: 'json',
        message: `The input shape "${typed}" is not channels×height×width.`,
        fix: 'Write it as 3x32x32 in the input field, or add a comment such as # input: 3x32x32 to the file.',
        zh: { message: `输入形状 "${typed}" 不是 通道×高×宽 的形式。`, fix: '请在输入框里写成 3x32x32，或者在文件里加一行注释，例如 # input: 3x32x32。' },
        layer: '',
        line: null,
        column: null,
        span: null,
      };
      return { graph: null, analysis: null, items: [item] };
    }
    options.input = shape;
  }
  const r = readPython(text, options);
  let analysis: Analysis | null = null;
  let diags: Array<Diagnostic & { source: Item['source'] }> = r.diagnostics.map((d) => ({ ...d, source: 'json' as const }));
  if (r.graph) {
    analysis = analyze(r.graph);
    // The reader's warnings (a call it traced loosely) stay beside the analysis's findings.
    diags = [...diags, ...analysis.diagnostics.map((d) => ({ ...d, source: 'analysis' as const }))];
  }
  const items: Item[] = diags.map((d) => {
    let span = spanAt(text, d);
    if (!span && d.path) {
      const at = pythonLayerOffset(text, d.path);
      if (at !== null) span = { start: at, end: lineSpan(text, text.slice(0, at).split('\n').length).end };
    }
    return itemOf(d, d.loc ?? (span ? lineCol(text, span.start) : null), span);
  });
  return { graph: r.graph, analysis, items };
}

/** A zoo network as the PyTorch file `cnn-graph export --format pytorch` writes (with its `# input:` comment), or why not. */
export function exampleSource(id: string, zh: boolean): { code: string } | { refused: string } {
  const g = zooGraph(id);
  if (!g) return { refused: zh ? `没有名为 "${id}" 的网络。` : `There is no network "${id}".` };
  try {
    return { code: pytorchCode(g, { source: id }) };
  } catch (e) {
    if (!(e instanceof PytorchExportError)) throw e;
    return { refused: zh ? `${g.title ?? id} 无法写成 PyTorch 代码：${e.zh}` : `${g.title ?? id} cannot be written as PyTorch: ${e.message}` };
  }
}
