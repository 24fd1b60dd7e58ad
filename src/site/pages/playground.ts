/**
 * The playground: a network as JSON in an editor, and beside it the live `<cnn-graph>`, the
 * `<cnn-summary>` and the diagnostics of that JSON. The page holds LeNet-5's JSON and picture
 * (readable without JavaScript); the client script `playground` puts the text in a CodeMirror
 * editor and does the rest: a picker of zoo networks, debounced updates, diagnostics underlined
 * in the text and listed, the first one named above the graph, the text kept in localStorage and
 * in the URL hash (share by link), suggestions from the network's JSON Schema (inlined here, the
 * document dist/network.schema.json holds) as you type, "Copy as PyTorch". A tablist over the
 * editor switches it to PyTorch source (an `nn.Module` class, read by src/import/python), with a
 * class select and an input field beside it. See src/site/client/playground.ts.
 */
import { stringifyNetwork } from '../../graph/json.js';
import { networkJsonSchema } from '../../graph/schema.js';
import { ZOO, zooGraph } from '../../zoo/index.js';
import { copyPytorchControl } from '../copy-pytorch.js';
import { esc, graphFigure } from '../shell.js';
import type { PageContext, SitePage } from '../types.js';

/** The network the editor starts with when there is nothing in the URL or the browser's storage. */
export const START_ID = 'lenet5';

/**
 * The playground's own styles: the two columns, the editor's box (CodeMirror draws inside it and
 * reads its token colours from the `--cm-*` properties here, light and dark), the problem line
 * above the graph, the dimmed stale graph, the diagnostics list.
 */
