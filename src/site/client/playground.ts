/**
 * The playground page (src/site/pages/playground.ts) in the browser. Drives the elements that
 * dist/cnn-graph.js defines through the DOM only (`graphEl.graph = …`, `graphEl.select(…)`);
 * everything it computes comes from the pure modules (parseNetwork, analyze) via playground-doc.
 *
 * What is typed is never lost:
 * - the text is written to localStorage and to the URL hash (compressed) after every edit;
 * - a link that carries a network, or choosing another network, replaces the text only after
 *   keeping it in a stored history of replaced texts (20 at most); "Restore previous text" brings
 *   them back, newest first, and Ctrl/⌘+Z in the editor undoes the replacement itself;
 * - storage that is blocked or throws (privacy modes, sandboxed frames) costs only persistence;
 * - text that does not parse never clears the editor nor the graph: the last network that
 *   parsed stays, dimmed, with the error listed.
 *
 * Typing is helped by suggestions from the network's JSON Schema (inlined in the page by the
 * build, the same document as dist/network.schema.json): playground-complete.ts decides what fits
 * where the caret is, playground-editor.ts shows it as a listbox. Long lines wrap; the gutter's
 * numbers follow the wrapped heights.
 */
import { formatCount, formatInt } from '../../analysis/format.js';
import { stringifyNetwork } from '../../graph/json.js';
import type { Graph } from '../../graph/types.js';
import { zooGraph } from '../../zoo/index.js';
import type { JsonSchema } from './playground-complete.js';
import { type Item, layerLine, lineSpan, readNetwork } from './playground-doc.js';
import { Completer, lineCount, Mirror } from './playground-editor.js';
import { decodeShare, encodeShare, ShareError } from './playground-share.js';

/** localStorage keys: the text, and the texts that links, examples and restores replaced (newest first, JSON). */
export const STORE = 'cnn-graph:playground:text';
export const HISTORY = 'cnn-graph:playground:history';
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

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: #${id} is missing from the page`);
  return el as T;
};

const root = $('playground');
const text = $<HTMLTextAreaElement>('pg-text');
const gutter = $('pg-gutter');
const graphEl = $<GraphElement>('pg-graph');
const diagList = $('pg-diags');
const totals = $('pg-totals');
const status = $('pg-status');
const example = $<HTMLSelectElement>('pg-example');
const copyBtn = $<HTMLButtonElement>('pg-copy');
const restoreBtn = $<HTMLButtonElement>('pg-restore');
const share = $('pg-share');
const shareUrl = $<HTMLInputElement>('pg-share-url');
const mirror = new Mirror(text, $('pg-measure'));

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
// The gutter: one number per line, error lines marked, the selected layer's line outlined.

let errorLines: number[] = [];
let currentLine: number | null = null;

/**
 * Each number is as tall as its line once wrapped, so it stays beside the line's first row. The
 * numbers are updated in place (a keystroke changes a height or a class, rarely the count).
 */
function renderGutter(): void {
  if (mirror.rowHeight !== null) return renderGutterWindow(mirror.rowHeight);
  const heights = mirror.lineHeights();
  const errs = new Set(errorLines);
  const spans = gutter.children;
  while (spans.length > heights.length) gutter.lastElementChild?.remove();
  if (spans.length < heights.length) {
    const frag = document.createDocumentFragment();
    for (let i = spans.length + 1; i <= heights.length; i++) {
      const s = document.createElement('span');
      s.textContent = String(i);
      frag.append(s);
    }
    gutter.append(frag);
  }
  heights.forEach((h, k) => {
    const s = spans[k] as HTMLElement;
    const height = `${h}px`;
    if (s.style.height !== height) s.style.height = height;
    const cls = [errs.has(k + 1) ? 'pg-err' : '', k + 1 === currentLine ? 'pg-cur' : ''].filter(Boolean).join(' ');
    if (s.className !== cls) s.className = cls;
  });
  gutter.scrollTop = text.scrollTop;
}

/**
 * A large text (see LARGE_LINES) does not wrap, so every line is one row: the gutter holds only
 * the numbers in view (and a screen either side), between two spacers as tall as the rows they
 * stand for, so it scrolls with the text. Redrawn on scroll.
 */
function renderGutterWindow(row: number): void {
  const n = lineCount(text.value);
  const first = Math.max(0, Math.floor(text.scrollTop / row) - 40);
  const last = Math.min(n, first + Math.ceil(text.clientHeight / row) + 80);
  const errs = new Set(errorLines);
  const spacer = (lines: number) => {
    const s = document.createElement('span');
    s.className = 'pg-spacer';
    s.style.height = `${lines * row}px`;
    return s;
  };
  const frag = document.createDocumentFragment();
  frag.append(spacer(first));
  for (let k = first + 1; k <= last; k++) {
    const s = document.createElement('span');
    s.textContent = String(k);
    const cls = [errs.has(k) ? 'pg-err' : '', k === currentLine ? 'pg-cur' : ''].filter(Boolean).join(' ');
    if (cls) s.className = cls;
    frag.append(s);
  }
  frag.append(spacer(n - last));
  gutter.replaceChildren(frag);
  gutter.scrollTop = text.scrollTop;
}

