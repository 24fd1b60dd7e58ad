/**
 * The embed page: how to put `<cnn-graph>` in any page (one script tag, npm and its exports map,
 * React, Vue), theming (`::part`, `--cnn-*`), a live themed example with an event log (client
 * script `embed`), and the API reference of every element, generated at build time from
 * custom-elements.json (src/site/manifest.ts). Descriptions in the tables are the elements'
 * JSDoc, in English on both languages' pages; the Chinese page says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ZOO_IDS } from '../../zoo/index.js';
import { apiReference, docText, elementDocs, readManifest } from '../manifest.js';
import { esc, graphFigure } from '../shell.js';
import type { PageContext, SitePage } from '../types.js';

/** The repository root: the nearest directory up from the working directory whose package.json is cnn-graph's. */
export function repoRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'cnn-graph') return dir;
    if (dirname(dir) === dir) throw new Error(`site: no cnn-graph package.json above ${from}; build the site from the repository.`);
  }
}

const block = (lang: string, code: string): string => `<pre tabindex="0"><code class="language-${lang}">${esc(code.trim())}</code></pre>`;

/** The live example's styles; shown verbatim on the page as the theming example, so what is read is what runs. */
export const THEME_CSS = `
#themed {
  --cnn-height: 440px;
  --cnn-bg: #fffaf0;
  --cnn-edge: #9a3412;
  --cnn-conv-fill: #ffedd5;
  --cnn-conv-stroke: #c2410c;
  --cnn-pool-fill: #ecfccb;
  --cnn-pool-stroke: #4d7c0f;
  --cnn-linear-fill: #e0e7ff;
  --cnn-linear-stroke: #4338ca;
  --cnn-selected: #0891b2;
}
#themed::part(edge-label) { font-style: italic; }
#themed::part(node) { transition: opacity 0.15s; }
#themed:hover::part(node) { opacity: 0.85; }
#themed::part(node):hover { opacity: 1; }
`;

const SCRIPT_TAG = `
<script type="module" src="cnn-graph.js"></script>

<cnn-graph id="net" model="googlenet" expand="none" toolbar></cnn-graph>
<cnn-summary for="net"></cnn-summary>
`;

const OWN_JSON = `
<!-- your own network, in the JSON format of the playground -->
<cnn-graph src="mynet.json" direction="right"></cnn-graph>

<script type="module">
  const g = document.querySelector('#net');
  g.addEventListener('cnn-select', (e) => console.log(e.detail.path, e.detail.record));
  g.addEventListener('cnn-error', (e) => console.warn(e.detail.message));
</script>
`;

const NPM = `
npm install cnn-graph
`;

const NPM_IMPORTS = `
// In a bundled app (Vite, webpack, esbuild): defines <cnn-graph>, <cnn-summary>, <cnn-compare>.
import { setWorkerUrl } from 'cnn-graph/ui';
// The layout worker is a file of its own; let the bundler give it a URL (Vite shown).
import workerUrl from 'cnn-graph/cnn-graph-layout.worker.js?url';
// elk, loaded by the worker only for networks that are not series–parallel.
import elkUrl from 'cnn-graph/cnn-graph-elk.classic.js?url';
setWorkerUrl(workerUrl, elkUrl);

// The analysis without any DOM (Node, workers): shapes, parameters, MACs.
import { analyze, zooGraph } from 'cnn-graph';
console.log(analyze(zooGraph('lenet5')).totals.params); // 61706

// The same SVG as the element, in Node.
import { renderNetworkSVG } from 'cnn-graph/render';
`;

const REACT = `
import { useEffect, useRef } from 'react';
import 'cnn-graph/ui';

export function Network({ graph, onSelect }) {
  const ref = useRef(null);
  // \`graph\` is an object: set it as a property (React 18 would write an attribute).
  useEffect(() => { ref.current.graph = graph; }, [graph]);
  // Custom events: listen on the element.
  useEffect(() => {
    const el = ref.current;
    const handler = (e) => onSelect(e.detail.record);
    el.addEventListener('cnn-select', handler);
    return () => el.removeEventListener('cnn-select', handler);
  }, [onSelect]);
  return <cnn-graph ref={ref} expand="1" theme="auto" toolbar="" />;
}
`;

const VUE_CONFIG = `
// vite.config.js: let Vue leave the cnn-* tags to the browser
import vue from '@vitejs/plugin-vue';
export default {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cnn-') } } })],
};
`;

const VUE = `
<script setup>
import 'cnn-graph/ui';
import { ref } from 'vue';
const net = ref(myGraph);              // a Graph object, e.g. parseNetwork(text).graph
const onSelect = (e) => console.log(e.detail.path);
</script>

<template>
  <cnn-graph :graph.prop="net" expand="all" theme="auto" @cnn-select="onSelect" />
</template>
`;

