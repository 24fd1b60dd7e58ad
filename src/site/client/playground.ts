/**
 * The playground page (src/site/pages/playground.ts) in the browser. Drives the elements that
 * dist/cnn-graph.js defines through the DOM only (`graphEl.graph = …`, `graphEl.select(…)`);
 * everything it computes comes from the pure modules (parseNetwork, analyze) via playground-doc.
 *
 * The text is edited in CodeMirror (code-editor.ts): the document's language is a parameter
 * (`DocumentMode`: its highlighting and completion, and the reader that turns its text into a
 * network and diagnostics). Two tabs hold two documents: network JSON (playground-json.ts) and
 * PyTorch source (playground-python.ts, loaded when the tab is first opened); each keeps its own
 * text, undo history and stored copy, and the link says which tab it opens.
 * The diagnostics are underlined in the text, listed under it, and the first is named above the
 * graph as a button that takes the editor there.
 *
 * What is typed is never lost:
 * - the text is written to localStorage and to the URL hash (compressed) after every edit;
 * - a link that carries a network, or choosing another network, replaces the text only after
 *   keeping it in a stored history of replaced texts (20 at most); "Restore previous text" brings
 *   them back, newest first, and Ctrl/⌘+Z in the editor undoes the replacement itself;
 * - storage that is blocked or throws (privacy modes, sandboxed frames) costs only persistence;
 * - text that does not parse never clears the editor nor the graph: the last network that
 *   parsed stays, dimmed, with the error named above it.
 */
import { formatCount, formatInt } from '../../analysis/format.js';
import { stringifyNetwork } from '../../graph/json.js';
import type { Graph } from '../../graph/types.js';
import { zooGraph } from '../../zoo/index.js';
import { CodeEditor, type DocumentLanguage } from './code-editor.js';
import { wireCopyPytorch } from './copy-pytorch.js';
import type { JsonSchema } from './playground-complete.js';
import { type Item, layerAt, layerOffset, type Reading, readNetwork } from './playground-doc.js';
import { lintMarks, networkJson } from './playground-json.js';
import { decodeShare, encodeShare, type ShareFormat, shareFormat, ShareError } from './playground-share.js';

/** localStorage keys: the text, and the texts that links, examples and restores replaced (newest first, JSON). */
export const STORE = 'cnn-graph:playground:text';
export const HISTORY = 'cnn-graph:playground:history';
/** The PyTorch tab's text, and which tab was open (`json` or `python`). */
export const STORE_PYTHON = 'cnn-graph:playground:python';
export const TAB = 'cnn-graph:playground:tab';
/** The one replaced text that earlier versions kept; read once into the history. */
const PREVIOUS = 'cnn-graph:playground:previous';
/** The history keeps this many texts, and no more characters than this in all (localStorage holds ~5 MB a site). */
const HISTORY_MAX = 20;
const HISTORY_CHARS = 1_500_000;

/** Wait this long after the last keystroke before re-reading the text. */
const DEBOUNCE_MS = 250;

const zh = (document.documentElement.lang || 'en').toLowerCase().startsWith('zh');
const t = (en: string, cn: string): string => (zh ? cn : en);

/** The few methods of <cnn-graph> this page uses (the element is defined by cnn-graph.js, not bundled here). */
interface GraphElement extends HTMLElement {
  graph: Graph | null;
  model: string | null;
  select(path: string | null): void;
}

/**
 * One kind of document the editor can hold: its language for the editor, and the reader of its
 * text (the network it describes, the analysis, the diagnostics placed in the text).
 */
interface DocumentMode {
  language: DocumentLanguage;
  read(text: string): Reading;
  /** Where a layer is written in the text (for a layer selected in the graph), or null. */
  layerOffset(text: string, path: string): number | null;
  /** The layer written at `from`–`to` of the text (a pasted layer), or null. */
  layerAt(text: string, from: number, to: number): string | null;
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: #${id} is missing from the page`);
  return el as T;
};

