// custom-elements.json: the elements' API (attributes, properties, events, CSS parts and custom
// properties, slots) read from the element classes and their JSDoc by the custom-elements-manifest
// analyzer with its lit plugin, and dist/network.schema.json, the JSON Schema of a network
// (networkJsonSchema()), which the playground links to and editors can use.
//
// The analyzer runs through its programmatic API, not its CLI: the CLI also rewrites package.json
// and loads a native lexer that this build does not need. Files come from
// custom-elements-manifest.config.mjs (globs and excludes), so `npx cem analyze` agrees.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `src/ui/*\/*.component.ts`-style globs (`*` within a segment, `**` across segments) as one RegExp. */
export function globToRegExp(glob) {
  const re = glob
    .split('/')
    .map((seg) => (seg === '**' ? '(?:.+/)?' : `${seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}/`))
    .join('')
    .replace(/\/$/, '');
  return new RegExp(`^${re.replace(/\(\?:\.\+\/\)\?\//g, '(?:.+/)?')}$`);
}

/** Repository-relative files (with `/`) under `dir` matching any of `globs` and none of `exclude`, sorted. */
export function matchFiles(dir, globs, exclude = []) {
  const inc = globs.map(globToRegExp);
  const exc = exclude.map(globToRegExp);
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
        continue;
      }
      const rel = relative(dir, p).split('\\').join('/');
      if (inc.some((r) => r.test(rel)) && !exc.some((r) => r.test(rel))) out.push(rel);
    }
  };
  walk(join(dir, 'src'));
  return out.sort();
}

/** The manifest of the elements, as the analyzer makes it. */
export async function analyzeElements({ cwd = root } = {}) {
  const { default: config } = await import(pathToFileURL(join(cwd, 'custom-elements-manifest.config.mjs')).href);
  const { create, ts } = await import('@custom-elements-manifest/analyzer');
  const plugins = [];
  if (config.litelement) {
    const { litPlugin } = await import('@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js');
    plugins.push(...litPlugin());
  }
  const files = matchFiles(cwd, config.globs, config.exclude);
  const modules = files.map((f) => ts.createSourceFile(f, readFileSync(join(cwd, f), 'utf8'), ts.ScriptTarget.ES2015, true));
  const manifest = create({ modules, plugins, context: { dev: false } });
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName));
  return { manifest, files, tags };
}

/** networkJsonSchema() from the TypeScript source, bundled for Node on the fly (the library build may not have run). */
async function networkSchema() {
  const r = await build({
    stdin: { contents: "export { networkJsonSchema } from './src/graph/schema.ts';", resolveDir: root, sourcefile: 'schema-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    absWorkingDir: root,
  });
  const code = r.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.networkJsonSchema();
}

export default async function buildManifest({ quiet = false } = {}) {
  const { manifest, files, tags } = await analyzeElements();
  if (tags.length === 0) throw new Error(`build-manifest: the analyzer found no custom element in ${files.join(', ') || 'no files'}; check the globs of custom-elements-manifest.config.mjs.`);
  writeFileSync(join(root, 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...(await networkSchema()) };
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/network.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  if (!quiet) console.log(`manifest: custom-elements.json (${tags.map((t) => `<${t}>`).join(', ')}), dist/network.schema.json`);
  return { tags, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildManifest();