const STYLE = `<style>
.pg-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 0.8rem; align-items: center; margin: 0.8rem 0; }
.pg-bar select, .pg-bar > button, .pg-share input { font: inherit; font-size: 0.92rem; padding: 0.3rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
/* The zoo's longest entry would make the menu wider than a phone: the label wraps and the menu shrinks to the bar. */
.pg-start { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.5rem; max-width: 100%; min-width: 0; }
.pg-start select { max-width: 100%; min-width: 0; }
.pg-bar > button { cursor: pointer; }
.pg-bar > button:hover { border-color: var(--accent); }
.pg-status { color: var(--muted); font-size: 0.9rem; }
.pg-share { display: flex; gap: 0.4rem; align-items: center; flex-basis: 100%; }
.pg-share[hidden] { display: none; }
.pg-share input { flex: 1; min-width: 0; font-family: var(--mono); font-size: 0.8rem; }
.pg-cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.2rem; align-items: start; }
@media (max-width: 900px) { .pg-cols { grid-template-columns: minmax(0, 1fr); } }
.pg {
  --cm-tok-property: #0550ae; --cm-tok-string: #116329; --cm-tok-number: #953800; --cm-tok-keyword: #8250df;
  --cm-selection: #c9dcff; --cm-marked: #fff3c4; --cm-error: #c4314b; --cm-warning: #b07800;
}
@media (prefers-color-scheme: dark) {
  .pg {
    --cm-tok-property: #79c0ff; --cm-tok-string: #7ee787; --cm-tok-number: #ffa657; --cm-tok-keyword: #d2a8ff;
    --cm-selection: #264f78; --cm-marked: #4a3f12; --cm-error: #ff7b8a; --cm-warning: #e3b341;
  }
}
.pg-editor { height: 60vh; min-height: 320px; border: 1px solid var(--line); border-radius: var(--radius); background: var(--panel); overflow: hidden; font-size: 13px; }
.pg-editor:focus-within { border-color: var(--accent); }
/* iOS zooms the page into a text field whose text is under 16 px: on touch and small screens it is 16 px. */
@media (pointer: coarse), (max-width: 600px) { .pg-editor { font-size: 16px; height: 55vh; } .pg-bar select, .pg-share input { font-size: 16px; } }
/* The tabs over the editor: which kind of document it holds (network JSON, PyTorch source). */
.pg-tabs { display: flex; gap: 0.2rem; border-bottom: 1px solid var(--line); margin: 0 0 0.5rem; }
.pg-tabs [role="tab"] { font: inherit; font-size: 0.92rem; padding: 0.35rem 0.9rem; min-height: 2.2rem; border: 1px solid transparent; border-bottom: none; border-radius: 6px 6px 0 0; background: none; color: var(--muted); cursor: pointer; margin-bottom: -1px; }
.pg-tabs [role="tab"][aria-selected="true"] { color: var(--fg); background: var(--panel); border-color: var(--line); border-bottom: 1px solid var(--panel); font-weight: 600; }
.pg-tabs [role="tab"]:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.pg-pyopts { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; margin: 0 0 0.5rem; font-size: 0.92rem; }
.pg-pyopts[hidden], .pg-pyopts label[hidden], .pg-hint[hidden] { display: none; }
.pg-pyopts select, .pg-pyopts input { font: inherit; padding: 0.25rem 0.5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
.pg-pyopts input { width: 8.5em; font-family: var(--mono); }
@media (pointer: coarse), (max-width: 600px) { .pg-pyopts select, .pg-pyopts input { font-size: 16px; } }
/* On the PyTorch tab the text is already PyTorch: no "Copy as PyTorch". */
.pg-python #pg-pytorch { display: none; }
.pg-static { margin: 0; height: 100%; overflow: auto; padding: 8px; font: 1em/1.55 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; }
.pg-hint { margin: 0.35rem 0 0; color: var(--muted); font-size: 0.85rem; }
.pg-hint kbd { font: 0.8rem var(--mono); border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3em; background: var(--panel); }

/* The first problem, one line above the graph (never over it): a button that takes the editor there. */
.pg-problem { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.5rem; min-height: 2.2rem; margin: 0 0 0.4rem; font-size: 0.9rem; }
.pg-problem[data-state="ok"] { color: #1c7c54; }
@media (prefers-color-scheme: dark) { .pg-problem[data-state="ok"] { color: #5cc98f; } }
.pg-problem-go { flex: 0 1 auto; min-width: min(14rem, 100%); max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-align: left; font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-left: 4px solid var(--cm-error); border-radius: 6px; padding: 0.3rem 0.6rem; cursor: pointer; }
.pg-problem-go.pg-warning { border-left-color: var(--cm-warning); }
.pg-problem-go:hover { border-color: var(--accent); }
.pg-problem-go[hidden], .pg-problem-more[hidden] { display: none; }
.pg-problem-more { flex: none; color: var(--muted); }
.pg-graph cnn-graph { height: 60vh; min-height: 320px; }
/* The last network that parsed, dimmed; the toolbar stays as it is (readable, usable). */
.pg-graph cnn-graph::part(canvas) { transition: opacity 0.2s; }
.pg-stale .pg-graph cnn-graph::part(canvas) { opacity: 0.4; filter: grayscale(0.7); }
.pg-totals { margin: 0.6rem 0 0.3rem; font-variant-numeric: tabular-nums; }
.pg-diags { list-style: none; padding: 0; margin: 0.4rem 0; }
.pg-diags li { margin: 0 0 0.4rem; max-width: none; }
.pg-diag { display: block; width: 100%; text-align: left; font: inherit; font-size: 0.9rem; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-left: 4px solid #c4314b; border-radius: 6px; padding: 0.4rem 0.7rem; cursor: pointer; }
.pg-diag.pg-warning { border-left-color: #c98a00; }
.pg-diag:hover { border-color: var(--accent); }
.pg-diag .pg-where { font-family: var(--mono); font-size: 0.82rem; color: var(--muted); margin-right: 0.5em; }
.pg-diag .pg-msg { white-space: pre-wrap; }
.pg-diag .pg-msg.pg-code { font-family: var(--mono); font-size: 0.82rem; }
.pg-diag .pg-fix, .pg-diag .pg-formula { display: block; color: var(--muted); margin-top: 0.15rem; }
.pg-verdict { display: block; }
.pg-ok { color: #1c7c54; }
</style>`;

