/**
 * The embed page's live example: log the events `<cnn-graph id="themed">` fires, as a reader's
 * own listener would see them. Only DOM: the element comes from cnn-graph.js.
 */
const graph = document.getElementById('themed');
const log = document.getElementById('embed-log');

const MAX_LINES = 40;
let lines: string[] = [];

function write(line: string): void {
  if (!log) return;
  lines = [...lines, line].slice(-MAX_LINES);
  log.textContent = lines.join('\n');
  log.scrollTop = log.scrollHeight;
}

interface Detail {
  path?: string | null;
  type?: string;
  expanded?: boolean;
  direction?: string;
  record?: { kind?: string; outputShape?: number[] | null; params?: number; macs?: number } | null;
  ms?: number;
  source?: string;
  nodes?: number;
  message?: string;
}

const fmt = (n: number | undefined): string => (typeof n === 'number' ? n.toLocaleString('en') : '—');

function describe(type: string, d: Detail): string {
  switch (type) {
    case 'cnn-select': {
      if (!d.path) return 'cnn-select  { path: null }';
      const r = d.record;
      const shape = r?.outputShape ? r.outputShape.join('×') : '—';
      return `cnn-select  { path: "${d.path}", type: "${d.type}", record: { kind: ${r?.kind ?? '—'}, outputShape: ${shape}, params: ${fmt(r?.params)}, macs: ${fmt(r?.macs)} } }`;
    }
    case 'cnn-toggle':
      return `cnn-toggle  { path: "${d.path}", expanded: ${d.expanded} }`;
    case 'cnn-direction':
      return `cnn-direction  { direction: "${d.direction}" }`;
    case 'cnn-layout':
      return `cnn-layout  { ms: ${d.ms?.toFixed(1)}, source: "${d.source}", nodes: ${d.nodes} }`;
    default:
      return `${type}  { message: ${JSON.stringify(d.message)} }`;
  }
}

if (graph) {
  let first = true;
  for (const type of ['cnn-select', 'cnn-toggle', 'cnn-direction', 'cnn-layout', 'cnn-error']) {
    graph.addEventListener(type, (e) => {
      if (first && log) {
        first = false;
        lines = [];
      }
      write(describe(type, ((e as CustomEvent<Detail>).detail ?? {}) as Detail));
    });
  }
}
