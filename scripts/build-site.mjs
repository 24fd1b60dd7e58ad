// The static docs site in site/: an index of every zoo network and one page per network,
// each drawing the live <cnn-graph> with its <cnn-summary>. Relative links only, so it
// works from any sub-path. Runs after build-ui (name order), which writes dist/cnn-graph.js.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

async function zoo() {
  mkdirSync('node_modules/.cache/site', { recursive: true });
  const outfile = 'node_modules/.cache/site/zoo.mjs';
  await build({
    stdin: { contents: "export * from './src/index.ts'; export { renderNetworkSVG } from './src/ui/render/index.ts';", resolveDir: '.', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['elkjs'],
    logLevel: 'error',
  });
  return import(new URL(`../${outfile}?t=${Date.now()}`, import.meta.url).href);
}

function page({ title, body, root, script = true }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · cnn-graph</title>
<link rel="stylesheet" href="${root}site.css">
${script ? `<script type="module" src="${root}cnn-graph.js"></script>` : ''}
</head>
<body>
<header><a class="brand" href="${root}index.html">cnn-graph</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

const CSS = `:root{color-scheme:light dark;font-family:system-ui,"Helvetica Neue",Arial,sans-serif;line-height:1.5}
body{margin:0;background:Canvas;color:CanvasText}header{padding:.6rem 1.5rem;border-bottom:1px solid #8884}
.brand{font-weight:700;text-decoration:none;color:inherit}main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1rem;padding:0;list-style:none}
.grid li{border:1px solid #8884;border-radius:8px;padding:.8rem}.grid h2{font-size:1.05rem;margin:.2rem 0}
.grid p{margin:.2rem 0;font-size:.9rem}.num{font-variant-numeric:tabular-nums}
cnn-graph{display:block;height:70vh;border:1px solid #8884;border-radius:8px;overflow:auto}
cnn-graph>svg{max-width:100%;height:auto}
cnn-summary{display:block;margin-top:1rem}`;

export default async function buildSite() {
  // Without the element bundle the pages still show every network, as the static SVG.
  const live = existsSync('dist/cnn-graph.js');
  if (!live) console.warn('build-site: dist/cnn-graph.js is missing; pages get static pictures only');
  const { ZOO, analyze, formatInt, formatCount, renderNetworkSVG } = await zoo();
  rmSync('site', { recursive: true, force: true });
  mkdirSync('site/models', { recursive: true });
  for (const f of readdirSync('dist')) if (/^cnn-graph.*\.js$/.test(f)) copyFileSync(`dist/${f}`, `site/${f}`);
  writeFileSync('site/site.css', CSS);
  const cards = ZOO.map((e) => {
    const a = analyze(e.build());
    return `<li><h2><a href="models/${e.id}/index.html">${esc(e.title)}</a></h2>
<p>${esc(e.summary)}</p>
<p class="num">${formatInt(a.totals.params)} parameters · ${formatCount(a.totals.macs)} MACs · input ${a.input.join('×')}</p></li>`;
  });
  writeFileSync(
    'site/index.html',
    page({
      title: 'Every network of the notes',
      root: '',
      script: live,
      body: `<h1>Every network of the notes</h1>
<p>LeNet-5 → AlexNet → VGG → NiN → GoogLeNet → ResNet: each network drawn from its PyTorch definition, with every shape, parameter count and MAC computed by PyTorch's rules.</p>
<ul class="grid">
${cards.join('\n')}
</ul>`,
    }),
  );
  for (const e of ZOO) {
    const g = e.build();
    const a = analyze(g);
    // The same picture the element draws, precomputed: shown before the element upgrades, and without JavaScript.
    const svg = await renderNetworkSVG(g, { analysis: a });
    mkdirSync(`site/models/${e.id}`, { recursive: true });
    writeFileSync(
      `site/models/${e.id}/index.html`,
      page({
        title: e.title,
        root: '../../',
        script: live,
        body: `<h1>${esc(e.title)}</h1>
<p>${esc(e.summary)}. Source: ${esc(e.source)}.</p>
<p class="num">${formatInt(a.totals.params)} parameters · ${formatInt(a.totals.macs)} MACs (multiply-adds of convolutions and linear layers) · input ${a.input.join('×')} → output ${a.output ? a.output.join('×') : '—'}</p>
<cnn-graph id="graph" model="${esc(e.id)}" toolbar>${svg}</cnn-graph>
${live ? '<cnn-summary for="graph"></cnn-summary>' : ''}`,
      }),
    );
  }
}
