/**
 * Writes the static docs site. scripts/build-site.mjs bundles this file for Node and calls
 * `buildSite()` as the last build step (it copies what the other steps wrote to dist/).
 *
 *   site/index.html, site/<path>          English pages
 *   site/zh/index.html, site/zh/<path>    the same pages in Simplified Chinese
 *   site/site.css                         the one stylesheet (src/site/site.css)
 *   site/cnn-graph*.js                    the element bundle, layout worker, lazy elk (dist/)
 *   site/cnn-train*.js, site/*.wasm       the training bundle, loaded when a train panel opens (dist/, if built)
 *   site/assets/<name>.js                 client scripts (src/site/client/<name>.ts), ES modules
 *   site/layouts/<id>.json                precomputed elk layouts of zoo views that are not series–parallel (none today)
 *   site/data/**                          training data (dist/data/, hard-linked)
 *
 * Every URL in a page is relative, so the site works from any sub-path and from file://
 * (except what needs fetch: layouts, data).
 */
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { ZOO } from '../zoo/index.js';
import { THEMES, tokenCSS } from '../render/theme.js';
import { PAGE_MODULES } from './pages.js';
import { FAVICON, LANGS, outputPath, pageContext, precompute, precomputedLayouts, shell } from './shell.js';
import type { SitePage } from './types.js';

export interface BuildOptions {
  /** Repository root (where src/, dist/ and node_modules/ are). Default: the working directory. */
  repo?: string;
  /** Output directory, relative to `repo`. Default `site`. */
  out?: string;
  /** Pages to build instead of PAGE_MODULES (tests). */
  pages?: SitePage[];
  /** Print a line per step. Default true. */
  verbose?: boolean;
}

export interface BuildReport {
  pages: number;
  files: string[];
  layouts: number;
  scripts: string[];
  /** Internal links that point at no file, as `page → href`. */
  brokenLinks: string[];
  ms: number;
}

/**
 * The build-time picture inside a <cnn-graph theme="auto"> reads the element's tokens with light
 * fallbacks; in a dark page it takes the dark tokens too, so nothing flashes light before the upgrade.
 */
const PREVIEW_DARK = `\n/* Generated from THEMES.dark (src/render/theme.ts): the pre-upgrade pictures in dark mode. */\n@media (prefers-color-scheme: dark) {\n  cnn-graph[theme="auto"] > svg { ${tokenCSS(THEMES.dark)} }\n}\n`;

/** Client scripts every page loads, before the page's own. Empty for now: the elements do the work. */
const SITE_SCRIPTS: string[] = [];

/** Expansion variants precomputed for every zoo network whether or not a page draws them: the default view and the thumbnail. */
const ALWAYS: readonly string[] = ['auto', 'none'];

export async function loadPages(): Promise<SitePage[]> {
  const pages: SitePage[] = [];
  for (const load of PAGE_MODULES) pages.push(...(await load()));
  return pages;
}

