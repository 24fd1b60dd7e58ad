import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/render/cards.js';
import { firstView, levelOfDetail, minScale, READABLE_SCALE, zoomWheelDelta } from '../../src/ui/cnn-graph/zoom-input.js';

const canvas = { w: 1000, h: 600 };

describe('firstView', () => {
  it('shows a picture that reads whole, centred, never enlarged', () => {
    expect(firstView(canvas, { width: 400, height: 300 })).toEqual({ x: 300, y: 150, k: 1 });
    // 0.9 of full size still reads: all of it.
    expect(firstView(canvas, { width: 500, height: 600 / 0.9 })).toEqual({ x: 500 - 225, y: 0, k: 0.9 });
  });

  it('shows the top of a tall picture at the readable scale, not squeezed to 1.4 px text (ResNet-152: 600 × 12,000)', () => {
    const v = firstView(canvas, { width: 600, height: 12000 });
    expect(v.k).toBe(READABLE_SCALE);
    expect(METRICS.badge * v.k).toBeGreaterThanOrEqual(8);
    expect(v.y).toBe(0);
    expect(v.x).toBe((1000 - 600 * 0.8) / 2);
  });

  it('shows a tall picture that would fit its width at full size at the readable scale too: more of it, still readable', () => {
    expect(firstView(canvas, { width: 900, height: 5000 })).toEqual({ x: 140, y: 0, k: READABLE_SCALE });
    const v = firstView(canvas, { width: 1100, height: 5000 }, 550);
    expect(v.k).toBe(READABLE_SCALE);
    expect(v.x).toBeCloseTo(60, 9);
  });

  it('centres a picture wider than the canvas on its trunk (the input box), within the picture', () => {
    const scene = { width: 3000, height: 2000 };
    const v = firstView(canvas, scene, 1500);
    expect(v.k).toBe(READABLE_SCALE);
    expect(v.x + 1500 * v.k).toBeCloseTo(500, 9);
    // An anchor near the left edge does not pull empty space into view.
    expect(firstView(canvas, scene, 10).x).toBe(0);
    expect(firstView(canvas, scene, 2990).x).toBeCloseTo(1000 - 3000 * 0.8, 9);
  });
});

describe('minScale, wheel, level of detail', () => {
  it('stops zooming out where the whole picture fits, at full size for a small one', () => {
    expect(minScale(canvas, { width: 600, height: 12000 })).toBe(0.05);
    expect(minScale(canvas, { width: 300, height: 200 })).toBe(1);
  });

  it('zooms by at most √2 a wheel event: a mouse notch with Ctrl, but a pinch’s small deltas as they are', () => {
    const wheel = (deltaY: number, deltaMode = 0) => ({ deltaY, deltaMode }) as WheelEvent;
    expect(zoomWheelDelta(wheel(100))).toBe(-0.5);
    expect(zoomWheelDelta(wheel(-100))).toBe(0.5);
    expect(zoomWheelDelta(wheel(-3, 1))).toBe(0.5);
    expect(zoomWheelDelta(wheel(4))).toBeCloseTo(-0.08, 12);
  });

  it('draws everything while the badges read, titles only below, then bare boxes', () => {
    expect(levelOfDetail(READABLE_SCALE)).toBe('full');
    expect(levelOfDetail(0.55)).toBe('full');
    expect(levelOfDetail(0.5)).toBe('titles');
    expect(levelOfDetail(0.3)).toBe('titles');
    expect(levelOfDetail(0.1)).toBe('blocks');
  });
});

describe('minimap', () => {
  it('shows only while the picture at its zoom is more than two canvases tall or wide', async () => {
    const { needsMinimap } = await import('../../src/ui/cnn-graph/minimap.js');
    expect(needsMinimap(canvas, { width: 600, height: 12000 }, 0.8)).toBe(true);
    expect(needsMinimap(canvas, { width: 600, height: 12000 }, 0.05)).toBe(false);
    expect(needsMinimap(canvas, { width: 400, height: 1100 }, 1)).toBe(false);
    expect(needsMinimap(canvas, { width: 2100, height: 300 }, 1)).toBe(true);
  });

  it('keeps the scene’s proportions, along the canvas height (at most 320 px) or a quarter of its width, and draws every box in one path', async () => {
    const { minimapPath, minimapSize } = await import('../../src/ui/cnn-graph/minimap.js');
    // A very thin picture keeps a width that can still be pressed.
    expect(minimapSize(canvas, { width: 600, height: 12000 })).toEqual({ w: 32, h: 320, s: 320 / 12000 });
    expect(minimapSize({ w: 1000, h: 300 }, { width: 3000, height: 6000 })).toEqual({ w: 138, h: 276, s: 276 / 6000 });
    expect(minimapSize(canvas, { width: 8000, height: 2000 })).toEqual({ w: 250, h: 62.5, s: 250 / 8000 });
    const boxes = [
      { x: 10.4, y: 20, width: 100, height: 30 },
      { x: 0, y: 60, width: 50.6, height: 20 },
    ];
    expect(minimapPath({ nodes: boxes } as never)).toBe('M10 20h100v30h-100zM0 60h51v20h-51z');
  });
});
