#!/usr/bin/env node
// Layout scaling (issue 13): the render path in Node, stage by stage (parse + analysis; prepare:
// view, cards and elk graph; layout, by the engine `auto` picks or the one asked for; scene; SVG), for networks the zoo does
// not have: the audit's DAG (each Add reads layer i−1 and layer ⌊i/2⌋) at 302, 1,000 and 3,000
// layers, a plain 100,000-layer Conv/ReLU chain, and a wide random DAG. Each case runs in a child
// process of its own (median of --runs, peak RSS), cut off after --limit seconds, so an engine
// that explodes is reported as such instead of stalling the bench.
// Usage: node bench/layout.mjs [--runs 3] [--limit 120] [--engine auto|elk|fast] [case…]
import { spawnSync } from 'node:child_process';
import { bundle, chain, fanDag, halvingDag, machine, median, wideDag } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const RUNS = Number(opt('--runs', 3));
const LIMIT = Number(opt('--limit', 120));
const ENGINE = opt('--engine', 'auto');
const DEFAULT = ['halving-302', 'halving-1000', 'halving-3000', 'chain-100000', 'wide-2000'];
// A case is `<generator>-<layers>`: halving, chain or wide (bench/lib.mjs).
const make = (name) => {
  const [, kind, n] = /^(halving|chain|wide|fan)-(\d+)$/.exec(name) ?? [];
  if (!kind) throw new Error(`unknown case ${name}: use halving-N, chain-N, wide-N or fan-N`);
  return { halving: halvingDag, chain, wide: wideDag, fan: fanDag }[kind](Number(n));
};

if (process.env.CNN_LAYOUT_CASE) {
  // The child: one case, RUNS times, stage times as JSON on stdout.
  const r = await bundle('bench/layout-entry.ts', 'layout');
  const text = JSON.stringify({ format: 'cnn-graph/1', ...make(process.env.CNN_LAYOUT_CASE) });
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    r.layoutCache.clear();
    const t = [performance.now()];
    const graph = r.parseNetwork(text).graph;
    const analysis = r.analyze(graph);
    t.push(performance.now());
    // prepare with engine 'elk' builds the view, the cards and the elk graph and lays nothing out;
    // the layout is then timed alone, with the engine asked for.
    const p = r.prepare({ graph, analysis }, { expand: 'all', engine: 'elk' });
    t.push(performance.now());
    const engine = process.env.CNN_LAYOUT_ENGINE;
    const layout = (engine === 'auto' ? r.autoLayout(p.elk) : engine === 'fast' ? r.layeredLayout(p.elk) : null) ?? (await r.runLayout(p.elk));
    t.push(performance.now());
    const scene = r.sceneOf(p, layout);
    t.push(performance.now());
    const svg = r.sceneToSVG(scene);
    t.push(performance.now());
    rows.push({ stages: t.slice(1).map((x, j) => x - t[j]), nodes: p.view.nodes.length, edges: p.view.edges.length, engine: r.engineOf(layout), kib: svg.length / 1024 });
  }
  process.stdout.write(JSON.stringify({ rows, rss: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

console.log(`# layout scaling · ${machine()} · engine ${ENGINE} · median of ${RUNS}, cut off after ${LIMIT} s`);
const names = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
for (const name of names.length ? names : DEFAULT) {
  const p = spawnSync(process.execPath, ['--max-old-space-size=4096', 'bench/layout.mjs', '--runs', String(RUNS)], {
    env: { ...process.env, CNN_LAYOUT_CASE: name, CNN_LAYOUT_ENGINE: ENGINE },
    encoding: 'utf8',
    timeout: LIMIT * 1000,
    maxBuffer: 1 << 24,
  });
  if (p.status !== 0 || !p.stdout) {
    console.log(`${name.padEnd(14)} ${p.error?.code === 'ETIMEDOUT' || p.signal ? `did not finish in ${LIMIT} s` : `failed: ${(p.stderr || '').trim().split('\n').slice(-3).join(' | ')}`}`);
    continue;
  }
  const { rows, rss } = JSON.parse(p.stdout);
  const s = (j) => median(rows.map((r) => r.stages[j]));
  const total = median(rows.map((r) => r.stages.reduce((a, b) => a + b, 0)));
  const f = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
  const r0 = rows[0];
  console.log(
    `${name.padEnd(14)} ${String(r0.nodes).padStart(6)} boxes ${String(r0.edges).padStart(6)} wires  ${r0.engine.padEnd(10)} total ${f(total).padStart(8)}  (analysis ${f(s(0))}, prepare ${f(s(1))}, layout ${f(s(2))}, scene ${f(s(3))}, svg ${f(s(4))}; ${r0.kib.toFixed(0)} KiB)  peak RSS ${rss.toFixed(0)} MiB`,
  );
}
