import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { formatInt, formatPercent } from '../../src/analysis/format.js';
import { ZOO, ZOO_IDS, zooGraph } from '../../src/zoo/index.js';
import { FAMILY_TEXT } from '../../src/site/models/families.js';
import { VARIANT_TEXT } from '../../src/site/models/variants.js';
import { CONCEPT_TITLES, GRAPH_ID, lineage, modelBody, pages, readableSource } from '../../src/site/pages/models.js';
import { pageContext } from '../../src/site/shell.js';

const CJK = /[\u4e00-\u9fff]/;
const totals = (id: string) => analyze(zooGraph(id)!).totals;

describe('model pages', () => {
  it('name the source a reader can look up: the note by number and title, or torchvision’s constructor; never the hashed file name', () => {
    const source = (id: string) => ZOO.find((e) => e.id === id)!.source;
    expect(readableSource(source('lenet5'), 'en')).toBe('note 001 “CNN lecture notes (from DNN to CNN, LeNet-5 onwards)”, table 2-1');
    expect(readableSource(source('lenet5'), 'zh')).toBe('笔记 001 “CNN 讲义（从 DNN 到 CNN、LeNet-5 及以后）”，表 2-1');
    expect(readableSource(source('vgg11-small'), 'en')).toBe('note 004 “PyTorch implementations of AlexNet, VGG11, NiN, GoogLeNet”, <code>small_conv_arch</code>, ratio 8');
    expect(readableSource(source('googlenet-mini'), 'zh')).toBe('笔记 001 “CNN 讲义（从 DNN 到 CNN、LeNet-5 及以后）”，第 4 节；另见笔记 000 与 003');
    expect(readableSource(source('googlenet-paper'), 'en')).toBe('note 002 “03 GoogLeNet (2014)”');
    expect(readableSource(source('torchvision-vgg11'), 'en')).toBe('<code class="source-code">torchvision.models.vgg11</code>');
    for (const e of ZOO) for (const lang of ['en', 'zh'] as const) expect(readableSource(e.source, lang), e.id).not.toMatch(/[0-9a-f]{16}|\.txt/);
  });

  it('has one page per zoo id, in the lineage LeNet → ResNet → torchvision’s later families', () => {
    const ps = pages();
    expect(ps.map((p) => p.path).sort()).toEqual(ZOO_IDS.map((id) => `models/${id}/index.html`).sort());
    const order = lineage().map((e) => e.family);
    const families = ['LeNet', 'AlexNet', 'VGG', 'NiN', 'GoogLeNet', 'ResNet', 'Inception', 'SqueezeNet', 'WideResNet', 'DenseNet', 'ResNeXt', 'MobileNet', 'ShuffleNet', 'MnasNet', 'EfficientNet', 'RegNet', 'ConvNeXt'];
    expect(new Set(order)).toEqual(new Set(families));
    expect(order.map((f) => families.indexOf(f))).toEqual([...order.map((f) => families.indexOf(f))].sort((a, b) => a - b));
    expect(lineage()[0]?.id).toBe('lenet5');
    expect(lineage().at(-1)?.id).toBe('torchvision-convnext-tiny');
    for (const p of ps) expect(p.scripts).toEqual(['model']);
  });

  it('has prose in both languages for every network and family, and titles for every concept it links', () => {
    for (const id of ZOO_IDS) {
      const v = VARIANT_TEXT[id];
      expect(v, id).toBeDefined();
      expect(v!.body.en.length, id).toBeGreaterThan(100);
      expect(CJK.test(v!.body.zh), id).toBe(true);
      expect(CJK.test(v!.body.en), id).toBe(false);
    }
    for (const f of Object.values(FAMILY_TEXT)) {
      expect(CJK.test(f.idea.zh)).toBe(true);
      for (const slug of f.concepts) expect(CONCEPT_TITLES[slug], slug).toBeDefined();
    }
  });

  it('renders the live graph, summary, computed facts, the train panel and the links (English)', async () => {
    const e = ZOO.find((x) => x.id === 'alexnet-mnist')!;
    const ctx = pageContext('en', 'models/alexnet-mnist/index.html');
    const html = await modelBody(ctx, e);
    const t = totals('alexnet-mnist');
    expect(html).toContain(`<cnn-graph id="${GRAPH_ID}" model="alexnet-mnist"`);
    expect(html).toMatch(new RegExp(`<cnn-summary for="${GRAPH_ID}"[ >]`));
    expect(html).toContain(`<cnn-train for="${GRAPH_ID}"`);
    expect(html).toContain('data-train-src="../../cnn-train.js"');
    expect(html).toContain(formatInt(t.params));
    expect(html).toContain(formatInt(t.macs));
    // The first Linear, 6400 → 4096, from its configuration.
    expect(html).toContain(formatPercent(6400 * 4096 + 4096, t.params));
    // The notes' reported accuracy and settings.
    expect(html).toContain('99.30%');
    expect(html).toMatch(/Learning rate<\/dt><dd>0\.1</);
    // Lineage neighbours and concepts.
    expect(html).toContain('rel="prev" href="../../models/lenet5/index.html"');
    expect(html).toContain('rel="next" href="../../models/alexnet-d2l/index.html"');
    expect(html).toContain('href="../../concepts/output-size/index.html"');
    // Where the notes' formula gives 54.75 for conv1.
    expect(html).toContain('(224 + 2×1 − 11)/4 + 1 = 54.75');
  });

  it('renders the Chinese page with Chinese prose and the 1×1 table (lecture GoogLeNet)', async () => {
    const e = ZOO.find((x) => x.id === 'googlenet-mini')!;
    const ctx = pageContext('zh', 'models/googlenet-mini/index.html');
    const html = await modelBody(ctx, e);
    expect(html).toContain('data-train-src="../../../cnn-train.js"');
    expect(html).toContain(VARIANT_TEXT['googlenet-mini']!.body.zh);
    expect(html).toContain('1×1 降维省下了多少');
    expect(html).toContain('rel="prev" href="../../../zh/models/nin/index.html"');
    // 000's example: the notes print 12,433,648; the terms add to 12,443,648.
    expect(html).toContain(formatInt(28 ** 2 * 192 * 16 + 5 ** 2 * 28 ** 2 * 16 * 32));
    expect(html).toContain('98.92%');
  });

  it('says when the notes do not train a network', async () => {
    const e = ZOO.find((x) => x.id === 'torchvision-resnet18')!;
    const html = await modelBody(pageContext('en', 'models/torchvision-resnet18/index.html'), e);
    expect(html).toContain('The notes do not train this network');
    expect(html).toContain('Residual blocks and shortcuts');
    expect(html).toContain('What global average pooling saves');
    expect(html).not.toContain('What the 1×1 reductions save');
  });
});

