/** The picture's own words follow the locale: Chinese on a zh page, English (the CLI's) otherwise; PyTorch notation stays as it is. */
import { describe, expect, it } from 'vitest';
import { analyze, diagnosticText } from '../../src/analysis/analyze.js';
import type { Graph } from '../../src/graph/types.js';
import { zooGraph } from '../../src/zoo/index.js';
import { details, fmtInt, fmtShape, METRICS, render, type Rendered, type Scene } from '../../src/render/index.js';
import { charWidth, isWide, textWidth } from '../../src/render/measure.js';
import { mismatchGraph } from './helpers.js';

const zoo = (id: string): Graph => zooGraph(id) as Graph;
const CJK = /[\u4e00-\u9fff]/;

/** Every string of the scene a reader or a screen reader meets. */
function readable(scene: Scene): string[] {
  return [
    scene.title,
    scene.desc,
    ...scene.frames.flatMap((f) => [f.title.text, f.aria]),
    ...scene.nodes.flatMap((n) => [n.aria, ...n.texts.map((t) => t.text), ...n.badges.map((b) => b.text.text)]),
    ...scene.edges.flatMap((e) => [e.title, ...(e.label ? [e.label.text.text] : [])]),
  ];
}

/** The Latin words a zh picture may keep: names from the network itself (model, paths, module types, layer labels), and MACs. */
function ownWords(r: Rendered): Set<string> {
  const a = r.prepared.model.analysis;
  const names = [a.model, a.convention, 'MACs', ...a.layers.flatMap((l) => [l.path, l.label]), ...a.modules.flatMap((m) => [m.path, m.type]), ...r.prepared.model.graph.modules.map((m) => m.label ?? '')];
  return new Set(names.flatMap((s) => s.match(/[A-Za-z]{2,}/g) ?? []));
}