const root = $('playground');
const graphEl = $<GraphElement>('pg-graph');
const diagList = $('pg-diags');
const totals = $('pg-totals');
const status = $('pg-status');
const example = $<HTMLSelectElement>('pg-example');
const copyBtn = $<HTMLButtonElement>('pg-copy');
const restoreBtn = $<HTMLButtonElement>('pg-restore');
const share = $('pg-share');
const shareUrl = $<HTMLInputElement>('pg-share-url');
const problem = $('pg-problem');
const problemGo = $<HTMLButtonElement>('pg-problem-go');
const problemMore = $<HTMLAnchorElement>('pg-problem-more');
const problemOk = $('pg-problem-ok');

const schema = JSON.parse($('pg-schema').textContent ?? '{}') as JsonSchema;
const jsonMode: DocumentMode = {
  language: networkJson(schema, {
    required: t('required', '必填'),
    needs: (fields) => t(`needs ${fields}`, `需要 ${fields}`),
    networkInput: t('the network input', '网络输入'),
  }),
  read: (text) => readNetwork(text),
  layerOffset,
  layerAt,
};
let mode: DocumentMode = jsonMode;

type Tab = 'json' | 'python';
let tab: Tab = 'json';
type PythonModule = typeof import('./playground-python.js');
let py: PythonModule | null = null;
/** The class and input shape chosen beside the PyTorch text (the select and the field). */
const pyChoice: { className?: string; input?: string } = {};
const tabs: Record<Tab, HTMLButtonElement> = { json: $<HTMLButtonElement>('pg-tab-json'), python: $<HTMLButtonElement>('pg-tab-python') };
const panel = $('pg-panel');
const pyOpts = $('pg-pyopts');
const classLabel = $('pg-class-l');
const classSelect = $<HTMLSelectElement>('pg-class');
const inputLabel = $('pg-input-l');
const inputField = $<HTMLInputElement>('pg-input');
const inputHelp = $('pg-input-h');
const LABELS: Record<Tab, string> = { json: t('Network JSON', '网络 JSON'), python: t('PyTorch source', 'PyTorch 源代码') };
const HINTS: Record<Tab, string> = { json: 'pg-hint', python: 'pg-hint-python' };

/** CodeMirror's own words on the Chinese page. */
const PHRASES_ZH: Record<string, string> = {
  Completions: '补全建议',
  Diagnostics: '诊断',
  'No diagnostics': '没有诊断',
  close: '关闭',
  Find: '查找',
  Replace: '替换',
  next: '下一个',
  previous: '上一个',
  all: '全部',
  'match case': '区分大小写',
  regexp: '正则表达式',
  'by word': '全词匹配',
  replace: '替换',
  'replace all': '全部替换',
  'Go to line': '跳到行',
  go: '跳转',
  'current match': '当前匹配',
  'on line': '位于行',
  'Selection deleted': '已删除所选内容',
  'Control character': '控制字符',
  'folded code': '折叠的代码',
  unfold: '展开',
  to: '到',
};

/** The page's text (LeNet-5) becomes the editor's first document; what a visit had replaces it in start(). */
const staticText = $('pg-static');
let pasted: { from: number; to: number } | null = null;
const editorBox = $('pg-editor');
staticText.remove();
const editor = new CodeEditor({
  parent: editorBox,
  doc: staticText.textContent ?? '',
  language: mode.language,
  key: 'json',
  label: LABELS.json,
  describedBy: 'pg-hint pg-diag-h',
  ...(zh ? { phrases: PHRASES_ZH } : {}),
  onChange(inserted) {
    if (inserted.length) pasted = inserted[0] as { from: number; to: number };
    schedule();
  },
});
// Tests and the benchmark read the text and move the caret through this, as the page does.
(editorBox as HTMLElement & { editor?: CodeEditor }).editor = editor;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked (privacy settings, sandboxed frame): the URL still keeps the text
  }
}

function store(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    /* full or blocked: the URL hash still holds the text */
  }
}