async function body(ctx: PageContext): Promise<string> {
  const { t } = ctx;
  const start = stringifyNetwork(zooGraph(START_ID)!);
  const options = ZOO.map((e) => `<option value="${esc(e.id)}"${e.id === START_ID ? ' selected' : ''}>${esc(t(e.title, e.titleZh))} (${esc(e.id)})</option>`).join('');
  // The build-time picture of LeNet-5. Edits that stay series–parallel (the notes' networks and
  // most variants of them) are laid out in the page as you type; the worker and elk start only
  // for an edit that needs them.
  const graph = await graphFigure(ctx, START_ID, { elementId: 'pg-graph', bare: true, toolbar: true, height: '60vh' });
  return `${STYLE}
<h1>${t('Playground', '试验场')}</h1>
<p class="lead">${t(
    'Edit a network as JSON or as PyTorch code and watch it redrawn, summarised and checked as you type. Start from any network of the notes, change a kernel size or a channel count, break it on purpose: the diagnostics say which layer fails and how to fix it.',
    '用 JSON 或 PyTorch 代码编辑一个网络，边改边看它重新绘制、汇总和检查。可以从讲义里的任一网络开始，改一个卷积核大小或通道数，甚至故意把它改坏：诊断信息会指出哪一层出了问题、该怎么改。',
  )}</p>
<p>${t(
    'The format is cnn-graph’s network JSON: <code>input</code> is <code>[channels, height, width]</code>, each layer has a <code>path</code>, a <code>kind</code> (PyTorch’s class name) and PyTorch’s arguments; a layer reads the one before it unless it lists <code>inputs</code>. Its JSON Schema, for editors that validate and complete JSON:',
    '格式是 cnn-graph 的网络 JSON：<code>input</code> 为 <code>[通道, 高, 宽]</code>；每一层有 <code>path</code>、<code>kind</code>（PyTorch 的类名）和 PyTorch 的参数；除非写明 <code>inputs</code>，每层都以上一层的输出为输入。供编辑器校验和补全用的 JSON Schema：',
  )} <a href="${esc(ctx.root)}network.schema.json" download>network.schema.json</a>.</p>
<div class="pg" id="playground">
<div class="pg-bar">
<label class="pg-start">${t('Start from', '从这个网络开始')} <select id="pg-example">${options}</select></label>
<button type="button" id="pg-copy">${t('Copy link', '复制链接')}</button>
${copyPytorchControl(ctx, 'pg-pytorch')}
<button type="button" id="pg-restore" hidden>${t('Restore previous text', '恢复之前的文本')}</button>
<span class="pg-status" id="pg-status" role="status" aria-live="polite"></span>
<div class="pg-share" id="pg-share" hidden><label for="pg-share-url">${t('Copy this link:', '复制这个链接：')}</label> <input id="pg-share-url" readonly></div>
</div>
<div class="pg-cols">
<div class="pg-left">
<div class="pg-tabs" role="tablist" aria-label="${t('Format of the text', '文本格式')}">
<button type="button" role="tab" id="pg-tab-json" aria-selected="true" aria-controls="pg-panel" tabindex="0">${t('JSON', 'JSON')}</button>
<button type="button" role="tab" id="pg-tab-python" aria-selected="false" aria-controls="pg-panel" tabindex="-1">PyTorch</button>
</div>
<div id="pg-panel" role="tabpanel" aria-labelledby="pg-tab-json">
<div class="pg-pyopts" id="pg-pyopts" hidden>
<label id="pg-class-l" hidden>${t('Network class', '网络类')} <select id="pg-class"></select></label>
<label id="pg-input-l" hidden>${t('Input shape', '输入形状')} <input id="pg-input" placeholder="3x32x32" inputmode="text" autocomplete="off" spellcheck="false" aria-describedby="pg-input-h"></label>
<span class="pg-status" id="pg-input-h" hidden>${t('channels×height×width, or a <code># input: 3x32x32</code> comment in the file', '通道×高×宽，或在文件里写一行注释 <code># input: 3x32x32</code>')}</span>
</div>
<div class="pg-editor" id="pg-editor"><pre class="pg-static" id="pg-static" tabindex="0" aria-label="${t('Network JSON', '网络 JSON')}">${esc(start)}</pre></div>
<p class="pg-hint" id="pg-hint">${t(
    'Suggestions from the schema appear as you type, <kbd>Ctrl</kbd>+<kbd>Space</kbd> asks for them anywhere: the fields of the layer’s kind, every kind, the layers an <code>inputs</code> can name. <kbd>↑</kbd><kbd>↓</kbd> choose, <kbd>Enter</kbd> or <kbd>Tab</kbd> accept, <kbd>Esc</kbd> close. Problems are underlined where they are; hover one, or <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> lists them.',
    '输入时会列出 schema 给出的建议，按 <kbd>Ctrl</kbd>+<kbd>Space</kbd> 可在任意位置列出：该层类型（kind）的字段、所有层类型、<code>inputs</code> 可以引用的层。<kbd>↑</kbd><kbd>↓</kbd> 选择，<kbd>Enter</kbd> 或 <kbd>Tab</kbd> 确认，<kbd>Esc</kbd> 关闭。有问题的地方会加下划线；鼠标停在上面可看说明，按 <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> 列出全部问题。',
  )}</p>
<p class="pg-hint" id="pg-hint-python" hidden>${t(
    'An <code>nn.Module</code> class (or <code>net = nn.Sequential(...)</code>), as you would write it for PyTorch: the network is the last class that can be built without arguments, its input the <code># input: 3x32x32</code> comment (or the field above). Problems are underlined at their line; hover one, or <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> lists them. What the reader takes is described in <code>docs/python.md</code>.',
    '像为 PyTorch 写代码那样写一个 <code>nn.Module</code> 类（或 <code>net = nn.Sequential(...)</code>）：网络是最后一个可以不带参数构建的类，输入形状来自注释 <code># input: 3x32x32</code>（或上面的输入框）。有问题的地方会在所在行加下划线；鼠标停在上面可看说明，按 <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> 列出全部问题。能读取哪些写法，见 <code>docs/python.md</code>。',
  )}</p>
</div>
<script type="application/json" id="pg-schema">${JSON.stringify(networkJsonSchema()).replace(/</g, '\\u003c')}</script>
</div>
<div class="pg-right">
<div class="pg-problem" id="pg-problem" data-state="ok"><button type="button" class="pg-problem-go" id="pg-problem-go" hidden></button><a class="pg-problem-more" id="pg-problem-more" href="#pg-diag-h" hidden></a><span id="pg-problem-ok"></span></div>
<div class="pg-graph">
${graph}
</div>
</div>
</div>
<section class="pg-diagnostics" aria-labelledby="pg-diag-h">
<h2 id="pg-diag-h">${t('Diagnostics', '诊断')}</h2>
<p class="pg-totals" id="pg-totals"></p>
<ul class="pg-diags" id="pg-diags"></ul>
</section>
<h2>${t('Summary', '汇总表')}</h2>
<cnn-summary for="pg-graph"></cnn-summary>
</div>
<noscript><p class="note">${t('The playground needs JavaScript; the graph above is LeNet-5 as drawn when the site was built.', '试验场需要 JavaScript；上面的图是构建网站时画好的 LeNet-5。')}</p></noscript>
<h2>${t('Good to know', '小贴士')}</h2>
<ul>
<li>${t('Your text stays in this browser (localStorage) and in the page address: reload and it is still there; <b>Copy link</b> gives a URL that opens this exact network anywhere. Nothing is sent to a server.', '你的文本保存在这个浏览器里（localStorage），也写在页面地址中：刷新后仍在；<b>复制链接</b>得到的网址在任何地方都能打开这个网络。不会发送到任何服务器。')}</li>
<li>${t('Choosing another network or opening a link replaces the text; every replaced text is kept (the last 20), and <b>Restore previous text</b> brings them back, newest first. <kbd>Ctrl</kbd>+<kbd>Z</kbd> in the editor undoes the replacement too.', '选择另一个网络或打开链接会替换文本；每段被替换的文本都会保留（最近 20 段），点<b>恢复之前的文本</b>可按从新到旧的顺序找回。在编辑器里按 <kbd>Ctrl</kbd>+<kbd>Z</kbd> 也能撤销替换。')}</li>
<li>${t('Click a diagnostic (or the line above the graph) to jump to its place in the text and select the layer in the graph; click a layer in the graph to find its line. A pasted layer is selected and shown in the graph.', '点击一条诊断（或图上方的那一行）可跳到文本中对应的位置，并在图中选中该层；在图中点击一层可找到它所在的行。粘贴进来的层会在图中被选中并显示出来。')}</li>
<li>${t('The <b>PyTorch</b> tab reads an <code>nn.Module</code> class instead of JSON (the same reader as <code>cnn-graph summary model.py</code>); each tab keeps its own text, and a link opens the tab it was copied from. <b>Start from</b> there gives the network as PyTorch code.', '<b>PyTorch</b> 标签页读取 <code>nn.Module</code> 类而不是 JSON（与 <code>cnn-graph summary model.py</code> 用同一个读取器）；两个标签页各自保留自己的文本，链接会打开复制时所在的标签页。在那里用<b>从这个网络开始</b>，得到的是该网络的 PyTorch 代码。')}</li>
<li>${t('<b>Copy as PyTorch</b> copies the network as a runnable PyTorch file (the same as <code>cnn-graph export file.json --format pytorch</code>), to train it on a real GPU.', '<b>复制为 PyTorch 代码</b>会把网络复制成一个可运行的 PyTorch 文件（与 <code>cnn-graph export file.json --format pytorch</code> 相同），以便在真正的 GPU 上训练。')}</li>
<li>${t('The same JSON works in the command line (<code>cnn-graph summary file.json</code>, <code>cnn-graph render file.json --out file.svg</code>) and in <code>&lt;cnn-graph src=&quot;file.json&quot;&gt;</code>.', '同样的 JSON 也可用于命令行（<code>cnn-graph summary file.json</code>、<code>cnn-graph render file.json --out file.svg</code>）和 <code>&lt;cnn-graph src=&quot;file.json&quot;&gt;</code>。')} <a href="${esc(ctx.link('embed/index.html'))}">${t('Embedding the element', '嵌入这个元素')}</a>.</li>
</ul>`;
}

export const pages: SitePage[] = [
  {
    path: 'playground/index.html',
    section: 'playground',
    title: { en: 'Playground', zh: '试验场' },
    description: {
      en: 'Edit a network as JSON or PyTorch code and see its graph, summary and diagnostics update live; share it by URL.',
      zh: '用 JSON 或 PyTorch 代码编辑网络，实时查看网络图、汇总表和诊断信息；通过链接分享。',
    },
    scripts: ['playground'],
    body,
  },
];
