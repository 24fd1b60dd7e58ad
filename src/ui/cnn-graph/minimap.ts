/**
 * The overview of a tall (or wide) picture: every box as a small outline, with a
 * rectangle for the part on screen. It shows while the picture at its current zoom is
 * more than two canvases tall or wide, so ResNet-152 read at a legible scale still shows
 * where the reader is in it. Pressing or dragging on it moves the view there. It draws
 * from the scene (positions only), like everything else the element draws.
 */
import { css } from 'lit';
import type { Scene } from '../../render/scene.js';

/** The overview's longer side, in CSS px, at most (less in a small canvas). */
const SIDE = 320;

/** One path for all the boxes: a few thousand rectangles stay one element. */
export function minimapPath(scene: Pick<Scene, 'nodes'>): string {
  const r = (x: number) => Math.round(x);
  return scene.nodes.map((n) => `M${r(n.x)} ${r(n.y)}h${r(n.width)}v${r(n.height)}h${-r(n.width)}z`).join('');
}

/** Whether a picture this big at scale `k` needs the overview in a canvas of this size. */
export function needsMinimap(canvas: { w: number; h: number }, scene: { width: number; height: number }, k: number): boolean {
  return scene.height * k > 2 * canvas.h || scene.width * k > 2 * canvas.w;
}

/** The overview's size in CSS px for a scene, its longer side `SIDE` (or less on a small canvas), never thinner than 32 px. */
export function minimapSize(canvas: { w: number; h: number }, scene: { width: number; height: number }): { w: number; h: number; s: number } {
  // Its longer side along the canvas's height for a tall picture, a quarter of its width for a wide one.
  const tall = scene.height >= scene.width;
  const side = Math.max(60, Math.min(SIDE, tall ? canvas.h - 24 : canvas.w / 4));
  const s = side / Math.max(1, scene.width, scene.height);
  return { w: Math.max(32, scene.width * s), h: Math.max(32, scene.height * s), s };
}

export const minimapStyles = css`
  .minimap {
    position: absolute;
    right: 8px;
    bottom: 8px;
    z-index: 1;
    border: 1px solid var(--cnn-module-stroke);
    border-radius: 4px;
    background: var(--cnn-bg);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    cursor: pointer;
    touch-action: none;
    opacity: 0.92;
  }
  .minimap[hidden] {
    display: none;
  }
  .minimap svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .minimap .mm-boxes {
    fill: var(--cnn-module-bg);
    stroke: var(--cnn-muted);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }
  .minimap .mm-view {
    fill: rgb(37 99 235 / 0.12);
    stroke: var(--cnn-focus);
    stroke-width: 1.5px;
    vector-effect: non-scaling-stroke;
  }
`;
