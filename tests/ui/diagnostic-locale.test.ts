/** The diagnostic printed on a failing node, in the page's language; English (the CLI's) unless asked. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { METRICS, prepare, render } from '../../src/render/index.js';
import { textWidth, truncate, wrap } from '../../src/render/measure.js';
import { mismatchGraph } from './helpers.js';

describe('the failing node\'s diagnostic follows the locale', () => {
  const graph = mismatchGraph();
  const analysis = analyze(graph);
  const failing = analysis.diagnostics.find((d) => d.severity === 'error')!;
  const diagOf = (locale?: 'en' | 'zh') => {
    const p = prepare({ graph, analysis }, { expand: 'all', ...(locale ? { locale } : {}) });
    const id = p.view.nodes.find((n) => n.path === failing.path)!.id;
    return p.cards.get(id)!.diag;
  };

  it('English by default, and for `en`', () => {
    expect(diagOf().join(' ')).toBe(`⚠ ${failing.message}`);
    expect(diagOf('en')).toEqual(diagOf());
  });

  it('Chinese for `zh`: the analysis\'s own zh message, wrapped between characters', () => {
    const lines = diagOf('zh');
    expect(lines.join('').replace(/\s/g, '')).toBe(`⚠ ${failing.zh!.message}`.replace(/\s/g, ''));
    expect(lines.join('').replace(/\s/g, '')).toContain('需要8个输入通道，收到的却是6个');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, METRICS.diag)).toBeLessThanOrEqual(METRICS.diagWidth);
  });

  it('the scene and the SVG carry the Chinese only when asked', async () => {
    const diagTexts = (r: Awaited<ReturnType<typeof render>>) =>
      r.scene.nodes.find((n) => n.path === failing.path)!.texts.filter((t) => t.role === 'diag').map((t) => t.text);
    const en = await render(graph, { expand: 'all', cache: false });
    const zh = await render(graph, { expand: 'all', cache: false, locale: 'zh' });
    expect(diagTexts(en)).toEqual(diagOf('en'));
    expect(diagTexts(zh)).toEqual(diagOf('zh'));
    expect(en.svg).not.toMatch(/[\u4e00-\u9fff]/);
    for (const line of diagOf('zh')) expect(zh.svg).toContain(line.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  });
});

describe('wrap() breaks Chinese between characters', () => {
  it('keeps every character, in order, and full-width punctuation off the start of a line', () => {
    const text = '⚠ features.3 Conv2d：需要 88 个输入通道，收到的却是 20 个（来自 features.2 MaxPool2d 20×12×12）。';
    const lines = wrap(text, 10.5, 120, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。、；：！？）]/);
      expect(l).not.toMatch(/（$/);
      expect(textWidth(l, 10.5)).toBeLessThanOrEqual(120);
    }
  });

  it('wraps Latin text exactly as the space-only wrap did', () => {
    // The wrap before Chinese was handled, as the oracle.
    const spaceOnly = (text: string, size: number, max: number, lines: number) => {
      const words = text.split(/\s+/).filter(Boolean);
      const out: string[] = [];
      let cur = '';
      for (let i = 0; i < words.length; i++) {
        const next = cur ? `${cur} ${words[i]}` : words[i];
        if (textWidth(next, size) <= max || !cur) cur = next;
        else {
          out.push(cur);
          cur = words[i];
          if (out.length === lines - 1) {
            cur = words.slice(i).join(' ');
            break;
          }
        }
      }
      if (cur) out.push(cur);
      return out.slice(0, lines).map((l) => truncate(l, size, max));
    };
    const failingEn = analyze(mismatchGraph()).diagnostics[0].message;
    for (const text of [failingEn, 'expects 88 input channels, receives 20', 'a  b\tc', '', 'Conv2d kernel spans 5 along height but the padded input is only 4 (4 + padding 0).']) {
      for (const [max, lines] of [[80, 10], [260, 4], [120, 2]] as const) {
        expect(wrap(text, 10.5, max, lines)).toEqual(spaceOnly(text, 10.5, max, lines));
      }
    }
  });
});
