/**
 * The playground page (src/site/pages/playground.ts) in the browser. Drives the elements that
 * dist/cnn-graph.js defines through the DOM only (`graphEl.graph = …`, `graphEl.select(…)`);
 * everything it computes comes from the pure modules (parseNetwork, analyze) via playground-doc.
 *
 * What is typed is never lost:
 * - the text is written to localStorage and to the URL hash (compressed) after every edit;
 * - a link that carries a network replaces the stored text only after stashing it, and choosing
 *   another network stashes the text it replaces; "Restore my previous text" brings it back;
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
import { Completer, Mirror } from './playground-editor.js';
import { decodeShare, encodeShare } from './playground-share.js';

/** localStorage keys: the text, and the text a link or an example replaced. */
export const STORE = 'cnn-graph:playground:text';
export const PREVIOUS = 'cnn-graph:playground:previous';

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

function lineHeight(): number {
  const lh = parseFloat(getComputedStyle(text).lineHeight);
  return Number.isFinite(lh) && lh > 0 ? lh : 20;
}

/** Scroll the editor so `line` is in its upper third. */
function revealLine(line: number): void {
  const top = mirror.lineHeights().slice(0, line - 1).reduce((a, b) => a + b, 0);
  if (top < text.scrollTop || top > text.scrollTop + text.clientHeight - 2 * lineHeight()) text.scrollTop = Math.max(0, top - text.clientHeight / 3);
  gutter.scrollTop = text.scrollTop;
}

// ---------------------------------------------------------------------------
// Reading the text: graph, summary numbers, diagnostics.

let lastGood: Graph | null = null;

function where(item: Item): string {
  const at = item.line !== null ? t(`line ${item.line}:${item.column}`, `第 ${item.line} 行第 ${item.column} 列`) : '';
  return [at, item.layer].filter(Boolean).join(' · ');
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
    w.textContent = where(item);
    // The page's language: the analysis's Chinese on /zh/, its English elsewhere.
    const said = zh && item.zh ? item.zh : item;
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
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

function setText(value: string): void {
  text.value = value;
  text.scrollTop = 0;
  currentLine = null;
  update();
}

function showRestore(): void {
  restoreBtn.hidden = !storage()?.getItem(PREVIOUS);
}

/** Keep `value` as the text to restore, unless it is empty or what is shown anyway. */
function stash(value: string | null | undefined, replacing: string): void {
  if (value && value.trim() && value !== replacing) {
    store(PREVIOUS, value);
    showRestore();
  }
}

// ---------------------------------------------------------------------------
// Wiring.

text.addEventListener('input', () => {
  renderGutter();
  schedule();
});
text.addEventListener('scroll', () => {
  gutter.scrollTop = text.scrollTop;
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
  const prev = storage()?.getItem(PREVIOUS);
  if (!prev) return;
  const now = text.value;
  clearTimeout(timer);
  setText(prev);
  // Restoring swaps: the text it replaced becomes the one to restore.
  if (now !== prev) store(PREVIOUS, now);
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
  }
});

async function start(): Promise<void> {
  const stored = storage()?.getItem(STORE) ?? null;
  const shared = await decodeShare(location.hash);
  let initial = text.value;
  if (typeof shared === 'string') {
    stash(stored, shared);
    initial = shared;
    say(t('Opened the network from the link.', '已打开链接中的网络。'));
  } else {
    if (shared instanceof Error) say(t(`${shared.message} Showing your last text instead.`, `链接里的网络无法读取（可能复制时被截断了）。改为显示你上次的文本。`));
    if (stored !== null && stored.trim()) initial = stored;
  }
  showRestore();
  text.value = initial;
  // A stored or shared text that is one of the examples selects it in the picker.
  const id = /"name":\s*"([^"]+)"/.exec(initial)?.[1];
  if (id && [...example.options].some((o) => o.value === id)) example.value = id;
  update();
}

void start();
