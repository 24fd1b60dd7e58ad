/**
 * What the concept pages share at build time: the list of concepts (slugs are fixed: model
 * pages link to them), the page frame (crumbs, title, lead, pager), the calculator section
 * drawn from a calculator's fields, and the pages' own styles. The calculators themselves
 * (what the browser runs too) are in ./calc/.
 */
import type { Lang, PageContext, SitePage } from '../types.js';
import { esc, label, type Calculator, type Field, type Label, type Tr } from './calc/common.js';

export interface Concept {
  slug: string;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
}

/** In reading order. `concepts/<slug>/index.html`. */
export const CONCEPTS: readonly Concept[] = [
  {
    slug: 'output-size',
    title: { en: 'Output size: padding, stride, dilation', zh: '输出尺寸：填充、步幅与空洞' },
    description: { en: 'How many positions a sliding window takes, PyTorch’s formula with your numbers, and the ceil_mode rule.', zh: '滑动窗口能放多少个位置：代入你的数字的 PyTorch 公式，以及 ceil_mode 的规则。' },
  },
  {
    slug: 'multi-channel',
    title: { en: 'Multi-channel convolution', zh: '多通道卷积' },
    description: { en: 'Filters span every input channel; one filter per output channel; groups split them. Parameters and MACs counted.', zh: '滤波器覆盖所有输入通道，每个输出通道一个滤波器，分组把它们分开。参数量和乘加次数逐项算出。' },
  },
  {
    slug: 'pooling',
    title: { en: 'Pooling', zh: '汇聚（池化）' },
    description: { en: 'Max and average pooling on a small example, count_include_pad, ceil_mode, and adaptive pooling’s windows.', zh: '在小例子上做最大值汇聚和平均汇聚：count_include_pad、ceil_mode，以及自适应汇聚的窗口。' },
  },
  {
    slug: 'one-by-one',
    title: { en: 'The 1×1 convolution and the bottleneck', zh: '1×1 卷积与降维（瓶颈）' },
    description: { en: 'Why a 1×1 reduction makes a 5×5 convolution ten times cheaper: the notes’ two examples recomputed.', zh: '为什么先用 1×1 降维能让 5×5 卷积便宜约十倍：重新计算笔记里的两个例子。' },
  },
  {
    slug: 'stacked-3x3',
    title: { en: 'Stacked 3×3 versus one large kernel', zh: '堆叠的 3×3 卷积与一个大卷积核' },
    description: { en: 'n stacked 3×3 convolutions see as far as one (2n+1)×(2n+1): 27C² against 49C² for n = 3.', zh: 'n 个堆叠的 3×3 卷积与一个 (2n+1)×(2n+1) 卷积感受野相同：n = 3 时参数 27C² 对 49C²。' },
  },
  {
    slug: 'nin-gap',
    title: { en: 'NiN blocks and global average pooling', zh: 'NiN 块与全局平均池化' },
    description: { en: 'NiN’s 1×1 convolutions, and what global average pooling saves against a fully connected head.', zh: 'NiN 的 1×1 卷积，以及全局平均池化相对全连接输出层省下了多少参数。' },
  },
  {
    slug: 'residual',
    title: { en: 'Residual connections', zh: '残差连接' },
    description: { en: 'y = F(x) + x: the shapes that must match for the addition, identity and projection shortcuts, live.', zh: 'y = F(x) + x：相加时两条线路的形状必须一致；恒等捷径与投影捷径，实时演示。' },
  },
  {
    slug: 'auxiliary',
    title: { en: 'GoogLeNet’s auxiliary classifiers', zh: 'GoogLeNet 的辅助分类器' },
    description: { en: 'Two extra heads used only in training, loss weight 0.3, their parameters and MACs counted apart.', zh: '只在训练时使用的两个辅助输出，损失权重 0.3，参数量和乘加次数单独统计。' },
  },
];

export const conceptPath = (slug: string): string => (slug === '' ? 'concepts/index.html' : `concepts/${slug}/index.html`);

/** A form field, from its spec in the calculator (the markup the page has always had). */
function fieldHtml(name: string, f: Field, value: unknown, t: Tr): string {
  const n = esc(name);
  if (f.type === 'fixed') return `<input type="hidden" name="${n}" value="${esc(value)}">`;
  if (f.type === 'check') return `<label class="field check"><input type="checkbox" name="${n}"${value ? ' checked' : ''}><span>${label(f.label, t)}</span></label>`;
  if (f.type === 'choice') {
    const options = f.options.map(([v, l]) => `<option value="${esc(v)}"${v === value ? ' selected' : ''}>${label(l, t)}</option>`).join('');
    return `<label class="field"><span>${label(f.label, t)}</span><select name="${n}">${options}</select></label>`;
  }
  const attrs = [`type="number"`, `name="${n}"`, `value="${esc(value)}"`, `inputmode="numeric"`, `min="${f.min ?? 1}"`, f.max !== undefined ? `max="${f.max}"` : '', `step="${f.step ?? 1}"`].filter(Boolean).join(' ');
  return `<label class="field"><span>${label(f.label, t)}</span><input ${attrs}></label>`;
}

/**
 * A calculator: its form (drawn from its fields) and its output slots, pre-rendered with
 * `p` (the defaults, or values the page computed for fixed fields). `layout` places the slots.
 */
export function calcSection<P>(ctx: PageContext, calc: Calculator<P>, layout: (slots: Record<string, string>) => string, p: P = calc.defaults): string {
  const html = calc.render(p, ctx.lang);
  const slots: Record<string, string> = {};
  for (const [k, v] of Object.entries(html)) slots[k] = `<div data-out="${esc(k)}">${v}</div>`;
  const fields = (Object.entries(calc.fields) as [keyof P & string, Field][]).map(([k, f]) => fieldHtml(k, f, p[k], ctx.t)).join('');
  return `<section class="calc" data-calc-root="${esc(calc.id)}">
<form class="calc-form" data-calc="${esc(calc.id)}" onsubmit="return false">${fields}</form>
${layout(slots)}
</section>`;
}

