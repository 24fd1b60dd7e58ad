/**
 * The home page's chart: parameters against MACs on log scales, one linked point per network.
 * The numbers come from the page (`#lineage-data`, written at build time by `analyze()`); this
 * script only draws them. The table under the chart carries the same numbers without it.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLog, scaleOrdinal } from 'd3-scale';
import { select } from 'd3-selection';
import { symbol, symbolCircle, symbolDiamond } from 'd3-shape';
import { fmtCompact } from '../../render/format.js';
import type { LineagePoint } from '../pages/home.js';

/** The data the build embeds: one point per zoo network, totals from the analysis. */
type Point = LineagePoint;

interface Labels {
  title: string;
  desc: string;
  x: string;
  y: string;
  notes: string;
  imagenet: string;
}

const FAMILIES = ['LeNet', 'AlexNet', 'VGG', 'NiN', 'GoogLeNet', 'ResNet', 'Inception', 'SqueezeNet', 'WideResNet', 'DenseNet', 'ResNeXt', 'MobileNet', 'ShuffleNet', 'MnasNet', 'EfficientNet', 'RegNet', 'ConvNeXt'];
/** The family hues live in site.css (`--family-<name>`), shared with the thumbnails. */
const familyColors = (): string[] => {
  const css = getComputedStyle(document.documentElement);
  return FAMILIES.map((f) => css.getPropertyValue(`--family-${f.toLowerCase()}`).trim() || '#888');
};

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
  const color = scaleOrdinal<string, string>().domain(FAMILIES).range(familyColors());

  const svg = select(box)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    // A group, not an img: its points are links, and an image's children are not reachable.
    .attr('role', 'group')
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

  // The tooltip's <title> sits on a group around the link, not in it: inside, its words would count
  // as the link's visible text, which the spoken name must then hold (axe-core's label-content-name-mismatch).
  const wrap = svg.append('g').attr('class', 'points').selectAll('g').data(points).join('g');
  wrap.append('title').text((p) => `${p.title} (${p.input})\n${p.params.toLocaleString('en-US')} ${labels.x}\n${p.macs.toLocaleString('en-US')} MACs`);
  const a = wrap
    .append('a')
    .attr('href', (p) => p.href)
    .attr('class', 'point')
    .attr('data-id', (p) => p.id)
    .attr('aria-label', (p) => `${p.title}: ${fmtCompact(p.params)} ${labels.x}, ${fmtCompact(p.macs)} MACs, ${p.input}`);
  const at = spread(points.map((p) => [x(p.params), y(p.macs)]));
  a.append('path')
    .attr('d', (p) => symbol(p.notes ? symbolCircle : symbolDiamond, p.notes ? 80 : 110)() ?? '')
    .attr('transform', (_, i) => `translate(${at[i]![0]},${at[i]![1]})`)
    .attr('fill', (p) => color(p.family))
    .attr('stroke', 'var(--bg, #fff)')
    .attr('stroke-width', 1.5);
  const text = a.append('text').attr('class', 'point-label').text((p) => p.title);
  placeLabels(text.nodes(), at, [m.left, m.top, width - m.right, height - m.bottom], width);

  const legend = select(box).append('ul').attr('class', 'legend');
  const items = legend
    .selectAll('li')
    .data(FAMILIES.filter((f) => points.some((p) => p.family === f)))
    .join('li');
  items.append('span').attr('class', 'swatch').style('background', (f) => color(f));
  items.append('span').text((f) => f);
}

/**
 * Points closer than a click target apart (VGG-11 of the notes and torchvision's have the same
 * counts) move to the first free place on rings around where they belong, so each can be clicked;
 * the table under the chart keeps the exact numbers.
 */
export function spread(at: Array<[number, number]>, gap = 12): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [px, py] of at) {
    let best: [number, number] = [px, py];
    search: for (let ring = 0; ring <= 4; ring++) {
      const steps = ring ? 8 * ring : 1;
      for (let k = 0; k < steps; k++) {
        const a = (2 * Math.PI * k) / steps - Math.PI / 2;
        const c: [number, number] = [px + ring * gap * Math.cos(a), py + ring * gap * Math.sin(a)];
        if (out.every(([qx, qy]) => Math.hypot(qx - c[0], qy - c[1]) >= gap)) {
          best = c;
          break search;
        }
      }
    }
    out.push(best);
  }
  return out;
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/**
 * Put each label next to its point where it covers no other label and no point: try right, left,
 * above, below, then further out in steps; dense clusters (the ImageNet-scale networks) get the
 * outer slots. Greedy, from the most crowded point first.
 */
