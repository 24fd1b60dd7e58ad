/**
 * scene → SVG string. Draws what it is handed: positions, text and colours
 * all come from the scene and the theme tokens. Every piece of text goes
 * through `esc`, so a layer named `<img onerror=…>` is drawn as those characters.
 * The same string is the element's `toSVG()` and the CLI's `render`.
 */
import type { Scene, SceneText, TextRole } from './scene.js';
import { FONT_FAMILY, THEMES, type Tokens } from './theme.js';
import { METRICS } from './cards.js';
import { textWidth } from './measure.js';

export interface SvgOptions {
  /** Token values used as `var()` fallbacks (the theme a standalone file shows). */
  tokens?: Tokens;
  /** Extra attributes on the root element are not allowed: keep the output a pure function of the scene. */
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text and attribute values for XML. */
export function esc(s: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0.
  return s.replace(/[&<>"']/g, (c) => ESC[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const n = (x: number): string => String(Math.round(x * 10) / 10);

const TEXT: Record<TextRole, { size: number; weight: number; fill: string; anchor: 'start' | 'middle' }> = {
  title: { size: METRICS.title, weight: 700, fill: '--cnn-fg', anchor: 'middle' },
  sub: { size: METRICS.sub, weight: 400, fill: '--cnn-muted', anchor: 'middle' },
  badge: { size: METRICS.badge, weight: 400, fill: '--cnn-badge-fg', anchor: 'middle' },
  diag: { size: METRICS.diag, weight: 400, fill: '--cnn-error', anchor: 'middle' },
  frame: { size: METRICS.frameTitle, weight: 700, fill: '--cnn-module-fg', anchor: 'start' },
  'edge-label': { size: METRICS.edgeLabel, weight: 400, fill: '--cnn-edge-label-fg', anchor: 'middle' },
};

export function sceneToSVG(scene: Scene, options: SvgOptions = {}): string {
  const tokens = options.tokens ?? THEMES.light;
  const v = (name: string): string => `var(${name},${tokens[name] ?? THEMES.light[name] ?? '#000'})`;
  const text = (t: SceneText, extra = ''): string => {
    const s = TEXT[t.role];
    return `<text x="${n(t.x)}" y="${n(t.y)}" text-anchor="${s.anchor}" style="font-size:${s.size}px;font-weight:${s.weight};fill:${v(s.fill)}"${extra}>${esc(t.text)}</text>`;
  };
  const w = Math.max(1, Math.ceil(scene.width));
  const h = Math.max(1, Math.ceil(scene.height));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="cnn-svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="cnn-title cnn-desc" style="font-family:${esc(FONT_FAMILY)};background:${v('--cnn-bg')}">`,
    `<title id="cnn-title">${esc(scene.title)}</title>`,
    `<desc id="cnn-desc">${esc(scene.desc)}</desc>`,
    `<defs><marker id="cnn-arrow" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L8,4L0,8z" style="fill:${v('--cnn-edge')}"/></marker></defs>`,
    `<g class="cnn-viewport">`,
  );

  out.push(`<g class="cnn-frames">`);
  for (const f of scene.frames) {
    const stroke = f.status === 'error' ? v('--cnn-error') : f.aux ? v('--cnn-aux') : v('--cnn-module-stroke');
    out.push(
      `<g part="module" class="cnn-frame" data-id="${esc(f.id)}" data-path="${esc(f.path)}" data-status="${f.status}" aria-label="${esc(f.aria)}">`,
      `<rect class="cnn-box" x="${n(f.x)}" y="${n(f.y)}" width="${n(f.width)}" height="${n(f.height)}" rx="8" style="fill:${v('--cnn-module-bg')};stroke:${stroke};stroke-width:1.2;stroke-dasharray:${f.aux ? '5 3' : 'none'}"/>`,
      `</g>`,
    );
  }
  out.push(`</g>`);

  out.push(`<g class="cnn-edges">`);
  for (const e of scene.edges) {
    out.push(
      `<path part="edge" class="cnn-edge" data-id="${esc(e.id)}" data-source="${esc(e.source)}" data-target="${esc(e.target)}" data-producer="${esc(e.producer)}" data-shape="${esc(e.shape)}" d="${e.d}" marker-end="url(#cnn-arrow)" style="fill:none;stroke:${v('--cnn-edge')};stroke-width:1.3${e.aux ? ';stroke-dasharray:5 3' : ''}"><title>${esc(e.title)}</title></path>`,
    );
  }
  out.push(`</g>`);

  // Frame titles above the edges: an edge entering a frame must not hide its name.
  out.push(`<g class="cnn-frame-titles">`);
  for (const f of scene.frames) {
    const w = textWidth(f.title.text, METRICS.frameTitle, true) + 8;
    out.push(
      `<g part="module-title" class="cnn-frame-title" data-path="${esc(f.path)}">`,
      `<rect x="${n(f.title.x - 4)}" y="${n(f.title.y - 12)}" width="${n(w)}" height="16" rx="3" style="fill:${v('--cnn-module-bg')};opacity:0.92"/>`,
      text(f.title),
      `</g>`,
    );
  }
  out.push(`</g>`);

  out.push(`<g class="cnn-nodes">`);
  for (const node of scene.nodes) {
    const error = node.status === 'error';
    const fill = error ? v('--cnn-error-bg') : v(`--cnn-${node.color}-fill`);
    const stroke = error ? v('--cnn-error') : v(`--cnn-${node.color}-stroke`);
    const dash = node.type === 'module' ? ';stroke-dasharray:none' : node.aux ? ';stroke-dasharray:5 3' : '';
    const opacity = node.status === 'skipped' ? ';opacity:0.55' : '';
    out.push(
      `<g part="node${node.type === 'module' ? ' module' : ''}" class="cnn-node" data-id="${esc(node.id)}" data-path="${esc(node.path)}" data-type="${node.type}" data-kind="${node.color}" data-status="${node.status}" aria-label="${esc(node.aria)}" style="cursor:pointer${opacity}">`,
      `<rect class="cnn-box" x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="${node.type === 'input' || node.type === 'output' ? 14 : 6}" style="fill:${fill};stroke:${stroke};stroke-width:${error ? 2.2 : node.type === 'module' ? 2 : 1.3}${dash}"/>`,
    );
    if (node.type === 'module') {
      // A collapsed module reads as a stack: a second outline just behind it.
      out.push(`<path d="M${n(node.x + 4)},${n(node.y + node.height + 3)}H${n(node.x + node.width + 3)}V${n(node.y + 4)}" style="fill:none;stroke:${stroke};stroke-width:1"/>`);
    }
    for (const b of node.badges) {
      out.push(
        `<rect class="cnn-badge" data-badge="${b.kind}" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="8" style="fill:${v('--cnn-badge-bg')};stroke:${stroke};stroke-width:0.6;opacity:0.95"/>`,
        text(b.text),
      );
    }
    for (const t of node.texts) out.push(text(t));
    out.push(`</g>`);
  }
  out.push(`</g>`);

  out.push(`<g class="cnn-edge-labels">`);
  for (const e of scene.edges) {
    if (!e.label) continue;
    const l = e.label;
    out.push(
      `<g part="edge-label" class="cnn-edge-label" data-edge="${esc(e.id)}">`,
      `<rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" rx="3" style="fill:${v('--cnn-edge-label-bg')};opacity:0.9"/>`,
      text(l.text),
      `</g>`,
    );
  }
  out.push(`</g>`);

  out.push(`</g></svg>`);
  return out.join('\n');
}