async function body(ctx: PageContext): Promise<string> {
  const { t } = ctx;
  const elements = elementDocs(readManifest(repoRoot()));
  // The stylesheet is a light palette: pin the element's theme so a dark system does not mix the two.
  const live = (await graphFigure(ctx, 'resnet-mini', { elementId: 'themed', toolbar: true, height: '440px', bare: true })).replace(' theme="auto"', ' theme="light"');
  const ids = ZOO_IDS.map((id) => `<code>${esc(id)}</code>`).join(', ');
  const toc = elements.map((e) => `<li><a href="#api-${esc(e.tag)}"><code>&lt;${esc(e.tag)}&gt;</code></a> — ${docText(e.summary)}</li>`).join('\n');
  return `<style>${THEME_CSS}
.embed-log { display: block; font: 0.85rem/1.5 var(--mono); background: var(--code-bg); border-radius: var(--radius); padding: 0.6rem 0.9rem; min-height: 4.5em; max-height: 12em; overflow: auto; white-space: pre-wrap; margin: 0.5rem 0; }
main [id] { scroll-margin-top: 4.5rem; }
.api-table td:not(:last-child) code { white-space: nowrap; }
.api-element { border-top: 1px solid var(--line); margin-top: 2rem; }
.api-table td:last-child { min-width: 24ch; }
.api-table th[scope="row"] { white-space: nowrap; font-weight: normal; }
</style>
<h1>${t('Embed the graph in any page', '在任何网页中嵌入网络图')}</h1>
<p class="lead">${t(
    'The elements are standard custom elements: one module script defines them, and they work in plain HTML, in any framework, and in Markdown that allows HTML. Every number they show is computed in the page by the same analysis as this site.',
    '这些元素都是标准的自定义元素（custom elements）：一个模块脚本就能定义它们，可用于纯 HTML、任何前端框架，以及允许 HTML 的 Markdown。它们显示的每个数字都在页面里由与本站相同的分析代码算出。',
  )}</p>
<nav aria-label="${t('On this page', '本页内容')}"><ul>
<li><a href="#script-tag">${t('One script tag', '一个 script 标签')}</a></li>
<li><a href="#npm">${t('From npm', '通过 npm')}</a></li>
<li><a href="#frameworks">${t('React and Vue', 'React 与 Vue')}</a></li>
<li><a href="#theming">${t('Theming', '主题与样式')}</a></li>
<li><a href="#live">${t('A live example', '在线示例')}</a></li>
<li><a href="#api">${t('API reference', 'API 参考')}</a></li>
</ul></nav>

<h2 id="script-tag">${t('One script tag', '一个 script 标签')}</h2>
<p>${t(
    'Copy four files from the package’s <code>dist/</code> folder next to your page: <code>cnn-graph.js</code> (the elements; it lays out every zoo network itself), <code>cnn-graph-layout.worker.js</code> (the Web Worker for very large views and for networks that are not series–parallel, so the page never freezes), <code>cnn-graph-elk.classic.js</code> (elkjs, loaded by the worker only for those networks) and <code>cnn-graph-elk.js</code> (elkjs for the page itself, only if workers are unavailable). Then:',
    '把包里 <code>dist/</code> 目录下的四个文件复制到网页旁边：<code>cnn-graph.js</code>（元素本身，内置网络都由它直接布局）、<code>cnn-graph-layout.worker.js</code>（Web Worker，用于特别大的视图和非串并联结构的网络，页面不会卡住）、<code>cnn-graph-elk.classic.js</code>（elkjs，只在这类网络出现时由 Worker 加载）和 <code>cnn-graph-elk.js</code>（供页面本身使用的 elkjs，只在无法使用 Worker 时加载）。然后：',
  )}</p>
${block('html', SCRIPT_TAG)}
<p>${t(
    `<code>model</code> takes any zoo id: ${ids}. Your own network comes from a JSON file (<code>src</code>) or an object (the <code>graph</code> property); write it in the <a href="${esc(ctx.link('playground/index.html'))}">playground</a>. The worker is found next to <code>cnn-graph.js</code>; serve it from elsewhere with <code>setWorkerUrl(url)</code>.`,
    `<code>model</code> 可取任意内置网络的 id：${ids}。自己的网络可以来自 JSON 文件（<code>src</code>）或对象（<code>graph</code> 属性）；可以在<a href="${esc(ctx.link('playground/index.html'))}">试验场</a>里编写。Worker 文件默认在 <code>cnn-graph.js</code> 旁边查找；放在别处时用 <code>setWorkerUrl(url)</code> 指定。`,
  )}</p>
${block('html', OWN_JSON)}

<h2 id="npm">${t('From npm', '通过 npm')}</h2>
${block('sh', NPM)}
<p>${t('The package’s entry points (its <code>exports</code> map):', '包的入口（<code>exports</code> 映射）：')}</p>
<div class="table-wrap" tabindex="0"><table>
<thead><tr><th scope="col">${t('Import', '导入路径')}</th><th scope="col">${t('What it is', '内容')}</th></tr></thead>
<tbody>
<tr><th scope="row"><code>cnn-graph</code></th><td>${t('The graph model, the analysis (shapes, parameters, MACs, diagnostics), the zoo, JSON in and out. No DOM.', '网络模型、分析（形状、参数量、MACs、诊断）、内置网络、JSON 读写。不需要 DOM。')}</td></tr>
<tr><th scope="row"><code>cnn-graph/ui</code></th><td>${t('The elements for bundlers: importing it defines <code>&lt;cnn-graph&gt;</code>, <code>&lt;cnn-summary&gt;</code> and <code>&lt;cnn-compare&gt;</code> (lit, d3 and elkjs are dependencies). Also exports <code>setWorkerUrl</code> and the event types.', '供打包工具使用的元素：导入即定义 <code>&lt;cnn-graph&gt;</code>、<code>&lt;cnn-summary&gt;</code> 和 <code>&lt;cnn-compare&gt;</code>（依赖 lit、d3 和 elkjs），并导出 <code>setWorkerUrl</code> 与事件类型。')}</td></tr>
<tr><th scope="row"><code>cnn-graph/render</code></th><td>${t('Layout → scene → SVG without a DOM, the path the element and <code>cnn-graph render</code> share; runs in Node.', '不依赖 DOM 的“布局 → 场景 → SVG”流程，元素和 <code>cnn-graph render</code> 共用；可在 Node 中运行。')}</td></tr>
<tr><th scope="row"><code>cnn-graph/cnn-graph.js</code></th><td>${t('The self-contained browser bundle of the script-tag usage (and its worker, <code>cnn-graph/cnn-graph-layout.worker.js</code>).', '上面 script 标签用法中那个自包含的浏览器包（以及它的 Worker：<code>cnn-graph/cnn-graph-layout.worker.js</code>）。')}</td></tr>
<tr><th scope="row"><code>cnn-graph/custom-elements.json</code></th><td>${t('The custom elements manifest (the API below, for editors and tools).', '自定义元素清单（即下面的 API，供编辑器和工具使用）。')}</td></tr>
</tbody></table></div>
${block('js', NPM_IMPORTS)}
<p>${t('In TypeScript, <code>document.querySelector(\'cnn-graph\')</code> is typed as <code>CnnGraph</code>: the package declares the tags in <code>HTMLElementTagNameMap</code>.', '在 TypeScript 中，<code>document.querySelector(\'cnn-graph\')</code> 的类型就是 <code>CnnGraph</code>：包里已在 <code>HTMLElementTagNameMap</code> 中声明了这些标签。')}</p>

<h2 id="frameworks">${t('React and Vue', 'React 与 Vue')}</h2>
<p>${t(
    'Strings go in attributes (<code>model</code>, <code>expand</code>, <code>theme</code>, …); objects go in properties (<code>graph</code>, <code>layout</code>); the elements report through DOM events (<code>cnn-select</code>, <code>cnn-toggle</code>, <code>cnn-direction</code>, <code>cnn-layout</code>, <code>cnn-error</code>), which bubble and cross shadow roots.',
    '字符串写在特性（attribute）里（<code>model</code>、<code>expand</code>、<code>theme</code> 等）；对象通过属性（property）传入（<code>graph</code>、<code>layout</code>）；元素通过 DOM 事件反馈（<code>cnn-select</code>、<code>cnn-toggle</code>、<code>cnn-direction</code>、<code>cnn-layout</code>、<code>cnn-error</code>），这些事件会冒泡并穿过 shadow root。',
  )}</p>
<h3>React</h3>
<p>${t(
    'React 19 sets properties of custom elements directly; React 18 only writes attributes, so set <code>graph</code> through a ref. Listening with <code>addEventListener</code> works in both.',
    'React 19 会直接设置自定义元素的属性；React 18 只会写特性，所以要通过 ref 设置 <code>graph</code>。用 <code>addEventListener</code> 监听事件在两个版本里都可行。',
  )}</p>
${block('jsx', REACT)}
<h3>Vue</h3>
<p>${t('Tell the compiler that <code>cnn-*</code> tags are custom elements, then bind objects with <code>.prop</code> and listen with <code>@</code>:', '先告诉编译器 <code>cnn-*</code> 标签是自定义元素，然后用 <code>.prop</code> 绑定对象、用 <code>@</code> 监听事件：')}</p>
${block('js', VUE_CONFIG)}
${block('html', VUE)}

<h2 id="theming">${t('Theming', '主题与样式')}</h2>
<p>${t(
    '<code>theme</code> picks the built-in light or dark palette (<code>auto</code> follows the system). Every colour is a <code>--cnn-*</code> custom property set on the element or any ancestor — one pair per layer kind (<code>--cnn-conv-fill</code>, <code>--cnn-conv-stroke</code>, and likewise <code>pool</code>, <code>linear</code>, <code>activation</code>, <code>norm</code>, <code>concat</code>, <code>add</code>, …) and the base colours (<code>--cnn-bg</code>, <code>--cnn-fg</code>, <code>--cnn-edge</code>, …). Parts of the shadow tree are exposed to <code>::part()</code>: <code>node</code>, <code>module</code>, <code>edge</code>, <code>edge-label</code>, <code>toolbar</code>, <code>details</code>, <code>message</code>. The live example below uses exactly this stylesheet:',
    '<code>theme</code> 选择内置的浅色或深色配色（<code>auto</code> 跟随系统）。每种颜色都是一个 <code>--cnn-*</code> 自定义属性，可设在元素或任一祖先元素上：每类层一对（<code>--cnn-conv-fill</code>、<code>--cnn-conv-stroke</code>，以及 <code>pool</code>、<code>linear</code>、<code>activation</code>、<code>norm</code>、<code>concat</code>、<code>add</code> 等），另有基础颜色（<code>--cnn-bg</code>、<code>--cnn-fg</code>、<code>--cnn-edge</code> 等）。shadow 树中的部件可用 <code>::part()</code> 设置样式：<code>node</code>、<code>module</code>、<code>edge</code>、<code>edge-label</code>、<code>toolbar</code>、<code>details</code>、<code>message</code>。下面的在线示例用的正是这段样式表：',
  )}</p>
${block('css', THEME_CSS)}

<h2 id="live">${t('A live example', '在线示例')}</h2>
<p>${t('The notes’ small ResNet, styled by the stylesheet above. Click a layer; click a residual block’s title to collapse it and the box to open it again (or focus it and press Enter); or use the toolbar. The events the element fires are logged below it.', '讲义中的小型 ResNet，套用了上面的样式表。点击一层；点击残差块的标题将其折叠，再点击方框重新展开（或聚焦后按 Enter）；也可以使用工具栏。元素触发的事件会记录在下方。')}</p>
<figure class="graph-figure">
${live}
<figcaption>${block('html', '<cnn-graph id="themed" model="resnet-mini" theme="light" toolbar></cnn-graph>')}</figcaption>
</figure>
<output class="embed-log" id="embed-log" for="themed" aria-live="polite">${t('Events will appear here.', '事件会显示在这里。')}</output>

<h2 id="api">${t('API reference', 'API 参考')}</h2>
<p>${t(
    'Generated when the site is built from <code>custom-elements.json</code>, which the custom-elements-manifest analyzer reads from the element classes and their JSDoc — the same file editors and tools read from the package. Attributes are set in HTML; properties without an attribute are set from JavaScript.',
    '以下内容在构建网站时由 <code>custom-elements.json</code> 生成：该文件由 custom-elements-manifest 分析器从元素类及其 JSDoc 注释中读出，编辑器和工具从包里读到的也是同一个文件。特性（attribute）在 HTML 中设置；没有对应特性的属性（property）只能用 JavaScript 设置。',
  )}</p>
${ctx.lang === 'zh' ? '<p class="note">表格中的说明文字直接取自源代码中的 JSDoc 注释，目前只有英文，没有可依据的中文翻译，因此保留英文原文；标题和栏目名已翻译。</p>' : ''}
<ul>
${toc}
</ul>
${elements.map((e) => apiReference(e, ctx)).join('\n')}`;
}

export const pages: SitePage[] = [
  {
    path: 'embed/index.html',
    section: 'embed',
    title: { en: 'Embed', zh: '嵌入' },
    description: {
      en: 'Put <cnn-graph> in any page: one script tag, npm, React and Vue, theming, and the API reference of every element.',
      zh: '在任何网页中使用 <cnn-graph>：一个 script 标签、npm、React 与 Vue、主题样式，以及每个元素的 API 参考。',
    },
    scripts: ['embed'],
    body,
  },
];
