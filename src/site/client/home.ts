/**
 * The home page's chart: parameters against MACs on log scales, one linked point per network.
 * The numbers come from the page (`#lineage-data`, written at build time by `analyze()`); this
 * script only draws them. The table under the chart carries the same numbers without it.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLog, scaleOrdinal } from 'd3-scale';
import { select } from 'd3-selection';
import { symbol, symbolCircle, symbolDiamond } from 'd3-shape';
import { fmtCompact } from '../../ui/render/format.js';

interface Point {
  id: string;
  title: string;
  family: string;
  year: number;
  input: string;
  params: number;
  macs: number;
  href: string;
  notes: boolean;
}

interface Labels {
  title: string;
  desc: string;
  x: string;
  y: string;
  notes: string;
  imagenet: string;
}

const FAMILIES = ['LeNet', 'AlexNet', 'VGG', 'NiN', 'GoogLeNet', 'ResNet'];
/** One hue per family, readable on light and dark backgrounds. */
const COLORS = ['#e8590c', '#d6336c', '#7048e8', '#1c7ed6', '#0ca678', '#74b816'];

function draw(fig: HTMLElement, points: Point[], labels: Labels): void {
  const box = fig.querySelector<HTMLElement>('.chart-box');
  if (!box) return;
  box.replaceChildren();
  const width = Math.max(320, Math.min(box.clientWidth || 900, 1100));
  const narrow = width < 640;
  const height = narrow ? 360 : 460;
  const m = { top: 16, right: narrow ? 16 : 40, bottom: 48, left: 64 };
  const ext = (k: 'params' | 'macs') => [Math.min(...points.map((p) => p[k])) / 2.2, Math.max(...points.map((p) => p[k])) * 2.2] as [number, number];
  const x = scaleLog().domain(ext('params')).range([m.left, width - m.right]).nice();
  const y = scaleLog().domain(ext('macs')).range([height - m.bottom, m.top]).nice();
  const color = scaleOrdinal<string, string>().domain(FAMILIES).range(COLORS);

  const svg = select(box)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-labelledby', 'lineage-title lineage-desc')
    .attr('class', 'lineage-svg');
  svg.append('title').attr('id', 'lineage-title').text(labels.title);
  svg.append('desc').attr('id', 'lineage-desc').text(labels.desc);

  const ticks = (d: unknown): string => {
    const v = Number(d);
    return Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? fmtCompact(v) : '';
  };
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(axisBottom(x).ticks(narrow ? 4 : 8).tickFormat(ticks));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${m.left},0)`)
    .call(axisLeft(y).ticks(narrow ? 4 : 8).tickFormat(ticks));
  svg.append('text').attr('class', 'axis-title').attr('x', width - m.right).attr('y', height - 10).attr('text-anchor', 'end').text(`${labels.x} →`);
  svg.append('text').attr('class', 'axis-title').attr('transform', `translate(14,${m.top}) rotate(-90)`).attr('text-anchor', 'end').text(`${labels.y} →`);

  // Labels: to the right of the point, nudged down until they stop overlapping an earlier one.
  const placed: Array<{ x: number; y: number; w: number }> = [];
  const order = [...points].sort((a, b) => y(a.macs) - y(b.macs));
  const labelY = new Map<string, { x: number; y: number; anchor: string }>();
  for (const p of order) {
    const px = x(p.params);
    const w = p.title.length * 6.3;
    const right = px + 9 + w < width - 4;
    const lx = right ? px + 9 : px - 9;
    let ly = y(p.macs) + 4;
    const left = right ? lx : lx - w;
    for (let i = 0; i < 12; i++) {
      const clash = placed.some((q) => Math.abs(q.y - ly) < 13 && left < q.x + q.w && left + w > q.x);
      if (!clash) break;
      ly += 13;
    }
    placed.push({ x: left, y: ly, w });
    labelY.set(p.id, { x: lx, y: ly, anchor: right ? 'start' : 'end' });
  }

  const a = svg
    .append('g')
    .attr('class', 'points')
    .selectAll('a')
    .data(points)
    .join('a')
    .attr('href', (p) => p.href)
    .attr('class', 'point')
    .attr('data-id', (p) => p.id)
    .attr('aria-label', (p) => `${p.title}: ${fmtCompact(p.params)} ${labels.x}, ${fmtCompact(p.macs)} MACs, ${p.input}`);
  a.append('title').text((p) => `${p.title} (${p.input})\n${p.params.toLocaleString('en-US')} ${labels.x}\n${p.macs.toLocaleString('en-US')} MACs`);
  a.append('path')
    .attr('d', (p) => symbol(p.notes ? symbolCircle : symbolDiamond, p.notes ? 80 : 110)() ?? '')
    .attr('transform', (p) => `translate(${x(p.params)},${y(p.macs)})`)
    .attr('fill', (p) => color(p.family))
    .attr('stroke', 'var(--bg, #fff)')
    .attr('stroke-width', 1.5);
  a.append('text')
    .attr('x', (p) => (labelY.get(p.id) as { x: number }).x)
    .attr('y', (p) => (labelY.get(p.id) as { y: number }).y)
    .attr('text-anchor', (p) => (labelY.get(p.id) as { anchor: string }).anchor)
    .attr('class', 'point-label')
    .text((p) => p.title);

  const legend = select(box).append('ul').attr('class', 'legend');
  const items = legend
    .selectAll('li')
    .data(FAMILIES.filter((f) => points.some((p) => p.family === f)))
    .join('li');
  items.append('span').attr('class', 'swatch').style('background', (f) => color(f));
  items.append('span').text((f) => f);
}

function main(): void {
  const fig = document.getElementById('lineage-chart');
  const data = document.getElementById('lineage-data');
  if (!fig || !data) return;
  const points = JSON.parse(data.textContent ?? '[]') as Point[];
  const labels = JSON.parse(fig.dataset.labels ?? '{}') as Labels;
  draw(fig, points, labels);
  let last = fig.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(fig.clientWidth - last) < 24) return;
    last = fig.clientWidth;
    draw(fig, points, labels);
  }).observe(fig);
}

main();
