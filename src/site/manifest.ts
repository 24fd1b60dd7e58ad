/**
 * The elements' API reference, read from `custom-elements.json` (written by
 * scripts/build-manifest.mjs with the custom-elements-manifest analyzer from the element
 * classes and their JSDoc) and turned into the tables of the embed page. Nothing here is
 * typed in by hand: a property added to an element appears on the page at the next build.
 *
 *   const elements = elementDocs(readManifest(repo));
 *   html = elements.map((e) => apiReference(e, ctx)).join('');
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { esc } from './shell.js';
import type { PageContext } from './types.js';

// The subset of the custom elements manifest schema (https://github.com/webcomponents/custom-elements-manifest) this page reads.
interface TypeText {
  text: string;
}
interface CemAttribute {
  name: string;
  fieldName?: string;
  type?: TypeText;
  default?: string;
  description?: string;
}
interface CemMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: TypeText;
  default?: string;
  description?: string;
  attribute?: string;
  reflects?: boolean;
  parameters?: Array<{ name: string; type?: TypeText; optional?: boolean; default?: string; description?: string }>;
  return?: { type?: TypeText };
}
interface CemNamed {
  name: string;
  description?: string;
  type?: TypeText;
  default?: string;
}
export interface CemDeclaration {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: CemAttribute[];
  members?: CemMember[];
  events?: CemNamed[];
  cssParts?: CemNamed[];
  cssProperties?: CemNamed[];
  slots?: CemNamed[];
}
export interface CemModule {
  kind: string;
  path: string;
  declarations?: CemDeclaration[];
}
export interface Manifest {
  schemaVersion: string;
  modules: CemModule[];
}

/** One element's public API, in the order the page shows it. */
export interface ElementDoc {
  tag: string;
  className: string;
  /** Source file of the class. */
  module: string;
  summary: string;
  description: string;
  attributes: Array<{ name: string; property: string | null; type: string; default: string; description: string; reflects: boolean }>;
  /** Properties without an attribute (objects, read-only state); those with one are in `attributes`. */
  properties: Array<{ name: string; type: string; default: string; description: string; readonly: boolean }>;
  methods: Array<{ name: string; signature: string; description: string }>;
  events: Array<{ name: string; description: string }>;
  parts: Array<{ name: string; description: string }>;
  cssProperties: Array<{ name: string; description: string; default: string }>;
  slots: Array<{ name: string; description: string }>;
}

/** The manifest file, or a clear error saying which build step makes it. */
export function readManifest(repo: string): Manifest {
  const file = join(repo, 'custom-elements.json');
  if (!existsSync(file)) throw new Error(`site: ${file} is missing; run \`node scripts/build-manifest.mjs\` (part of \`node scripts/build.mjs\`) before building the site.`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (!Array.isArray(m.modules)) throw new Error(`site: ${file} is not a custom elements manifest (no "modules"); regenerate it with \`node scripts/build-manifest.mjs\`.`);
  return m;
}

const oneLine = (s: string | undefined): string => (s ?? '').replace(/\s*\n\s*/g, ' ').trim();
const isPublic = (m: CemMember): boolean => !m.static && (m.privacy === undefined || m.privacy === 'public') && !m.name.startsWith('_') && !m.name.startsWith('#');

/**
 * An event the analyzer inferred from `new CustomEvent(name, …)` with a variable for the name
 * has that variable's name (`name`) and no description. Real events of these elements are
 * documented with `@fires` and are all `cnn-*`; keep those.
 */
const isRealEvent = (e: CemNamed): boolean => /^cnn-/.test(e.name) || !!e.description;

/** The order of the reference: the graph and its table first, then the others by tag. */
const FIRST = ['cnn-graph', 'cnn-summary'];
const rank = (tag: string): number => (FIRST.includes(tag) ? FIRST.indexOf(tag) : FIRST.length);

/** Every custom element of the manifest: `<cnn-graph>`, `<cnn-summary>`, then the others by tag. */
export function elementDocs(manifest: Manifest): ElementDoc[] {
  const out: ElementDoc[] = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const members = (d.members ?? []).filter(isPublic);
      const fields = new Map(members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
      const attributes = (d.attributes ?? []).map((a) => {
        const f = a.fieldName ? fields.get(a.fieldName) : undefined;
        return {
          name: a.name,
          property: a.fieldName ?? null,
          type: a.type?.text ?? f?.type?.text ?? '',
          default: a.default ?? f?.default ?? '',
          description: oneLine(a.description ?? f?.description),
          reflects: !!f?.reflects,
        };
      });
      const withAttribute = new Set(attributes.map((a) => a.property).filter(Boolean));
      out.push({
        tag: d.tagName,
        className: d.name,
        module: mod.path,
        summary: oneLine(d.summary),
        description: oneLine(d.description),
        attributes,
        properties: members
          .filter((m) => m.kind === 'field' && !withAttribute.has(m.name))
          .map((m) => ({ name: m.name, type: m.type?.text ?? '', default: m.default ?? '', description: oneLine(m.description), readonly: !!m.readonly })),
        methods: members
          .filter((m) => m.kind === 'method')
          .map((m) => ({
            name: m.name,
            signature: `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})${m.return?.type ? `: ${m.return.type.text}` : ''}`,
            description: oneLine(m.description),
          })),
        events: (d.events ?? []).filter(isRealEvent).map((e) => ({ name: e.name, description: oneLine(e.description) })),
        parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: oneLine(p.description) })),
        cssProperties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: oneLine(p.description), default: p.default ?? '' })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: oneLine(s.description) })),
      });
    }
  }
  return out.sort((a, b) => rank(a.tag) - rank(b.tag) || a.tag.localeCompare(b.tag));
}

