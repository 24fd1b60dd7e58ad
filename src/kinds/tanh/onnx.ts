/** Tanh from ONNX's Tanh. */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Tanh'> = {
  kind: 'Tanh',
  ops: { Tanh: () => ({ config: { kind: 'Tanh' }, data: [0] }) },
};
