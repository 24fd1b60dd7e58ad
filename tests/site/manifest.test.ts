/**
 * custom-elements.json against the elements themselves: the analyzer is run on the sources now
 * (as scripts/build-manifest.mjs does), and what it reports must match what the classes really
 * observe and dispatch — so a property added without JSDoc, an attribute renamed, or an event
 * fired without `@fires` fails here instead of silently missing from the embed page's tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiReference, docText, type ElementDoc, elementDocs, type Manifest } from '../../src/site/manifest.js';
import { pageContext } from '../../src/site/shell.js';

const ROOT = join(import.meta.dirname, '../..');

interface LitClass {
  observedAttributes: string[];
  elementProperties: Map<string, { attribute?: boolean | string; state?: boolean }>;
}

/** Every element folder: src/ui/cnn-*\/cnn-*.component.ts. */
const ELEMENT_DIRS = readdirSync(join(ROOT, 'src/ui'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith('cnn-'))
  .map((d) => d.name)
  .filter((n) => readdirSync(join(ROOT, 'src/ui', n)).includes(`${n}.component.ts`))
  .sort();

let manifest: Manifest;
let docs: ElementDoc[];
const classes = new Map<string, LitClass>();

beforeAll(async () => {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts/build-manifest.mjs')).href)) as { analyzeElements(o?: { cwd?: string }): Promise<{ manifest: Manifest; tags: string[] }> };
  manifest = (await mod.analyzeElements({ cwd: ROOT })).manifest;
  docs = elementDocs(manifest);
  for (const dir of ELEMENT_DIRS) {
    const m = (await import(/* @vite-ignore */ join(ROOT, 'src/ui', dir, `${dir}.component.ts`))) as Record<string, unknown>;
    const decl = manifest.modules.flatMap((x) => x.declarations ?? []).find((d) => d.tagName === dir);
    const cls = decl ? m[decl.name] : undefined;
    if (cls) classes.set(dir, cls as LitClass);
  }
}, 120_000);

const doc = (tag: string): ElementDoc => {
  const d = docs.find((e) => e.tag === tag);
  if (!d) throw new Error(`<${tag}> is not in the manifest`);
  return d;
};

/** Event names the component's source dispatches (string literals passed to emit / new CustomEvent). */
function dispatched(dir: string): string[] {
  // The component and the controllers it is split into (loading, selection, zoom…) all dispatch on its behalf.
  const folder = join(ROOT, 'src/ui', dir);
  const src = readdirSync(folder).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(folder, f), 'utf8')).join('\n');
  const names = [...src.matchAll(/(?:\bemit(?:<[^>(]*>)?\((?:this(?:\.host)?,\s*)?|new CustomEvent(?:<[^>(]*>)?\()'(cnn-[a-z-]+)'/g)].map((m) => m[1] as string);
  return [...new Set(names)].sort();
}

describe('custom-elements.json', () => {
  it('lists every element folder under src/ui as a custom element with its tag and class', () => {
    expect(ELEMENT_DIRS).toContain('cnn-graph');
    expect(ELEMENT_DIRS).toContain('cnn-summary');
    expect(docs.map((d) => d.tag).sort()).toEqual(ELEMENT_DIRS);
    expect(docs.slice(0, 2).map((d) => d.tag)).toEqual(['cnn-graph', 'cnn-summary']);
    for (const dir of ELEMENT_DIRS) expect(classes.has(dir), `class of <${dir}> found by the manifest's class name`).toBe(true);
  });

  it('attributes are exactly what each class observes, mapped to the right property', () => {
    for (const [tag, cls] of classes) {
      const d = doc(tag);
      expect(d.attributes.map((a) => a.name).sort(), `<${tag}> attributes`).toEqual([...cls.observedAttributes].sort());
      for (const [prop, opts] of cls.elementProperties) {
        if (opts.state) continue;
        if (opts.attribute === false) {
          expect(d.properties.map((p) => p.name), `<${tag}>.${prop} (property only)`).toContain(prop);
          continue;
        }
        const attr = typeof opts.attribute === 'string' ? opts.attribute : prop.toLowerCase();
        expect(d.attributes.find((a) => a.name === attr)?.property, `<${tag}> attribute ${attr}`).toBe(prop);
      }
    }
  });

  it('events: every cnn-* event a component dispatches is documented with @fires, and nothing else is listed', () => {
    for (const tag of ELEMENT_DIRS) {
      const d = doc(tag);
      const fired = dispatched(tag);
      expect(d.events.map((e) => e.name).sort(), `<${tag}> events`).toEqual(fired);
      for (const e of d.events) expect(e.description, `<${tag}> ${e.name} needs a @fires description`).not.toBe('');
    }
    expect(doc('cnn-graph').events.map((e) => e.name)).toEqual(['cnn-select', 'cnn-toggle', 'cnn-direction', 'cnn-layout', 'cnn-error']);
  });

  it('<cnn-graph>: the styling surface of the issue (parts and --cnn-* properties), every attribute described', () => {
    const g = doc('cnn-graph');
    expect(g.summary).toMatch(/graph/);
    for (const p of ['node', 'edge', 'edge-label', 'module', 'toolbar', 'message']) expect(g.parts.map((x) => x.name)).toContain(p);
    for (const p of g.parts) expect(p.description, `part ${p.name}`).not.toBe('');
    expect(g.cssProperties.length).toBeGreaterThan(5);
    for (const p of g.cssProperties) expect(p.name).toMatch(/^--cnn-/);
    for (const a of ['model', 'src', 'input', 'expand', 'direction', 'annotations', 'theme', 'toolbar']) expect(g.attributes.map((x) => x.name)).toContain(a);
    for (const a of g.attributes) expect(a.description, `attribute ${a.name}`).not.toBe('');
    expect(g.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['graph', 'layout', 'analysis']));
    expect(g.properties.find((p) => p.name === 'analysis')?.readonly).toBe(true);
    expect(g.methods.map((m) => m.name)).toEqual(expect.arrayContaining(['toSVG', 'toPNG', 'fit', 'select', 'toggle']));
    // Private state (lit @state, private fields) is not API.
    expect(g.properties.map((p) => p.name)).not.toContain('drawn');
    expect(g.methods.map((m) => m.name)).not.toContain('draw');
  });

  it('every element documents its parts and at least one --cnn-* property', () => {
    for (const d of docs) {
      expect(d.summary, `<${d.tag}> @summary`).not.toBe('');
      expect(d.parts.length, `<${d.tag}> @csspart`).toBeGreaterThan(0);
      expect(d.cssProperties.some((p) => p.name.startsWith('--cnn-')), `<${d.tag}> @cssproperty`).toBe(true);
    }
  });
});

describe('API tables', () => {
  it('one row per attribute, event, part and custom property of <cnn-graph>, headings in the page language', () => {
    const g = doc('cnn-graph');
    const en = apiReference(g, pageContext('en', 'embed/index.html'));
    const rows = (id: string) => (en.split(`id="api-cnn-graph-${id}-table"`)[1] ?? '').split('<tbody>')[1]?.split('</tbody>')[0]?.match(/<tr>/g)?.length ?? 0;
    expect(rows('attributes')).toBe(g.attributes.length);
    expect(rows('events')).toBe(5);
    expect(rows('parts')).toBe(g.parts.length);
    expect(rows('css-properties')).toBe(g.cssProperties.length);
    expect(en).toContain('<code>cnn-select</code>');
    expect(en).toContain('<code>edge-label</code>');
    const zh = apiReference(g, pageContext('zh', 'embed/index.html'));
    expect(zh).toContain('事件');
    expect(zh).toContain('CSS 自定义属性');
    expect(zh).not.toContain('>Events<');
  });

  it('JSDoc text is escaped, with `code` spans', () => {
    expect(docText('Set `for="id"` of a <cnn-graph>.')).toBe('Set <code>for=&quot;id&quot;</code> of a &lt;cnn-graph&gt;.');
  });
});
