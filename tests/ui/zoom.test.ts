/**
 * The view arithmetic of `<cnn-graph>`'s zoom controller (src/ui/cnn-graph/zoom.ts): what
 * culling keeps, the toolbar's Fit, bringing a box into view, and the minimap, as functions
 * of a transform and sizes. The controller that applies them runs in tests/browser/graph-ux.
 */
import { zoomIdentity } from 'd3';
import { describe, expect, it } from 'vitest';
import { headerBox, isFar, keptWindow, minimapCentre, minimapView, revealView, wholeView } from '../../src/ui/cnn-graph/zoom.js';
import { levelOfDetail, READABLE_SCALE } from '../../src/ui/cnn-graph/zoom-input.js';

const canvas = { w: 1000, h: 600 };

describe('culling', () => {
  it('a frame header is kept while its path line, beneath the title, is still in the window', () => {
    const frame = { width: 300, title: { x: 10, y: 120 }, sub: { y: 134, text: 'inception4b' } };
    expect(headerBox(frame)).toEqual({ x: 6, y: 108, width: 300, height: 30 });
    // Scrolled so that only the path line's top shows at the window's top edge: still kept.
    const b = headerBox(frame);
    expect(isFar({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height }, { x0: 0, y0: 135, x1: 1000, y1: 800 })).toBe(false);
    // A header with no path line is the title's 16 px.
    expect(headerBox({ width: 300, title: { x: 10, y: 120 }, sub: { y: 134, text: '' } }).height).toBe(16);
  });

  it('keeps the view and one canvas beyond it on every side, in scene coordinates', () => {
    expect(keptWindow(zoomIdentity, canvas)).toEqual({ x0: -1000, x1: 2000, y0: -600, y1: 1200 });
    // Zoomed in twice and panned: the same screen rectangle, half as much of the scene.
    const t = zoomIdentity.translate(100, -50).scale(2);
    expect(keptWindow(t, canvas)).toEqual({ x0: -550, x1: 950, y0: -275, y1: 625 });
    // A canvas with no size yet counts as 800 × 600.
    expect(keptWindow(zoomIdentity, { w: 0, h: 0 })).toEqual({ x0: -800, x1: 1600, y0: -600, y1: 1200 });
  });

  it('hides a box only when it lies wholly outside, on any side; touching the edge keeps it', () => {
    const kept = { x0: 0, y0: 0, x1: 100, y1: 100 };
    expect(isFar({ x0: 10, y0: 10, x1: 20, y1: 20 }, kept)).toBe(false);
    expect(isFar({ x0: 90, y0: 90, x1: 200, y1: 200 }, kept)).toBe(false);
    expect(isFar({ x0: 100, y0: 50, x1: 120, y1: 60 }, kept)).toBe(false);
    expect(isFar({ x0: -20, y0: 50, x1: 0, y1: 60 }, kept)).toBe(false);
    expect(isFar({ x0: 50, y0: -20, x1: 60, y1: 0 }, kept)).toBe(false);
    expect(isFar({ x0: 50, y0: 100, x1: 60, y1: 120 }, kept)).toBe(false);
    expect(isFar({ x0: 101, y0: 50, x1: 120, y1: 60 }, kept)).toBe(true);
    expect(isFar({ x0: -30, y0: 50, x1: -1, y1: 60 }, kept)).toBe(true);
    expect(isFar({ x0: 50, y0: -30, x1: 60, y1: -0.5 }, kept)).toBe(true);
    expect(isFar({ x0: 50, y0: 100.5, x1: 60, y1: 130 }, kept)).toBe(true);
  });

  it('a box three canvases below a fitted tall picture is hidden, one that is half a canvas below is not', () => {
    const t = zoomIdentity.scale(READABLE_SCALE);
    const kept = keptWindow(t, canvas);
    const at = (screenY: number) => ({ x0: 100, x1: 200, y0: screenY / READABLE_SCALE, y1: (screenY + 40) / READABLE_SCALE });
    expect(isFar(at(900), kept)).toBe(false);
    expect(isFar(at(3 * 600), kept)).toBe(true);
  });
});

