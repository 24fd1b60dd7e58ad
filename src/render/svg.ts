/**
 * scene → SVG string. Draws what it is handed: positions, text and colours
 * all come from the scene and the theme tokens. Every piece of text goes
 * through `esc`, so a layer named `<img onerror=…>` is drawn as those characters.
 * The same string is the element's `toSVG()` and the CLI's `render`.
 */
import type { Scene, SceneEdge, SceneNode, SceneText, TextRole } from './scene.js';
import { COLOR_KEYS, FONT_FAMILY, THEMES, type Tokens } from './theme.js';
import { METRICS } from './cards.js';
import { textWidth } from './measure.js';

export interface SvgOptions {
  /** Token values used as `var()` fallbacks (the theme a standalone file shows). */
  tokens?: Tokens;
  /**
   * `inline` (default): every element carries its style, so the file stands
   * alone. `classes`: style classes instead, for a page that has
   * `svgStyleSheet()` (the element: thousands of inline styles cost the
   * browser far more to parse and match than a few shared rules).
   */
  styling?: 'inline' | 'classes';
  /**
   * `true`: boxes and edge labels as empty groups (their attributes, no
   * content), for a picture of thousands of boxes: the browser styles every
   * element it is given, hidden or not, so the element keeps far boxes empty
   * and fills them from `sceneContents` as they come into view. `'boxes'`:
   * each box keeps its outline (`rect.cnn-box`) and leaves the rest (badges,
   * texts, a module's stack) to its fill; edge labels are drawn whole.
   */
  shells?: boolean | 'boxes';
}

/**
 * What `shells` leaves out of every box and edge label, by node id and by edge
 * id: appended to the shell (`insertAdjacentHTML('beforeend', …)`), it makes
 * the box or label `sceneToSVG` draws without shells.
 */