describe('claims the prose makes, checked against the analysis', () => {
  it('ResNet-152: fewer MACs than VGG-16 and a fraction of its parameters', () => {
    const r = totals('torchvision-resnet152');
    const v = totals('torchvision-vgg16');
    expect(r.macs).toBeLessThan(v.macs);
    expect(r.params).toBeLessThan(v.params / 2);
  });

  it('VGG-16 against VGG-11: about twice the MACs, the parameters barely move', () => {
    const a = totals('torchvision-vgg11');
    const b = totals('torchvision-vgg16');
    expect(b.macs / a.macs).toBeGreaterThan(1.7);
    expect(b.macs / a.macs).toBeLessThan(2.3);
    expect(b.params / a.params).toBeLessThan(1.1);
  });

  it('VGG-11 ÷ 8: parameters and MACs shrink roughly with the square of the ratio', () => {
    const big = totals('vgg11');
    const small = totals('vgg11-small');
    for (const r of [big.params / small.params, big.macs / small.macs]) {
      expect(r).toBeGreaterThan(64 * 0.9);
      expect(r).toBeLessThan(64 * 1.1);
    }
  });

  it('AlexNet: convolutions do most MACs, fully connected layers hold most parameters', () => {
    for (const id of ['alexnet-mnist', 'alexnet-d2l', 'torchvision-alexnet']) {
      const a = analyze(zooGraph(id)!);
      const lin = a.layers.filter((l) => l.kind === 'Linear');
      expect(lin.reduce((n, l) => n + l.params, 0) / a.totals.params, id).toBeGreaterThan(0.5);
      expect(lin.reduce((n, l) => n + (l.macs ?? 0), 0) / a.totals.macs, id).toBeLessThan(0.1);
    }
  });
});