describe('a zh picture speaks Chinese', async () => {
  const graph = zoo('googlenet');
  const analysis = analyze(graph);
  const en = await render(graph, { analysis, cache: false });
  const zh = await render(graph, { analysis, cache: false, locale: 'zh' });
  const t = analysis.totals;

  it('English when no locale is given, and for `en`: the same SVG, with no Chinese in it', async () => {
    const explicit = await render(graph, { analysis, cache: false, locale: 'en' });
    expect(explicit.svg).toBe(en.svg);
    expect(en.svg).not.toMatch(CJK);
    expect(en.scene.title).toBe(`googlenet: ${analysis.layers.length} layers, ${fmtInt(t.params)} parameters, ${fmtInt(t.macs)} MACs (default convention)`);
    expect(en.scene.desc).toBe(`Input ${fmtShape(analysis.input)}, output ${fmtShape(analysis.output)}.`);
  });

  it('the SVG title and description', () => {
    expect(zh.scene.title).toBe(`googlenet：${analysis.layers.length} 层，${fmtInt(t.params)} 个参数，${fmtInt(t.macs)} 次乘加（MACs，default 约定）`);
    expect(zh.scene.desc).toBe(`输入 ${fmtShape(analysis.input)}，输出 ${fmtShape(analysis.output)}。`);
    expect(zh.svg).toContain(`<title id="cnn-title">${zh.scene.title}</title>`);
    expect(zh.svg).toContain(`<desc id="cnn-desc">${zh.scene.desc}</desc>`);
  });

  it('the boxes: 输入, 输出, 参数 badges, N 层; the labels keep PyTorch notation', () => {
    const titles = (r: Rendered, type: string) => r.scene.nodes.filter((n) => n.type === type).map((n) => n.texts[0].text);
    expect(titles(zh, 'input')).toEqual(['输入']);
    expect(titles(zh, 'output')).toEqual(['输出']);
    const badges = zh.scene.nodes.flatMap((n) => n.badges.map((b) => b.text.text));
    expect(badges.length).toBeGreaterThan(10);
    for (const b of badges) expect(b).toMatch(/^\S+ (参数|MACs) · \S+%$/);
    expect(badges.join(' ')).not.toMatch(/params/);
    // The same numbers as the English badges, only the word differs.
    const enBadges = en.scene.nodes.flatMap((n) => n.badges.map((b) => b.text.text));
    expect(badges).toEqual(enBadges.map((b) => b.replace(' params ', ' 参数 ')));
    // Conv2d, MaxPool2d, … read the same; the global pooling's "(global)" becomes （全局）.
    const layers = (r: Rendered) => r.scene.nodes.filter((n) => n.type === 'layer').map((n) => n.texts[0].text);
    const pairs = layers(en).map((e, i) => [e, layers(zh)[i]] as const);
    expect(pairs.filter(([e, z]) => e !== z)).toEqual([['AdaptiveAvgPool2d → 1×1 (global)', 'AdaptiveAvgPool2d → 1×1（全局）']]);
    expect(pairs.some(([e]) => e.startsWith('Conv2d 7×7 · 64 · s2'))).toBe(true);
  });

  it('collapsed modules say N 层 and 已折叠; expanded frames 已展开', async () => {
    const collapsed = await render(graph, { analysis, cache: false, locale: 'zh', expand: 'none' });
    const mods = collapsed.scene.nodes.filter((n) => n.type === 'module');
    expect(mods.length).toBeGreaterThan(0);
    for (const n of mods) {
      const m = analysis.modules.find((x) => x.path === n.path)!;
      expect(n.texts[1].text).toBe(`${m.path} · ${m.layers.length} 层`);
      // What the box shows (its heading in Chinese words, the path, the badges), then the class and the numbers.
      const badges = n.badges.map((b) => `，${b.text.text}`).join('');
      expect(n.texts[0].text).toMatch(/^▸ b\d · /);
      expect(n.aria).toBe(`${n.texts[0].text.slice(2)}，${m.path} · ${m.layers.length} 层${badges}，${m.type}，已折叠，${m.layers.length} 层，输出 ${fmtShape(m.outputShape)}，${fmtInt(m.params)} 个参数，${fmtInt(m.macs)} 次乘加（MACs）`);
    }
    expect(zh.scene.frames.length).toBeGreaterThan(0);
    for (const f of zh.scene.frames) expect(f.aria).toMatch(/，已展开，\d+ 层，[\d,]+ 个参数，[\d,]+ 次乘加（MACs）$/);
  });

  it('spoken names of layers and edge titles', () => {
    const conv = analysis.layers.find((l) => l.kind === 'Conv2d')!;
    const node = zh.scene.nodes.find((n) => n.path === conv.path)!;
    // The badges' words as drawn come after the path, so the spoken name holds everything the box shows (WCAG 2.5.3).
    const badges = node.badges.map((b) => `，${b.text.text}`).join('');
    expect(node.badges.length).toBe(2);
    expect(node.aria).toBe(`${conv.label}，${conv.path}${badges}，输出 ${fmtShape(conv.outputShape)}，${fmtInt(conv.params)} 个参数，${fmtInt(conv.macs)} 次乘加（MACs）`);
    const fromInput = zh.scene.edges.find((e) => e.producer === 'input')!;
    expect(fromInput.title).toMatch(/^1×96×96: 输入 → /);
    expect(zh.scene.edges.find((e) => zh.scene.nodes.find((n) => n.id === e.target)?.type === 'output')!.title).toMatch(/→ 输出$/);
  });

  it('no English word is left but the network\'s own names and MACs', () => {
    const allowed = ownWords(zh);
    const stray = readable(zh.scene).flatMap((s) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w)));
    expect(stray).toEqual([]);
    // The check is not vacuous: the English picture has words outside that set.
    expect(readable(en.scene).flatMap((s) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w)))).toEqual(expect.arrayContaining(['params', 'parameters', 'input', 'output', 'layers']));
  });

  it('boxes are wide enough for their Chinese text', () => {
    for (const n of zh.scene.nodes) {
      const room = n.width - 2 * METRICS.padX + 0.5;
      expect(textWidth(n.texts[0].text, METRICS.title, true)).toBeLessThanOrEqual(room);
      expect(textWidth(n.texts[1].text, METRICS.sub)).toBeLessThanOrEqual(room);
      for (const b of n.badges) expect(textWidth(b.text.text, METRICS.badge)).toBeLessThanOrEqual(b.width);
    }
    // The input box is sized from 输入's two full-width characters, not from the word "input".
    const input = (r: Rendered) => r.prepared.cards.get(r.scene.nodes.find((n) => n.type === 'input')!.id)!;
    expect(input(zh).title).toBe('输入');
    expect(textWidth('输入', METRICS.title, true)).toBe(2 * METRICS.title);
  });

  it('the hover card\'s title is the label in the same words', () => {
    const gap = analysis.layers.find((l) => l.kind === 'AdaptiveAvgPool2d')!;
    expect(details({ graph, analysis }, 'layer', gap.path, 'zh').title).toBe('AdaptiveAvgPool2d → 1×1（全局）');
    expect(details({ graph, analysis }, 'layer', gap.path, 'en').title).toBe(gap.label);
  });
});

