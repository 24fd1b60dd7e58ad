/**
 * The docs site is a list of pages, each written once and rendered in every language.
 * English lives at the site root, Simplified Chinese under `zh/`; a page's `path` is the
 * same in both, so the language switch is a path swap. Shared assets (the element bundle,
 * CSS, client scripts) live once at the site root.
 */
import type { Locale } from '../i18n.js';

export type Lang = Locale;

/** Top navigation sections; a page names the one it belongs to. */
export type Section = 'networks' | 'concepts' | 'playground' | 'embed';

export interface PageContext {
  lang: Lang;
  /** Relative URL of the site root (where `cnn-graph.js`, `assets/` and `site.css` live), ending in `/` or empty. */
  root: string;
  /** Relative URL of this language's root (`root` for English, `root + 'zh/'` for Chinese), ending in `/` or empty. */
  home: string;
  /** Pick the string for this page's language. */
  t(en: string, zh: string): string;
  /** Relative URL from this page to another page of the same language, by its `path`. */
  link(path: string): string;
  /** This page's `path` (the same in every language). */
  path: string;
}

export interface SitePage {
  /** Path under the language root, e.g. `concepts/output-size/index.html`. */
  path: string;
  section?: Section;
  title: Record<Lang, string>;
  /** One sentence for `<meta name="description">` and index cards. */
  description?: Record<Lang, string>;
  /** The page's `<main>` content (HTML). */
  body(ctx: PageContext): string | Promise<string>;
  /** Client scripts by entry name: `src/site/client/<name>.ts`, served as `assets/<name>.js` (ES modules). */
  scripts?: string[];
}
