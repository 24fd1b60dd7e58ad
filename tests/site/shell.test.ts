import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, checkPages } from '../../src/site/build.js';
import { checkPath, graphFigure, outputPath, pageContext, precomputedLayouts, sectionTargets, shell } from '../../src/site/shell.js';
import type { SitePage } from '../../src/site/types.js';

const page = (path: string, section?: SitePage['section']): SitePage => ({ path, section, title: { en: `T ${path}`, zh: `标题 ${path}` }, body: () => '' });

describe('pageContext: relative URLs from any page', () => {
  it('climbs one level per directory, plus zh/ for Chinese', () => {
    const en = pageContext('en', 'models/googlenet/index.html');
    expect([en.root, en.home]).toEqual(['../../', '../../']);
    expect(en.link('concepts/pooling/index.html')).toBe('../../concepts/pooling/index.html');
    const zh = pageContext('zh', 'models/googlenet/index.html');
    // As types.ts promises: home = root + 'zh/' (it lands in zh/ from the site root).
    expect([zh.root, zh.home]).toEqual(['../../../', '../../../zh/']);
    expect(zh.link('index.html')).toBe('../../../zh/index.html');
    const top = pageContext('en', 'index.html');
    expect([top.root, top.home, top.link('models/lenet5/index.html')]).toEqual(['', '', 'models/lenet5/index.html']);
    const zhTop = pageContext('zh', 'index.html');
    expect([zhTop.root, zhTop.home]).toEqual(['../', '../zh/']);
    expect(zh.t('a', 'b')).toBe('b');
    expect(en.t('a', 'b')).toBe('a');
    expect(outputPath('zh', 'embed/index.html')).toBe('zh/embed/index.html');
  });

  it('rejects paths that would leave the language root or are not html files', () => {
    for (const bad of ['/index.html', '../x.html', 'models/', 'a/../b.html', 'Models/x/index.htm', '']) expect(() => checkPath(bad), bad).toThrow(/not a relative \.html path/);
    expect(() => checkPath('concepts/output-size/index.html')).not.toThrow();
  });
});

describe('navigation and shell', () => {
  it('shows only sections with pages, preferring <dir>/index.html, Networks falling back to the home page', () => {
    const pages = [page('index.html'), page('models/lenet5/index.html', 'networks'), page('concepts/pooling/index.html', 'concepts'), page('concepts/index.html', 'concepts')];
    expect(sectionTargets(pages).map((s) => [s.id, s.path])).toEqual([
      ['networks', 'index.html'],
      ['concepts', 'concepts/index.html'],
    ]);
    expect(sectionTargets([page('embed/api.html', 'embed')]).map((s) => s.path)).toEqual(['embed/api.html']);
  });

  it('writes lang, the switch to the same page in the other language, and relative assets', () => {
    const p = { ...page('concepts/pooling/index.html', 'concepts'), description: { en: 'Pool <it>', zh: '池化' } };
    const pages = [page('index.html'), p];
    const en = shell({ page: p, ctx: pageContext('en', p.path), body: '<p>x</p>', pages, scripts: ['concepts'] });
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('<a class="lang-switch" href="../../zh/concepts/pooling/index.html" hreflang="zh-CN" lang="zh-CN" data-lang-switch="zh">中文</a>');
    expect(en).toContain('<link rel="stylesheet" href="../../site.css">');
    // The scripts are imported after the first paint, by relative URL (the root page's too).
    expect(en).toContain('const urls = ["../../cnn-graph.js","../../assets/concepts.js"];');
    expect(en).not.toMatch(/<script[^>]+src=/);
    const home = shell({ page: page('index.html'), ctx: pageContext('en', 'index.html'), body: '', pages, scripts: ['home'] });
    expect(home).toContain('const urls = ["./cnn-graph.js","./assets/home.js"];');
    expect(en).toContain('<meta name="description" content="Pool &lt;it&gt;">');
    expect(en).toContain('<a href="../../concepts/pooling/index.html" aria-current="page">Concepts</a>');
    const zh = shell({ page: p, ctx: pageContext('zh', p.path), body: '', pages, scripts: [] });
    expect(zh).toMatch(/<html lang="zh-CN">/);
    expect(zh).toContain('href="../../../concepts/pooling/index.html" hreflang="en" lang="en" data-lang-switch="en">English</a>');
    expect(zh).toContain('<link rel="stylesheet" href="../../../site.css">');
    expect(zh).toContain('>概念</a>');
  });

  it('refuses two pages with one path, and a page without a Chinese title', () => {
    expect(() => checkPages([page('a.html'), page('b.html'), page('a.html')])).toThrow(/two pages have the path "a.html" \(pages 0 and 2/);
    expect(() => checkPages([{ ...page('a.html'), title: { en: 'A', zh: '' } }])).toThrow(/"a.html" has no zh title/);
  });
});

describe('graphFigure', () => {
  it('puts the build-time picture inside the live element; a structural view ships no layout (the element makes it)', async () => {
    const ctx = pageContext('zh', 'models/lenet5/index.html');
    const html = await graphFigure(ctx, 'lenet5', { summary: true, expand: 'all' });
    expect(html).toMatch(/^<figure class="graph-figure">\n<cnn-graph id="graph-lenet5" model="lenet5" expand="all" theme="auto" toolbar><svg /);
    expect(html).not.toContain('data-cnn-layouts');
    expect(html).toContain('<cnn-summary for="graph-lenet5" theme="auto"></cnn-summary>');
    // Ids inside the inline SVG are made unique per figure, references follow.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('cnn-arrow-f1');
    expect(html).toContain('url(#cnn-arrow-f1)');
    expect(html).toMatch(/aria-labelledby="cnn-title-f1 cnn-desc-f1"/);
    const second = await graphFigure(ctx, 'lenet5', { expand: 'all', bare: true, elementId: 'again' });
    expect(second).toMatch(/^<cnn-graph id="again"/);
    expect(second).toContain('url(#cnn-arrow-f2)');
    expect(precomputedLayouts().get('lenet5')).toBeUndefined();
  });

  it('names the problem for an unknown network or expansion', async () => {
    const ctx = pageContext('en', 'index.html');
    await expect(graphFigure(ctx, 'lenet6')).rejects.toThrow(/"lenet6" is not a zoo id/);
    await expect(graphFigure(ctx, 'lenet5', { expand: 'most' })).rejects.toThrow(/expand "most" is not auto, none, all or a depth/);
    await expect(graphFigure(ctx, 'lenet5', { annotations: 'shapes flops' })).rejects.toThrow(/unknown annotation "flops"/);
  });
});

describe('checkLinks', () => {
  it('finds relative links to missing files and links that leave the site, ignoring external ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    try {
      mkdirSync(join(dir, 'zh/models/a'), { recursive: true });
      writeFileSync(join(dir, 'site.css'), '');
      writeFileSync(join(dir, 'zh/models/a/index.html'), '<link href="../../../site.css"><a href="../../index.html">ok</a><a href="../b/index.html#x">missing</a><a href="https://x.org/">ext</a><a href="#top">anchor</a><a href="../../../../up.html">up</a>');
      writeFileSync(join(dir, 'zh/index.html'), '<a href="models/a/index.html">ok</a>');
      expect(checkLinks(dir, ['zh/models/a/index.html', 'zh/index.html'])).toEqual(['zh/models/a/index.html → ../b/index.html#x', 'zh/models/a/index.html → ../../../../up.html (leaves the site)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