describe('auxiliary heads and failing networks in Chinese', () => {
  it('an aux head reads 辅助输出 · 损失 ×w, its layers 辅助, its MACs badge 占辅助头', async () => {
    const graph = zoo('googlenet-paper');
    const zh = await render(graph, { cache: false, locale: 'zh', expand: 'all' });
    const en = await render(graph, { cache: false, expand: 'all' });
    const auxOut = zh.scene.nodes.filter((n) => n.type === 'output' && n.aux);
    expect(auxOut.length).toBe(graph.aux.length);
    for (const n of auxOut) expect(n.texts[0].text).toBe(`辅助输出 · 损失 ×${graph.aux.find((a) => a.path === n.path)!.weight}`);
    const auxLayers = zh.scene.nodes.filter((n) => n.type === 'layer' && n.aux);
    expect(auxLayers.length).toBeGreaterThan(0);
    for (const n of auxLayers) expect(n.texts[1].text).toBe(`${n.path} · 辅助`);
    const auxMacs = auxLayers.flatMap((n) => n.badges.filter((b) => b.kind === 'macs').map((b) => b.text.text));
    expect(auxMacs.length).toBeGreaterThan(0);
    for (const b of auxMacs) expect(b).toMatch(/^\S+ MACs · 占辅助头 \S+%$/);
    const stray = readable(zh.scene).flatMap((s) => (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ownWords(zh).has(w)));
    expect(stray).toEqual([]);
    expect(readable(en.scene).join(' ')).toContain('aux output · loss ×');
  });

  it('a failing network: the description counts the errors in Chinese and quotes the zh diagnostic; the failing box says 出错', async () => {
    const graph = mismatchGraph();
    const analysis = analyze(graph);
    const first = analysis.diagnostics.find((d) => d.severity === 'error')!;
    const zh = await render(graph, { analysis, cache: false, locale: 'zh', expand: 'all' });
    const en = await render(graph, { analysis, cache: false, expand: 'all' });
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    expect(zh.scene.desc).toBe(`输入 ${fmtShape(analysis.input)}，输出 ?。${errors} 个错误：${diagnosticText(first, 'zh').message}`);
    expect(en.scene.desc).toBe(`Input ${fmtShape(analysis.input)}, output ?. ${errors} error(s): ${first.message}`);
    const failing = zh.scene.nodes.find((n) => n.path === first.path)!;
    // The box's message right after its badges (as drawn, so the visible text is one run of the spoken name), the status word last.
    expect(failing.aria).toMatch(/%，[^，]+Conv2d：需要 \d+ 个输入通道，收到的却是 \d+ 个（来自 [^）]+），输出 \?，.*，出错$/);
    const skipped = zh.scene.nodes.find((n) => n.status === 'skipped')!;
    expect(skipped.aria).toMatch(/，未分析$/);
    expect(en.scene.nodes.find((n) => n.path === first.path)!.aria).toMatch(/, error$/);
  });
});

describe('text measurement counts CJK characters as a full em', () => {
  it('ideographs and full-width punctuation are 1 em, in bold too', () => {
    for (const c of ['输', '入', '层', '（', '）', '，', '。', '：', 'あ', '한']) {
      expect(isWide(c)).toBe(true);
      expect(charWidth(c)).toBe(1000);
    }
    expect(textWidth('输入', 10)).toBe(20);
    expect(textWidth('输入', 10, true)).toBe(20);
    expect(textWidth('（全局）', 12.5)).toBe(50);
  });

  it('Latin keeps Arial\'s widths, and bold widens only the Latin part of a mixed string', () => {
    for (const c of ['a', '1', '·', '×', '%']) expect(isWide(c)).toBe(false);
    const latin = textWidth('868.4K  · 15%', 10);
    expect(textWidth('868.4K 参数 · 15%', 10)).toBeCloseTo(latin + 20, 9);
    expect(textWidth('868.4K 参数 · 15%', 10, true)).toBeCloseTo(latin * 1.07 + 20, 9);
    expect(textWidth('Conv2d', 10)).toBeCloseTo(((722 + 556 + 556 + 500 + 556 + 556) / 1000) * 10, 9);
  });

  it('half-width katakana are half an em; a symbol the table lacks is measured wide, never narrow', () => {
    expect(charWidth('ｱ')).toBe(500);
    expect(charWidth('≥')).toBe(1000);
  });
});

describe('the docs site draws its build-time pictures in the page\'s language', () => {
  it('graphFigure on a zh page: Chinese title and words in the light-DOM SVG; the en page as before', async () => {
    const { graphFigure, pageContext } = await import('../../src/site/shell.js');
    const path = 'models/googlenet/index.html';
    const zh = await graphFigure(pageContext('zh', path), 'googlenet');
    const en = await graphFigure(pageContext('en', path), 'googlenet');
    const want = await render(zoo('googlenet'), { locale: 'zh' });
    expect(zh).toMatch(new RegExp(`<title id="cnn-title-f\\d+">${want.scene.title.replace(/[()]/g, '\\$&')}</title>`));
    expect(zh).toContain('>输入</text>');
    expect(zh).toMatch(/> ?[\d.]+K 参数 · /);
    expect(en).toContain('>input</text>');
    expect(en).not.toMatch(CJK);
  });
});