/** A text of more lines than this is not wrapped (see renderGutterWindow). */
export const LARGE_LINES = 5000;

/** Wrap or not, by the text's size; true when that changed. */
function fitMode(): boolean {
  const large = lineCount(text.value) > LARGE_LINES;
  if (large === (mirror.rowHeight !== null)) return false;
  root.classList.toggle('pg-large', large);
  text.wrap = large ? 'off' : 'soft';
  mirror.rowHeight = large ? lineHeight() : null;
  if (!large) gutter.replaceChildren();
  return true;
}

function lineHeight(): number {
  const lh = parseFloat(getComputedStyle(text).lineHeight);
  return Number.isFinite(lh) && lh > 0 ? lh : 20;
}

/** Scroll the editor so `line` is in its upper third. */
function revealLine(line: number): void {
  const top = mirror.rowHeight !== null ? (line - 1) * mirror.rowHeight : mirror.lineHeights().slice(0, line - 1).reduce((a, b) => a + b, 0);
  if (top < text.scrollTop || top > text.scrollTop + text.clientHeight - 2 * lineHeight()) text.scrollTop = Math.max(0, top - text.clientHeight / 3);
  gutter.scrollTop = text.scrollTop;
}

// ---------------------------------------------------------------------------
// Reading the text: graph, summary numbers, diagnostics.

let lastGood: Graph | null = null;

/** Where the diagnostic points: the line, and the layer unless the message already opens with it ("net.3 Conv2d: …"), so the path is printed once. */
function where(item: Item, message: string): string {
  const at = item.line !== null ? t(`line ${item.line}:${item.column}`, `第 ${item.line} 行第 ${item.column} 列`) : '';
  const named = item.layer !== '' && (message.startsWith(`${item.layer} `) || message.startsWith(`${item.layer}:`) || message.startsWith(`${item.layer}：`));
  return [at, named ? '' : item.layer].filter(Boolean).join(' · ');
}

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
    // The page's language: the analysis's Chinese on /zh/, its English elsewhere.
    const said = zh && item.zh ? item.zh : item;
    w.textContent = where(item, said.message);
    const msg = document.createElement('span');
    // JSON syntax errors carry an excerpt with a caret under the column: keep it monospaced.
    msg.className = said.message.includes('\n') ? 'pg-msg pg-code' : 'pg-msg';
    msg.textContent = said.message;
    b.append(sev, ' ', w, msg);
    if (item.formula) {
      const f = document.createElement('span');
      f.className = 'pg-formula';
      f.textContent = item.formula;
      b.append(f);
    }
    if (said.fix) {
      const f = document.createElement('span');
      f.className = 'pg-fix';
      f.textContent = `${t('Fix:', '修改建议：')} ${said.fix}`;
      b.append(f);
    }
    b.addEventListener('click', () => jumpTo(item));
    li.append(b);
    frag.append(li);
  }
  diagList.replaceChildren(frag);
}

/** Select the diagnostic's text in the editor, and its layer in the graph when the graph on screen is this text's. */
function jumpTo(item: Item): void {
  const span = item.span ?? (item.line !== null ? lineSpan(text.value, item.line) : null);
  if (span) {
    text.focus({ preventScroll: true });
    text.setSelectionRange(span.start, span.end);
    if (item.line !== null) {
      currentLine = item.line;
      revealLine(item.line);
      renderGutter();
    }
  }
  if (item.layer && !root.classList.contains('pg-stale')) graphEl.select(item.layer);
}

