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