/** A stored value, or null; never throws (getItem itself throws in some privacy modes and sandboxed frames). */
function load(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function say(message: string): void {
  status.textContent = message;
}

// ---------------------------------------------------------------------------
// Reading the text: graph, summary numbers, diagnostics.

let lastGood: Graph | null = null;
let reading: Reading | null = null;

/** Where the diagnostic points: the line, and the layer unless the message already opens with it ("net.3 Conv2d: …"), so the path is printed once. */
function where(item: Item, message: string): string {
  const at = item.line !== null ? t(`line ${item.line}:${item.column}`, `第 ${item.line} 行第 ${item.column} 列`) : '';
  const named = item.layer !== '' && (message.startsWith(`${item.layer} `) || message.startsWith(`${item.layer}:`) || message.startsWith(`${item.layer}：`));
  return [at, named ? '' : item.layer].filter(Boolean).join(' · ');
}

/** The message in the page's language: the analysis's Chinese on /zh/, its English elsewhere. */
const said = (item: Item) => (zh && item.zh ? item.zh : item);

function renderDiagnostics(items: Item[]): void {
  const frag = document.createDocumentFragment();
  for (const item of items) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `pg-diag pg-${item.severity}`;
    const sev = document.createElement('b');
    sev.textContent = item.severity === 'error' ? t('Error', '错误') : t('Warning', '警告');
    const w = document.createElement('span');
    w.className = 'pg-where';
    const s = said(item);
    w.textContent = where(item, s.message);
    const msg = document.createElement('span');
    // JSON syntax errors carry an excerpt with a caret under the column: keep it monospaced.
    msg.className = s.message.includes('\n') ? 'pg-msg pg-code' : 'pg-msg';
    msg.textContent = s.message;
    b.append(sev, ' ', w, msg);
    if (item.formula) {
      const f = document.createElement('span');
      f.className = 'pg-formula';
      f.textContent = item.formula;
      b.append(f);
    }
    if (s.fix) {
      const f = document.createElement('span');
      f.className = 'pg-fix';
      f.textContent = `${t('Fix:', '修改建议：')} ${s.fix}`;
      b.append(f);
    }
    b.addEventListener('click', () => jumpTo(item));
    li.append(b);
    frag.append(li);
  }
  diagList.replaceChildren(frag);
}

/**
 * The line above the graph: the first error (else the first warning) as a button that takes the
 * editor there, how many more there are, and whether the graph is the last network that parsed.
 */
function renderProblem(items: Item[], stale: boolean): void {
  const first = items.find((i) => i.severity === 'error') ?? items[0];
  problem.dataset.state = first ? first.severity : 'ok';
  problemOk.textContent = first ? '' : t('No problems found.', '没有发现问题。');
  problemGo.hidden = !first;
  problemMore.hidden = !first;
  if (!first) return;
  // The line is said once, before the message: a syntax error's own "at line 12, column 5" goes.
  const head = (said(first).message.split('\n')[0] as string).replace(/ at line \d+, column \d+/, '').replace(/^第 \d+ 行第 \d+ 列/, '');
  const at = first.line !== null ? t(`Line ${first.line}: `, `第 ${first.line} 行：`) : '';
  problemGo.textContent = `${at}${head}`;
  problemGo.title = `${at}${said(first).message}`;
  problemGo.className = `pg-problem-go pg-${first.severity}`;
  problemGo.onclick = () => jumpTo(first);
  const more = items.length - 1;
  const parts = [more > 0 ? t(`${more} more`, `另有 ${more} 条`) : '', stale ? t('the graph is the last text that parsed', '图中是最后一次能解析的文本') : ''].filter(Boolean);
  problemMore.hidden = parts.length === 0;
  problemMore.textContent = parts.join(' · ');
}

/** Our own select() on the graph, whose cnn-select must not move the editor (the reader is typing there). */
let ownSelect: string | null = null;

function selectInGraph(path: string): void {
  ownSelect = path;
  graphEl.select(path);
}

/** Select the diagnostic's text in the editor, and its layer in the graph when the graph on screen is this text's. */
function jumpTo(item: Item): void {
  const span = item.span;
  if (span) editor.select(span.start, span.end, true);
  else document.getElementById('pg-diag-h')?.scrollIntoView({ block: 'start' });
  if (item.layer && !root.classList.contains('pg-stale')) selectInGraph(item.layer);
}

