/**
 * Every page of the docs site, in navigation order. Each module exports `pages: SitePage[]`
 * (or a function returning them); the build renders each in every language.
 */
import type { SitePage } from './types.js';

export const PAGE_MODULES: Array<() => Promise<SitePage[]>> = [
  () => import('./pages/home.js').then((m) => m.pages),
  () => import('./pages/models.js').then((m) => m.pages()),
  () => import('./pages/concepts.js').then((m) => m.pages),
  () => import('./pages/playground.js').then((m) => m.pages),
  () => import('./pages/embed.js').then((m) => m.pages),
];
