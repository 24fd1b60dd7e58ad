/** StochasticDepth has no ONNX operator of its own (see `none`). */
import type { KindOnnx } from '../onnx-spec.js';

export const onnx: KindOnnx<'StochasticDepth'> = {
  kind: 'StochasticDepth',
  ops: {},
  none: "torchvision's StochasticDepth is the identity in eval mode (nothing is exported) and random-number operators in training mode.",
};