describe('Fit', () => {
  it('shows the whole picture centred, never enlarged', () => {
    expect(wholeView(canvas, { width: 400, height: 300 })).toEqual({ x: 300, y: 150, k: 1 });
    // 600 × 12,000 (ResNet-152 expanded): the height decides.
    const v = wholeView(canvas, { width: 600, height: 12000 });
    expect(v.k).toBe(0.05);
    expect(v.x).toBe((1000 - 600 * 0.05) / 2);
    expect(v.y).toBeCloseTo(0, 9);
    // An empty scene does not divide by zero.
    expect(wholeView(canvas, { width: 0, height: 0 })).toEqual({ x: 499.5, y: 299.5, k: 1 });
  });
});

describe('revealView', () => {
  const box = { x: 400, y: 2000, width: 100, height: 40 };

  it('leaves the view alone when the box is already on screen at the wanted scale', () => {
    const t = { x: 0, y: -1800, k: 1 };
    expect(revealView(t, box, canvas, false)).toBeNull();
    expect(revealView(t, box, canvas, true)).toBeNull();
  });

  it('centres a box that is off screen, keeping the zoom', () => {
    const v = revealView({ x: 0, y: 0, k: 0.5 }, box, canvas, false)!;
    expect(v.k).toBe(0.5);
    // The box's centre at the canvas's centre.
    expect((box.x + box.width / 2) * v.k + v.x).toBeCloseTo(500, 9);
    expect((box.y + box.height / 2) * v.k + v.y).toBeCloseTo(300, 9);
  });

  it('with `readable`, zooms in to the readable scale first, even when the box is on screen small', () => {
    const t = { x: 0, y: 0, k: 0.2 };
    const onScreen = { x: 100, y: 100, width: 100, height: 40 };
    expect(revealView(t, onScreen, canvas, false)).toBeNull();
    const v = revealView(t, onScreen, canvas, true)!;
    expect(v.k).toBe(READABLE_SCALE);
    expect(levelOfDetail(v.k)).toBe('full');
    // Never zooms out: a view closer than the readable scale keeps its zoom.
    expect(revealView({ x: 0, y: 0, k: 2 }, box, canvas, true)!.k).toBe(2);
  });

  it('with `readable`, never zooms past what shows the box whole, and shows the top of a frame taller than the canvas', () => {
    const wide = { x: 0, y: 0, width: 2000, height: 100 };
    expect(revealView({ x: 0, y: 500, k: 0.1 }, wide, canvas, true)!.k).toBeCloseTo(0.45, 9);
    const frame = { x: 0, y: 1000, width: 500, height: 5000 };
    const v = revealView({ x: 0, y: 0, k: 1 }, frame, canvas, true)!;
    expect(v.k).toBe(1);
    // The frame's top 8 px below the canvas's top, not its middle in the centre.
    expect(frame.y * v.k + v.y).toBeCloseTo(8, 9);
  });
});

describe('minimap', () => {
  const scene = { width: 600, height: 12000 };

  it('marks the part of the scene on screen, clipped to the scene', () => {
    expect(minimapView(zoomIdentity.scale(0.8), canvas, scene)).toEqual({ x: 0, y: 0, width: 600, height: 750 });
    const t = zoomIdentity.translate(-100, -8000).scale(1);
    expect(minimapView(t, canvas, scene)).toEqual({ x: 100, y: 8000, width: 500, height: 600 });
    // Past the end: an empty rectangle, never a negative one.
    expect(minimapView(zoomIdentity.translate(0, -20000), canvas, scene).height).toBe(0);
  });

  it('a press centres the view on that point, but the view stops at the picture’s edges; a side that fits stays centred', () => {
    const k = 0.8;
    expect(minimapCentre({ x: 0.5, y: 0.5 }, scene, canvas, k)).toEqual({ x: 300, y: 6000 });
    // At the very top the view's top is the picture's top: its centre half a canvas (in scene units) down.
    expect(minimapCentre({ x: 0.1, y: 0 }, scene, canvas, k)).toEqual({ x: 300, y: 600 / (2 * k) });
    expect(minimapCentre({ x: 0.9, y: 1 }, scene, canvas, k)).toEqual({ x: 300, y: 12000 - 600 / (2 * k) });
    // A wide picture at full size: x follows the press within the edges.
    const wide = { width: 5000, height: 400 };
    expect(minimapCentre({ x: 0.5, y: 0.2 }, wide, canvas, 1)).toEqual({ x: 2500, y: 200 });
    expect(minimapCentre({ x: 0.01, y: 0.2 }, wide, canvas, 1).x).toBe(500);
  });
});
