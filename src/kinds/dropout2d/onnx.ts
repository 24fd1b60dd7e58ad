/** Dropout2d has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'Dropout2d'> = {
  kind: 'Dropout2d',
  ops: {},
  none: "torch exports nn.Dropout2d in training mode as random-number operators and in eval mode as nothing; ONNX's Dropout becomes Dropout.",
};