/** JSDoc text as HTML: escaped, with `code` spans. */
export function docText(s: string): string {
  return esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const code = (s: string): string => (s ? `<code>${esc(s)}</code>` : '—');
const described = (s: string): string => (s ? docText(s) : '<span class="muted">—</span>');

function table(caption: string, head: string[], rows: string[][], id: string): string {
  return `<div class="table-wrap" tabindex="0"><table class="api-table" id="${esc(id)}">
<caption class="visually-hidden">${esc(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table></div>`;
}

/** The API reference of one element: a heading, its summary, and a table per kind of API (a line saying "none" where it has none). */
export function apiReference(el: ElementDoc, ctx: PageContext, level = 3): string {
  const { t } = ctx;
  const h = `h${level}`;
  const sub = `h${level + 1}`;
  const id = `api-${el.tag}`;
  const none = (what: string) => `<p class="muted">${esc(what)}</p>`;
  const section = (key: string, title: string, rows: string[][], head: string[], empty: string) =>
    `<${sub} id="${id}-${key}">${esc(title)}</${sub}>\n${rows.length ? table(`<${el.tag}> ${title}`, head, rows, `${id}-${key}-table`) : none(empty)}`;
  const name = t('Name', '名称');
  const desc = t('Description', '说明');
  const type = t('Type', '类型');
  const dflt = t('Default', '默认值');
  return `<section class="api-element" id="${id}" aria-labelledby="${id}-h">
<${h} id="${id}-h"><code>&lt;${esc(el.tag)}&gt;</code> <span class="muted">${esc(el.className)}</span></${h}>
<p>${described(el.summary)}</p>${el.description ? `\n<p>${docText(el.description)}</p>` : ''}
${section(
  'attributes',
  t('Attributes', '特性（attributes）'),
  el.attributes.map((a) => [code(a.name), code(a.property ?? ''), code(a.type), code(a.default), described(a.description) + (a.reflects ? ` <span class="muted">${t('(reflected)', '（会反映回特性）')}</span>` : '')]),
  [t('Attribute', '特性'), t('Property', '属性'), type, dflt, desc],
  t('No attributes.', '没有特性。'),
)}
${section(
  'properties',
  t('Properties (JavaScript only)', '属性（仅 JavaScript）'),
  el.properties.map((p) => [code(p.name), code(p.type), code(p.default), (p.readonly ? `<span class="muted">${t('Read-only.', '只读。')}</span> ` : '') + described(p.description)]),
  [t('Property', '属性'), type, dflt, desc],
  t('No property without an attribute.', '所有属性都有对应的特性。'),
)}
${section('methods', t('Methods', '方法'), el.methods.map((m) => [code(m.signature), described(m.description)]), [t('Method', '方法'), desc], t('No public methods.', '没有公开方法。'))}
${section('events', t('Events', '事件'), el.events.map((e) => [code(e.name), described(e.description)]), [t('Event', '事件'), desc], t('Fires no events.', '不触发事件。'))}
${section('parts', t('CSS parts', 'CSS 部件（::part）'), el.parts.map((p) => [code(p.name), described(p.description)]), [name, desc], t('No CSS parts.', '没有 CSS 部件。'))}
${section('css-properties', t('CSS custom properties', 'CSS 自定义属性'), el.cssProperties.map((p) => [code(p.name), described(p.description)]), [name, desc], t('No CSS custom properties.', '没有 CSS 自定义属性。'))}
${section('slots', t('Slots', '插槽（slots）'), el.slots.map((s) => [code(s.name || t('(default)', '（默认）')), described(s.description)]), [name, desc], t('No slots: the element draws everything in its shadow root.', '没有插槽：元素在自己的 shadow root 里绘制全部内容。'))}
</section>`;
}