function placeLabels(texts: SVGTextElement[], at: Array<[number, number]>, frame: Box, width: number): void {
  const r = 7;
  const pointBoxes: Box[] = at.map(([px, py]) => [px - r, py - r, px + r, py + r]);
  const crowd = at.map(([px, py]) => at.filter(([qx, qy]) => Math.hypot(qx - px, qy - py) < 90).length);
  const order = at.map((_, i) => i).sort((i, j) => (crowd[j] as number) - (crowd[i] as number));
  const placed: Box[] = [];
  for (const i of order) {
    const t = texts[i] as SVGTextElement;
    const [px, py] = at[i] as [number, number];
    // The drawn box of an 11 px label (ascent, descent) with a pixel to spare on each side.
    const w = t.getComputedTextLength() + 4;
    const h = 16;
    const candidates: Array<[number, number, 'start' | 'end' | 'middle']> = [];
    for (const d of [0, 1, 2, 3, 4, 5]) {
      const dy = d * 14;
      candidates.push([px + r + 2, py + 4 + dy, 'start'], [px - r - 2, py + 4 + dy, 'end'], [px, py - r - 3 - dy, 'middle'], [px, py + r + 11 + dy, 'middle']);
      if (d) candidates.push([px + r + 2, py + 4 - dy, 'start'], [px - r - 2, py + 4 - dy, 'end']);
    }
    const boxOf = ([lx, ly, anchor]: [number, number, string]): Box => {
      const x0 = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
      return [x0 - 2, ly - 12, x0 + w - 2, ly - 12 + h];
    };
    // Inside the picture (a phone's narrow chart cut labels off at its edges), clear of the axes' numbers.
    // A wide chart's names may overhang the vertical axis where its numbers leave room; a phone's may not (they would cover 1M, 100M…).
    const fits = (b: Box) => b[0] >= (width < 640 ? frame[0] + 2 : Math.max(2, frame[0] - 60)) && b[2] <= width - 2 && b[1] >= 0 && b[3] <= frame[3] + 4;
    const best = candidates.find((c) => {
      const b = boxOf(c);
      return fits(b) && !placed.some((q) => overlaps(q, b)) && !pointBoxes.some((q, j) => j !== i && overlaps(q, b));
    });
    // No free place: no label rather than one over another; the point keeps its tooltip and spoken name, the table its row.
    if (!best) {
      t.setAttribute('display', 'none');
      continue;
    }
    const box = boxOf(best);
    placed.push(box);
    // A name moved away from its point gets a leader line to it, so it cannot be read as a neighbour's.
    const nx = Math.min(Math.max(px, box[0]), box[2]);
    const ny = Math.min(Math.max(py, box[1] + 3), box[3] - 3);
    const far = Math.hypot(nx - px, ny - py);
    if (far > r + 8) {
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      const k = r / far;
      line.setAttribute('class', 'leader');
      line.setAttribute('x1', String(px + (nx - px) * k));
      line.setAttribute('y1', String(py + (ny - py) * k));
      line.setAttribute('x2', String(nx));
      line.setAttribute('y2', String(ny));
      t.before(line);
    }
    t.setAttribute('x', String(best[0]));
    t.setAttribute('y', String(best[1]));
    t.setAttribute('text-anchor', best[2]);
  }
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

/** Thumbnails show the whole network: fit each one once it has drawn (the element's first view fits the width only). */
function fitThumbnails(): void {
  for (const g of document.querySelectorAll<HTMLElement & { fit?: () => void; scene?: unknown }>('.thumb cnn-graph')) {
    g.addEventListener('cnn-layout', () => requestAnimationFrame(() => g.fit?.()));
    // Drawn before this script ran (module scripts run one after another): fit now.
    if (g.scene) requestAnimationFrame(() => g.fit?.());
  }
}

fitThumbnails();
main();
