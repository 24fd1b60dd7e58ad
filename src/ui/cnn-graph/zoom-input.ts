/**
 * How the reader's wheel and fingers reach `<cnn-graph>`'s zoom. A plain wheel and a
 * one-finger swipe scroll the page (a graph in a long page must not trap it); Ctrl/⌘ +
 * wheel, a trackpad pinch (Chromium and Safari send it as a wheel event with `ctrlKey`)
 * and two fingers zoom and pan the picture.
 */

/** The zoom factor the closest zoom-in goes to: text at four times its size. */
export const MAX_SCALE = 4;

/**
 * The smallest scale the reader can zoom out to: the whole picture in the canvas, or
 * 1 for a picture that fits at full size (zooming out further shows only empty space).
 */
export function minScale(canvas: { w: number; h: number }, scene: { width: number; height: number }): number {
  const w = canvas.w || 800;
  const h = canvas.h || 600;
  return Math.min(1, w / Math.max(1, scene.width), h / Math.max(1, scene.height));
}

/**
 * d3-zoom's wheel delta (a power of two) for a zooming wheel event. d3's default
 * multiplies a Ctrl wheel by ten, meant for pinches (a few pixels an event): one
 * mouse-wheel notch (100 px) with Ctrl then zoomed 4×. Clamped to half a power of
 * two, a notch zooms by √2, and a pinch's small deltas pass unchanged.
 */
export function zoomWheelDelta(e: WheelEvent): number {
  const d = -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) * 10;
  return Math.max(-0.5, Math.min(0.5, d));
}

/** Apple keyboards zoom with ⌘ (Ctrl + click is their right click). */
export function isApple(): boolean {
  const nav = typeof navigator === 'undefined' ? null : (navigator as Navigator & { userAgentData?: { platform?: string } });
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/**
 * The least scale at which the picture reads: the 10 px badges at 8 px on screen. The
 * first view never goes below it; `select` brings a box to at least it.
 */
export const READABLE_SCALE = 0.8;

/**
 * The first view of a picture: all of it when that is readable (at most full size,
 * centred); otherwise the readable scale, showing the top, centred on `anchorX` (the
 * input box's centre: the trunk) when the picture is wider than the canvas. ResNet-152 fitted whole put its text
 * at 1.4 px; a wide GoogLeNet fitted to its width, its badges at 6.8 px.
 */
export function firstView(canvas: { w: number; h: number }, scene: { width: number; height: number }, anchorX = scene.width / 2): { x: number; y: number; k: number } {
  const w = canvas.w || 800;
  const h = canvas.h || 600;
  const sw = Math.max(1, scene.width);
  const sh = Math.max(1, scene.height);
  const all = Math.min(1, w / sw, h / sh);
  if (all >= READABLE_SCALE) return { x: (w - sw * all) / 2, y: (h - sh * all) / 2, k: all };
  // The readable scale, not the width: a tall network shows more of itself (LeNet-5 expanded at full
  // width showed 6 of its 14 boxes).
  const k = READABLE_SCALE;
  const x = sw * k <= w ? (w - sw * k) / 2 : Math.min(0, Math.max(w - sw * k, w / 2 - anchorX * k));
  const y = sh * k <= h ? (h - sh * k) / 2 : 0;
  return { x, y, k };
}

/** How much the picture draws at scale `k`: everything, box titles only, or bare boxes. */
export function levelOfDetail(k: number): 'full' | 'titles' | 'blocks' {
  return k >= 0.55 ? 'full' : k >= 0.3 ? 'titles' : 'blocks';
}
