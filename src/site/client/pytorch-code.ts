/**
 * The PyTorch file of a network, for the site's "Copy as PyTorch" buttons: `pytorchCode(graph)`
 * (src/export/pytorch.ts, the CLI's `export --format pytorch`), or the reason it is not written,
 * in the page's language. Loaded with `import()` when a button is first pressed, so the pages
 * that offer it do not carry the export code (nor, on a model page, the zoo) until then.
 */
import { analyze } from '../../analysis/analyze.js';
import { pytorchCode, PytorchExportError } from '../../export/pytorch.js';
import type { Graph } from '../../graph/types.js';
import { zooGraph } from '../../zoo/index.js';

export type PytorchResult = { code: string } | { refused: string };

/** The network as a PyTorch file, or why not: its analysis has errors (PyTorch would fail there too), or PyTorch's modules cannot hold its paths. */
export function codeFor(graph: Graph, source: string, zh: boolean): PytorchResult {
  const a = analyze(graph);
  if (!a.ok) {
    const first = a.diagnostics.find((d) => d.severity === 'error');
    const why = first ? (zh && first.zh ? first.zh.message : first.message) : '';
    return {
      refused: zh ? `没有导出：网络有错误，PyTorch 也会在同一处失败。请先改正：${why}` : `Not exported: the network has errors, and PyTorch would fail where they are. Fix them first: ${why}`,
    };
  }
  try {
    return { code: pytorchCode(graph, { source }) };
  } catch (e) {
    if (!(e instanceof PytorchExportError)) throw e;
    return { refused: zh ? `无法写成 PyTorch 代码：${e.zh}` : `Cannot be written as PyTorch: ${e.message}` };
  }
}

/** A zoo network's PyTorch file (a model page's button). */
export function zooCode(id: string, zh: boolean): PytorchResult {
  const g = zooGraph(id);
  if (!g) return { refused: zh ? `没有名为 "${id}" 的网络。` : `There is no network "${id}".` };
  return codeFor(g, id, zh);
}