export interface SceneContents {
  nodes: Map<string, string>;
  labels: Map<string, string>;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 does not allow in a document (its `Char` production):
 * a lone surrogate, U+FFFE and U+FFFF. They become U+FFFD, the replacement
 * character, so a name holding one still draws and the SVG still parses.
 */
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/** Escape text and attribute values for XML. */
export function esc(s: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0.
  return s.replace(/[&<>"']/g, (c) => ESC[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(NOT_XML, '\ufffd');
}

const n = (x: number): string => String(Math.round(x * 10) / 10);

const TEXT: Record<TextRole, { size: number; weight: number; fill: string; anchor: 'start' | 'middle' }> = {
  title: { size: METRICS.title, weight: 700, fill: '--cnn-fg', anchor: 'middle' },
  sub: { size: METRICS.sub, weight: 400, fill: '--cnn-muted', anchor: 'middle' },
  badge: { size: METRICS.badge, weight: 400, fill: '--cnn-badge-fg', anchor: 'middle' },
  diag: { size: METRICS.diag, weight: 400, fill: '--cnn-error', anchor: 'middle' },
  frame: { size: METRICS.frameTitle, weight: 700, fill: '--cnn-module-fg', anchor: 'start' },
  'frame-sub': { size: METRICS.frameSub, weight: 400, fill: '--cnn-muted', anchor: 'start' },
  'edge-label': { size: METRICS.edgeLabel, weight: 400, fill: '--cnn-edge-label-fg', anchor: 'middle' },
};

/**
 * Every look the picture uses, by class, as CSS declarations with `V(token)`
 * placeholders. No two classes given to one element set the same property,
 * so the inline styles (standalone files) and the stylesheet (the element)
 * are the same picture whatever the order.
 */
function styleRules(): Record<string, string> {
  const r: Record<string, string> = {
    's-frame': 'fill:V(--cnn-module-bg);stroke-width:1.2',
    's-stroke-frame': 'stroke:V(--cnn-module-stroke)',
    's-stroke-aux': 'stroke:V(--cnn-aux)',
    's-fill-error': 'fill:V(--cnn-error-bg)',
    's-stroke-error': 'stroke:V(--cnn-error)',
    's-dash': 'stroke-dasharray:5 3',
    's-nodash': 'stroke-dasharray:none',
    's-edge': 'fill:none;stroke:V(--cnn-edge);stroke-width:1.3',
    's-title-bg': 'fill:V(--cnn-module-bg);opacity:0.92',
    's-node': 'cursor:pointer',
    's-skipped': 'opacity:0.55',
    's-sw': 'stroke-width:1.3',
    's-sw-module': 'stroke-width:2',
    's-sw-error': 'stroke-width:2.2',
    's-stack': 'fill:none;stroke-width:1',
    's-badge': 'fill:V(--cnn-badge-bg);stroke-width:0.6;opacity:0.95',
    's-label-bg': 'fill:V(--cnn-edge-label-bg);opacity:0.9',
  };
  for (const c of COLOR_KEYS) {
    r[`s-fill-${c}`] = `fill:V(--cnn-${c}-fill)`;
    r[`s-stroke-${c}`] = `stroke:V(--cnn-${c}-stroke)`;
  }
  for (const [role, t] of Object.entries(TEXT)) r[`s-t-${role}`] = `font-size:${t.size}px;font-weight:${t.weight};fill:V(${t.fill})`;
  return r;
}

const RULES = styleRules();
const withTokens = (decl: string, tokens: Tokens): string => decl.replace(/V\((--[\w-]+)\)/g, (_, name: string) => `var(${name},${tokens[name] ?? THEMES.light[name] ?? '#000'})`);

/**
 * The stylesheet for SVGs written with `styling: 'classes'`: the same
 * declarations the inline styles carry, as rules. `<cnn-graph>` adopts it.
 */
export function svgStyleSheet(tokens: Tokens = THEMES.light): string {
  return Object.entries(RULES)
    .map(([cls, decl]) => `.${cls}{${withTokens(decl, tokens)}}`)
    .join('\n');
}

function writer(options: SvgOptions) {
  const tokens = options.tokens ?? THEMES.light;
  const classes = options.styling === 'classes';
  const inline = new Map<string, string>();
  const v = (name: string): string => `var(${name},${tokens[name] ?? THEMES.light[name] ?? '#000'})`;
  /** ` class="base s-…"` and, for a standalone file, the declarations as `style`. */
  const look = (base: string, ...cls: string[]): string => {
    if (classes) return ` class="${base ? `${base} ` : ''}${cls.join(' ')}"`;
    const key = cls.join(' ');
    let style = inline.get(key);
    if (style === undefined) inline.set(key, (style = cls.map((c) => withTokens(RULES[c] as string, tokens)).join(';')));
    return `${base ? ` class="${base}"` : ''} style="${style}"`;
  };
  const text = (t: SceneText, extra = ''): string => `<text x="${n(t.x)}" y="${n(t.y)}" text-anchor="${TEXT[t.role].anchor}"${look('', `s-t-${t.role}`)}${extra}>${esc(t.text)}</text>`;
  const nodeOpen = (node: SceneNode): string =>
    `<g part="node${node.type === 'module' ? ' module' : ''}"${look('cnn-node', 's-node', ...(node.status === 'skipped' ? ['s-skipped'] : []))} data-id="${esc(node.id)}" data-path="${esc(node.path)}" data-type="${node.type}" data-kind="${node.color}" data-status="${node.status}" aria-label="${esc(node.aria)}">`;
  const nodeStroke = (node: SceneNode): string => (node.status === 'error' ? 's-stroke-error' : `s-stroke-${node.color}`);
  const nodeOutline = (node: SceneNode): string => {
    const error = node.status === 'error';
    const fill = error ? 's-fill-error' : `s-fill-${node.color}`;
    const width = error ? 's-sw-error' : node.type === 'module' ? 's-sw-module' : 's-sw';
    const dash = node.type === 'module' ? ['s-nodash'] : node.aux ? ['s-dash'] : [];
    return `<rect${look('cnn-box', fill, nodeStroke(node), width, ...dash)} x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="${node.type === 'input' || node.type === 'output' ? 14 : 6}"/>`;
  };
  /** Everything of a box after its outline. */
  const nodeRest = (node: SceneNode): string => {
    const stroke = nodeStroke(node);
    const out: string[] = [];
    if (node.type === 'module') {
      // A collapsed module reads as a stack: a second outline just behind it.
      out.push(`<path${look('', 's-stack', stroke)} d="M${n(node.x + 4)},${n(node.y + node.height + 3)}H${n(node.x + node.width + 3)}V${n(node.y + 4)}"/>`);
    }
    // Title and path, then the badges, then any diagnostic: the reading order of the box and of its spoken name.
    for (const t of node.texts) if (t.role !== 'diag') out.push(text(t));
    for (const b of node.badges) {
      out.push(`<rect${look('cnn-badge', 's-badge', stroke)} data-badge="${b.kind}" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="8"/>`, text(b.text));
    }
    for (const t of node.texts) if (t.role === 'diag') out.push(text(t));
    return out.join('\n');
  };
  const nodeInner = (node: SceneNode): string => {
    const rest = nodeRest(node);
    return rest ? `${nodeOutline(node)}\n${rest}` : nodeOutline(node);
  };
  const labelOpen = (e: SceneEdge): string => `<g part="edge-label" class="cnn-edge-label" data-edge="${esc(e.id)}">`;
  const labelInner = (l: NonNullable<SceneEdge['label']>): string => [`<rect${look('', 's-label-bg')} x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" rx="3"/>`, text(l.text)].join('\n');
  return { tokens, v, look, text, nodeOpen, nodeOutline, nodeRest, nodeInner, labelOpen, labelInner };
}

/** What `sceneToSVG(scene, { ...options, shells: true })` leaves out of each box and edge label. */
export function sceneContents(scene: Scene, options: SvgOptions = {}): SceneContents {
  const wr = writer(options);
  const boxes = options.shells === 'boxes';
  return {
    nodes: new Map(scene.nodes.map((node) => [node.id, boxes ? wr.nodeRest(node) : wr.nodeInner(node)])),
    labels: new Map(boxes ? [] : scene.edges.flatMap((e) => (e.label ? [[e.id, wr.labelInner(e.label)] as const] : []))),
  };
}

export function sceneToSVG(scene: Scene, options: SvgOptions = {}): string {
  const { tokens, v, look, text, nodeOpen, nodeOutline, nodeInner, labelOpen, labelInner } = writer(options);
  const shells = options.shells === true;
  const boxShells = shells || options.shells === 'boxes';
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
    const stroke = f.status === 'error' ? 's-stroke-error' : f.aux ? 's-stroke-aux' : 's-stroke-frame';
    out.push(
      `<g part="module" class="cnn-frame" data-id="${esc(f.id)}" data-path="${esc(f.path)}" data-status="${f.status}" aria-label="${esc(f.aria)}">`,
      // The tooltip holds the heading whole (the title may be cut to the frame) and the module's class.
      `<title>${esc(f.tooltip)}</title>`,
      `<rect${look('cnn-box', 's-frame', stroke, f.aux ? 's-dash' : 's-nodash')} x="${n(f.x)}" y="${n(f.y)}" width="${n(f.width)}" height="${n(f.height)}" rx="8"/>`,
      `</g>`,
    );
  }
  out.push(`</g>`);

  out.push(`<g class="cnn-edges">`);
  const edgeLook = look('cnn-edge', 's-edge');
  const auxEdgeLook = look('cnn-edge', 's-edge', 's-dash');
  for (const e of scene.edges) {
    out.push(
      `<path part="edge"${e.aux ? auxEdgeLook : edgeLook} data-id="${esc(e.id)}" data-source="${esc(e.source)}" data-target="${esc(e.target)}" data-producer="${esc(e.producer)}" data-shape="${esc(e.shape)}" d="${e.d}" marker-end="url(#cnn-arrow)"><title>${esc(e.title)}</title></path>`,
    );
  }
  out.push(`</g>`);

  // Frame titles above the edges: an edge entering a frame must not hide its name.
  out.push(`<g class="cnn-frame-titles">`);
  for (const f of scene.frames) {
    const w = Math.max(textWidth(f.title.text, METRICS.frameTitle, true), textWidth(f.sub.text, METRICS.frameSub)) + 8;
    out.push(
      `<g part="module-title" class="cnn-frame-title" data-path="${esc(f.path)}">`,
      `<rect${look('', 's-title-bg')} x="${n(f.title.x - 4)}" y="${n(f.title.y - 12)}" width="${n(w)}" height="${n(f.sub.y - f.title.y + 16)}" rx="3"/>`,
      text(f.title),
      text(f.sub),
      `</g>`,
    );
  }
  out.push(`</g>`);

  out.push(`<g class="cnn-nodes">`);
  for (const node of scene.nodes) out.push(nodeOpen(node), ...(shells ? [] : [boxShells ? nodeOutline(node) : nodeInner(node)]), `</g>`);
  out.push(`</g>`);

  out.push(`<g class="cnn-edge-labels">`);
  for (const e of scene.edges) {
    if (!e.label) continue;
    out.push(labelOpen(e), ...(shells ? [] : [labelInner(e.label)]), `</g>`);
  }
  out.push(`</g>`);

  out.push(`</g></svg>`);
  return out.join('\n');
}
