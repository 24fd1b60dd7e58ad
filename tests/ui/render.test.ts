import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/analysis/analyze.js';
import { ZOO, zooGraph } from '../../src/zoo/index.js';
import type { Graph } from '../../src/graph/types.js';
import { INPUT } from '../../src/graph/types.js';
import { fmtShape, layoutCache, LayoutCache, type Layout, precomputeLayouts, prepare, render, resolveExpand, sceneContents, sceneToSVG, svgStyleSheet, type Scene } from '../../src/render/index.js';
import { EVIL, markupGraph, mismatchGraph } from './helpers.js';

const model = (id: string) => {
  const graph = zooGraph(id) as Graph;
  return { graph, analysis: analyze(graph) };
};

/** Drawn modules: every module except one wrapping the whole network. */
function drawnModules(a: Analysis) {
  return a.modules.filter((m) => m.layers.length < a.layers.length);
}

/** Layer and module boxes expected when everything is collapsed: the outermost drawn modules and the layers outside all of them. */
function collapsedCount(a: Analysis): number {
  const mods = drawnModules(a);
  const outer = mods.filter((m) => !mods.some((o) => o !== m && m.path.startsWith(o.path + '.')));
  const inside = new Set(outer.flatMap((m) => m.layers));
  return outer.length + a.layers.filter((l) => !inside.has(l.path)).length;
}

const boxes = (s: Scene) => s.nodes.filter((n) => n.type === 'layer' || n.type === 'module');

describe('expansion → drawn nodes (every zoo network, no layout needed)', () => {
  for (const { id } of ZOO) {
    it(id, () => {
      const m = model(id);
      const a = m.analysis;
      const all = prepare(m, { expand: 'all' }).view;
      expect(all.nodes.filter((n) => n.type === 'layer')).toHaveLength(a.layers.length);
      expect(all.nodes.filter((n) => n.type === 'module')).toHaveLength(0);
      expect(all.containers).toHaveLength(drawnModules(a).length);

      const none = prepare(m, { expand: 'none' }).view;
      expect(none.nodes.filter((n) => n.type === 'layer' || n.type === 'module')).toHaveLength(collapsedCount(a));
      expect(none.containers).toHaveLength(0);

      // Opening one collapsed module replaces its box by its direct children.
      const first = none.nodes.find((n) => n.type === 'module');
      if (first) {
        const rec = a.modules.find((x) => x.path === first.path)!;
        const opened = prepare(m, { expand: new Set([first.path]) }).view;
        expect(opened.nodes.length).toBe(none.nodes.length - 1 + rec.children.length);
      }

      // One terminal per output: the inference output and each auxiliary head.
      expect(all.nodes.filter((n) => n.type === 'output')).toHaveLength(1 + m.graph.aux.length);

      // Every edge carries the analysed shape of the tensor it stands for.
      for (const e of [...all.edges, ...none.edges]) {
        const want = e.producer === INPUT ? a.input : a.layers.find((l) => l.path === e.producer)!.outputShape;
        expect(e.shape, `${id} ${e.id} from ${e.producer}`).toEqual(want);
      }
      // With everything open, every layer input is exactly one edge.
      const inputs = a.layers.reduce((s, l) => s + l.inputs.length, 0);
      expect(all.edges.filter((e) => !e.target.startsWith('O:'))).toHaveLength(inputs);
    });
  }

  it('numeric depth opens the outer levels only', () => {
    const a = model('googlenet-paper').analysis;
    const one = resolveExpand(a, 1);
    expect(one.size).toBeGreaterThan(0);
    expect([...one].every((p) => !p.includes('.'))).toBe(true);
    expect(resolveExpand(a, 0).size).toBe(0);
    expect(resolveExpand(a, 'all').size).toBe(drawnModules(a).length);
  });

  it('auto opens small networks fully and keeps big ones readable', () => {
    expect(prepare(model('lenet5')).view.nodes.filter((n) => n.type === 'layer')).toHaveLength(12);
    const big = prepare(model('torchvision-resnet152')).view;
    expect(big.nodes.length).toBeLessThanOrEqual(82);
  });
});