function renderTotals(r: Reading): void {
  totals.replaceChildren();
  const errors = r.items.filter((i) => i.severity === 'error').length;
  const warnings = r.items.length - errors;
  if (r.analysis) {
    const a = r.analysis;
    const name = r.graph?.title ?? r.graph?.name ?? '';
    const out = a.output ? a.output.join('×') : '—';
    const b = document.createElement('span');
    b.id = 'pg-params';
    b.dataset.params = String(a.totals.params);
    b.dataset.macs = String(a.totals.macs);
    b.textContent = t(`${name}: ${formatInt(a.totals.params)} parameters · ${formatCount(a.totals.macs)} MACs · input ${a.input.join('×')} → output ${out}`, `${name}：参数量 ${formatInt(a.totals.params)} · MACs ${formatCount(a.totals.macs)} · 输入 ${a.input.join('×')} → 输出 ${out}`);
    totals.append(b);
  }
  const verdict = document.createElement('span');
  verdict.className = 'pg-verdict';
  if (errors === 0 && warnings === 0) {
    verdict.classList.add('pg-ok');
    verdict.textContent = t('No problems found.', '没有发现问题。');
  } else {
    verdict.textContent = t(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`, `${errors} 个错误，${warnings} 个警告。`);
  }
  totals.append(verdict);
}

let shareSeq = 0;
let shareDone: Promise<void> = Promise.resolve();
/** A layer to show in the graph once the graph that has it is drawn (a pasted layer). */
let revealAfterDraw: string | null = null;

function update(): void {
  clearTimeout(timer);
  const value = editor.text;
  store(tab === 'json' ? STORE : STORE_PYTHON, value);
  if (tab === 'python') showPythonControls(value);
  const r = mode.read(value);
  reading = r;
  if (r.graph) {
    lastGood = r.graph;
    graphEl.graph = r.graph;
    root.classList.remove('pg-stale');
  } else {
    // Keep the last network that parsed on screen, dimmed; never a blank box for a typo.
    root.classList.toggle('pg-stale', lastGood !== null || graphEl.model !== null);
  }
  const stale = root.classList.contains('pg-stale');
  renderTotals(r);
  renderDiagnostics(r.items);
  renderProblem(r.items, stale);
  editor.setDiagnostics(lintMarks(value, r.items, zh));
  // A pasted layer is shown in the graph once the graph that has it is drawn.
  if (pasted && r.graph) revealAfterDraw = mode.layerAt(value, pasted.from, pasted.to);
  pasted = null;
  const seq = ++shareSeq;
  shareDone = encodeShare(value, shareHow()).then(
    (hash) => {
      if (seq === shareSeq) history.replaceState(history.state, '', `#${hash}`);
    },
    () => {},
  );
}

let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * Reading a text costs ~0.3 s a megabyte here (parse, analysis, placing the diagnostics): a large
 * one is re-read only after a longer pause (1.85 s for 3.7 MB), so typing in it stays fluid.
 */
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS + Math.round(editor.length / 2000));
}

/** Above this many characters, a text put in the editor is shown first and read in a later task. */
const DEFER_CHARS = 200_000;

/**
 * Show the text now, read it once it is painted: a text of megabytes then appears at once with
 * "Reading…", instead of the page staying blank while it is parsed and analysed.
 */
function updateSoon(): void {
  clearTimeout(timer);
  if (editor.length <= DEFER_CHARS) return update();
  const was = status.textContent ?? '';
  const mib = (editor.length / 1048576).toFixed(1);
  const note = t(`Reading ${mib} MiB of text…`, `正在读取 ${mib} MiB 的文本…`);
  say(note);
  requestAnimationFrame(() => {
    timer = setTimeout(() => {
      update();
      if (status.textContent === note) say(was);
    }, 0);
  });
}

/** Put `value` in the editor as one step Ctrl/⌘+Z undoes (what it replaced comes back), then read it. */
function setText(value: string): void {
  editor.replace(value, true);
  updateSoon();
}

/**
 * The texts that were replaced, newest first. Kept in memory and stored: where storage is
 * blocked, the page's own session still has them.
 */
let replaced: string[] = readHistory();

