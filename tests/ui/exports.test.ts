/**
 * The package's "exports" as Node resolves them: `cnn-graph/render` is the
 * DOM-free render path and draws in plain Node (no DOM globals), the same SVG
 * as the sources; `cnn-graph/ui` and `cnn-graph/cnn-graph.js` point at files
 * the build writes. Runs a separate `node` so the resolution is Node's own
 * (the package resolves itself by name), not vitest's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { zooGraph } from '../../src/zoo/index.js';
import { renderNetworkSVG } from '../../src/render/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

beforeAll(async () => {
  // `npm test` builds first; on its own this test builds the library if it is missing.
  if (!existsSync(join(ROOT, 'dist/lib/render/index.js'))) {
    const { default: buildLib } = await import(pathToFileURL(join(ROOT, 'scripts/build-lib.mjs')).href);
    await buildLib();
  }
}, 300_000);

const SCRIPT = `
const out = {
  render: import.meta.resolve('cnn-graph/render'),
  ui: import.meta.resolve('cnn-graph/ui'),
  bundle: import.meta.resolve('cnn-graph/cnn-graph.js'),
  worker: import.meta.resolve('cnn-graph/cnn-graph-layout.worker.js'),
  elk: import.meta.resolve('cnn-graph/cnn-graph-elk.classic.js'),
  dom: typeof document + ' ' + typeof HTMLElement + ' ' + typeof customElements,
};
const { renderNetworkSVG, precomputeLayouts } = await import('cnn-graph/render');
const { zooGraph } = await import('cnn-graph');
out.svg = await renderNetworkSVG(zooGraph('lenet5'), { expand: 'all' });
out.layouts = (await precomputeLayouts(zooGraph('googlenet'))).length;
process.stdout.write(JSON.stringify(out));
`;

describe('package exports, resolved by Node', () => {
  it('cnn-graph/render draws in plain Node, the same SVG as the sources; the element entries resolve to built files', async () => {
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' }));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(out.dom).toBe('undefined undefined undefined');
    expect(out.render).toBe(pathToFileURL(join(ROOT, 'dist/lib/render/index.js')).href);
    expect(out.ui).toBe(pathToFileURL(join(ROOT, 'dist/lib/ui/index.js')).href);
    expect(out.bundle).toBe(pathToFileURL(join(ROOT, 'dist/cnn-graph.js')).href);
    expect(out.worker).toBe(pathToFileURL(join(ROOT, 'dist/cnn-graph-layout.worker.js')).href);
    expect(out.elk).toBe(pathToFileURL(join(ROOT, 'dist/cnn-graph-elk.classic.js')).href);
    expect(existsSync(fileURLToPath(out.elk))).toBe(true);
    for (const u of [out.render, out.ui]) {
      expect(existsSync(fileURLToPath(u)), u).toBe(true);
      expect(existsSync(fileURLToPath(u).replace(/\.js$/, '.d.ts')), u).toBe(true);
    }
    expect(out.svg).toBe(await renderNetworkSVG(zooGraph('lenet5')!, { expand: 'all' }));
    expect(out.layouts).toBe(2);
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.exports['./ui'].types).toBe('./dist/lib/ui/index.d.ts');
  }, 60_000);
});