/** A `<cnn-compare>` that computes its comparison from attributes. */
export const compareTag = (attrs: Record<string, string | number | boolean>): string =>
  `<cnn-compare theme="auto" ${Object.entries(attrs)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(' ')}></cnn-compare>`;

/** Previous / next concept and the way back to the overview. */
export function pager(ctx: PageContext, slug: string): string {
  const i = CONCEPTS.findIndex((c) => c.slug === slug);
  const prev = CONCEPTS[i - 1];
  const next = CONCEPTS[i + 1];
  const a = (c: Concept, rel: string) => `<a rel="${rel}" href="${esc(ctx.link(conceptPath(c.slug)))}">${esc(c.title[ctx.lang])}</a>`;
  return `<nav class="concept-pager" aria-label="${ctx.t('Concepts', '概念')}">
<span>${prev ? `← ${a(prev, 'prev')}` : ''}</span>
<a href="${esc(ctx.link(conceptPath('')))}">${ctx.t('All concepts', '全部概念')}</a>
<span>${next ? `${a(next, 'next')} →` : ''}</span>
</nav>`;
}


/** The concept pages' own styles (the site stylesheet has none for forms and pictures). */
export const STYLE = `<style>
.crumbs{margin:.8rem 0 0;font-size:.9rem}
.calc{background:var(--panel);border:1px solid var(--line);border-radius:var(--radius);padding:1rem 1.1rem;margin:1.2rem 0;box-shadow:var(--shadow)}
.calc-form{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin-bottom:.6rem}
.field{display:flex;flex-direction:column;gap:.15rem;font-size:.88rem;color:var(--muted)}
.field input[type=number],.field select{font:inherit;font-size:1rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.25rem .45rem;width:6.5rem}
.field select{width:auto}
.field.check{flex-direction:row;align-items:center;gap:.4rem;padding-bottom:.35rem}
.field small{font-size:.78rem}
.calc-result{font-size:1.05rem}
.calc-result .big{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.calc-error{color:#b42318;background:color-mix(in srgb,#f04438 12%,transparent);border-radius:8px;padding:.5rem .8rem;max-width:var(--measure)}
.calc-error p{margin:.25rem 0}
.formula{font-family:var(--mono);font-size:.95rem;background:var(--code-bg);padding:.35rem .6rem;border-radius:6px;display:inline-block;max-width:100%;overflow-wrap:anywhere}
.windows{height:auto;max-width:100%;display:block;margin:.6rem 0}
.windows text{font:11px var(--mono);fill:var(--fg)}
.windows .cell{fill:var(--panel-2);stroke:var(--line)}
.windows .pad{fill:url(#pad-hatch);stroke:var(--line)}
.windows .out{fill:none;stroke:var(--line);stroke-dasharray:3 2}
.windows .tap{fill:color-mix(in srgb,var(--accent) 55%,transparent)}
.windows .tap.in-pad{fill:color-mix(in srgb,var(--accent) 25%,transparent)}
.windows .tap.beyond{fill:none;stroke:var(--accent);stroke-dasharray:2 2}
.windows .span{stroke:var(--accent);stroke-width:1.5}
.windows .dropped .tap,.windows .dropped .span{fill:none;stroke:#d92d20;stroke-dasharray:3 2}
.windows .dropped text{fill:#d92d20}
.windows .muted{fill:var(--muted)}
.grid-table td,.grid-table th{text-align:center;padding:.2rem .45rem;font-variant-numeric:tabular-nums;min-width:2.2rem}
.grid-table td.pad{color:var(--muted);background:var(--panel-2)}
.grid-table td.hit{background:color-mix(in srgb,var(--accent) 22%,transparent)}
.grid-table small{display:block;color:var(--muted);font-size:.72rem}
.side{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.concept-pager{display:flex;justify-content:space-between;gap:1rem;margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.95rem}
cnn-compare{display:block;margin:1rem 0;background:transparent}
cnn-compare[hidden]{display:none}
.calc cnn-compare{margin-bottom:0}
.groups{max-width:100%;height:auto;display:block}
.residual-graph{position:relative;height:560px;border:1px solid var(--line);border-radius:var(--radius);background:var(--panel);overflow:hidden}
.residual-graph>svg{width:100%;height:100%}
.residual-graph cnn-graph{height:100%;border:0}
.residual-graph cnn-graph.pending{position:absolute;inset:0;visibility:hidden}
.groups text{font:11px var(--font);fill:var(--fg)}
.groups .band{opacity:.35}
</style>`;

/**
 * A concept page from its entry in CONCEPTS (the title and description are written once):
 * crumbs, title and `lead`, then `body`, then the pager.
 */
export function conceptPage(slug: string, lead: Label, body: (ctx: PageContext) => string | Promise<string>, scripts: string[] = ['concepts']): SitePage {
  const c = CONCEPTS.find((x) => x.slug === slug);
  if (!c) throw new Error(`concepts: "${slug}" is not in CONCEPTS (src/site/concepts/common.ts).`);
  return {
    path: conceptPath(slug),
    section: 'concepts',
    title: c.title,
    description: c.description,
    scripts,
    body: async (ctx) => `<p class="crumbs"><a href="${esc(ctx.link(conceptPath('')))}">${ctx.t('Concepts', '概念')}</a></p>
<h1>${esc(c.title[ctx.lang])}</h1>
<p class="lead">${label(lead, ctx.t)}</p>
${STYLE}
${await body(ctx)}
${pager(ctx, slug)}`,
  };
}
