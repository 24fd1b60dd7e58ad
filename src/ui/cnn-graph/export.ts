/**
 * `<cnn-graph>`'s pictures as files: the scene on screen as a standalone SVG (with the
 * element's current token values, so a restyled page exports what it shows) or a PNG,
 * and the toolbar's downloads of them. A download that fails says why in the element.
 *
 * Unlike the element's other parts this is not a reactive controller: it acts only when
 * called (a method, a toolbar click) and has nothing to do as the element connects or
 * updates; it asks the element to render again when its message changes.
 */
import { html, nothing } from 'lit';
import { clip } from '../../graph/text.js';
import type { Scene } from '../../render/scene.js';
import { sceneToSVG } from '../../render/svg.js';
import { THEMES, TOKEN_NAMES } from '../../render/theme.js';
import type { Locale } from '../i18n.js';
import { graphMessages } from './messages.js';

/** A download's file name: the network's name with anything but letters, digits, `.`, `_` and `-` as `_`. */
export function fileNameFor(model: string | null | undefined, ext: string): string {
  return `${(model ?? 'network').replace(/[^\w.-]+/g, '_')}.${ext}`;
}

/** The largest side of a canvas Chromium and Firefox will encode. */
const MAX_CANVAS = 16384;

/** A PNG's pixel size for a `w` × `h` picture at `scale`, the scale lowered so neither side passes the canvas limit. */
export function pngSize(w: number, h: number, scale: number): { width: number; height: number; scale: number } {
  const s = Math.min(scale, MAX_CANVAS / w, MAX_CANVAS / h);
  return { width: Math.max(1, Math.floor(w * s)), height: Math.max(1, Math.floor(h * s)), scale: s };
}

/** Why a download failed, in a sentence: the error's own message, or what most likely went wrong. */
export function failureReason(format: 'SVG' | 'PNG', e: unknown): string {
  return clip(e instanceof Error && e.message ? e.message : format === 'PNG' ? 'the browser could not draw the picture' : String(e), 200);
}

export interface ExportParts {
  /** The element, whose computed token values the SVG takes. */
  element: Element;
  /** Render again: the failure message changed. */
  requestUpdate(): void;
  /** The scene on screen and the network's name; null before the first picture. */
  drawn(): { scene: Scene; model: string } | null;
  theme(): 'light' | 'dark' | 'auto';
  locale(): Locale;
}

export class Exporter {
  /** Why the toolbar's last SVG or PNG download failed, shown until the next one succeeds. */
  private error: string | null = null;

  constructor(private readonly parts: ExportParts) {}

  /** The picture as a standalone SVG document, with the element's current token values inlined. */
  toSVG(): string {
    const d = this.parts.drawn();
    if (!d) throw new Error('<cnn-graph> has nothing drawn yet; wait for the cnn-layout event.');
    const cs = getComputedStyle(this.parts.element);
    const base = THEMES[this.parts.theme() === 'dark' ? 'dark' : 'light'];
    const tokens = Object.fromEntries(TOKEN_NAMES.map((n) => [n, cs.getPropertyValue(n).trim() || (base[n] as string)]));
    return sceneToSVG(d.scene, { tokens });
  }

  /** The picture as a PNG, `scale` device pixels per SVG pixel. */
  async toPNG(scale = 2): Promise<Blob> {
    const svgText = this.toSVG();
    const scene = (this.parts.drawn() as { scene: Scene }).scene;
    const w = Math.ceil(scene.width);
    const h = Math.ceil(scene.height);
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.decoding = 'async';
      img.src = url;
      await img.decode();
      const size = pngSize(w, h, scale);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.scale(size.scale, size.scale);
      ctx.drawImage(img, 0, 0, w, h);
      return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  /** The toolbar's download: a failure is said in the element (it failed silently before), not only in the console. */
  async download(format: 'SVG' | 'PNG'): Promise<void> {
    const d = this.parts.drawn();
    if (!d) return;
    try {
      const blob = format === 'SVG' ? new Blob([this.toSVG()], { type: 'image/svg+xml' }) : await this.toPNG();
      save(fileNameFor(d.model, format.toLowerCase()), blob);
      this.error = null;
    } catch (e) {
      this.error = graphMessages(this.parts.locale()).exportFailed(format, failureReason(format, e));
    }
    this.parts.requestUpdate();
  }

  renderError() {
    return this.error ? html`<div part="message" class="message export-error" role="alert">${this.error}</div>` : nothing;
  }
}

function save(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