function readHistory(): string[] {
  let list: string[] = [];
  try {
    const parsed = JSON.parse(load(HISTORY) ?? '[]') as unknown;
    if (Array.isArray(parsed)) list = parsed.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  } catch {
    /* unreadable: start a new history */
  }
  const old = load(PREVIOUS);
  if (old && old.trim() && !list.includes(old)) list.push(old);
  return list;
}

function saveHistory(): void {
  let chars = 0;
  // The newest are kept; the oldest go first when the history is too long or too large.
  replaced = replaced.slice(0, HISTORY_MAX).filter((x, i) => (chars += x.length) <= HISTORY_CHARS || i === 0);
  store(HISTORY, JSON.stringify(replaced));
  try {
    storage()?.removeItem(PREVIOUS);
  } catch {
    /* blocked */
  }
  showRestore();
}

function showRestore(): void {
  const n = replaced.length;
  restoreBtn.hidden = n === 0;
  restoreBtn.textContent = n > 1 ? t(`Restore previous text (${n})`, `恢复之前的文本（${n}）`) : t('Restore previous text', '恢复之前的文本');
  restoreBtn.title = t('Brings back the text that the last example, link or restore replaced (Ctrl+Z in the editor does too).', '恢复最近一次被示例、链接或恢复操作替换掉的文本（在编辑器里按 Ctrl+Z 也可以）。');
}

/** The text of an example, unedited: replacing it loses nothing (it is one pick away). */
function isExample(value: string): boolean {
  const id = /"name":\s*"([^"]+)"/.exec(value)?.[1];
  const g = id ? zooGraph(id) : undefined;
  return !!g && stringifyNetwork(g) === value;
}

/** Keep `value` in the history of replaced texts, unless it is empty, what is shown anyway, an unedited example, or already the newest. */
function stash(value: string | null | undefined, replacing: string): void {
  if (!value || !value.trim() || value === replacing || isExample(value)) return;
  replaced = [value, ...replaced.filter((x) => x !== value)];
  saveHistory();
}

// ---------------------------------------------------------------------------
// The tabs: which document the editor holds.

/** What a link of the text on screen says besides the text: the tab, and the class and input chosen for a PyTorch text. */
function shareHow(): ShareFormat {
  if (tab === 'json') return { format: 'json' };
  return { format: 'python', ...(pyChoice.className ? { className: pyChoice.className } : {}), ...(pyChoice.input?.trim() ? { input: pyChoice.input.trim() } : {}) };
}