/** Every path once: two modules registering the same page is a merge mistake worth stopping for. */
export function checkPages(pages: readonly SitePage[]): void {
  const seen = new Map<string, number>();
  pages.forEach((p, i) => {
    const prev = seen.get(p.path);
    if (prev !== undefined) throw new Error(`site: two pages have the path "${p.path}" (pages ${prev} and ${i} of PAGE_MODULES, "${p.title.en}"); give one another path.`);
    seen.set(p.path, i);
    for (const l of LANGS) if (!p.title?.[l]) throw new Error(`site: page "${p.path}" has no ${l} title; every page needs title.en and title.zh.`);
  });
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  const t0 = performance.now();
  const repo = options.repo ?? process.cwd();
  const final = join(repo, options.out ?? 'site');
  // Written beside and swapped in at the end, so a server or test reading the old site never sees half of one.
  // (node_modules/.cache: ignored by git, and on the same disk as site/ so the swap is a rename.)
  const out = join(repo, `node_modules/.cache/site.partial-${process.pid}`);
  const dist = join(repo, 'dist');
  const log = options.verbose === false ? () => {} : (m: string) => console.log(`site: ${m}`);
  const pages = options.pages ?? (await loadPages());
  checkPages(pages);

  const fill = async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const files: string[] = [];
    const write = (rel: string, body: string) => {
      const file = join(out, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
      files.push(rel);
    };

    copyAssets(dist, out, log);
    writeFileSync(join(out, 'favicon.svg'), FAVICON);
    writeFileSync(join(out, 'site.css'), readFileSync(join(repo, 'src/site/site.css'), 'utf8') + PREVIEW_DARK);
    // GitHub Pages runs Jekyll over a site unless told not to; nothing here needs it.
    writeFileSync(join(out, '.nojekyll'), '');

    const scripts = new Set<string>(SITE_SCRIPTS);
    for (const p of pages) for (const s of p.scripts ?? []) scripts.add(s);

    for (const page of pages) {
      for (const lang of LANGS) {
        const ctx = pageContext(lang, page.path);
        let body: string;
        try {
          body = await page.body(ctx);
        } catch (e) {
          throw new Error(`site: page "${page.path}" (${lang}) failed to render: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        }
        write(outputPath(lang, page.path), shell({ page, ctx, body, pages, scripts: [...SITE_SCRIPTS, ...(page.scripts ?? [])] }));
      }
    }
    log(`${pages.length} pages × ${LANGS.length} languages`);

    // Precomputed elk layouts (of views that are not series–parallel): what the pages drew,
    // plus the default and collapsed view of every zoo network. Every zoo view is laid out
    // structurally today, so this writes none; the element would make those itself anyway.
    for (const e of ZOO) for (const x of ALWAYS) for (const lang of LANGS) await precompute(e.id, x, 'down', undefined, lang);
    let layoutCount = 0;
    if (precomputedLayouts().size) mkdirSync(join(out, 'layouts'), { recursive: true });
    for (const [id, byKey] of precomputedLayouts()) {
      writeFileSync(join(out, 'layouts', `${id}.json`), JSON.stringify([...byKey.values()]));
      layoutCount += byKey.size;
    }
    log(`${layoutCount} precomputed layouts for ${precomputedLayouts().size} networks`);

    await bundleClientScripts(repo, out, [...scripts]);
    if (scripts.size) log(`client scripts: ${[...scripts].join(', ')}`);

    const brokenLinks = checkLinks(out, files);
    for (const b of brokenLinks) console.warn(`site: broken link ${b}`);
    return { files, scripts, layoutCount, brokenLinks };
  };
  let result: Awaited<ReturnType<typeof fill>>;
  try {
    result = await fill();
  } catch (e) {
    rmSync(out, { recursive: true, force: true });
    throw e;
  }
  const { files, scripts, layoutCount, brokenLinks } = result;
  rmSync(final, { recursive: true, force: true });
  try {
    renameSync(out, final);
  } catch {
    cpSync(out, final, { recursive: true });
    rmSync(out, { recursive: true, force: true });
  }
  return { pages: pages.length, files, layouts: layoutCount, scripts: [...scripts], brokenLinks, ms: performance.now() - t0 };
}

/** The element bundle and worker, the training bundle and wasm if built, and the data (hard links: ~146 MB). */
function copyAssets(dist: string, out: string, log: (m: string) => void): void {
  if (!existsSync(join(dist, 'cnn-graph.js'))) {
    throw new Error('site: dist/cnn-graph.js is missing. Run `node scripts/build.mjs` (or `node scripts/build-ui.mjs`) before building the site.');
  }
  for (const f of readdirSync(dist)) {
    const from = join(dist, f);
    if (/^cnn-(graph|train)[^/]*\.(js|mjs|map)$/.test(f) || /\.wasm$/.test(f) || f === 'network.schema.json') copyFileSync(from, join(out, f));
    // A training bundle split into chunks keeps them in a sibling directory.
    else if (/^cnn-train/.test(f) && statSync(from).isDirectory()) copyTree(from, join(out, f), false);
  }
  if (existsSync(join(dist, 'data'))) {
    const n = copyTree(join(dist, 'data'), join(out, 'data'), true);
    log(`data: ${n} files linked from dist/data`);
  }
}

function copyTree(from: string, to: string, link: boolean): number {
  mkdirSync(to, { recursive: true });
  let n = 0;
  for (const f of readdirSync(from)) {
    const a = join(from, f);
    const b = join(to, f);
    if (statSync(a).isDirectory()) n += copyTree(a, b, link);
    else {
      if (link) {
        try {
          linkSync(a, b);
        } catch {
          copyFileSync(a, b);
        }
      } else copyFileSync(a, b);
      n++;
    }
  }
  return n;
}

/**
 * src/site/client/<name>.ts → site/assets/<name>.js, ES modules sharing chunks. A client script
 * must not bundle an element: cnn-graph.js defines them, and a second definition throws.
 */
async function bundleClientScripts(repo: string, out: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const entryPoints: Record<string, string> = {};
  for (const n of names) {
    const src = join(repo, 'src/site/client', `${n}.ts`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(n) || !existsSync(src)) throw new Error(`site: client script "${n}" must be src/site/client/${n}.ts (lowercase, dashes); it does not exist.`);
    entryPoints[n] = src;
  }
  const { build } = await import('esbuild');
  const r = await build({
    entryPoints,
    outdir: join(out, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    legalComments: 'eof',
    logLevel: 'warning',
    absWorkingDir: repo,
    tsconfig: join(repo, 'tsconfig.json'),
  });
  const elements = Object.keys(r.metafile.inputs).filter((p) => /(^|\/)src\/ui\/(index\.ts|cnn-[^/]+\/)|node_modules\/(lit|@lit)\//.test(p));
  if (elements.length) {
    throw new Error(`site: client scripts must not bundle elements or lit (dist/cnn-graph.js defines them; a second define throws): ${elements.slice(0, 5).join(', ')}. Import only src/graph, src/analysis, src/render and drive the elements through the DOM.`);
  }
}

/** Relative href/src in the pages that point at no file in the site (anchors and external URLs are not checked). */
export function checkLinks(out: string, files: readonly string[]): string[] {
  const broken: string[] = [];
  for (const rel of files) {
    if (!rel.endsWith('.html')) continue;
    const html = readFileSync(join(out, rel), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src|layouts)="([^"]*)"/g)) {
      const url = (m[1] as string).replace(/&amp;/g, '&');
      if (!url || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
      const path = decodeURI(url.replace(/[?#].*$/, ''));
      const target = posix.normalize(posix.join(posix.dirname(rel), path));
      if (target.startsWith('..')) {
        broken.push(`${rel} → ${url} (leaves the site)`);
        continue;
      }
      const file = join(out, target);
      const ok = existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
      if (!ok) broken.push(`${rel} → ${url}`);
    }
  }
  return broken;
}