function overlaps(s: Scene): string[] {
  const bad: string[] = [];
  const ns = s.nodes;
  for (let i = 0; i < ns.length; i++)
    for (let j = i + 1; j < ns.length; j++) {
      const a = ns[i];
      const b = ns[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) bad.push(`${a.id} × ${b.id}`);
    }
  return bad;
}

describe('layout → scene → SVG', { timeout: 120_000 }, () => {
  const cases: [string, 'all' | 'none'][] = [
    ['lenet5', 'all'],
    ['googlenet-mini', 'all'],
    ['resnet-mini', 'all'],
    ['googlenet', 'none'],
    ['googlenet-paper', 'none'],
  ];
  for (const [id, expand] of cases) {
    it(`${id} (${expand}): no overlaps, frames hold their nodes, labels are the shapes`, async () => {
      const m = model(id);
      const r = await render(m.graph, { expand, analysis: m.analysis });
      const s = r.scene;
      expect(overlaps(s)).toEqual([]);
      for (const n of r.prepared.view.nodes) {
        if (!n.container) continue;
        const f = s.frames.find((x) => x.id === n.container)!;
        const b = s.nodes.find((x) => x.id === n.id)!;
        expect(b.x >= f.x && b.y >= f.y && b.x + b.width <= f.x + f.width && b.y + b.height <= f.y + f.height, `${n.id} in ${f.id}`).toBe(true);
      }
      // One label per tensor: the first edge of each (source, producer) pair carries it, the others only their title.
      const groups = new Map<string, typeof s.edges>();
      for (const e of s.edges) {
        const k = `${e.source} ${e.producer}`;
        groups.set(k, [...(groups.get(k) ?? []), e]);
        expect(e.title.startsWith(`${e.shape}: ${e.producer} → `), e.id).toBe(true);
        expect(e.d).toMatch(/^M[\d.-]+,[\d.-]+/);
      }
      for (const [k, es] of groups) {
        expect(es[0].label, k).not.toBeNull();
        expect(es[0].label!.text.text).toBe(es[0].shape);
        for (const e of es.slice(1)) expect(e.label, `${k}: ${e.id} repeats the label`).toBeNull();
      }
      // The SVG carries the same shapes, in order.
      const shapes = [...r.svg.matchAll(/data-shape="([^"]*)"/g)].map((x) => x[1]);
      expect(shapes).toEqual(s.edges.map((e) => e.shape));
      expect(r.svg.match(/class="cnn-node"/g)).toHaveLength(s.nodes.length);
    });
  }

  it('lenet5: the edge labels are the shapes of the notes, in order', async () => {
    const r = await render(zooGraph('lenet5')!, { expand: 'all' });
    expect(r.scene.edges.map((e) => e.shape)).toEqual(['1×28×28', '6×28×28', '6×28×28', '6×14×14', '16×10×10', '16×10×10', '16×5×5', '120×1×1', '120×1×1', '120', '84', '84', '10']);
    const conv = r.scene.nodes.find((n) => n.path === 'net.0')!;
    expect(conv.texts[0].text).toBe('Conv2d 5×5 · 6 · s1 p2');
    // 156 parameters of 61,706; 117,600 MACs of 416,520.
    expect(conv.badges.map((b) => b.text.text)).toEqual(['156 params · 0.25%', '117.6K MACs · 28%']);
  });

  it('a tensor read by several layers is labelled once (Inception fan-out, residual skip)', async () => {
    for (const [id, fanOut] of [['googlenet-mini', 4], ['resnet-mini', 2]] as const) {
      const r = await render(zooGraph(id)!, { expand: 'all' });
      const bySource = new Map<string, number>();
      for (const e of r.scene.edges) bySource.set(`${e.source} ${e.producer}`, (bySource.get(`${e.source} ${e.producer}`) ?? 0) + 1);
      // The network really fans out that wide somewhere, yet each tensor has one label.
      expect(Math.max(...bySource.values()), id).toBeGreaterThanOrEqual(fanOut);
      expect(r.scene.edges.filter((e) => e.label)).toHaveLength(bySource.size);
      expect(r.svg.match(/class="cnn-edge-label"/g)).toHaveLength(bySource.size);
      // Every edge still tells its shape (its <title>).
      expect(r.svg.match(/<title>[^<]*<\/title><\/path>/g)).toHaveLength(r.scene.edges.length);
    }
  });

  it('resnet-mini: normalised SVG snapshot (the skip edge has a title, not a second label)', async () => {
    const { svg } = await render(zooGraph('resnet-mini')!, { expand: 'all' });
    const normal = svg.replace(/-?\d+\.\d+/g, (x) => String(Math.round(Number(x))));
    await expect(normal).toMatchFileSnapshot('__snapshots__/resnet-mini.svg');
  });

  it('lenet5: normalised SVG snapshot', async () => {
    const { svg } = await render(zooGraph('lenet5')!, { expand: 'all' });
    // Round every number so a sub-pixel change in elk does not churn the snapshot.
    const normal = svg.replace(/-?\d+\.\d+/g, (x) => String(Math.round(Number(x))));
    await expect(normal).toMatchFileSnapshot('__snapshots__/lenet5.svg');
  });

  it('a failing layer is drawn, marked, and shows its diagnostic; later layers are drawn as skipped', async () => {
    const g = mismatchGraph();
    const r = await render(g, { expand: 'all' });
    const conv2 = r.scene.nodes.find((n) => n.path === 'features.2')!;
    expect(conv2.status).toBe('error');
    const diag = conv2.texts.filter((t) => t.role === 'diag').map((t) => t.text).join(' ');
    expect(diag).toContain('expects 8 input channels, receives 6');
    expect(r.scene.nodes.find((n) => n.path === 'fc')!.status).toBe('skipped');
    expect(r.scene.edges.find((e) => e.producer === 'features.2')!.shape).toBe('?');
    expect(overlaps(r.scene)).toEqual([]);
    // Collapsed, the module box carries the diagnostic of the layer inside it.
    const c = await render(g, { expand: 'none' });
    const box = c.scene.nodes.find((n) => n.path === 'features')!;
    expect(box.status).toBe('error');
    expect(box.texts.some((t) => t.role === 'diag' && t.text.includes('features.2 Conv2d'))).toBe(true);
  });

  it('names with markup are escaped text, never markup', async () => {
    const r = await render(markupGraph(), { expand: 'all' });
    expect(r.svg).not.toContain('<img');
    expect(r.svg).not.toContain('<b>');
    expect(r.svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.svg).toContain('relu&quot;&amp;&#39;');
    // Every tag in the output is one the renderer writes.
    const tags = new Set([...r.svg.matchAll(/<([a-zA-Z]+)/g)].map((x) => x[1]));
    expect([...tags].sort()).toEqual(['defs', 'desc', 'g', 'marker', 'path', 'rect', 'svg', 'text', 'title']);
    expect(r.scene.nodes.some((n) => n.texts.some((t) => t.text.includes(EVIL)))).toBe(true);
  });

  it('elk layouts are cached by graph, expansion and direction; a precomputed layout is used as is', async () => {
    const m = model('resnet-mini');
    const engine = 'elk';
    const a = await render(m.graph, { expand: 'none', engine });
    const b = await render(m.graph, { expand: 'none', engine });
    expect(b.layout).toBe(a.layout);
    const c = await render(m.graph, { expand: 'none', direction: 'right', engine });
    expect(c.layout.key).not.toBe(a.layout.key);
    expect(c.layout.width).toBeGreaterThan(c.layout.height);
    const d = await render(m.graph, { expand: 'all', engine });
    expect(d.layout.key).not.toBe(a.layout.key);
    // A layout passed in is used without elk (this elk would throw).
    const pre: Layout = JSON.parse(JSON.stringify(a.layout));
    const noElk = { layout: () => Promise.reject(new Error('elk must not run')) };
    const e = await render(m.graph, { expand: 'none', layout: pre, elk: noElk, cache: false, engine });
    expect(e.svg).toBe(a.svg);
    expect(layoutCache.get(a.layout.key)).toBe(a.layout);
    // The structural engine needs neither elk nor the cache, and its key is its own.
    const s = await render(m.graph, { expand: 'none', elk: noElk, cache: false });
    expect(s.layout.key).not.toBe(a.layout.key);
    expect(layoutCache.get(s.layout.key)).toBeUndefined();
  });

  it('precomputeLayouts: the default and the fully expanded view, JSON-safe, drawn later without elk', async () => {
    const g = zooGraph('googlenet')!;
    const noElk = { layout: () => Promise.reject(new Error('elk must not run')) };
    const fresh = new LayoutCache();
    const layouts: Layout[] = JSON.parse(JSON.stringify(await precomputeLayouts(g, { cache: fresh })));
    const a = analyze(g);
    const keys = (['auto', 'all'] as const).map((e) => prepare({ graph: g, analysis: a }, { expand: e }).key);
    expect(layouts.map((l) => l.key)).toEqual(keys);
    for (const expand of ['auto', 'all'] as const) {
      const r = await render(g, { expand, elk: noElk, cache: false, layout: layouts.find((l) => l.key === prepare({ graph: g, analysis: a }, { expand }).key) });
      expect(r.scene.nodes.length).toBe(r.prepared.view.nodes.length);
    }
    // Other options change the boxes, so the keys: a file made for `down` does not serve `right`.
    const right = await precomputeLayouts(g, { direction: 'right', expand: ['none'], cache: fresh });
    expect(keys).not.toContain(right[0].key);
    // A small network's `auto` is its fully expanded view: one layout.
    expect(await precomputeLayouts(zooGraph('lenet5')!, { cache: fresh })).toHaveLength(1);
  });

  it('styling: classes draws with the same declarations as the inline styles, from svgStyleSheet', async () => {
    const rules = new Map([...svgStyleSheet().matchAll(/^\.(s-[\w-]+)\{(.*)\}$/gm)].map((m) => [m[1], m[2]]));
    expect(rules.size).toBeGreaterThan(30);
    for (const g of [zooGraph('googlenet-mini')!, mismatchGraph()]) {
      const { scene } = await render(g, { expand: 'none' });
      const tags = (svg: string) => [...svg.matchAll(/<([a-z]+)\b([^>]*)>/g)].map((m) => ({ name: m[1], attrs: m[2] }));
      const inline = tags(sceneToSVG(scene));
      const classes = tags(sceneToSVG(scene, { styling: 'classes' }));
      expect(classes.map((t) => t.name)).toEqual(inline.map((t) => t.name));
      const decls = (text: string) => new Set(text.split(';').filter(Boolean));
      let styled = 0;
      inline.forEach((t, i) => {
        const style = /style="([^"]*)"/.exec(t.attrs)?.[1] ?? '';
        const c = classes[i].attrs;
        const fromClasses = [...(/class="([^"]*)"/.exec(c)?.[1] ?? '').split(' ').filter((x) => x.startsWith('s-'))].map((x) => rules.get(x) ?? `missing rule ${x}`);
        const own = /style="([^"]*)"/.exec(c)?.[1] ?? '';
        if (fromClasses.length) styled++;
        expect(decls([own, ...fromClasses].join(';')), `${t.name} #${i}`).toEqual(decls(style));
      });
      expect(styled).toBeGreaterThan(scene.nodes.length);
    }
  });

  it('shells (true, and boxes with their outlines): each filled with its sceneContents gives back the whole picture', async () => {
    for (const g of [zooGraph('googlenet')!, mismatchGraph()]) {
      const { scene } = await render(g, { expand: 'all' });
      const whole = sceneToSVG(scene, { styling: 'classes' });
      for (const shells of [true, 'boxes'] as const) {
        const svg = sceneToSVG(scene, { styling: 'classes', shells });
        const contents = sceneContents(scene, { styling: 'classes', shells });
        const boxes = [...svg.matchAll(/<g part="node[^"]*"[^>]* data-id="([^"]*)"[^>]*>\n(.*?)<\/g>/gs)];
        expect(boxes.map((m) => m[1])).toEqual(scene.nodes.map((n) => n.id));
        // A 'boxes' shell is its outline alone; a `true` shell is empty.
        for (const m of boxes) expect(m[2], m[1]).toMatch(shells === true ? /^$/ : /^<rect class="cnn-box [^>]*\/>\n$/);
        // Filling appends what was left out (the element does it with insertAdjacentHTML('beforeend', …)).
        const filled = svg
          .replace(/(<g part="node[^"]*"[^>]* data-id="([^"]*)"[^>]*>\n)(.*?)<\/g>/gs, (_, open: string, id: string, shell: string) => `${open}${shell}${contents.nodes.get(id)}\n</g>`)
          .replace(/(<g part="edge-label" class="cnn-edge-label" data-edge="([^"]*)">\n)<\/g>/g, (_, open: string, id: string) => `${open}${contents.labels.get(id)}\n</g>`);
        expect(filled, `${g.name}, shells: ${shells}`).toBe(whole);
        if (shells === 'boxes') expect(contents.labels.size).toBe(0);
      }
    }
  });

  it('the dark theme changes token fallbacks, not structure', async () => {
    const m = model('lenet5');
    const light = await render(m.graph, { expand: 'all' });
    const dark = await render(m.graph, { expand: 'all', theme: 'dark' });
    expect(dark.svg).not.toBe(light.svg);
    expect(dark.svg.replace(/#[0-9a-f]{6}/g, '#')).toBe(light.svg.replace(/#[0-9a-f]{6}/g, '#'));
    expect(sceneToSVG(light.scene)).toBe(light.svg);
  });
});

describe('format', () => {
  it('formats shapes and units', async () => {
    const { fmtCompact, fmtInt, fmtShare } = await import('../../src/render/format.js');
    expect(fmtInt(61706)).toBe('61,706');
    expect(fmtInt(null)).toBe('—');
    expect(fmtCompact(117600)).toBe('117.6K');
    expect(fmtCompact(1_823_000_000)).toBe('1.82G');
    expect(fmtCompact(950)).toBe('950');
    expect(fmtShare(156, 61706)).toBe('0.25%');
    expect(fmtShare(1, 1e6)).toBe('<0.1%');
    expect(fmtShare(0, 10)).toBe('0%');
    expect(fmtShape([6, 28, 28])).toBe('6×28×28');
    expect(fmtShape(null)).toBe('?');
  });
});

describe('a caller-made graph of the wrong shape', { timeout: 60_000 }, () => {
  it('is drawn without its malformed modules, the analysis listing them; a non-network is refused by name', async () => {
    const base = zooGraph('googlenet-mini')!;
    const g = { ...base, modules: [5, { path: 7 }, ...base.modules] } as unknown as Graph;
    const analysis = analyze(g);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['modules[0]: must be an object, got 5.', 'modules[1].path: must be a string, got 7.', 'modules[1].type: is required (string).']);
    const r = await render(g, { analysis, expand: 'none' });
    // The well-formed modules are kept: the picture is the intact network's.
    const intact = await render(base, { expand: 'none' });
    expect(r.scene.nodes.map((n) => `${n.type} ${n.path}`)).toEqual(intact.scene.nodes.map((n) => `${n.type} ${n.path}`));
    await expect(render(42 as unknown as Graph)).rejects.toThrow(/^Not a network: /);
  });
});
