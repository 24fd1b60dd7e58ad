/** Sigmoid from ONNX's Sigmoid. */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Sigmoid'> = {
  kind: 'Sigmoid',
  ops: { Sigmoid: () => ({ config: { kind: 'Sigmoid' }, data: [0] }) },
};
