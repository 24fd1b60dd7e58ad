import { dimsZh, fail, fromZh, noSuchPiece, ok, pieceDim, dims } from '../common.js';
import type { KindAnalysis } from '../spec.js';
import type { Layer } from '../../graph/types.js';

/** PyTorch's pieces: an int cuts pieces of that size (the last may be smaller), a list gives each size. */
export function splitPieces(l: Layer<'Split'>, n: number): number[] {
  const s = l.split_size_or_sections;
  if (typeof s !== 'number') return [...s];
  const pieces: number[] = [];
  for (let at = 0; at < n; at += s) pieces.push(Math.min(s, n - at));
  return pieces.length ? pieces : [0];
}

export const splitStart = (l: Layer<'Split'>, n: number): number => splitPieces(l, n).slice(0, l.index).reduce((a, b) => a + b, 0);

const text = (l: Layer<'Split'>) => (typeof l.split_size_or_sections === 'number' ? `${l.split_size_or_sections}` : `[${l.split_size_or_sections.join(', ')}]`);

export const analysis: KindAnalysis<'Split'> = {
  kind: 'Split',
  outputShape(l, [input]) {
    const at = pieceDim('split', l.dim ?? 0, input);
    if ('fail' in at) return at.fail;
    const n = input.shape[at.d];
    const s = l.split_size_or_sections;
    if (typeof s !== 'number') {
      const sum = s.reduce((a, b) => a + b, 0);
      if (sum !== n) {
        return fail('sections', `split_size_or_sections=${text(l)} adds up to ${sum}, but dimension ${at.d + 1} of ${dims(input.shape)} (from ${input.from}) is ${n}; PyTorch needs the sections to sum to it exactly.`, `Make the sizes add up to ${n}.`, {
          message: `split_size_or_sections=${text(l)} 之和为 ${sum}，但 ${dimsZh(input.shape)}（来自 ${fromZh(input)}）的第 ${at.d + 1} 维是 ${n}；PyTorch 要求各段之和恰好等于它。`,
          fix: `让各段大小之和等于 ${n}。`,
        });
      }
    }
    const pieces = splitPieces(l, n);
    if (l.index >= pieces.length) return noSuchPiece(`split(${text(l)})`, `split(${text(l)}) `, l.index, pieces, input, at.d);
    const out = [...input.shape];
    out[at.d] = pieces[l.index];
    return ok(out);
  },
  weights: () => [],
  buffers: () => [],
  macs: () => 0,
  window: () => 'identity',
  label: (l) => `Split ${text(l)} [${l.index}]${(l.dim ?? 0) === 1 ? '' : ` dim=${l.dim ?? 0}`}`,
  labelZh: (t) => t,
};