function renderTotals(r: ReturnType<typeof readNetwork>): void {
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

function update(): void {
  const value = text.value;
  store(STORE, value);
  const r = readNetwork(value);
  errorLines = r.errorLines;
  if (r.graph) {
    lastGood = r.graph;
    graphEl.graph = r.graph;
    root.classList.remove('pg-stale');
  } else {
    // Keep the last network that parsed on screen, dimmed; never a blank box for a typo.
    root.classList.toggle('pg-stale', lastGood !== null || graphEl.model !== null);
  }
  renderTotals(r);
  renderDiagnostics(r.items);
  renderGutter();
  const seq = ++shareSeq;
  shareDone = encodeShare(value).then(
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
  timer = setTimeout(update, DEBOUNCE_MS + Math.round(text.value.length / 2000));
}

/** Above this many characters, a text put in the editor is shown first and read in a later task. */
const DEFER_CHARS = 200_000;

/**
 * Show the text now, read it once it is painted: a text of megabytes then appears at once with
 * "Reading…", instead of the page staying blank while it is parsed and analysed.
 */
function updateSoon(): void {
  clearTimeout(timer);
  if (text.value.length <= DEFER_CHARS) return update();
  renderGutter();
  const was = status.textContent ?? '';
  const mib = (text.value.length / 1048576).toFixed(1);
  const reading = t(`Reading ${mib} MiB of text…`, `正在读取 ${mib} MiB 的文本…`);
  say(reading);
  requestAnimationFrame(() => {
    timer = setTimeout(() => {
      update();
      if (status.textContent === reading) say(was);
    }, 0);
  });
}

/**
 * Put `value` in the editor as one edit the browser can undo (Ctrl/⌘+Z brings back what it
 * replaced), through execCommand like the completer's insertions; where the browser does not
 * allow that (or the text is large, which its undo would copy), by assignment.
 */
function replaceText(value: string): void {
  const focused = document.activeElement as HTMLElement | null;
  let done = false;
  if (value.length <= DEFER_CHARS && text.value.length <= DEFER_CHARS) {
    text.focus({ preventScroll: true });
    text.select();
    done = value === '' ? document.execCommand('delete') : document.execCommand('insertText', false, value);
    text.setSelectionRange(0, 0);
    if (focused && focused !== text) focused.focus({ preventScroll: true });
  }
  if (!done || text.value !== value) text.value = value;
}

function setText(value: string): void {
  replaceText(value);
  fitMode();
  text.scrollTop = 0;
  currentLine = null;
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
// Wiring.

text.addEventListener('input', () => {
  fitMode();
  renderGutter();
  schedule();
});
text.addEventListener('scroll', () => {
  if (mirror.rowHeight !== null) renderGutter();
  else gutter.scrollTop = text.scrollTop;
});
// A narrower or wider editor wraps the lines differently: the gutter follows.
new ResizeObserver(() => renderGutter()).observe(text);

const schema = JSON.parse($('pg-schema').textContent ?? '{}') as JsonSchema;
new Completer(text, $('pg-complete'), $('pg-complete-status'), mirror, schema, {
  list: t('Suggestions', '补全建议'),
  count: (n) => t(`${n} suggestion${n === 1 ? '' : 's'}`, `${n} 条建议`),
  none: t('No suggestions here.', '此处没有可用的建议。'),
  required: t('required', '必填'),
  needs: (fields) => t(`needs ${fields}`, `需要 ${fields}`),
  networkInput: t('the network input', '网络输入'),
});

example.addEventListener('change', () => {
  const g = zooGraph(example.value);
  if (!g) return;
  const next = stringifyNetwork(g);
  stash(text.value, next);
  clearTimeout(timer);
  setText(next);
  say(t(`Loaded ${g.title ?? g.name}.`, `已载入 ${g.title ?? g.name}。`));
});

restoreBtn.addEventListener('click', () => {
  const [prev, ...rest] = replaced;
  if (prev === undefined) return;
  const now = text.value;
  replaced = rest;
  // What restoring replaces goes back in the history too, unless it is an unedited example: at the
  // far end, so that Restore keeps walking back through older texts before it comes round to it.
  if (now !== prev && now.trim() && !isExample(now)) replaced = [...replaced.filter((x) => x !== now), now];
  saveHistory();
  clearTimeout(timer);
  setText(prev);
  say(t('Restored your previous text.', '已恢复之前的文本。'));
});

copyBtn.addEventListener('click', async () => {
  clearTimeout(timer);
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

graphEl.addEventListener('cnn-select', (e) => {
  const path = (e as CustomEvent<{ path: string | null }>).detail?.path;
  currentLine = path ? layerLine(text.value, path) : null;
  if (currentLine !== null) revealLine(currentLine);
  renderGutter();
});

window.addEventListener('hashchange', async () => {
  const shared = await decodeShare(location.hash);
  if (typeof shared === 'string' && shared !== text.value) {
    stash(text.value, shared);
    clearTimeout(timer);
    setText(shared);
    say(t('Opened the network from the link.', '已打开链接中的网络。'));
  } else if (shared instanceof ShareError) {
    say(t(`${shared.message} Your text is as it was.`, `${shared.zh}你的文本没有变。`));
    // The address goes back to the text on screen.
    clearTimeout(timer);
    update();
  }
});

async function start(): Promise<void> {
  const stored = load(STORE);
  const shared = await decodeShare(location.hash);
  let initial = text.value;
  if (typeof shared === 'string') {
    stash(stored, shared);
    initial = shared;
    say(t('Opened the network from the link.', '已打开链接中的网络。'));
  } else {
    if (shared instanceof ShareError) say(t(`${shared.message} Showing your last text instead.`, `${shared.zh}改为显示你上次的文本。`));
    if (stored !== null && stored.trim()) initial = stored;
  }
  showRestore();
  text.value = initial;
  fitMode();
  // A stored or shared text that is one of the examples selects it in the picker.
  const id = /"name":\s*"([^"]+)"/.exec(initial)?.[1];
  if (id && [...example.options].some((o) => o.value === id)) example.value = id;
  updateSoon();
}

void start();
