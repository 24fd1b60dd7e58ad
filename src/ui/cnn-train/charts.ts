/**
 * The panel's pictures as pure data (paths, ticks, cell colours) computed with
 * d3's scales and line generator; the element only writes them into SVG.
 * No DOM here, so Node can test the geometry.
 */
import { extent, interpolateBlues, line, max, scaleLinear, scaleSequential } from 'd3';

export interface Point {
  /** Epochs done, fractional: epoch − 1 + batch / batches. */
  x: number;
  y: number;
}

export interface Tick {
  at: number;
  label: string;
}

export interface Chart {
  width: number;
  height: number;
  /** Plot area inside the margins. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** SVG path `d` of the line ('' when there is nothing to draw). */
  path: string;
  /** Marker positions (for few points, e.g. one per epoch). */
  dots: { cx: number; cy: number; label: string }[];
  xTicks: Tick[];
  yTicks: Tick[];
}

const MARGIN = { left: 44, right: 10, top: 8, bottom: 22 };

/**
 * A line chart of `points` over `[0, epochs]`, the x axis fixed to the whole
 * run; with `fit`, over `[0, last x]` instead: the axis grows with the data,
 * so the first batches of a long run fill the width rather than a sliver.
 */
export function lineChart(points: readonly Point[], epochs: number, options: { width?: number; height?: number; y?: readonly [number, number]; format?: (v: number) => string; dots?: boolean; fit?: boolean } = {}): Chart {
  const width = options.width ?? 320;
  const height = options.height ?? 140;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const finite = points.filter((p) => Number.isFinite(p.y));
  const [lo, hi] = options.y ?? (finite.length ? [Math.min(0, extent(finite, (p) => p.y)[0] ?? 0), max(finite, (p) => p.y) ?? 1] : [0, 1]);
  const lastX = max(finite, (p) => p.x) ?? 0;
  const xMax = options.fit && lastX > 0 ? lastX : Math.max(1, epochs);
  const x = scaleLinear().domain([0, xMax]).range([left, right]);
  const y = scaleLinear().domain([lo, hi > lo ? hi : lo + 1]).range([bottom, top]).nice(4);
  const format = options.format ?? y.tickFormat(4);
  const gen = line<Point>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  // Whole epochs, except on a fitted axis shorter than two epochs: fractions of one there (0.2, 0.4, …).
  const whole = !options.fit || xMax >= 2;
  const xCount = whole ? Math.min(Math.max(1, Math.ceil(xMax)), 10) : 4;
  const xTicks = whole ? x.ticks(xCount).filter(Number.isInteger) : x.ticks(xCount);
  const xFormat = x.tickFormat(xCount, '~f');
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    path: finite.length > 1 ? (gen(finite) ?? '') : '',
    dots: options.dots ? finite.map((p) => ({ cx: x(p.x), cy: y(p.y), label: format(p.y) })) : [],
    xTicks: xTicks.map((t) => ({ at: x(t), label: Number.isInteger(t) ? String(t) : xFormat(t) })),
    yTicks: y.ticks(4).map((t) => ({ at: y(t), label: format(t) })),
  };
}

/** Cell colours of a confusion matrix by share of the row (the true class): white at 0, dark blue at 100%. */
export function confusionColors(matrix: readonly (readonly number[])[]): { fill: string; dark: boolean }[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    const scale = scaleSequential(interpolateBlues).domain([0, 1]);
    return row.map((v) => ({ fill: scale(v / total), dark: v / total > 0.5 }));
  });
}
