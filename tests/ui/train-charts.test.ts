/**
 * The train panel's loss chart: with `fit` the x axis ends at the last batch
 * so far (the first batches of a five-epoch run fill the width instead of
 * a sliver at the left), with fractional-epoch ticks below one epoch; without
 * it the axis is the whole run.
 */
import { describe, expect, it } from 'vitest';
import { lineChart, type Point } from '../../src/ui/cnn-train/charts.js';

/** The x coordinates of a path `d` made of M/L commands. */
const xs = (d: string) => d.split(/[ML]/).filter(Boolean).map((p) => Number(p.split(',')[0]));

// Six batches of the 235 in an epoch of LeNet-5 at batch 256, five epochs planned.
const points: Point[] = Array.from({ length: 6 }, (_, i) => ({ x: (i + 1) / 235, y: 2.3 - 0.05 * i }));

describe('lineChart', () => {
  it('fit: the points so far span the plot from 1/n of the width to its right edge', () => {
    const c = lineChart(points, 5, { width: 360, height: 150, fit: true });
    const x = xs(c.path);
    expect(x).toHaveLength(6);
    expect(x[5]).toBeCloseTo(c.right, 6);
    expect(x[0]).toBeCloseTo(c.left + (c.right - c.left) / 6, 6);
    // Ticks in fractions of an epoch (trailing zeros trimmed), inside the plot.
    expect(c.xTicks.map((t) => t.label)).toEqual(['0', '0.005', '0.01', '0.015', '0.02', '0.025']);
    expect(c.xTicks[0].at).toBe(c.left);
    expect(c.xTicks.every((t) => t.at >= c.left && t.at <= c.right)).toBe(true);
  });

  it('fit: past two epochs the ticks are whole epochs', () => {
    const long = [...points, { x: 2.5, y: 0.3 }];
    const c = lineChart(long, 5, { fit: true });
    expect(c.xTicks.map((t) => t.label)).toEqual(['0', '1', '2']);
    expect(xs(c.path).at(-1)).toBeCloseTo(c.right, 6);
  });

  it('without fit the axis is the whole run: six batches of five epochs stay at the left edge', () => {
    const c = lineChart(points, 5, { width: 360, height: 150 });
    const x = xs(c.path);
    expect(x[5] - c.left).toBeLessThan((c.right - c.left) / 100);
    expect(c.xTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5']);
  });
});
