/**
 * Module boxes and frame headers in the picture (the pure scene, as the element and
 * `cnn-graph render` draw it): what the module computes first, its path beneath, long
 * text cut with `…` to a bounded width and whole in the tooltip and the hover card.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Graph } from '../../src/graph/types.js';
import { details } from '../../src/render/details.js';
import { METRICS, render } from '../../src/render/index.js';
import { textWidth } from '../../src/render/measure.js';
import { zooGraph } from '../../src/zoo/index.js';

const model = (id: string) => {
  const graph = zooGraph(id) as Graph;
  return { graph, analysis: analyze(graph) };
};

describe('module labels in the scene', () => {
  it('a collapsed module: what it computes, then its path and size; a long one cut at its bound, whole in the hover card', async () => {
    const m = model('torchvision-vgg16');
    const r = await render(m.graph, { analysis: m.analysis, expand: 'none', cache: false });
    const features = r.scene.nodes.find((n) => n.path === 'features')!;
    expect(features.texts[0].text).toMatch(/^▸ 2 × 3×3 conv, 64 → 2×2\/2 max pool → .*…$/);
    expect(textWidth(features.texts[0].text, METRICS.title, true)).toBeLessThanOrEqual(METRICS.maxModuleTitle);
    expect(features.texts[1].text).toBe('features · 31 layers');
    const card = details(m, 'module', 'features');
    expect(card.title).toBe('2 × 3×3 conv, 64 → 2×2/2 max pool → 2 × 3×3 conv, 128 → 2×2/2 max pool → 3 × 3×3 conv, 256 → 2×2/2 max pool → 3 × 3×3 conv, 512 → 2×2/2 max pool → 3 × 3×3 conv, 512 → 2×2/2 max pool');
    expect(card.subtitle).toBe('features · Sequential · 31 layers');
    // The spoken name starts with what the box shows, whole.
    expect(features.aria.startsWith(`${card.title}, features · 31 layers`)).toBe(true);
  });

  it('an expanded module: its header reads what it computes, the path beneath, and fits the frame (en and zh)', async () => {
    for (const locale of ['en', 'zh'] as const) {
      const m = model('googlenet');
      const r = await render(m.graph, { analysis: m.analysis, expand: new Set(['2', '2.0', '3']), cache: false, locale });
      const byPath = new Map(r.scene.frames.map((f) => [f.path, f]));
      const pool = locale === 'zh' ? '最大汇聚' : 'max pool';
      expect(byPath.get('2')?.title.text).toBe(`▾ b3 · 2 × Inception → 3×3/2 ${pool}`);
      expect(byPath.get('2')?.sub.text).toBe('2');
      expect(byPath.get('2.0')?.title.text).toBe(`▾ 1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 ${pool} → 1×1`);
      expect(byPath.get('2.0')?.tooltip).toBe(`1×1 | 1×1 → 3×3 | 1×1 → 5×5 | 3×3 ${pool} → 1×1${locale === 'zh' ? '，' : ', '}2.0 · Inception`);
      for (const f of r.scene.frames) {
        // The path sits under the title, both inside the frame's padding.
        expect(f.sub.y).toBeGreaterThan(f.title.y);
        expect(f.sub.y - f.y).toBeLessThan(METRICS.frameTop);
        expect(f.title.x + textWidth(f.title.text, METRICS.frameTitle, true)).toBeLessThanOrEqual(f.x + f.width);
        expect(f.sub.x + textWidth(f.sub.text, METRICS.frameSub)).toBeLessThanOrEqual(f.x + f.width);
      }
      // Every frame's content starts below its header.
      for (const n of r.scene.nodes) {
        const frame = r.scene.frames.find((f) => n.path.startsWith(`${f.path}.`) && !r.scene.frames.some((g) => g !== f && g.path.startsWith(`${f.path}.`) && n.path.startsWith(`${g.path}.`)));
        if (frame) expect(n.y, n.path).toBeGreaterThanOrEqual(frame.y + METRICS.frameTop - 0.5);
      }
    }
  });

  it('a frame narrower than its heading cuts it with …, the tooltip keeps it whole', async () => {
    const m = model('torchvision-vgg16');
    const r = await render(m.graph, { analysis: m.analysis, expand: 'all', cache: false });
    const f = r.scene.frames.find((x) => x.path === 'features')!;
    expect(f.title.text.endsWith('…')).toBe(true);
    expect(f.tooltip.startsWith(f.title.text.slice(2, -1))).toBe(true);
    expect(f.tooltip).toMatch(/→ 2×2\/2 max pool, features · Sequential$/);
    expect(r.svg).toContain(`<title>${f.tooltip}</title>`);
  });
});
