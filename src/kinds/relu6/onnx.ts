/** ReLU6 from ONNX's Clip between 0 and 6 (bounds as inputs from opset 11, as attributes before). */
import { refuse, type KindOnnx, type OnnxNode } from '../onnx-spec.js';

/** A Clip's bounds: [min, max], undefined where absent (no bound); null where not a constant. */
export function clipBounds(node: OnnxNode): [number | undefined, number | undefined] | null {
  const bound = (i: number, attr: string): number | undefined | null => {
    if (node.inputs[i]) {
      const v = node.constant(i);
      return v && v.length === 1 && typeof v[0] === 'number' ? v[0] : null;
    }
    return node.float(attr);
  };
  const lo = bound(1, 'min');
  const hi = bound(2, 'max');
  return lo === null || hi === null ? null : [lo, hi];
}

export const onnx: KindOnnx<'ReLU6'> = {
  kind: 'ReLU6',
  ops: {
    Clip(node) {
      const b = clipBounds(node);
      if (b && b[0] === 0 && b[1] === 6) return { config: { kind: 'ReLU6' }, data: [0] };
      if (b && b[0] === 0 && (b[1] === undefined || b[1] === Infinity)) return undefined; // a ReLU
      const shown = b ? `[${b[0] ?? '-inf'}, ${b[1] ?? 'inf'}]` : 'bounds that are not constants';
      return refuse(`it clips to ${shown}; cnn-graph reads a Clip to [0, 6] as ReLU6 and to [0, inf) as ReLU, and knows no other.`, 'Use nn.ReLU6 or nn.ReLU.', {
        message: `它把数值截断到 ${shown}；cnn-graph 只把 [0, 6] 的 Clip 读作 ReLU6、[0, inf) 的读作 ReLU。`,
        fix: '请使用 nn.ReLU6 或 nn.ReLU。',
      });
    },
  },
};
