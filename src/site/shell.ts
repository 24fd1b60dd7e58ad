/**
 * The page shell every site page shares (head, header with the sections and the
 * language switch, footer), the relative-URL arithmetic behind `PageContext`, and
 * `graphFigure`, the one way pages put a zoo network on the page.
 *
 * Everything here is a pure function of its arguments except `graphFigure`, which
 * memoises the build-time render (elk in Node) and records the precomputed layouts
 * that `build.ts` writes to `site/layouts/`.
 */
import { analyze } from '../analysis/analyze.js';
import { zooEntry } from '../zoo/index.js';
import { ANNOTATIONS, type Annotation } from '../render/cards.js';
import type { Direction, Layout } from '../render/layout.js';
import { render } from '../render/pipeline.js';
import type { Expand } from '../render/view.js';
import type { Lang, PageContext, Section, SitePage } from './types.js';

export const LANGS = ['en', 'zh'] as const satisfies readonly Lang[];

/** `<html lang>` per language: the elements localise from the nearest `lang` attribute. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

/** Sections in navigation order, with their labels and the directory their pages live under. */
export const SECTIONS: ReadonlyArray<{ id: Section; dir: string; label: Record<Lang, string> }> = [
  { id: 'networks', dir: 'models', label: { en: 'Networks', zh: '网络' } },
  { id: 'concepts', dir: 'concepts', label: { en: 'Concepts', zh: '概念' } },
  { id: 'playground', dir: 'playground', label: { en: 'Playground', zh: '试验场' } },
  { id: 'embed', dir: 'embed', label: { en: 'Embed', zh: '嵌入' } },
];

export const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Where a page's file lands: English at `<path>`, Chinese at `zh/<path>`. */
export function outputPath(lang: Lang, path: string): string {
  return lang === 'en' ? path : `zh/${path}`;
}

/** `../` once per directory between the file at `file` (relative to the site root) and the root; `''` at the root. */
export function upTo(file: string): string {
  const depth = file.split('/').length - 1;
  return '../'.repeat(depth);
}

/** The context a page body is rendered with: relative URLs only, so the site works from any sub-path. */
export function pageContext(lang: Lang, path: string): PageContext {
  checkPath(path);
  const root = upTo(outputPath(lang, path));
  const home = lang === 'en' ? root : `${root}zh/`;
  return {
    lang,
    root,
    home,
    path,
    t: (en, zh) => (lang === 'zh' ? zh : en),
    link: (target) => `${home}${target}`,
  };
}