/** A text that is a network's JSON (it opens with `{` or `[`), not Python: where a restored or linked text belongs. */
const looksJson = (text: string): boolean => /^\uFEFF?\s*[{[]/.test(text);

/**
 * The class select (when the file has several classes that can be the network) and the input field
 * (when the file has no `# input:` comment), for the PyTorch text `text`. A chosen class that the
 * text no longer defines (renamed, deleted) is forgotten: the reader's own choice takes over.
 */
function showPythonControls(text: string): void {
  const p = py as PythonModule;
  const classes = p.moduleClasses(text);
  if (pyChoice.className && !classes.includes(pyChoice.className)) delete pyChoice.className;
  classLabel.hidden = classes.length < 2;
  if (classes.length >= 2) {
    const have = [...classSelect.options].map((o) => o.value);
    const want = ['', ...classes];
    if (have.join('\n') !== want.join('\n')) {
      const auto = document.createElement('option');
      auto.value = '';
      auto.textContent = t('(the file’s network)', '（文件里的网络）');
      classSelect.replaceChildren(auto, ...classes.map((c) => Object.assign(document.createElement('option'), { value: c, textContent: c })));
    }
    classSelect.value = pyChoice.className ?? '';
  }
  const noComment = !p.hasInputComment(text);
  inputLabel.hidden = !noComment;
  inputHelp.hidden = !noComment;
  if (inputField.value !== (pyChoice.input ?? '')) inputField.value = pyChoice.input ?? '';
  pyOpts.hidden = classLabel.hidden && inputLabel.hidden;
}

async function loadPython(): Promise<PythonModule> {
  if (!py) {
    const m = await import('./playground-python.js');
    py = m;
  }
  return py;
}

/** The PyTorch tab's first text: the start network (LeNet-5) as `cnn-graph export --format pytorch` writes it. */
function firstPython(p: PythonModule): string {
  const stored = load(STORE_PYTHON);
  if (stored !== null && stored.trim()) return stored;
  const ex = p.exampleSource(example.value || 'lenet5', zh);
  return 'code' in ex ? ex.code : '';
}

/**
 * Open tab `next`: its document as it was left (or its stored text, or the start example), its
 * language and reader, its hint and controls; then read it. Nothing of the other tab is lost.
 */
async function showTab(next: Tab, focus = false): Promise<void> {
  if (next === 'python') {
    const p = await loadPython();
    mode = {
      language: p.pythonSource(),
      read: (text) => p.readPythonDoc(text, pyChoice),
      layerOffset: (text, path) => p.pythonLayerOffset(text, path),
      layerAt: () => null,
    };
  } else mode = jsonMode;
  if (next !== tab) {
    tab = next;
    editor.showDocument(next, () => (next === 'python' ? firstPython(py as PythonModule) : (load(STORE) ?? staticText.textContent ?? '')), mode.language, LABELS[next], `${HINTS[next]} pg-diag-h`);
  }
  for (const k of ['json', 'python'] as const) {
    tabs[k].setAttribute('aria-selected', String(k === next));
    tabs[k].tabIndex = k === next ? 0 : -1;
    $(HINTS[k]).hidden = k !== next;
  }
  if (focus) tabs[next].focus();
  panel.setAttribute('aria-labelledby', tabs[next].id);
  root.classList.toggle('pg-python', next === 'python');
  pyOpts.hidden = next !== 'python';
  store(TAB, next);
  updateSoon();
}

for (const k of ['json', 'python'] as const) {
  tabs[k].addEventListener('click', () => void showTab(k));
  // The tablist pattern: arrows (and Home/End) move between the tabs and open the one reached.
  tabs[k].addEventListener('keydown', (e) => {
    const order: Tab[] = ['json', 'python'];
    const i = order.indexOf(k);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? order.length - 1 : 0;
    const to = step ? order[(i + step) % order.length] : e.key === 'Home' ? order[0] : e.key === 'End' ? order[order.length - 1] : null;
    if (!to) return;
    e.preventDefault();
    void showTab(to, true);
  });
}

classSelect.addEventListener('change', () => {
  if (classSelect.value) pyChoice.className = classSelect.value;
  else delete pyChoice.className;
  update();
});

inputField.addEventListener('input', () => {
  pyChoice.input = inputField.value;
  schedule();
});

// ---------------------------------------------------------------------------
// Wiring.

example.addEventListener('change', () => {
  const g = zooGraph(example.value);
  if (!g) return;
  if (tab === 'python' && py) {
    const ex = py.exampleSource(example.value, zh);
    if ('refused' in ex) return say(ex.refused);
    delete pyChoice.className;
    stash(editor.text, ex.code);
    setText(ex.code);
    say(t(`Loaded ${g.title ?? g.name} as PyTorch code.`, `已载入 ${g.title ?? g.name} 的 PyTorch 代码。`));
    return;
  }
  const next = stringifyNetwork(g);
  stash(editor.text, next);
  setText(next);
  say(t(`Loaded ${g.title ?? g.name}.`, `已载入 ${g.title ?? g.name}。`));
});

restoreBtn.addEventListener('click', async () => {
  const [prev, ...rest] = replaced;
  if (prev === undefined) return;
  // A text goes back to its own tab: JSON to the JSON tab, Python to the PyTorch tab.
  const belongs: Tab = looksJson(prev) ? 'json' : 'python';
  if (belongs !== tab) await showTab(belongs);
  const now = editor.text;
  replaced = rest;
  // What restoring replaces goes back in the history too, unless it is an unedited example: at the
  // far end, so that Restore keeps walking back through older texts before it comes round to it.
  if (now !== prev && now.trim() && !isExample(now)) replaced = [...replaced.filter((x) => x !== now), now];
  saveHistory();
  setText(prev);
  say(t('Restored your previous text.', '已恢复之前的文本。'));
});

copyBtn.addEventListener('click', async () => {
  update();
  await shareDone;
  const url = location.href;
  shareUrl.value = url;
  try {
    await navigator.clipboard.writeText(url);
    share.hidden = true;
    say(t(`Link copied (${url.length.toLocaleString('en')} characters).`, `链接已复制（${url.length.toLocaleString('en')} 个字符）。`));
  } catch {
    // No clipboard permission (or an insecure context): show the link to copy by hand.
    share.hidden = false;
    shareUrl.focus();
    shareUrl.select();
    say('');
  }
});

// "Copy as PyTorch": the network of the text as it is now, or why it cannot be written.
wireCopyPytorch(
  $('pg-pytorch'),
  async () => {
    update();
    const r = reading;
    if (!r?.graph) {
      const first = r?.items.find((i) => i.severity === 'error');
      const at = first?.line != null ? t(` (line ${first.line})`, `（第 ${first.line} 行）`) : '';
      return { refused: t(`Not exported: the text does not describe a network yet${at}. Fix the errors first.`, `没有导出：这段文本还不是一个完整的网络${at}。请先改正错误。`) };
    }
    const graph = r.graph;
    const m = await import('./pytorch-code.js');
    return m.codeFor(graph, 'the playground', zh);
  },
  () => `${(reading?.graph ?? lastGood)?.name.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'network'}.py`,
);

graphEl.addEventListener('cnn-select', (e) => {
  const path = (e as CustomEvent<{ path: string | null }>).detail?.path ?? null;
  const own = path !== null && path === ownSelect;
  ownSelect = null;
  const at = path && !root.classList.contains('pg-stale') ? mode.layerOffset(editor.text, path) : null;
  // The layer's line is picked out; a selection the reader made in the graph also scrolls the text there.
  editor.mark(at, !own);
});

graphEl.addEventListener('cnn-layout', () => {
  const path = revealAfterDraw;
  revealAfterDraw = null;
  if (path) selectInGraph(path);
});

window.addEventListener('hashchange', async () => {
  const shared = await decodeShare(location.hash);
  const how = shareFormat(location.hash);
  if (typeof shared === 'string' && (shared !== editor.text || how.format !== tab)) {
    if (how.format !== tab) await showTab(how.format);
    if (how.format === 'python') adoptChoice(how);
    stash(editor.text, shared);
    setText(shared);
    say(t('Opened the network from the link.', '已打开链接中的网络。'));
  } else if (shared instanceof ShareError) {
    say(t(`${shared.message} Your text is as it was.`, `${shared.zh}你的文本没有变。`));
    // The address goes back to the text on screen.
    update();
  }
});

/** The class and input shape a link chose for its PyTorch text. */
function adoptChoice(how: ShareFormat): void {
  if (how.className) pyChoice.className = how.className;
  else delete pyChoice.className;
  pyChoice.input = how.input ?? '';
}

async function start(): Promise<void> {
  const shared = await decodeShare(location.hash);
  const how = shareFormat(location.hash);
  const opened: Tab = typeof shared === 'string' ? how.format : load(TAB) === 'python' ? 'python' : 'json';
  if (opened === 'python') {
    await showTab('python');
    // After the tab has read its stored text, which would drop a class that text does not define.
    if (typeof shared === 'string') adoptChoice(how);
  }
  const stored = load(opened === 'json' ? STORE : STORE_PYTHON);
  let initial = editor.text;
  if (typeof shared === 'string') {
    stash(stored, shared);
    initial = shared;
    say(t('Opened the network from the link.', '已打开链接中的网络。'));
  } else {
    if (shared instanceof ShareError) say(t(`${shared.message} Showing your last text instead.`, `${shared.zh}改为显示你上次的文本。`));
    if (stored !== null && stored.trim()) initial = stored;
  }
  showRestore();
  // What a visit starts with is not an edit: nothing to undo.
  if (initial !== editor.text) editor.replace(initial, false);
  // A stored or shared text that is one of the examples selects it in the picker.
  const id = tab === 'json' ? /"name":\s*"([^"]+)"/.exec(initial)?.[1] : undefined;
  if (id && [...example.options].some((o) => o.value === id)) example.value = id;
  updateSoon();
}

void start();
