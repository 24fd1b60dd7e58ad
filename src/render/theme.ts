/**
 * The styling surface: every colour the picture uses is a `--cnn-*` custom
 * property. The SVG writes `var(--cnn-x, <fallback>)`, so inside the element
 * the host's tokens win, and a standalone file falls back to the theme it was
 * exported with. Light and dark are the same token names with other values.
 */
import type { LayerKind } from '../graph/types.js';
import { configOf } from '../kinds/config.js';
import type { Category } from '../kinds/spec.js';

/** What a node is coloured by: the layer category, or the colour a kind has of its own (its config's `colour`). */
export const COLOR_KEYS = ['conv', 'pool', 'linear', 'activation', 'norm', 'concat', 'add', 'reshape', 'dropout', 'module', 'io'] as const;
export type ColorKey = (typeof COLOR_KEYS)[number];

export function colorKey(kind: LayerKind, category: Category): ColorKey {
  const own = configOf(kind)?.colour;
  if (own) return own;
  if (category === 'merge') return 'concat';
  return category;
}

export type ThemeName = 'light' | 'dark';

export type Tokens = Record<string, string>;

const KIND_LIGHT: Record<ColorKey, [fill: string, stroke: string]> = {
  conv: ['#dbeafe', '#2563eb'],
  pool: ['#dcfce7', '#15803d'],
  linear: ['#ede9fe', '#7c3aed'],
  activation: ['#fef9c3', '#a16207'],
  norm: ['#fce7f3', '#be185d'],
  concat: ['#cffafe', '#0e7490'],
  add: ['#ffedd5', '#c2410c'],
  reshape: ['#f1f5f9', '#64748b'],
  dropout: ['#f8fafc', '#94a3b8'],
  module: ['#f1f5f9', '#334155'],
  io: ['#e2e8f0', '#334155'],
};

const KIND_DARK: Record<ColorKey, [fill: string, stroke: string]> = {
  conv: ['#1e3a5f', '#60a5fa'],
  pool: ['#14432a', '#4ade80'],
  linear: ['#3b2a63', '#a78bfa'],
  activation: ['#4a3b0a', '#facc15'],
  norm: ['#561a3c', '#f472b6'],
  concat: ['#123e47', '#22d3ee'],
  add: ['#4d2a10', '#fb923c'],
  reshape: ['#273244', '#94a3b8'],
  dropout: ['#1f2937', '#64748b'],
  module: ['#1e293b', '#cbd5e1'],
  io: ['#334155', '#e2e8f0'],
};

const BASE_LIGHT: Tokens = {
  '--cnn-bg': '#ffffff',
  '--cnn-fg': '#0f172a',
  '--cnn-muted': '#475569',
  '--cnn-edge': '#64748b',
  '--cnn-edge-label-bg': '#ffffff',
  '--cnn-edge-label-fg': '#334155',
  '--cnn-module-bg': '#f8fafc',
  '--cnn-module-stroke': '#94a3b8',
  '--cnn-module-fg': '#334155',
  '--cnn-badge-bg': '#ffffff',
  '--cnn-badge-fg': '#1e293b',
  '--cnn-error': '#b91c1c',
  '--cnn-error-bg': '#fee2e2',
  '--cnn-focus': '#2563eb',
  '--cnn-selected': '#f59e0b',
  '--cnn-aux': '#7c3aed',
};

const BASE_DARK: Tokens = {
  '--cnn-bg': '#0b1120',
  '--cnn-fg': '#e2e8f0',
  '--cnn-muted': '#94a3b8',
  '--cnn-edge': '#94a3b8',
  '--cnn-edge-label-bg': '#0b1120',
  '--cnn-edge-label-fg': '#cbd5e1',
  '--cnn-module-bg': '#111827',
  '--cnn-module-stroke': '#475569',
  '--cnn-module-fg': '#cbd5e1',
  '--cnn-badge-bg': '#0f172a',
  '--cnn-badge-fg': '#e2e8f0',
  '--cnn-error': '#f87171',
  '--cnn-error-bg': '#450a0a',
  '--cnn-focus': '#60a5fa',
  '--cnn-selected': '#fbbf24',
  '--cnn-aux': '#c4b5fd',
};

function build(base: Tokens, kinds: Record<ColorKey, [string, string]>): Tokens {
  const t: Tokens = { ...base };
  for (const k of COLOR_KEYS) {
    t[`--cnn-${k}-fill`] = kinds[k][0];
    t[`--cnn-${k}-stroke`] = kinds[k][1];
  }
  return t;
}

export const THEMES: Record<ThemeName, Tokens> = { light: build(BASE_LIGHT, KIND_LIGHT), dark: build(BASE_DARK, KIND_DARK) };

export const TOKEN_NAMES: readonly string[] = Object.keys(THEMES.light);

/** Arial-metric fonts first: node sizes are measured with Arial's widths (see measure.ts). */
export const FONT_FAMILY = `"Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif`;

/** `var(--cnn-conv-fill,#dbeafe)` */
export const tokenVar = (tokens: Tokens, name: string): string => `var(${name},${tokens[name] ?? THEMES.light[name]})`;

/** `name: value;` lines of a theme, for a stylesheet. */
export const tokenCSS = (tokens: Tokens): string =>
  Object.entries(tokens)
    .map(([k, v]) => `${k}: ${v};`)
    .join('\n');