/** A page path is relative, uses `/`, names an `.html` file, and never climbs out of its language root. */
export function checkPath(path: string): void {
  if (!/^([a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.html$/i.test(path) || path.split('/').includes('..')) {
    throw new Error(`site page path "${path}" is not a relative .html path like "concepts/pooling/index.html" (lowercase segments, no leading "/", no "..").`);
  }
}

/** Where a section link goes: its `<dir>/index.html` if registered, the home page for Networks (the lineage lists them), else its first page. */
export function sectionTargets(pages: readonly SitePage[]): Array<{ id: Section; label: Record<Lang, string>; path: string }> {
  const out: Array<{ id: Section; label: Record<Lang, string>; path: string }> = [];
  for (const s of SECTIONS) {
    const mine = pages.filter((p) => p.section === s.id);
    if (mine.length === 0) continue;
    const index = mine.find((p) => p.path === `${s.dir}/index.html`);
    const path = index?.path ?? (s.id === 'networks' ? 'index.html' : (mine[0] as SitePage).path);
    out.push({ id: s.id, label: s.label, path });
  }
  return out;
}

export interface ShellInput {
  page: SitePage;
  ctx: PageContext;
  body: string;
  /** All registered pages (for the navigation). */
  pages: readonly SitePage[];
  /** Client script names to load, in order (the page's own plus the site's). */
  scripts: readonly string[];
}

const FOOT = {
  en: 'Every shape, parameter count and MAC on these pages is computed by cnn-graph’s analysis with PyTorch’s rules, when the site is built and again in your browser.',
  zh: '本站所有形状、参数量和乘加次数（MACs）都由 cnn-graph 按 PyTorch 的规则计算：构建时算一遍，在浏览器里再算一遍。',
};

/**
 * The page's scripts, loaded once the page has first been painted. Every graph's picture is in
 * the HTML (the build-time SVG is the element's first view), so the reader sees it without any
 * script; fetching and compiling `cnn-graph.js` (~280 KiB) and upgrading the elements before that
 * paint only delays it: on a 2-core machine the compile competes with the first layout, and with a
 * warm cache the upgrade ran before the first frame (see docs/benchmarks.md, "The docs site").
 * A tab that is not visible paints nothing, so it loads them at once; so does a browser without
 * paint timing. The 1 s timeout is a floor for pages whose first paint never reports.
 */
function afterFirstPaint(urls: readonly string[]): string {
  const list = JSON.stringify(urls).replace(/</g, '\\u003c');
  return `<script type="module">
const urls = ${list};
let started = false;
const start = () => {
  if (started) return;
  started = true;
  for (const url of urls) import(url);
};
const painted = (entries) => entries.some((e) => e.name === 'first-contentful-paint');
if (document.visibilityState !== 'visible' || !PerformanceObserver.supportedEntryTypes?.includes('paint') || painted(performance.getEntriesByType('paint'))) start();
else {
  new PerformanceObserver((list, observer) => {
    if (painted(list.getEntries())) (observer.disconnect(), start());
  }).observe({ type: 'paint', buffered: true });
  setTimeout(start, 1000);
}
</script>`;
}

/** The whole HTML document of one page in one language. */
export function shell({ page, ctx, body, pages, scripts }: ShellInput): string {
  const { lang, root } = ctx;
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const otherHref = other === 'zh' ? `${root}zh/${page.path}` : `${root}${page.path}`;
  const selfHref = page.path.split('/').pop() as string;
  const title = page.title[lang];
  const siteName = 'cnn-graph';
  const description = page.description?.[lang];
  const nav = sectionTargets(pages)
    .map((s) => {
      const current = page.section === s.id;
      return `<a href="${esc(ctx.link(s.path))}"${current ? ' aria-current="page"' : ''}>${esc(s.label[lang])}</a>`;
    })
    .join('');
  const here = root || './'; // import() takes relative URLs, never bare names
  const js = afterFirstPaint([`${here}cnn-graph.js`, ...scripts.map((s) => `${here}assets/${s}.js`)]);
  const alt = LANGS.map((l) => `<link rel="alternate" hreflang="${HTML_LANG[l]}" href="${esc(l === lang ? selfHref : otherHref)}">`).join('\n');
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(page.path === 'index.html' ? `${siteName} · ${title}` : `${title} · ${siteName}`)}</title>
${description ? `<meta name="description" content="${esc(description)}">\n` : ''}${alt}
<link rel="icon" href="${esc(root)}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${esc(root)}site.css">
${js}
</head>
<body>
<a class="skip" href="#main">${ctx.t('Skip to content', '跳到正文')}</a>
<header class="site-header">
<div class="bar">
<a class="brand" href="${esc(ctx.link('index.html'))}"${page.path === 'index.html' ? ' aria-current="page"' : ''}>cnn-graph</a>
<nav class="sections" aria-label="${ctx.t('Sections', '栏目')}">${nav}</nav>
<a class="lang-switch" href="${esc(otherHref)}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}" data-lang-switch="${other}">${LANG_NAME[other]}</a>
</div>
</header>
<main id="main" class="page page-${esc(page.section ?? 'home')}">
${body}
</main>
<footer class="site-footer">
<p>${esc(FOOT[lang])}</p>
<p><a href="${esc(ctx.link('index.html'))}">cnn-graph</a> · <a href="${esc(otherHref)}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}">${LANG_NAME[other]}</a></p>
</footer>
</body>
</html>
`;
}

/** The site's icon: the brand mark of the header (two triangles, as in site.css). */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#22b0a0"/><path d="M0 3a3 3 0 0 1 3-3h13L0 16z" fill="#4f7cff"/></svg>`;

// ---------------------------------------------------------------------------
// Figures: a zoo network as a live <cnn-graph>, with the picture precomputed.

export interface FigureOptions {
  /** The element's `id` (for `<cnn-summary for>`); default `graph-<zoo id>`. */
  elementId?: string;
  /** `auto` (default), `none` (every module collapsed: thumbnails), `all`, or a depth. */
  expand?: string;
  direction?: Direction;
  /** Show the element's toolbar (fit, zoom, expand all, downloads). Default true. */
  toolbar?: boolean;
  /** Add `<cnn-summary for>` under the graph. Default false. */
  summary?: boolean;
  /** CSS height of the element (`--cnn-height`), e.g. `'70vh'` or `'220px'`. */
  height?: string;
  /** Edge shapes and badges; the element's `annotations` attribute. */
  annotations?: string;
  /** Extra class on the wrapping `<figure>`. */
  className?: string;
  /** A caption under the graph (HTML, already escaped by the caller). */
  caption?: string;
  /** Only the `<cnn-graph>` element, no `<figure>` around it. */
  bare?: boolean;
}

interface Precomputed {
  svg: string;
  layout: Layout;
  /** Laid out by elk (not series–parallel): the page ships this layout so the browser need not run elk. */
  elk: boolean;
}

const figures = new Map<string, Promise<Precomputed>>();
/** Zoo id → its precomputed layouts (one per expansion/direction/annotation variant any page drew). */
const layouts = new Map<string, Map<string, Layout>>();
let figureCount = 0;

/** The layouts every `graphFigure` so far computed, by zoo id; `build.ts` writes each as `layouts/<id>.json` (a JSON array). */
export function precomputedLayouts(): ReadonlyMap<string, ReadonlyMap<string, Layout>> {
  return layouts;
}

function parseAnnotations(text: string): Annotation[] {
  const words = text.split(/\s+/).filter(Boolean);
  const bad = words.filter((w) => !(ANNOTATIONS as readonly string[]).includes(w));
  if (bad.length) throw new Error(`graphFigure: unknown annotation "${bad.join(' ')}"; use any of ${ANNOTATIONS.join(' ')}.`);
  return words as Annotation[];
}

/**
 * Lay out and draw a zoo network once per variant in Node, remembering the layouts elk
 * made for the site (a structural layout is not shipped: the element makes it in
 * milliseconds, faster than reading it from the page).
 */
export function precompute(id: string, expand: string = 'auto', direction: Direction = 'down', annotations?: string, lang: Lang = 'en'): Promise<Precomputed> {
  const key = `${id}|${expand}|${direction}|${annotations ?? ''}|${lang}`;
  let hit = figures.get(key);
  if (!hit) {
    hit = (async () => {
      const entry = zooEntry(id);
      if (!entry) throw new Error(`graphFigure: "${id}" is not a zoo id. Use one of the ids of \`cnn-graph list\` (src/zoo/index.ts).`);
      const graph = entry.build();
      const analysis = analyze(graph);
      // In the page's language: the element redraws in it, and its words change the boxes' sizes (and so the layout).
      const r = await render(graph, { analysis, expand: parseExpand(expand), direction, locale: lang, ...(annotations !== undefined ? { annotations: parseAnnotations(annotations) } : {}) });
      const elk = r.prepared.structural === null;
      if (elk) {
        let mine = layouts.get(id);
        if (!mine) layouts.set(id, (mine = new Map()));
        mine.set(r.layout.key, r.layout);
      }
      return { svg: r.svg, layout: r.layout, elk };
    })();
    figures.set(key, hit);
  }
  return hit;
}

/** Give the ids inside an inline SVG a per-figure suffix, so many pictures on one page keep their own markers and titles. */
function uniqueIds(svg: string, n: number): string {
  return svg.replace(/\b(id="|url\(#|aria-labelledby="[^"]*?)(cnn-[a-z]+)/g, (_m, pre: string, id: string) => `${pre}${id}-f${n}`).replace(/aria-labelledby="([^"]*)"/g, (_m, ids: string) => `aria-labelledby="${ids.replace(/\b(cnn-[a-z]+)(?!-f\d)\b/g, `$1-f${n}`)}"`);
}

/**
 * A zoo network as a live `<cnn-graph model=…>`. Use this (not a hand-written tag) for every
 * zoo network on a page, so all pages get the same instant picture:
 *
 * - the element's light DOM holds the build-time SVG (the exact picture the element will draw,
 *   rendered by the same pipeline in Node), shown until the element upgrades and with no JavaScript;
 * - every zoo view is series–parallel, so the element lays it out structurally itself, in
 *   milliseconds; should a view need elk, the layout elk computed at build time rides in
 *   the page (the first view) and joins `layouts/<id>.json` (a JSON array of every variant
 *   the site drew of that network), named in the element's `layouts` attribute, so elk
 *   never runs in the browser for them.
 *
 *   body: async (ctx) => `<h2>…</h2>${await graphFigure(ctx, 'googlenet', { summary: true })}`
 *   thumbnails: graphFigure(ctx, id, { expand: 'none', toolbar: false, height: '200px', bare: true })
 */
export async function graphFigure(ctx: PageContext, id: string, options: FigureOptions = {}): Promise<string> {
  const expand = options.expand ?? 'auto';
  const direction = options.direction ?? 'down';
  const pre = await precompute(id, expand, direction, options.annotations, ctx.lang);
  const n = ++figureCount;
  const elementId = options.elementId ?? `graph-${id}`;
  const attrs = [
    `id="${esc(elementId)}"`,
    `model="${esc(id)}"`,
    expand !== 'auto' ? `expand="${esc(expand)}"` : '',
    direction !== 'down' ? `direction="${direction}"` : '',
    options.annotations !== undefined ? `annotations="${esc(options.annotations)}"` : '',
    'theme="auto"',
    options.toolbar === false ? '' : 'toolbar',
    pre.elk ? `layouts="${esc(ctx.root)}layouts/${esc(id)}.json"` : '',
    options.height ? `style="--cnn-height:${esc(options.height)};height:${esc(options.height)}"` : '',
  ].filter(Boolean);
  // An elk layout of the first view rides in the page: the element draws it with no request (`layouts` serves the other views).
  const inline = pre.elk ? `<script type="application/json" data-cnn-layouts>${JSON.stringify([pre.layout]).replace(/</g, '\\u003c')}</script>` : '';
  const el = `<cnn-graph ${attrs.join(' ')}>${uniqueIds(pre.svg, n)}${inline}</cnn-graph>`;
  const summary = options.summary ? `\n<cnn-summary for="${esc(elementId)}" theme="auto"></cnn-summary>` : '';
  if (options.bare) return el + summary;
  return `<figure class="graph-figure${options.className ? ` ${esc(options.className)}` : ''}">
${el}${options.caption ? `\n<figcaption>${options.caption}</figcaption>` : ''}
</figure>${summary}`;
}

/** The element's reading of its `expand` attribute (`auto`, `none`, `all` or a depth). */
function parseExpand(text: string): Expand {
  if (text === 'auto' || text === 'all' || text === 'none') return text;
  const n = Number(text);
  if (Number.isInteger(n) && n >= 0) return n;
  throw new Error(`graphFigure: expand "${text}" is not auto, none, all or a depth (0, 1, 2, …).`);
}
