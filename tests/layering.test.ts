/**
 * The direction of the pipeline, checked on the source's imports: the graph
 * does not import analysis, render is pure (no src/ui, lit or tfjs), the
 * element bundle's entry reaches no tfjs (each kind's tfjs facet is imported
 * by training only), and the CLI's commands import common.ts, not each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Static imports and re-exports of a file (`import type` included; dynamic `import()` not: it loads apart). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith('.') ? resolve(dirname(file), s.replace(/\.js$/, '.ts')) : s));
}

const rel = (p: string) => (p.startsWith('/') ? relative(ROOT, p) : p);
const importsOf = (dir: string) => sources(join(SRC, dir)).flatMap((f) => imports(f).map((i) => [rel(f), rel(i)] as const));

/** Every module the entry reaches through static, value imports. */
function reach(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    if (!f.startsWith('/')) continue;
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+'([^']+)'/gm)) {
      const s = m[1];
      stack.push(s.startsWith('.') ? resolve(dirname(f), s.replace(/\.js$/, '.ts')) : s);
    }
  }
  return seen;
}

describe('the pipeline goes one way', () => {
  it('the graph imports no analysis, zoo, render, ui or training', () => {
    expect(importsOf('graph').filter(([, i]) => /^src\/(analysis|zoo|render|ui|train)\//.test(i))).toEqual([]);
  });

  it('render and i18n import nothing from src/ui, and no lit or tfjs', () => {
    const bad = [...importsOf('render'), ...imports(join(SRC, 'i18n.ts')).map((i) => ['src/i18n.ts', rel(i)] as const)].filter(([, i]) => /^src\/ui\/|^lit|^@lit|^@tensorflow/.test(i));
    expect(bad).toEqual([]);
  });

  it("the element bundle's entry reaches no tfjs and no kind's tfjs facet", () => {
    const reached = [...reach(join(SRC, 'ui/index.ts'))].map(rel);
    expect(reached).toContain('src/kinds/analysis.ts');
    expect(reached.filter((p) => /^@tensorflow|^src\/kinds\/(.*\/)?(tfjs|layer)\.ts$|^src\/train\//.test(p))).toEqual([]);
  });

  it("the CLI's train and render commands import common.ts, not main.ts, and main.ts imports neither", () => {
    const cli = importsOf('cli');
    expect(cli.filter(([f, i]) => /cli\/(train|render)\.ts$/.test(f) && i === 'src/cli/main.ts')).toEqual([]);
    expect(cli.filter(([f, i]) => f === 'src/cli/main.ts' && /cli\/(train|render)\.ts$/.test(i))).toEqual([]);
    expect(cli.filter(([f, i]) => /cli\/(train|render)\.ts$/.test(f) && i === 'src/cli/common.ts')).toHaveLength(2);
  });
});

describe('nothing outside src/kinds switches on a layer kind', () => {
  it("no code outside src/kinds (and the zoo and site, which build and describe networks) names a kind in a string", async () => {
    const { LAYER_KINDS } = await import('../src/kinds/config.js');
    const quoted = new RegExp(`['"\`](${LAYER_KINDS.join('|')})['"\`]`);
    // Not a kind: tfjs's own kernel names (src/train/kernels registers gradients for tfjs ops
    // that happen to share a name with a kind), ONNX operator names the ONNX reader matches in torch's
    // arithmetic (`n.op_type === 'Mul'`: ONNX's Mul and Add, not the kinds), and the one example of the format in a message.
    const onnxOp = (file: string, line: string) => file.startsWith('src/import/onnx/') && !line.replace(/op_type\s*[!=]==\s*'\w+'/g, '').match(quoted);
    const allowed = (file: string, line: string) => file.startsWith('src/train/kernels/') || onnxOp(file, line) || /kind: "Conv2d", in_channels: 3/.test(line);
    const found: string[] = [];
    for (const f of sources(SRC)) {
      const r = rel(f);
      if (/^src\/(kinds|zoo|site)\//.test(r)) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Comments may cite a kind (`ConvTranspose2d` computes…); code may not switch on one.
          if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
          if (quoted.test(line) && !allowed(r, line)) found.push(`${r}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
    // And the check sees what it looks for: a kind's own folder names it.
    expect(quoted.test(readFileSync(join(SRC, 'kinds/conv2d/config.ts'), 'utf8'))).toBe(true);
  });
});
