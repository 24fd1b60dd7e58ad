/**
 * Arrow-key navigation over laid-out boxes: the arrow moves to the nearest
 * box in its direction, as the eye would, not to the next layer in execution
 * order (in an Inception block the next layer in order may be a whole branch
 * away). Pure, so the element and the tests agree on every move.
 */
import type { Box } from './layout.js';

export type Heading = 'up' | 'down' | 'left' | 'right';

export const ARROW_HEADINGS = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const satisfies Record<string, Heading>;

interface Candidate extends Box {
  id: string;
}

/**
 * The box a press of the arrow `heading` moves to from `fromId`, or null when
 * none lies that way. A candidate's centre must lie beyond the current
 * centre in that direction. Among those, the score is the gap along the
 * heading plus four times the sideways gap between the boxes (zero when they
 * overlap sideways: such boxes are "straight ahead"), with the distance
 * between centres breaking ties. The weighting follows the CSS Spatial
 * Navigation draft's "distance function" (orthogonal displacement weighted
 * more than the distance along the direction).
 */
export function nearestInDirection(boxes: readonly Candidate[], fromId: string, heading: Heading): string | null {
  const cur = boxes.find((b) => b.id === fromId);
  if (!cur) return boxes[0]?.id ?? null;
  const vertical = heading === 'up' || heading === 'down';
  const sign = heading === 'down' || heading === 'right' ? 1 : -1;
  const cx = cur.x + cur.width / 2;
  const cy = cur.y + cur.height / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const bx = b.x + b.width / 2;
    const by = b.y + b.height / 2;
    const along = (vertical ? by - cy : bx - cx) * sign;
    if (along < 1) continue;
    // Gap between the facing edges along the heading (0 when they overlap).
    const gap = vertical ? Math.max(0, sign > 0 ? b.y - (cur.y + cur.height) : cur.y - (b.y + b.height)) : Math.max(0, sign > 0 ? b.x - (cur.x + cur.width) : cur.x - (b.x + b.width));
    const side = vertical ? Math.max(0, Math.abs(bx - cx) - (b.width + cur.width) / 2) : Math.max(0, Math.abs(by - cy) - (b.height + cur.height) / 2);
    const score = gap + 4 * side + 0.01 * Math.hypot(bx - cx, by - cy);
    if (score < bestScore) {
      bestScore = score;
      best = b.id;
    }
  }
  return best;
}
