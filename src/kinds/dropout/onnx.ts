/** Dropout from ONNX's Dropout: ratio an input from opset 12 (torch writes a constant), an attribute before. */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Dropout'> = {
  kind: 'Dropout',
  ops: {
    Dropout(node) {
      const given = node.inputs[1] ? node.constant(1) : undefined;
      const ratio = given && given.length === 1 && typeof given[0] === 'number' ? given[0] : node.float('ratio');
      // The file stores the ratio as float32: 0.2 reads 0.20000000298…; PyTorch's p was a double.
      const p = ratio === undefined ? 0.5 : Number(ratio.toPrecision(7));
      return { config: { kind: 'Dropout', ...(p !== 0.5 ? { p } : {}) }, data: [0] };
    },
  },
};
